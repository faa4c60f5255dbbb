/**
 * The life of entries: assignment and status with optimistic versions, due dates and overdue,
 * duplicates and `force`, idempotent registration from a scan and idempotent issuance from a
 * draft, voiding, and the audit event written with every change in the same transaction.
 * Years used by this file: 2032 (and 2042 for a fresh outgoing term).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { officeParts } from '../support/parts';
import type { IncomingEntry, OutgoingEntry } from '../../shared/registers/domain/model';
import { callerWith, counterValue, incomingBody, otherContainer, outgoingBody, testConfig, useServices, vnClock } from './registers-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const handler = await composed('registers');

const IN = '/v1/registers/incoming/entries';
const OUT = '/v1/registers/outgoing/entries';
const DAY = '2032-03-02';
const tokens: Record<string, string> = {};
const clerk = callerWith('vanthu', ['van-thu'], 'mat');
// Tuesday 2032-03-02, 09:00 in Hà Nội.
const clock = vnClock('2032-03-02T09:00:00');

beforeAll(async () => {
  for (const u of ['vanthu', 'chuyenvien', 'chuyenvien2', 'chanhvp', 'bithu']) tokens[u] = await tokenFor(u);
});
afterEach(() => {
  clock.set('2032-03-02T09:00:00');
  useServices();
});

const register = async (over: Record<string, unknown> = {}) => {
  useServices({ clock });
  const r = await invoke(handler, { method: 'POST', path: IN, token: tokens.vanthu, body: incomingBody(DAY, over) });
  expect(r.status).toBe(201);
  return r.body as IncomingEntry;
};
const patch = (id: string, token: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  invoke(handler, { method: 'PATCH', path: `${IN}/${id}`, token: tokens[token], body, ...(headers ? { headers } : {}) });
const auditOf = async (id: string) => (await officeParts().audit.list({ entityId: id })).items;

describe('handling an incoming document', () => {
  it('registered → assigned → in progress → done, each step versioned and audited with before/after', async () => {
    const e = await register();
    expect(e).toMatchObject({ status: 'registered', version: 1, handler: null, overdue: false });

    const assigned = await patch(e.id, 'chanhvp', { version: 1, handler: 'chuyenvien', dueDate: '2032-03-20' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', handler: 'chuyenvien', version: 2, dueDate: '2032-03-20', dueSource: 'manual' });
    expect(assigned.headers.etag).toBe('"2"');

    const started = await patch(e.id, 'chuyenvien', { status: 'in-progress' }, { 'if-match': '"2"' });
    expect(started.body).toMatchObject({ status: 'in-progress', version: 3 });

    const notMine = await patch(e.id, 'chuyenvien2', { version: 3, status: 'done' });
    expect(notMine.status).toBe(403);
    const reassignByHandler = await patch(e.id, 'chuyenvien', { version: 3, handler: 'chuyenvien2' });
    expect(reassignByHandler.status).toBe(403);

    const done = await patch(e.id, 'chuyenvien', { version: 3, status: 'done', note: 'Đã trả lời bằng 15-CV/VPTU' });
    expect(done.body).toMatchObject({ status: 'done', version: 4, note: 'Đã trả lời bằng 15-CV/VPTU' });
    expect(done.body.doneAt).toBe(clock.now().toISOString());

    const reopened = await patch(e.id, 'vanthu', { version: 4, status: 'in-progress' });
    expect(reopened.status).toBe(409);
    expect(reopened.body.error.code).toBe('INVALID_TRANSITION');

    const events = await auditOf(e.id);
    expect(events.map((x) => [x.action, (x.before as IncomingEntry | null)?.version ?? null, (x.after as IncomingEntry).version])).toEqual([
      ['register.register', null, 1],
      ['register.update', 1, 2],
      ['register.update', 2, 3],
      ['register.update', 3, 4],
    ]);
    expect(events[1]!.actor).toMatchObject({ username: 'chanhvp' });
    expect((events[3]!.before as IncomingEntry).status).toBe('in-progress');
    expect((events[3]!.after as IncomingEntry).status).toBe('done');
  });

  it('two updates from the same version: one wins, the other gets 409, and only the winner is audited', async () => {
    const e = await register();
    const [a, b] = await Promise.all([patch(e.id, 'vanthu', { version: 1, note: 'A' }), patch(e.id, 'chanhvp', { version: 1, note: 'B' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('STALE_VERSION');
    const events = await auditOf(e.id);
    expect(events).toHaveLength(2);
    const winner = a.status === 200 ? a : b;
    expect((events[1]!.after as IncomingEntry).note).toBe(winner.body.note);
    const now = await invoke(handler, { method: 'GET', path: `${IN}/${e.id}`, token: tokens.vanthu });
    expect(now.body).toMatchObject({ version: 2, note: winner.body.note });
  });

  it('due dates follow urgency from the configuration, and an entry past due shows overdue until done', async () => {
    const normal = await register();
    // 10 working days after Tuesday 02/03/2032, at close of business.
    expect(normal).toMatchObject({ dueDate: '2032-03-16', dueSource: 'urgency' });
    const fire = await register({ urgency: 'hoa-toc' });
    // Two office hours after 09:00.
    expect(fire.dueAt).toBe(new Date('2032-03-02T11:00:00+07:00').toISOString());

    clock.set('2032-03-02T14:00:00');
    const now = await invoke(handler, { method: 'GET', path: `${IN}/${fire.id}`, token: tokens.vanthu });
    expect(now.body.overdue).toBe(true);
    const overdue = await invoke(handler, { method: 'GET', path: IN, token: tokens.vanthu, query: { year: '2032', overdue: 'true', limit: '200' } });
    expect(overdue.body.items.map((x: IncomingEntry) => x.id)).toContain(fire.id);
    expect(overdue.body.items.map((x: IncomingEntry) => x.id)).not.toContain(normal.id);
    const counts = await invoke(handler, { method: 'GET', path: '/v1/registers/incoming/counts', token: tokens.vanthu, query: { year: '2032' } });
    expect(counts.body.overdue).toBeGreaterThanOrEqual(1);

    await patch(fire.id, 'vanthu', { version: 1, handler: 'chuyenvien' });
    const done = await patch(fire.id, 'chuyenvien', { version: 2, status: 'done' });
    expect(done.body.overdue).toBe(false);
  });
});

describe('the same letter twice', () => {
  it('409 points at the first entry; force registers it again, marked as a repeat', async () => {
    const first = await register({ numberSymbol: 'Số: 45/2032/NĐ-CP', typeCode: 'CV', issuer: 'Chính phủ' });
    const again = await invoke(handler, { method: 'POST', path: IN, token: tokens.vanthu, body: incomingBody(DAY, { numberSymbol: '45/2032/NĐ-CP', typeCode: 'CV', issuer: 'Chính phủ' }) });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'DUPLICATE', details: [expect.objectContaining({ existingId: first.id, arrivalNumber: first.arrivalNumber })] });
    const forced = await invoke(handler, { method: 'POST', path: IN, token: tokens.vanthu, body: incomingBody(DAY, { numberSymbol: '45/2032/NĐ-CP', typeCode: 'CV', issuer: 'Chính phủ', force: true }) });
    expect(forced.status).toBe(201);
    expect(forced.body.duplicateOf).toBe(first.id);
    expect(forced.body.arrivalNumber).toBeGreaterThan(first.arrivalNumber);
    const third = await invoke(handler, { method: 'POST', path: IN, token: tokens.vanthu, body: incomingBody(DAY, { numberSymbol: '45/2032/NĐ-CP', typeCode: 'CV', issuer: 'Chính phủ' }) });
    expect(third.body.error.details[0].existingId).toBe(first.id);
  });

  it('concurrent registrations of one letter: exactly one gets a number, the others 409', async () => {
    useServices({ clock });
    const before = await counterValue('incoming/2032');
    const body = incomingBody(DAY, { numberSymbol: '88-KL/TU', typeCode: 'KL' });
    const rs = await Promise.all(Array.from({ length: 6 }, () => invoke(handler, { method: 'POST', path: IN, token: tokens.vanthu, body })));
    expect(rs.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await counterValue('incoming/2032')).toBe(before + 1);
  });

  it('registering one scan twice (e.g. a retried request) returns the same entry', async () => {
    const store = officeParts().registers;
    useServices({ clock });
    const body = incomingBody(DAY, { scanId: 'scan-lifecycle-1' }) as never;
    const before = await counterValue('incoming/2032');
    const [a, b] = await Promise.all([store.registerIncoming(body, { actor: clerk }), store.registerIncoming(body, { actor: clerk })]);
    expect(a.entry.id).toBe(b.entry.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await counterValue('incoming/2032')).toBe(before + 1);
  });
});

describe('outgoing numbers', () => {
  const config = testConfig((c) => c.numbering.terms.push({ id: '2042-2047', label: 'Nhiệm kỳ 2042–2047', start: '2042-01-05' }));
  const outClock = vnClock('2042-02-03T10:00:00');

  it('issuance from a draft is idempotent: the draft id, repeated or raced, takes one number', async () => {
    const store = otherContainer(outClock, config);
    const other = otherContainer(outClock, config);
    const input = outgoingBody({ typeCode: 'KL', draftId: 'draft-42' }) as never;
    const results = await Promise.all([store, other, store, other].map((s) => s.allocateOutgoing(input, { actor: clerk, idempotencyKey: 'draft-42' })));
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]!.entry).toMatchObject({ numberSymbol: '1-KL/TU', draftId: 'draft-42' });
    const later = await store.allocateOutgoing(input, { actor: clerk, idempotencyKey: 'draft-42' });
    expect(later).toEqual({ entry: results[0]!.entry, created: false });
    expect(await counterValue('outgoing/TU/KL/term-2042-2047')).toBe(1);
  });

  it('a void number stays used, shows void, is audited, and is never given again', async () => {
    useServices({ clock: outClock, domainConfig: config });
    const post = () => invoke(handler, { method: 'POST', path: OUT, token: tokens.vanthu, body: outgoingBody({ typeCode: 'TB' }) });
    const one = (await post()).body as OutgoingEntry;
    const two = (await post()).body as OutgoingEntry;
    expect([one.numberSymbol, two.numberSymbol]).toEqual(['1-TB/TU', '2-TB/TU']);

    const voided = await invoke(handler, { method: 'POST', path: `${OUT}/${two.id}/void`, token: tokens.chanhvp, body: { reason: 'Sai nơi nhận', version: 1 } });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: 'void', numberSymbol: '2-TB/TU', number: 2, voidReason: 'Sai nơi nhận', version: 2, voidedBy: { username: 'chanhvp' } });
    const twice = await invoke(handler, { method: 'POST', path: `${OUT}/${two.id}/void`, token: tokens.chanhvp, body: { reason: 'lại', version: 2 } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ALREADY_VOID');
    const stale = await invoke(handler, { method: 'POST', path: `${OUT}/${one.id}/void`, token: tokens.vanthu, body: { reason: 'x', version: 5 } });
    expect(stale.status).toBe(409);

    const three = (await post()).body as OutgoingEntry;
    expect(three.numberSymbol).toBe('3-TB/TU');
    const list = await invoke(handler, { method: 'GET', path: OUT, token: tokens.vanthu, query: { year: '2042', typeCode: 'TB' } });
    expect(list.body.items.map((e: OutgoingEntry) => [e.numberSymbol, e.status])).toEqual([
      ['1-TB/TU', 'issued'],
      ['2-TB/TU', 'void'],
      ['3-TB/TU', 'issued'],
    ]);
    const events = await auditOf(two.id);
    expect(events.map((x) => x.action)).toEqual(['register.allocate', 'register.void']);
    expect(events[1]).toMatchObject({ before: { status: 'issued' }, after: { status: 'void', voidReason: 'Sai nơi nhận' } });
  });

  it('voiding needs the entry version: 400 without it, 409 when stale, If-Match accepted', async () => {
    useServices({ clock: outClock, domainConfig: config });
    const e = (await invoke(handler, { method: 'POST', path: OUT, token: tokens.vanthu, body: outgoingBody({ typeCode: 'TB' }) })).body as OutgoingEntry;
    const none = await invoke(handler, { method: 'POST', path: `${OUT}/${e.id}/void`, token: tokens.chanhvp, body: { reason: 'Cấp nhầm' } });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/version/);
    const stale = await invoke(handler, { method: 'POST', path: `${OUT}/${e.id}/void`, token: tokens.chanhvp, body: { reason: 'Cấp nhầm' }, headers: { 'If-Match': '"7"' } });
    expect(stale.status).toBe(409);
    expect((await invoke(handler, { method: 'GET', path: `${OUT}/${e.id}`, token: tokens.chanhvp })).body).toMatchObject({ status: 'issued', version: 1 });
    const ok = await invoke(handler, { method: 'POST', path: `${OUT}/${e.id}/void`, token: tokens.chanhvp, body: { reason: 'Cấp nhầm' }, headers: { 'If-Match': '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'void', version: 2 });
  });

  it('only the clerk and the office leaders may void; only the clerk takes numbers', async () => {
    useServices({ clock: outClock, domainConfig: config });
    const e = (await invoke(handler, { method: 'POST', path: OUT, token: tokens.vanthu, body: outgoingBody({ typeCode: 'TB' }) })).body as OutgoingEntry;
    expect((await invoke(handler, { method: 'POST', path: `${OUT}/${e.id}/void`, token: tokens.chuyenvien, body: { reason: 'x', version: 1 } })).status).toBe(403);
    expect((await invoke(handler, { method: 'POST', path: OUT, token: tokens.chanhvp, body: outgoingBody() })).status).toBe(403);
  });
});
