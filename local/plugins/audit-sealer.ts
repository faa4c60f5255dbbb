/** Embedded stand-ins for the scheduled audit functions: the sealer every few seconds, the verifier hourly. */
import { periodicPlugin } from './periodic';

export const auditSealerPlugin = periodicPlugin('audit sealer', 5000, async () => (await import('../../functions/audit-sealer')).handler);
export const auditVerifierPlugin = periodicPlugin('audit verifier', 3_600_000, async () => (await import('../../functions/audit-verifier')).handler);
