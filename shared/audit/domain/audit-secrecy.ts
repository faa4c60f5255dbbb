/**
 * Secrecy in the audit log: an event about something above the reader's clearance does not
 * show what it was about. The event's level is the highest secrecy its before/after name (an
 * entry's or draft's `secrecy`, a scan's, a repeat's `duplicateOfSecrecy`…). A reader below it
 * gets a stub in the office-wide list — the event's id, time and chain fields (sequence, hashes),
 * so the chain's continuity stays checkable — with no actor, action, entity or content; and
 * nothing at all when they ask for that entity's history, as for an entity that does not exist.
 */
import { canSee, type Clearance, type Secrecy } from '../../platform/security';

const LEVELS: readonly string[] = ['mat', 'toi-mat', 'tuyet-mat'];
const rank = (s: Secrecy | null) => (s ? LEVELS.indexOf(s) + 1 : 0);

/** The highest secrecy level named in a value: any `secrecy` or `…Secrecy` field, at any depth (to 5). */
export function secrecyNamedIn(value: unknown, depth = 0): Secrecy | null {
  if (!value || typeof value !== 'object' || depth > 5) return null;
  let top: Secrecy | null = null;
  const consider = (s: Secrecy | null) => {
    if (rank(s) > rank(top)) top = s;
  };
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if ((k === 'secrecy' || k.endsWith('Secrecy')) && typeof v === 'string' && LEVELS.includes(v)) consider(v as Secrecy);
    else if (v && typeof v === 'object') consider(secrecyNamedIn(v, depth + 1));
  }
  return top;
}

/** The secrecy level of an event: the highest its before and after name. */
export function eventSecrecy(e: { before: unknown; after: unknown }): Secrecy | null {
  const a = secrecyNamedIn(e.before);
  const b = secrecyNamedIn(e.after);
  return rank(a) >= rank(b) ? a : b;
}

export const REDACTED = 'redacted';

/** What a reader below the event's level sees of it: that an event was chained here, nothing of what it was. */
export interface RedactedEvent {
  eventId: string;
  at: string;
  actor: { sub: string; username: string; roles: string[] };
  action: string;
  entityType: string;
  entityId: string;
  before: null;
  after: null;
  redacted: true;
  seq?: number;
  prevHash?: string;
  hash?: string;
}

export function redactedStub(e: { eventId: string; at: string }): RedactedEvent {
  const chain = e as unknown as { seq?: number; prevHash?: string; hash?: string };
  return {
    eventId: e.eventId,
    at: e.at,
    actor: { sub: REDACTED, username: REDACTED, roles: [] },
    action: REDACTED,
    entityType: REDACTED,
    entityId: REDACTED,
    before: null,
    after: null,
    redacted: true as const,
    ...(chain.seq !== undefined ? { seq: chain.seq } : {}),
    ...(chain.prevHash !== undefined ? { prevHash: chain.prevHash } : {}),
    ...(chain.hash !== undefined ? { hash: chain.hash } : {}),
  };
}

/** Whether a reader of this clearance may see the event whole. */
export const eventVisibleTo = (clearance: Clearance, level: Secrecy | null): boolean => canSee(clearance, level);
