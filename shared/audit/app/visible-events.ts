/**
 * The audit log as far as a reader's clearance goes: each event's level is the highest secrecy its
 * before/after name; a draft's events recorded before the draft's secrecy was written into them
 * take the draft's own (one read per draft, concurrently). An event above the reader's clearance
 * is a chain stub in the office-wide list and absent from one entity's history.
 */
import { eventSecrecy, eventVisibleTo, redactedStub, type RedactedEvent } from '../domain/audit-secrecy';
import type { Clearance, Secrecy } from '../../platform/security';
import type { AuditEvent } from '../ports/audit-log';

export async function visibleEvents(
  events: readonly AuditEvent[],
  reader: { clearance: Clearance; entityHistory: boolean },
  draftSecrecy: (draftId: string) => Promise<Secrecy | null>,
): Promise<(AuditEvent | RedactedEvent)[]> {
  const unnamed = new Set(events.filter((e) => !eventSecrecy(e) && e.entityType === 'draft').map((e) => e.entityId));
  const drafts = new Map(await Promise.all([...unnamed].map(async (id) => [id, await draftSecrecy(id)] as const)));
  return events.flatMap((e) => {
    const level = eventSecrecy(e) ?? (e.entityType === 'draft' ? (drafts.get(e.entityId) ?? null) : null);
    if (eventVisibleTo(reader.clearance, level)) return [e];
    return reader.entityHistory ? [] : [redactedStub(e)];
  });
}
