/**
 * Issue 6 end to end, over HTTP against `npm start`: organisations and their clients, a monthly
 * report type due on day 5, on-time / late / missing, idempotency, versions, isolation, bad
 * payloads, revocation, and the reminder timer filling the outbox once the deadline has passed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startOffice, type Office } from '../support/e2e';

let office: Office;
let admin: string;
let vanthu: string;
const TYPE = 'BC-THANG';
const ids = { A: 'dang-uy-xa-a', B: 'chi-bo-b', C: 'chi-bo-c' } as const;
type Org = keyof typeof ids;
const clients: Record<string, { clientId: string; clientSecret: string }> = {};
const tokens: Record<string, string> = {};
const reportIds: Record<string, string> = {};

async function api(method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  const r = await fetch(`${office.url}${path}`, { method, headers, body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined) });
  const text = await r.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, body };
}

const setClock = async (wall: string) => expect((await api('PUT', '/_local/clock', { body: { now: `${wall}+07:00` } })).status).toBe(204);

async function token(clientId: string, clientSecret: string) {
  return fetch(`${office.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
}

const report = (title: string, data: Record<string, unknown> = { dangVien: 40 }) => ({ reportType: TYPE, period: '2026-10', title, content: `Nội dung ${title}`, data });
const submit = (org: Org | string, body: unknown, headers: Record<string, string> = {}) => api('POST', '/v1/reports', { token: tokens[org]!, body, headers });
const officeList = async () => (await api('GET', `/v1/reports?reportType=${TYPE}&period=2026-10`, { token: vanthu })).body.items as { orgId: string; latestVersion: number }[];
const outbox = async () => (await api('GET', '/v1/notifications/outbox?limit=200', { token: admin })).body.items as { orgId: string; kind: string; subject: string; to: string[] }[];

beforeAll(async () => {
  office = await startOffice({ env: { DAUMOI_REMINDER_INTERVAL_MS: '250' } });
  admin = office.token('admin');
  vanthu = office.token('vanthu');
});
afterAll(async () => {
  await office.stop();
  removeDir(office.dataDir);
});

describe('reports from subordinate organisations, over HTTP', () => {
  it('lets an admin make three organisations as a tree, a monthly type due on day 5, and a client for each', async () => {
    await setClock('2026-10-20T09:00:00');
    const made = [
      await api('POST', '/v1/orgs', { token: admin, body: { id: ids.A, name: 'Đảng ủy xã A', email: 'xa-a@example.vn' } }),
      await api('POST', '/v1/orgs', { token: admin, body: { id: ids.B, name: 'Chi bộ B', parentId: ids.A, email: 'chibo-b@example.vn' } }),
      await api('POST', '/v1/orgs', { token: admin, body: { id: ids.C, name: 'Chi bộ C', parentId: ids.A, email: 'chibo-c@example.vn' } }),
    ];
    expect(made.map((r) => r.status)).toEqual([201, 201, 201]);
    const list = await api('GET', '/v1/orgs', { token: admin });
    expect(list.body.items.map((o: { id: string; parentId: string | null }) => [o.id, o.parentId]).sort()).toEqual(
      [
        [ids.A, null],
        [ids.B, ids.A],
        [ids.C, ids.A],
      ].sort(),
    );
    const type = await api('POST', '/v1/report-types', {
      token: admin,
      body: { code: TYPE, name: 'Báo cáo tháng', period: 'monthly', dueDay: 5, dataSchema: { type: 'object', required: ['dangVien'], properties: { dangVien: { type: 'integer', minimum: 0 } } } },
    });
    expect(type.status).toBe(201);
    for (const org of ['A', 'B', 'C'] as const) {
      const c = await api('POST', `/v1/orgs/${ids[org]}/clients`, { token: admin, body: { name: `Phần mềm ${org}` } });
      expect(c.status).toBe(201);
      clients[org] = c.body;
      const t = await token(c.body.clientId, c.body.clientSecret);
      expect(t.status).toBe(200);
      const issued = (await t.json()) as { access_token: string; token_type: string; expires_in: number };
      expect(issued.token_type).toBe('Bearer');
      tokens[org] = issued.access_token;
      const me = await api('GET', '/v1/me', { token: tokens[org] });
      expect(me.body).toMatchObject({ roles: ['don-vi'], orgId: ids[org], clientId: c.body.clientId });
    }
  });

  it('takes A’s report on time; the same Idempotency-Key twice makes one record', async () => {
    const first = await submit('A', report('Báo cáo tháng 10 của xã A'), { 'Idempotency-Key': 'xa-a-2026-10' });
    const second = await submit('A', report('Báo cáo tháng 10 của xã A'), { 'Idempotency-Key': 'xa-a-2026-10' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, onTime: true, period: '2026-10', deadline: '2026-11-05T23:59:59.999+07:00' });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    reportIds.A = first.body.id;
    expect(await officeList()).toEqual([expect.objectContaining({ orgId: ids.A, latestVersion: 1 })]);
  });

  it('keeps version 1 when A resubmits as version 2', async () => {
    const v2 = await submit('A', report('Báo cáo tháng 10 của xã A (sửa số liệu)', { dangVien: 41 }));
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ id: reportIds.A, version: 2 });
    const full = await api('GET', `/v1/reports/${reportIds.A}`, { token: tokens.A });
    expect(full.body).toMatchObject({ version: 2, latestVersion: 2, data: { dangVien: 41 } });
    expect(full.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const v1 = await api('GET', `/v1/reports/${reportIds.A}/versions/1`, { token: vanthu });
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, title: 'Báo cáo tháng 10 của xã A', data: { dangVien: 40 } });
  });

  it('marks B late once the injected clock is past the deadline', async () => {
    await setClock('2026-11-06T00:30:00');
    const late = await submit('B', report('Báo cáo tháng 10 của chi bộ B'));
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ version: 1, onTime: false, submittedAt: expect.stringMatching(/^2026-11-06T00:30:/) });
    reportIds.B = late.body.id;
  });

  it('says submitted / late / missing for A / B / C, with the deadline', async () => {
    const s = await api('GET', `/v1/reports/status?reportType=${TYPE}&period=2026-10`, { token: vanthu });
    expect(s.status).toBe(200);
    expect(s.body.deadline).toBe('2026-11-05T23:59:59.999+07:00');
    const byOrg = Object.fromEntries(s.body.items.map((i: { orgId: string; status: string; deadline: string }) => [i.orgId, [i.status, i.deadline]]));
    expect(byOrg).toEqual({
      [ids.A]: ['submitted', '2026-11-05T23:59:59.999+07:00'],
      [ids.B]: ['late', '2026-11-05T23:59:59.999+07:00'],
      [ids.C]: ['missing', '2026-11-05T23:59:59.999+07:00'],
    });
    expect(s.body.summary).toEqual({ expected: 3, submitted: 1, late: 1, missing: 1 });
  });

  it('does not let A’s token read B’s report (404)', async () => {
    expect((await api('GET', `/v1/reports/${reportIds.B}`, { token: tokens.A })).status).toBe(404);
    expect((await api('GET', `/v1/reports/${reportIds.B}/versions/1`, { token: tokens.A })).status).toBe(404);
    expect((await api('GET', `/v1/reports/${reportIds.B}`, { token: tokens.B })).status).toBe(200);
    const own = await api('GET', '/v1/reports', { token: tokens.A });
    expect(own.body.items.map((r: { orgId: string }) => r.orgId)).toEqual([ids.A]);
  });

  it('answers each of many bad payloads with a 4xx and stores nothing', async () => {
    const before = await officeList();
    const ownBefore = (await api('GET', '/v1/reports', { token: tokens.C })).body.items;
    const bad: [string, () => Promise<{ status: number; body: any }>][] = [
      ['no body', () => api('POST', '/v1/reports', { token: tokens.C })],
      ['broken JSON', () => api('POST', '/v1/reports', { token: tokens.C, raw: '{"reportType": "BC-THANG", ', headers: { 'content-type': 'application/json' } })],
      ['form body', () => api('POST', '/v1/reports', { token: tokens.C, raw: 'reportType=BC-THANG', headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
      ['JSON array', () => submit('C', [report('x')])],
      ['missing title', () => submit('C', { reportType: TYPE, period: '2026-10', data: { dangVien: 1 } })],
      ['unknown report type', () => submit('C', { ...report('x'), reportType: 'KHONG-CO' })],
      ['period with month 13', () => submit('C', { ...report('x'), period: '2026-13' })],
      ['quarter for a monthly type', () => submit('C', { ...report('x'), period: '2026-Q4' })],
      ['period not begun', () => submit('C', { ...report('x'), period: '2027-01' })],
      ['data without the required figure', () => submit('C', report('x', { ketNap: 2 }))],
      ['figure of the wrong type', () => submit('C', report('x', { dangVien: 'bốn mươi' }))],
      ['negative figure', () => submit('C', report('x', { dangVien: -1 }))],
      ['unexpected field', () => submit('C', { ...report('x'), orgId: ids.A })],
      ['attachment never uploaded', () => submit('C', { ...report('x'), attachments: ['01JZZZZZZZZZZZZZZZZZZZZZZZ'] })],
      ['title too long', () => submit('C', report('x'.repeat(501)))],
      ['office token instead of a client', () => api('POST', '/v1/reports', { token: vanthu, body: report('x') })],
      ['no token', () => api('POST', '/v1/reports', { body: report('x') })],
    ];
    expect(bad.length).toBeGreaterThanOrEqual(10);
    for (const [what, send] of bad) {
      const r = await send();
      expect(r.status, what).toBeGreaterThanOrEqual(400);
      expect(r.status, what).toBeLessThan(500);
      expect(r.body.error?.code, what).toEqual(expect.any(String));
    }
    expect(await officeList()).toEqual(before);
    expect((await api('GET', '/v1/reports', { token: tokens.C })).body.items).toEqual(ownBefore);
    expect(ownBefore).toEqual([]);
  });

  it('gives a revoked client 401 on every route and no new token', async () => {
    const extra = await api('POST', `/v1/orgs/${ids.B}/clients`, { token: admin, body: { name: 'Máy thứ hai của B' } });
    const issued = (await (await token(extra.body.clientId, extra.body.clientSecret)).json()) as { access_token: string };
    expect((await api('GET', '/v1/reports', { token: issued.access_token })).status).toBe(200);
    const revoked = await api('POST', `/v1/orgs/${ids.B}/clients/${extra.body.clientId}/revoke`, { token: admin });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked).toBe(true);
    expect((await api('GET', '/v1/reports', { token: issued.access_token })).status).toBe(401);
    expect((await api('POST', '/v1/reports', { token: issued.access_token, body: report('x') })).status).toBe(401);
    expect((await api('GET', `/v1/reports/${reportIds.B}`, { token: issued.access_token })).status).toBe(401);
    expect((await token(extra.body.clientId, extra.body.clientSecret)).status).toBe(401);
    // B's other client is untouched.
    expect((await api('GET', '/v1/reports', { token: tokens.B })).status).toBe(200);
  });

  it('reminds C, and only C, once the clock is past the deadline', async () => {
    expect(await outbox()).toEqual([]);
    await setClock('2026-11-06T09:00:00');
    const deadline = Date.now() + 20_000;
    let box = await outbox();
    while (box.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      box = await outbox();
    }
    // A few more timer ticks must not add anything.
    await new Promise((r) => setTimeout(r, 1500));
    box = await outbox();
    expect(box.map((m) => m.orgId)).toEqual([ids.C]);
    expect(box[0]).toMatchObject({ kind: 'report-reminder', to: ['chibo-c@example.vn'], subject: 'Quá hạn gửi Báo cáo tháng Tháng 10/2026 (hạn 05/11/2026)' });
    const reminders = await api('GET', `/v1/reports/reminders?reportType=${TYPE}&period=2026-10`, { token: vanthu });
    expect(reminders.body.items.map((r: { orgId: string; kind: string; status: string }) => [r.orgId, r.kind, r.status])).toEqual([[ids.C, 'after', 'sent']]);
  });

  it('exports the consolidated period as XLSX and CSV', async () => {
    const x = await fetch(`${office.url}/v1/reports/export?reportType=${TYPE}&period=2026-10`, { headers: { authorization: `Bearer ${vanthu}` } });
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await x.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const csv = await fetch(`${office.url}/v1/reports/export?reportType=${TYPE}&period=2026-10&format=csv`, { headers: { authorization: `Bearer ${vanthu}` } });
    const lines = (await csv.text()).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(['Đã gửi đúng hạn', 'Gửi chậm', 'Chưa gửi']);
  });
});
