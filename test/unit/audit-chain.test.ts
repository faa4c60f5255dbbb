import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, extendChain, GENESIS_HASH, verifyChain, type ChainableEvent } from '../../shared/audit/domain/audit-chain';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const ev = (i: number): ChainableEvent => ({
  eventId: `E${String(i).padStart(3, '0')}`,
  at: `2026-11-21T0${i}:00:00.000Z`,
  actor: { sub: 'u', username: 'vanthu', roles: ['van-thu'] },
  action: 'create',
  entityType: 'incoming-entry',
  entityId: `id-${i}`,
  before: null,
  after: { arrivalNumber: i, subject: 'Về công tác văn thư' },
});

function chain(n: number) {
  const links = extendChain(sha, { seq: 0, hash: GENESIS_HASH }, Array.from({ length: n }, (_, i) => ev(i + 1)));
  const events = links.map((l) => ({ ...l.event, seq: l.seq, prevHash: l.prevHash, hash: l.hash }));
  return { events, head: { seq: links.at(-1)!.seq, hash: links.at(-1)!.hash } };
}

describe('audit hash chain', () => {
  it('serialises objects canonically whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });
  it('verifies an intact chain', () => {
    const { events, head } = chain(5);
    expect(verifyChain(sha, events, head)).toEqual({ ok: true, events: 5, problems: [] });
  });
  it('detects an edited event', () => {
    const { events, head } = chain(5);
    events[2] = { ...events[2]!, after: { arrivalNumber: 99, subject: 'sửa' } };
    const r = verifyChain(sha, events, head);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'edited' }));
  });
  it('detects a deleted event in the middle and at the end', () => {
    const a = chain(5);
    const r1 = verifyChain(sha, a.events.filter((e) => e.seq !== 3), a.head);
    expect(r1.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['missing', 'broken-link']));
    const r2 = verifyChain(sha, a.events.slice(0, 4), a.head);
    expect(r2.problems.map((p) => p.kind)).toEqual(['head-mismatch']);
  });
  it('detects reordered events, even with their sequence numbers swapped', () => {
    const { events, head } = chain(5);
    const swapped = [...events];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(verifyChain(sha, swapped, head).ok).toBe(false);
    const renumbered = swapped.map((e, i) => ({ ...e, seq: i + 1 }));
    const r = verifyChain(sha, renumbered, head);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.kind)).toContain('edited');
  });
});
