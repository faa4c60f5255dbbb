/** The audit log: listing and chain verification (admin only), as far as the caller's clearance goes. */
import { apiHandler } from '../shared/http/api-handler';
import { services } from '../shared/composition';
import { eventSecrecy, eventVisibleTo, redactedStub } from '../shared/domain/audit-secrecy';
import type { Secrecy } from '../shared/domain/identity';
import type { AuditEvent } from '../shared/ports/audit-log';

/**
 * The level of each event: what its before/after name; for a draft's events recorded before the
 * draft's secrecy was written into them, the draft's own.
 */
async function levels(events: AuditEvent[]): Promise<Map<string, Secrecy | null>> {
  const out = new Map<string, Secrecy | null>();
  const drafts = new Map<string, Promise<Secrecy | null>>();
  for (const e of events) {
    const named = eventSecrecy(e);
    if (named || e.entityType !== 'draft') {
      out.set(e.eventId, named);
      continue;
    }
    if (!drafts.has(e.entityId)) drafts.set(e.entityId, services().drafts.get(e.entityId).then((d) => d?.secrecy ?? null));
    out.set(e.eventId, await drafts.get(e.entityId)!);
  }
  return out;
}

export const handler = apiHandler('audit', {
  listAudit: async (req) => {
    const page = await services().audit.list(req.query);
    const level = await levels(page.items);
    const items = page.items.flatMap((e) => {
      if (eventVisibleTo(req.caller.clearance, level.get(e.eventId) ?? null)) return [e];
      // One entity's history: an entity above the caller's clearance has none (as if it did not exist).
      return req.query.entityId ? [] : [redactedStub(e)];
    });
    return { items, nextCursor: page.nextCursor };
  },
  verifyAudit: async (req) => services().audit.verify({ hidden: (e) => !eventVisibleTo(req.caller.clearance, eventSecrecy(e)) }),
});
