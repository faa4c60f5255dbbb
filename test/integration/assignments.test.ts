/**
 * Giao việc on DynamoDB Local, through the functions as API Gateway calls them: the leader's
 * instruction on a letter (lead + two co-operating units, their due dates on the office calendar),
 * progress and completion with a reply entry, an extension asked and granted, versions, idempotent
 * creates, the audit trail and the rules on who may act. Years used by this file: 2053.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { incomingBody, outgoingBody, useServices, vnClock } from './registers-support';

useEmbeddedEnv();
const { composed, officeParts } = await import('../support/parts');
const registers = await composed('registers');
const assignments = await composed('assignments');
const drafts = await composed('drafts');

const clock = vnClock('2053-03-03T09:00:00'); // a Monday
const IN = '/v1/registers/incoming/entries';
const tokens: Record<string, string> = {};
const as = (user: string) => tokens[user]!;
let letter: { id: string; numberSymbol: string; dueDate: string };
let reply: { id: string; numberSymbol: string };
let made: { id: string; role: string; assignee: Record<string, string>; dueDate: string; version: number }[];

const post = (path: string, user: string, body: unknown, headers?: Record<string, string>) => invoke(assignments, { method: 'POST', path, token: as(user), body, ...(headers ? { headers } : {}) });
const get = (path: string, user: string, query?: Record<string, string>) => invoke(assignments, { method: 'GET', path, token: as(user), ...(query ? { query } : {}) });

beforeAll(async () => {
  useServices({ clock });
  for (const u of ['vanthu', 'chanhvp', 'bithu', 'chuyenvien', 'chuyenvien2', 'bantochuc', 'admin']) tokens[u] = await tokenFor(u);
  const r = await invoke(registers, { method: 'POST', path: IN, token: as('vanthu'), body: incomingBody('2053-02-27', { subject: 'về việc tổng kết công tác năm' }) });
  expect(r.status).toBe(201);
  letter = r.body;
  const o = await invoke(registers, { method: 'POST', path: '/v1/registers/outgoing/entries', token: as('vanthu'), body: outgoingBody({ typeCode: 'CV', issuerCode: 'VPTU', subject: 'V/v trả lời về tổng kết công tác năm' }) });
  expect(o.status).toBe(201);
  reply = o.body;
});
afterAll(() => useServices());

describe('the instruction on a letter', () => {
  it('makes one assignment for the lead and one per co-operating unit, each with its due date', async () => {
    // A normal letter is handled in 10 working days: Monday 3 March → Monday 17 March 2053.
    expect(letter.dueDate).toBe('2053-03-17');
    const r = await post(`${IN}/${letter.id}/instruction`, 'chanhvp', {
      instruction: 'Giao Chuyên viên chủ trì tham mưu báo cáo; Ban Tổ chức và đồng chí Chuyên viên 2 phối hợp.',
      lead: { user: 'chuyenvien' },
      cooperating: [{ dept: 'BTCTU' }, { user: 'chuyenvien2', dueDate: '2053-03-10' }],
    });
    expect(r.status).toBe(201);
    made = r.body.items;
    expect(made.map((a) => [a.role, a.assignee, a.dueDate])).toEqual([
      ['lead', { user: 'chuyenvien' }, '2053-03-17'],
      // Co-operating units are due two working days before the lead (Thursday 13 March) unless given.
      ['cooperating', { dept: 'BTCTU' }, '2053-03-13'],
      ['cooperating', { user: 'chuyenvien2' }, '2053-03-10'],
    ]);
    expect(r.body.instruction).toMatchObject({ entryId: letter.id, lead: { user: 'chuyenvien' }, cooperating: [{ dept: 'BTCTU' }, { user: 'chuyenvien2' }], assignmentIds: made.map((a) => a.id) });
    const lead = await get(`/v1/assignments/${made[0]!.id}`, 'chuyenvien');
    expect(lead.status).toBe(200);
    expect(lead.body).toMatchObject({ status: 'open', secrecy: null, origin: { type: 'letter', ref: letter.id, letter: { numberSymbol: letter.numberSymbol } }, instruction: expect.stringContaining('chủ trì') });
    expect(lead.body.related.map((x: { assignee: unknown }) => x.assignee)).toEqual([{ dept: 'BTCTU' }, { user: 'chuyenvien2' }]);
    expect(lead.body.history.map((h: { kind: string }) => h.kind)).toEqual(['assigned']);
  });

  it('shows the instruction on the entry', async () => {
    const e = await invoke(registers, { method: 'GET', path: `${IN}/${letter.id}`, token: as('vanthu') });
    expect(e.status).toBe(200);
    expect(e.body.instruction).toMatchObject({ lead: { user: 'chuyenvien' }, assignmentIds: made.map((a) => a.id) });
  });

  it('is given once per letter, and only by lãnh đạo văn phòng or thường trực', async () => {
    const again = await post(`${IN}/${letter.id}/instruction`, 'bithu', { instruction: 'Lần nữa', lead: { user: 'chuyenvien' } });
    expect(again.status).toBe(409);
    for (const u of ['vanthu', 'chuyenvien', 'bantochuc']) expect((await post(`${IN}/${letter.id}/instruction`, u, { instruction: 'x', lead: { user: 'chuyenvien' } })).status).toBe(403);
  });

  it('is audited with the letter and each assignment', async () => {
    const audit = officeParts().audit;
    expect((await audit.list({ entityId: letter.id, limit: 50 })).items.map((e) => e.action)).toContain('incoming.instruct');
    for (const a of made) expect((await audit.list({ entityId: a.id, limit: 50 })).items.map((e) => e.action)).toContain('assignment.create');
  });
});

describe('doing the work', () => {
  it('takes progress notes from the assignee, versioned', async () => {
    const lead = made[0]!;
    const p = await post(`/v1/assignments/${lead.id}/progress`, 'chuyenvien', { note: 'Đã tổng hợp số liệu của các ban', version: 1 });
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ version: 2, progress: 'Đã tổng hợp số liệu của các ban' });
    expect((await post(`/v1/assignments/${lead.id}/progress`, 'chuyenvien', { note: 'cũ', version: 1 })).status).toBe(409);
    expect((await post(`/v1/assignments/${lead.id}/progress`, 'chuyenvien', { note: 'qua If-Match' }, { 'If-Match': '"1"' })).status).toBe(409);
    // Someone it is not given to may not write on it.
    expect((await post(`/v1/assignments/${lead.id}/progress`, 'vanthu', { note: 'không phải việc của tôi' })).status).toBe(403);
  });

  it('completes with a result and the outgoing entry that answers; a reply that does not exist is refused', async () => {
    const lead = made[0]!;
    const bad = await post(`/v1/assignments/${lead.id}/complete`, 'chuyenvien', { result: 'Đã trả lời', replyEntryId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('replyEntryId');
    expect((await get(`/v1/assignments/${lead.id}`, 'chuyenvien')).body.status).toBe('open');
    const done = await post(`/v1/assignments/${lead.id}/complete`, 'chuyenvien', { result: 'Đã tham mưu văn bản trả lời', replyEntryId: reply.id });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', onTime: true, replyEntryId: reply.id, result: 'Đã tham mưu văn bản trả lời' });
    expect((await post(`/v1/assignments/${lead.id}/complete`, 'chuyenvien', { result: 'lần hai' })).status).toBe(409);
    const h = await get(`/v1/assignments/${lead.id}`, 'chanhvp');
    expect(h.body.history.map((x: { kind: string }) => x.kind)).toEqual(['assigned', 'progress', 'completed']);
  });

  it('asks for more time; a leader grants it and the due date moves', async () => {
    const ban = made[1]!;
    const ask = await post(`/v1/assignments/${ban.id}/extension`, 'bantochuc', { dueDate: '2053-03-20', reason: 'Chờ số liệu của các huyện' });
    expect(ask.status).toBe(200);
    expect(ask.body.extension).toMatchObject({ dueDate: '2053-03-20', reason: 'Chờ số liệu của các huyện' });
    expect((await post(`/v1/assignments/${ban.id}/extension`, 'bantochuc', { dueDate: '2053-03-21', reason: 'lần nữa' })).status).toBe(409);
    expect((await post(`/v1/assignments/${ban.id}/extension/decision`, 'chuyenvien', { grant: true })).status).toBe(403);
    const granted = await post(`/v1/assignments/${ban.id}/extension/decision`, 'chanhvp', { grant: true, version: ask.body.version });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ dueDate: '2053-03-20', originalDueDate: '2053-03-13', extensions: 1, extension: null });
    expect((await post(`/v1/assignments/${ban.id}/extension/decision`, 'chanhvp', { grant: false })).status).toBe(409);
  });

  it('lets a leader refuse an extension and reassign the work', async () => {
    const cv2 = made[2]!;
    const ask = await post(`/v1/assignments/${cv2.id}/extension`, 'chuyenvien2', { dueDate: '2053-03-12', reason: 'Bận hội nghị' });
    expect(ask.status).toBe(200);
    const refused = await post(`/v1/assignments/${cv2.id}/extension/decision`, 'bithu', { grant: false });
    expect(refused.body).toMatchObject({ dueDate: '2053-03-10', extensions: 0, extension: null });
    const moved = await post(`/v1/assignments/${cv2.id}/reassign`, 'chanhvp', { assignee: { user: 'vanthu' }, reason: 'Chuyên viên 2 đi công tác' });
    expect(moved.status).toBe(200);
    expect(moved.body.assignee).toEqual({ user: 'vanthu' });
    expect((await get('/v1/assignments', 'chanhvp', { assignee: 'vanthu' })).body.items.map((a: { id: string }) => a.id)).toContain(cv2.id);
    expect((await get('/v1/assignments', 'chanhvp', { assignee: 'chuyenvien2' })).body.items.map((a: { id: string }) => a.id)).not.toContain(cv2.id);
    // Every change is in the audit log, with who made it.
    const events = (await officeParts().audit.list({ entityId: cv2.id, limit: 50 })).items.map((e) => `${e.action} ${e.actor.username}`);
    expect(events).toEqual(expect.arrayContaining(['assignment.create chanhvp', 'assignment.extension-ask chuyenvien2', 'assignment.extension-refuse bithu', 'assignment.reassign chanhvp']));
  });
});

describe('assignments by hand', () => {
  it('are created once per Idempotency-Key', async () => {
    const body = { title: 'Chuẩn bị nội dung Hội nghị Ban Thường vụ tháng 4', origin: { type: 'conclusion', ref: '125-TB/TU mục 2' }, assignee: { dept: 'BTCTU' }, dueDate: '2053-04-10', secrecy: null };
    const a = await post('/v1/assignments', 'bithu', body, { 'Idempotency-Key': 'giao-viec-2053-1' });
    const b = await post('/v1/assignments', 'bithu', body, { 'Idempotency-Key': 'giao-viec-2053-1' });
    expect(a.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    const list = await get('/v1/assignments', 'chanhvp', { assignee: 'dept:BTCTU', from: '2053-01-01', to: '2053-12-31' });
    expect(list.body.items.filter((x: { title: string }) => x.title === body.title)).toHaveLength(1);
    // A department is also named by its code alone.
    const byCode = await get('/v1/assignments', 'chanhvp', { assignee: 'BTCTU', from: '2053-01-01', to: '2053-12-31' });
    expect(byCode.body.items.map((x: { id: string }) => x.id)).toEqual(list.body.items.map((x: { id: string }) => x.id));
  });

  it('list by status and overdue as the clock moves', async () => {
    clock.set('2053-03-14T09:00:00');
    const overdue = await get('/v1/assignments', 'chanhvp', { overdue: 'true', from: '2053-03-01', to: '2053-03-31' });
    // The reassigned co-operating unit (due 10 March) is late; the lead is done; Ban Tổ chức was given until the 20th.
    expect(overdue.body.items.map((a: { id: string }) => a.id)).toEqual([made[2]!.id]);
    const done = await get('/v1/assignments', 'chanhvp', { status: 'done', from: '2053-03-01', to: '2053-03-31' });
    expect(done.body.items.map((a: { id: string }) => a.id)).toEqual([made[0]!.id]);
    const byDept = await get('/v1/assignments/overdue', 'chanhvp');
    expect(byDept.body.items).toEqual([expect.objectContaining({ dept: null, count: 1 })]);
    expect((await get('/v1/assignments/overdue', 'chuyenvien')).status).toBe(403);
    clock.set('2053-03-03T09:00:00');
  });
});

describe('the work lists', () => {
  it("GET /v1/tasks lists the caller's open assignments, the ones given to their department too", async () => {
    const tasks = async (user: string) => (await invoke(drafts, { method: 'GET', path: '/v1/tasks', token: as(user) })).body.items.filter((t: { source: string }) => t.source === 'assignment');
    const ban = await tasks('bantochuc');
    expect(ban.map((t: { assignmentId: string }) => t.assignmentId)).toContain(made[1]!.id);
    expect(ban.find((t: { assignmentId: string }) => t.assignmentId === made[1]!.id)).toMatchObject({ kind: 'act', role: 'cooperating', dueDate: '2053-03-20' });
    // Done work is no task; reassigned work follows its new assignee.
    expect((await tasks('chuyenvien')).map((t: { assignmentId: string }) => t.assignmentId)).not.toContain(made[0]!.id);
    expect((await tasks('vanthu')).map((t: { assignmentId: string }) => t.assignmentId)).toContain(made[2]!.id);
    expect((await tasks('chuyenvien2')).map((t: { assignmentId: string }) => t.assignmentId)).not.toContain(made[2]!.id);
  });
});

describe('đánh giá', () => {
  it('counts the month by person and by department: done on time, open, overdue, extensions', async () => {
    clock.set('2053-03-14T09:00:00');
    const stats = async (by: string) => (await get('/v1/assignments/stats', 'chanhvp', { period: '2053-03', by })).body.items;
    expect(await stats('user')).toEqual(
      expect.arrayContaining([
        { user: 'chuyenvien', assigned: 1, doneOnTime: 1, doneLate: 0, open: 0, overdue: 0, extensions: 0 },
        // Its co-operation (extended) and the conclusion's item given by hand.
        { dept: 'BTCTU', assigned: 2, doneOnTime: 0, doneLate: 0, open: 2, overdue: 0, extensions: 1 },
        { user: 'vanthu', assigned: 1, doneOnTime: 0, doneLate: 0, open: 1, overdue: 1, extensions: 0 },
      ]),
    );
    // Chuyên viên and Văn thư have no department: they count under none.
    expect(await stats('dept')).toEqual(
      expect.arrayContaining([
        { dept: 'BTCTU', assigned: 2, doneOnTime: 0, doneLate: 0, open: 2, overdue: 0, extensions: 1 },
        { dept: null, assigned: 2, doneOnTime: 1, doneLate: 0, open: 1, overdue: 1, extensions: 0 },
      ]),
    );
    // Ban Tổ chức finishes late (after its extended 20 March): the totals move with it.
    clock.set('2053-03-23T10:00:00');
    expect((await post(`/v1/assignments/${made[1]!.id}/complete`, 'bantochuc', { result: 'Đã gửi ý kiến phối hợp' })).body.onTime).toBe(false);
    expect((await stats('dept')).find((l: { dept: string | null }) => l.dept === 'BTCTU')).toEqual({ dept: 'BTCTU', assigned: 2, doneOnTime: 0, doneLate: 1, open: 1, overdue: 0, extensions: 1 });
    clock.set('2053-03-03T09:00:00');
  });
});
