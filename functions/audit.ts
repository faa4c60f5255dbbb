/** The audit log: listing and chain verification (admin only), as far as the caller's clearance goes. */
import { apiHandler } from '../shared/platform/http/api-handler';
import { services } from '../shared/composition';
import { eventSecrecy, eventVisibleTo } from '../shared/audit/domain/audit-secrecy';
import { visibleEvents } from '../shared/audit/app/visible-events';

export const handler = apiHandler('audit', {
  listAudit: async (req) => {
    const page = await services().audit.list(req.query);
    const reader = { clearance: req.caller.clearance, entityHistory: !!req.query.entityId };
    const items = await visibleEvents(page.items, reader, async (id) => (await services().drafts.get(id))?.secrecy ?? null);
    return { items, nextCursor: page.nextCursor };
  },
  verifyAudit: async (req) => services().audit.verify({ hidden: (e) => !eventVisibleTo(req.caller.clearance, eventSecrecy(e)) }),
});
