/**
 * The audit log's hash chain (nhật ký chống sửa): each sealed event carries its sequence number,
 * the hash of the event before it, and its own hash over a canonical serialisation. Editing,
 * deleting or reordering any sealed event breaks the chain. Pure: the hash function is passed in.
 */

export type HashFn = (text: string) => string;

/** The fields of an event that the chain protects (everything but the chain fields themselves). */
export interface ChainableEvent {
  eventId: string;
  at: string;
  actor: unknown;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId?: string;
}

export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so equal content always serialises the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function protectedFields(e: ChainableEvent): ChainableEvent {
  const { eventId, at, actor, action, entityType, entityId, before, after, requestId } = e;
  return { eventId, at, actor, action, entityType, entityId, before, after, ...(requestId ? { requestId } : {}) };
}

/** The hash of an event at a position of the chain. */
export function linkHash(hash: HashFn, seq: number, prevHash: string, event: ChainableEvent): string {
  return hash(`${seq}\n${prevHash}\n${canonicalJson(protectedFields(event))}`);
}

/** Computes the links for events appended after the chain head. */
export function extendChain(hash: HashFn, head: { seq: number; hash: string }, events: ChainableEvent[]): (ChainLink & { event: ChainableEvent })[] {
  let { seq, hash: prev } = head;
  return events.map((event) => {
    seq += 1;
    const h = linkHash(hash, seq, prev, event);
    const link = { seq, prevHash: prev, hash: h, event };
    prev = h;
    return link;
  });
}

export interface ChainProblem {
  seq: number;
  kind: 'edited' | 'missing' | 'reordered' | 'broken-link' | 'head-mismatch';
  message: string;
}

/** A problem told by position only, for a reader who may not know the event (no id, no content). */
export function problemMessage(kind: ChainProblem['kind'], seq: number): string {
  switch (kind) {
    case 'edited':
      return `event ${seq} was changed after it was sealed`;
    case 'broken-link':
      return `event ${seq} does not follow the event before it`;
    case 'reordered':
      return `event ${seq} is out of order`;
    case 'missing':
      return `events are missing before event ${seq}`;
    case 'head-mismatch':
      return `the chain head does not match the log's last event`;
  }
}

/**
 * Walks sealed events in sequence order and reports every place the chain does not hold.
 * `head` is the stored chain head (last seq and hash): it catches a deleted last event.
 */
export function verifyChain(
  hash: HashFn,
  events: (ChainableEvent & ChainLink)[],
  head: { seq: number; hash: string },
): { ok: boolean; events: number; problems: ChainProblem[] } {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  for (const e of events) {
    if (e.seq > expectedSeq) {
      problems.push({ seq: expectedSeq, kind: 'missing', message: `events ${expectedSeq}…${e.seq - 1} are missing` });
    } else if (e.seq < expectedSeq) {
      problems.push({ seq: e.seq, kind: 'reordered', message: `event ${e.seq} appears after event ${expectedSeq - 1}` });
    }
    if (e.prevHash !== prev) {
      problems.push({ seq: e.seq, kind: 'broken-link', message: `event ${e.seq} does not follow the event before it` });
    }
    if (linkHash(hash, e.seq, e.prevHash, e) !== e.hash) {
      problems.push({ seq: e.seq, kind: 'edited', message: `event ${e.seq} (${e.eventId}) was changed after it was sealed` });
    }
    prev = e.hash;
    expectedSeq = Math.max(expectedSeq, e.seq) + 1;
  }
  const last = events.at(-1);
  if ((last?.seq ?? 0) !== head.seq || (last?.hash ?? GENESIS_HASH) !== head.hash) {
    problems.push({ seq: head.seq, kind: 'head-mismatch', message: `the chain head says ${head.seq} events; the log ends at ${last?.seq ?? 0}` });
  }
  return { ok: problems.length === 0, events: events.length, problems };
}
