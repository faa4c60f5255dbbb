/**
 * Following assignments up on DynamoDB Local: nhắc việc at the configured working days before and
 * after the due date (office calendar), once each however often the job runs; clearance (a Mật
 * letter's assignments are in nobody's list, stats or printed book below Mật); and bad input, a
 * clear 400 with nothing stored; reminders reach the e-mail of the person or the department's members. Years used by this file: 2054.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { incomingBody, useServices, vnClock } from './registers-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const registers = await composed('registers');
const assignments = await composed('assignments');
const reports = await composed('reports');
const drafts = await composed('drafts');
const job = await composed('assignment-reminders');

const clock = vnClock('2054-04-06T09:00:00'); // a Monday
const IN = '/v1/registers/incoming/entries';
const tokens: Record<string, string> = {};
const as = (user: string) => tokens[user]!;
const post = (path: string, user: string, body: unknown) => invoke(assignments, { method: 'POST', path, token: as(user), body });
const get = (path: string, user: string, query?: Record<string, string>) => invoke(assignments, { method: 'GET', path, token: as(user), ...(query ? { query } : {}) });
const manual = (title: string, over: Record<string, unknown> = {}) => ({ title, origin: { type: 'manual' }, assignee: { user: 'chuyenvien2' }, dueDate: '2054-04-16', secrecy: null, ...over });
const register = async (over: Record<string, unknown> = {}) => {
  const r = await invoke(registers, { method: 'POST', path: IN, token: as('vanthu'), body: incomingBody('2054-04-01', over) });
  expect(r.status).toBe(201);
  return r.body as { id: string; numberSymbol: string };
};

beforeAll(async () => {
  useServices({ clock });
  for (const u of ['vanthu', 'chanhvp', 'bithu', 'chuyenvien', 'chuyenvien2', 'bantochuc', 'admin']) tokens[u] = await tokenFor(u);
});
afterAll(() => useServices());

describe('nhắc việc', () => {
  let due: { id: string };
  let done: { id: string };
  let extended: { id: string; version: number };
  const slotsOf = async (id: string) => ((await get(`/v1/assignments/${id}`, 'chanhvp')).body.reminders as { kind: string; days: number; dueDate: string }[]).map((r) => `${r.dueDate} ${r.kind} ${r.days}`).sort();
  const at = async (wall: string, runs = 1) => {
    clock.set(wall);
    await Promise.all(Array.from({ length: runs }, () => job()));
  };

  beforeAll(async () => {
    due = (await post('/v1/assignments', 'chanhvp', manual('Rà soát danh sách đảng viên'))).body;
    done = (await post('/v1/assignments', 'chanhvp', manual('Gửi giấy mời hội nghị'))).body;
    extended = (await post('/v1/assignments', 'chanhvp', manual('Tổng hợp báo cáo chuyên đề'))).body;
    expect((await post(`/v1/assignments/${done.id}/complete`, 'chuyenvien2', { result: 'Đã gửi' })).status).toBe(200);
  });

  it('come at the configured working days before and after the due date, once each, even when the job runs twice at once', async () => {
    // Due Thursday 16 April 2054; reminders 2 and 0 working days before, 1 and 3 after, at 08:00.
    await at('2054-04-14T07:59:00');
    expect(await slotsOf(due.id)).toEqual([]);
    await at('2054-04-14T09:00:00', 2);
    expect(await slotsOf(due.id)).toEqual(['2054-04-16 before 2']);
    await at('2054-04-15T09:00:00', 2);
    await at('2054-04-16T09:00:00', 2);
    await at('2054-04-17T09:00:00', 2);
    await at('2054-04-18T09:00:00'); // Saturday
    await at('2054-04-20T09:00:00'); // 2 working days after: nothing configured
    await at('2054-04-21T09:00:00', 2);
    await at('2054-04-29T09:00:00', 2); // a week after the last one: stale, never sent
    expect(await slotsOf(due.id)).toEqual(['2054-04-16 after 1', '2054-04-16 after 3', '2054-04-16 before 0', '2054-04-16 before 2']);
  });

  it('go through the notifier (the outbox, embedded), one message per reminder', async () => {
    const box = (await invoke(reports, { method: 'GET', path: '/v1/notifications/outbox', token: as('admin'), query: { limit: '200' } })).body.items as { ref?: string; kind: string; subject: string }[];
    const mine = box.filter((m) => m.ref === due.id);
    expect(mine).toHaveLength(4);
    expect(mine.every((m) => m.kind === 'assignment-reminder')).toBe(true);
    expect(mine.map((m) => m.subject).sort()).toEqual([
      'Nhắc việc: Rà soát danh sách đảng viên (hạn 16/04/2054)',
      'Nhắc việc: Rà soát danh sách đảng viên (hạn 16/04/2054)',
      'Quá hạn: Rà soát danh sách đảng viên (hạn 16/04/2054)',
      'Quá hạn: Rà soát danh sách đảng viên (hạn 16/04/2054)',
    ]);
    expect(box.filter((m) => m.ref === done.id)).toEqual([]);
  });

  it('are not sent for done work, and start again from the new due date after an extension', async () => {
    expect(await slotsOf(done.id)).toEqual([]);
    const ext = extended.id;
    expect(await slotsOf(ext)).toEqual(['2054-04-16 after 1', '2054-04-16 after 3', '2054-04-16 before 0', '2054-04-16 before 2']);
    // The same assignment, extended before its first reminder, is reminded from its new date only.
    const fresh = (await post('/v1/assignments', 'chanhvp', manual('Chuẩn bị đề cương', { dueDate: '2054-05-05' }))).body;
    clock.set('2054-04-22T09:00:00');
    expect((await post(`/v1/assignments/${fresh.id}/extension`, 'chuyenvien2', { dueDate: '2054-05-12', reason: 'Chờ ý kiến' })).status).toBe(200);
    expect((await post(`/v1/assignments/${fresh.id}/extension/decision`, 'chanhvp', { grant: true })).status).toBe(200);
    await at('2054-05-01T09:00:00'); // 2 working days before 5 May: the old date, no longer due
    await at('2054-05-08T09:00:00'); // Friday, 2 working days before Tuesday 12 May
    expect(await slotsOf(fresh.id)).toEqual(['2054-05-12 before 2']);
  });

  it("reach the assignee's e-mail address (a department's: its members'), once each", async () => {
    const box = async () => (await invoke(reports, { method: 'GET', path: '/v1/notifications/outbox', token: as('admin'), query: { limit: '200' } })).body.items as { ref?: string; to: string[]; status: string }[];
    // The person's slots above: each went once, to the person's address, and was sent, not skipped.
    const toPerson = (await box()).filter((m) => m.ref === due.id);
    expect(toPerson.map((m) => [m.to, m.status])).toEqual(Array.from({ length: 4 }, () => [['chuyenvien2@daumoi.local'], 'sent']));
    // Work given to the Ban Tổ chức reaches its member (bantochuc, dept BTCTU), once however often the job runs.
    clock.set('2054-08-03T09:00:00');
    const dept = (await post('/v1/assignments', 'chanhvp', manual('Thẩm định hồ sơ nhân sự', { assignee: { dept: 'BTCTU' }, dueDate: '2054-08-05' }))).body as { id: string };
    await at('2054-08-03T09:00:00', 2);
    const toDept = (await box()).filter((m) => m.ref === dept.id);
    expect(toDept.map((m) => [m.to, m.status])).toEqual([[['bantochuc@daumoi.local'], 'sent']]);
    expect(await slotsOf(dept.id)).toEqual(['2054-08-05 before 2']);
  });
});

describe('clearance', () => {
  let secret: { id: string; numberSymbol: string };
  let ids: string[];

  beforeAll(async () => {
    clock.set('2054-06-01T09:00:00');
    secret = await register({ secrecy: 'mat', subject: 'về công tác bảo vệ chính trị nội bộ' });
  });

  it('an assignment of a Mật letter cannot go to a person without clearance', async () => {
    const r = await post(`${IN}/${secret.id}/instruction`, 'chanhvp', { instruction: 'Giao tham mưu', lead: { user: 'chuyenvien' }, cooperating: [{ user: 'chuyenvien2' }] });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([expect.objectContaining({ path: 'body.cooperating.0.user' })]);
    expect((await invoke(registers, { method: 'GET', path: `${IN}/${secret.id}`, token: as('chanhvp') })).body.instruction).toBeNull();
  });

  it("takes the letter's secrecy and is invisible below it: not listed, 404, not a task", async () => {
    const r = await post(`${IN}/${secret.id}/instruction`, 'chanhvp', { instruction: 'Giao tham mưu', lead: { user: 'chuyenvien' }, cooperating: [{ dept: 'BTCTU' }] });
    expect(r.status).toBe(201);
    ids = r.body.items.map((a: { id: string }) => a.id);
    expect(r.body.items.map((a: { secrecy: string }) => a.secrecy)).toEqual(['mat', 'mat']);
    const june = { from: '2054-06-01', to: '2054-06-30' };
    const listed = async (user: string) => (await get('/v1/assignments', user, june)).body.items.map((a: { id: string }) => a.id);
    expect(await listed('chanhvp')).toEqual(expect.arrayContaining(ids));
    expect(await listed('chuyenvien2')).toEqual([]);
    for (const id of ids) expect((await get(`/v1/assignments/${id}`, 'chuyenvien2')).status).toBe(404);
    // Ban Tổ chức is named, but its member has no clearance: the work is not in their tasks, nor readable.
    expect((await get(`/v1/assignments/${ids[1]}`, 'bantochuc')).status).toBe(404);
    const tasks = (await invoke(drafts, { method: 'GET', path: '/v1/tasks', token: as('bantochuc') })).body.items.filter((t: { source: string }) => t.source === 'assignment');
    expect(tasks.map((t: { assignmentId: string }) => t.assignmentId)).not.toContain(ids[1]);
    expect((await get('/v1/assignments', 'bantochuc', { assignee: 'dept:BTCTU', ...june })).body.items).toEqual([]);
  });

  it('is counted in the stats only for those cleared for it', async () => {
    const line = async (user: string) => (await get('/v1/assignments/stats', user, { period: '2054-06', by: 'user' })).body.items.find((l: { user?: string }) => l.user === 'chuyenvien');
    expect(await line('chanhvp')).toMatchObject({ assigned: 1, open: 1 });
    expect(await line('chuyenvien2')).toBeUndefined();
    const depts = (await get('/v1/assignments/stats', 'chuyenvien2', { period: '2054-Q2', by: 'dept' })).body.items.map((l: { dept: string | null }) => l.dept);
    expect(depts).not.toContain('BTCTU');
  });

  it('is in the printed book only for those cleared for it', async () => {
    const rows = async (user: string) => {
      const r = await invoke(assignments, { method: 'GET', path: '/v1/assignments/export', token: as(user), query: { period: '2054-06' } });
      expect(r.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(String(r.body), 'base64') as never);
      const texts: string[] = [];
      wb.worksheets[0]!.eachRow((row) => texts.push(row.values ? (row.values as unknown[]).map((v) => String(v ?? '')).join(' | ') : ''));
      return texts;
    };
    const full = await rows('chanhvp');
    expect(full.some((t) => t.includes('Số, ký hiệu') && t.includes('Hạn giải quyết') && t.includes('Tiến độ giải quyết'))).toBe(true);
    expect(full.some((t) => t.includes(secret.numberSymbol) && t.includes('Chủ trì: chuyenvien') && t.includes('Phối hợp: BTCTU'))).toBe(true);
    expect((await rows('chuyenvien2')).some((t) => t.includes(secret.numberSymbol))).toBe(false);
  });
});

describe('bad input', () => {
  let letter: { id: string };
  let work: { id: string; version: number };
  beforeAll(async () => {
    clock.set('2054-07-06T09:00:00');
    letter = await register();
    work = (await post('/v1/assignments', 'chanhvp', manual('Theo dõi', { dueDate: '2054-07-20', assignee: { user: 'chuyenvien' } }))).body;
  });

  const lead = { user: 'chuyenvien' };
  const INSTRUCTIONS: [string, unknown, string][] = [
    ['no instruction', { lead }, 'instruction'],
    ['an empty instruction', { instruction: '   ', lead }, 'instruction'],
    ['no lead', { instruction: 'Giao' }, 'lead'],
    ['a lead both person and department', { instruction: 'Giao', lead: { user: 'chuyenvien', dept: 'BTCTU' } }, 'lead'],
    ['a person not in the office', { instruction: 'Giao', lead: { user: 'khong-co-ai' } }, 'lead.user'],
    ['a department not in the office', { instruction: 'Giao', lead: { dept: 'KHONGCO' } }, 'lead.dept'],
    ['a date that does not exist', { instruction: 'Giao', lead, dueDate: '2054-02-30' }, 'dueDate'],
    ['a due date already past', { instruction: 'Giao', lead, dueDate: '2054-07-03' }, 'dueDate'],
    ["a co-operating unit's past due date", { instruction: 'Giao', lead, cooperating: [{ dept: 'BTCTU', dueDate: '2054-01-01' }] }, 'cooperating.0.dueDate'],
    ['the lead named again as co-operating', { instruction: 'Giao', lead, cooperating: [{ user: 'chuyenvien' }] }, 'cooperating.0'],
    ['16 co-operating units', { instruction: 'Giao', lead, cooperating: Array.from({ length: 16 }, (_, i) => ({ user: `u${i}` })) }, 'cooperating'],
    ['an unknown field', { instruction: 'Giao', lead, priority: 'cao' }, ''],
  ];
  it.each(INSTRUCTIONS)('an instruction with %s is a 400 naming it, and nothing is stored', async (_name, body, path) => {
    const r = await post(`${IN}/${letter.id}/instruction`, 'chanhvp', body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(r.body.error.details)).toContain(path);
    expect((await invoke(registers, { method: 'GET', path: `${IN}/${letter.id}`, token: as('chanhvp') })).body.instruction).toBeNull();
  });

  const ASSIGNMENTS: [string, number, Record<string, unknown>][] = [
    ['no title', 400, { title: undefined }],
    ['an unknown origin', 400, { origin: { type: 'email' } }],
    ["a letter's origin without the letter", 400, { origin: { type: 'letter' } }],
    ['a letter that does not exist', 404, { origin: { type: 'letter', ref: '01JZZZZZZZZZZZZZZZZZZZZZZZ' } }],
    ['a due date already past', 400, { dueDate: '2054-07-01' }],
    ['an unknown secrecy', 400, { secrecy: 'bi-mat' }],
    ['Tuyệt mật work for a person without clearance', 400, { secrecy: 'tuyet-mat', assignee: { user: 'chuyenvien' } }],
  ];
  it.each(ASSIGNMENTS)('an assignment with %s is a %i, and nothing is stored', async (name, status, over) => {
    const title = `Sai: ${name}`;
    const r = await post('/v1/assignments', 'bithu', { ...manual(title), ...over, ...('title' in over ? { title: over.title } : {}) });
    expect(r.status).toBe(status);
    const listed = (await get('/v1/assignments', 'bithu', { from: '2054-07-01', to: '2054-07-31' })).body.items.map((a: { title: string }) => a.title);
    expect(listed).not.toContain(title);
  });

  const CHANGES: [string, string, string, number, unknown][] = [
    ['an empty progress note', 'progress', 'chuyenvien', 400, { note: '' }],
    ['version 0', 'progress', 'chuyenvien', 400, { note: 'x', version: 0 }],
    ['a stale version', 'progress', 'chuyenvien', 409, { note: 'x', version: 99 }],
    ['a completion without result', 'complete', 'chuyenvien', 400, { replyEntryId: 'x' }],
    ['an extension to an earlier date', 'extension', 'chuyenvien', 400, { dueDate: '2054-07-10', reason: 'x' }],
    ['an extension without reason', 'extension', 'chuyenvien', 400, { dueDate: '2054-07-30' }],
    ['a decision that is not true or false', 'extension/decision', 'chanhvp', 400, { grant: 'có' }],
    ['a decision with nothing asked', 'extension/decision', 'chanhvp', 409, { grant: true }],
    ['a reassignment to nobody', 'reassign', 'chanhvp', 400, { assignee: { user: 'khong-co-ai' } }],
    ['a reassignment to the same person', 'reassign', 'chanhvp', 409, { assignee: { user: 'chuyenvien' } }],
  ];
  it.each(CHANGES)('%s (%s as %s) is a %i that changes nothing', async (_name, action, user, status, body) => {
    const r = await post(`/v1/assignments/${work.id}/${action}`, user, body);
    expect(r.status).toBe(status);
    const after = (await get(`/v1/assignments/${work.id}`, 'chanhvp')).body;
    expect(after).toMatchObject({ version: work.version, status: 'open', dueDate: '2054-07-20', assignee: { user: 'chuyenvien' }, extension: null });
  });

  it('an unknown period of the stats or the book is a 400', async () => {
    for (const period of ['2054-13', '2054-Q5', 'năm nay', '1800']) {
      expect((await get('/v1/assignments/stats', 'chanhvp', { period })).status).toBe(400);
      expect((await get('/v1/assignments/export', 'chanhvp', { period })).status).toBe(400);
    }
    expect((await get('/v1/assignments/stats', 'chanhvp', { period: '2054', by: 'ban' })).status).toBe(400);
    expect((await get('/v1/assignments', 'chanhvp', { from: '2054-08-01', to: '2054-07-01' })).status).toBe(400);
    expect((await get('/v1/assignments', 'chanhvp', { status: 'xong' })).status).toBe(400);
  });
});

describe('a conclusion with several items (thông báo kết luận)', () => {
  const items = [
    { title: 'Rà soát quy hoạch cán bộ nhiệm kỳ tới', assignee: { dept: 'BTCTU' }, dueDate: '2054-09-30' },
    { title: 'Tổng hợp ý kiến về đề án', assignee: { user: 'chuyenvien2' }, cooperating: [{ dept: 'BTCTU' }], dueDate: '2054-09-21' },
    { title: 'Chuẩn bị nội dung hội nghị', assignee: { user: 'chuyenvien' }, dueDate: '2054-09-25', instruction: 'Báo cáo Thường trực trước ngày 25' },
  ] as const;
  const conclude = (body: unknown, user = 'chanhvp') => invoke(assignments, { method: 'POST', path: '/v1/assignments/conclusions', token: as(user), body });
  const titlesGiven = async () => ((await get('/v1/assignments', 'chanhvp', { from: '2054-09-01', to: '2054-09-30' })).body.items as { title: string }[]).map((a) => a.title).sort();

  beforeAll(() => clock.set('2054-09-07T09:00:00'));

  it('makes each item its own assignment, in one request', async () => {
    const r = await conclude({ conclusion: '125-TB/TU', secrecy: null, items });
    expect(r.status).toBe(201);
    const made = r.body.items as { id: string; title: string; origin: { type: string; ref: string }; assignee: unknown; dueDate: string; status: string }[];
    expect(made.map((a) => [a.title, a.origin, a.assignee, a.dueDate, a.status])).toEqual(
      items.map((it, i) => [it.title, { type: 'conclusion', ref: `125-TB/TU mục ${i + 1}` }, it.assignee, it.dueDate, 'open']),
    );
    expect(new Set(made.map((a) => a.id)).size).toBe(3);
    for (const a of made) expect((await get(`/v1/assignments/${a.id}`, 'chanhvp')).status).toBe(200);
    expect(await titlesGiven()).toEqual(items.map((i) => i.title).sort());
    // They count in the month's stats as three open assignments, none overdue yet.
    const month = (await get('/v1/assignments/stats', 'chanhvp', { period: '2054-09', by: 'dept' })).body.items as Record<string, number>[];
    expect(month.reduce((s, l) => s + l.assigned!, 0)).toBe(3);
    expect(month.reduce((s, l) => s + l.open!, 0)).toBe(3);
    expect(month.reduce((s, l) => s + l.overdue!, 0)).toBe(0);
  });

  it.each<[string, Record<string, unknown>[], string]>([
    ['an unknown person in the second item', [items[0], { ...items[1], assignee: { user: 'khong-co-ai' } }], 'body.items.1.assignee.user'],
    ['a past due date in the third item', [items[0], items[1], { ...items[2], dueDate: '2054-09-01' }], 'body.items.2.dueDate'],
    ['no items', [], 'items'],
    ['sixteen items', Array.from({ length: 16 }, () => items[0]), 'items'],
    ['an item without a title', [{ ...items[0], title: undefined }], 'items.0.title'],
  ])('with %s is a 400 naming it, and no item is stored', async (_name, list, path) => {
    const before = await titlesGiven();
    const r = await conclude({ conclusion: '126-TB/TU', secrecy: null, items: list.map((i) => (typeof i.title === 'string' ? { ...i, title: `${i.title} (126)` } : i)) });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error.details)).toContain(path);
    expect(await titlesGiven()).toEqual(before);
  });

  it('is given only by lãnh đạo văn phòng or thường trực', async () => {
    expect((await conclude({ conclusion: '127-TB/TU', secrecy: null, items }, 'chuyenvien')).status).toBe(403);
    expect((await conclude({ conclusion: '127-TB/TU', secrecy: null, items }, 'bithu')).status).toBe(201);
  });
});
