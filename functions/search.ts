/** Search over the registers: the caller's clearance bounds what is read. */
import { apiHandler } from '../shared/platform/http/api-handler';
import { services } from '../shared/composition';

export const handler = apiHandler('search', {
  search: async (req) => services().search.search({ ...req.query, clearance: req.caller.clearance }),
});
