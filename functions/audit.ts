/** The audit log: listing and chain verification (admin only). */
import { apiHandler } from '../shared/http/api-handler';
import { services } from '../shared/composition';

export const handler = apiHandler('audit', {
  listAudit: async (req) => services().audit.list(req.query),
  verifyAudit: async () => services().audit.verify(),
});
