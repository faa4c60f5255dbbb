/** Embedded stand-in for the scheduled audit sealer: seals every few seconds. */
import { periodicPlugin } from './periodic';

export const auditSealerPlugin = periodicPlugin('audit sealer', 5000, async () => (await import('../../functions/audit-sealer')).handler);
