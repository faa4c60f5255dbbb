/** Embedded stand-ins for the scheduled audit functions: the sealer every few seconds, the verifier hourly. */
import { periodicPlugin } from './periodic';

export const auditSealerPlugin = periodicPlugin('audit sealer', 5000, async (edge) => (await import('../../functions/audit-sealer')).compose(edge));
export const auditVerifierPlugin = periodicPlugin('audit verifier', 3_600_000, async (edge) => (await import('../../functions/audit-verifier')).compose(edge));
