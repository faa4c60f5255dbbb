/**
 * The reminder job on DynamoDB Local: around a deadline, one reminder per organisation that has not
 * reported, in the outbox; never twice for the same scheduled reminder; retried after a failed send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { clientToken, uniqueSuffix } from '../support/reports';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const orgs = await composed('orgs');
const reports = await composed('reports');
const remindersJob = await composed('reminders');
const { officeParts, useParts } = await import('../support/parts');
const { reportsModule } = await import('../../shared/reports/index');

const sfx = uniqueSuffix();
const TYPE = `BC-NHAC-${sfx}`;
const [A, B, C, D] = ['a', 'b', 'c', 'd'].map((x) => `nhac-${x}-${sfx}`) as [string, string, string, string];
const at = (wall: string) => useParts({ clock: { now: () => new Date(`${wall}+07:00`) } });
let admin: string;

const outboxFor = async (orgId: string) => (await invoke(reports, { method: 'GET', path: '/v1/notifications/outbox', token: admin, query: { orgId } })).body.items as { subject: string; to: string[]; ref: string; text: string }[];

beforeAll(async () => {
  admin = await tokenFor('admin');
  at('2026-10-15T09:00:00');
  for (const id of [A, B, C, D]) {
    expect((await invoke(orgs, { method: 'POST', path: '/v1/orgs', token: admin, body: { id, name: `Chi bộ ${id}`, ...(id === D ? {} : { email: `${id}@example.vn` }) } })).status).toBe(201);
  }
  // D is asked for nothing: the type targets A, B and C.
  const t = await invoke(reports, { method: 'POST', path: '/v1/report-types', token: admin, body: { code: TYPE, name: 'Báo cáo tháng', period: 'monthly', dueDay: 5, orgIds: [A, B, C] } });
  expect(t.status).toBe(201);
  const c = await invoke(orgs, { method: 'POST', path: `/v1/orgs/${A}/clients`, token: admin });
  const token = await clientToken(c.body.clientId, c.body.clientSecret);
  expect((await invoke(reports, { method: 'POST', path: '/v1/reports', token, body: { reportType: TYPE, period: '2026-10', title: 'A' } })).status).toBe(201);
});
afterAll(() => useParts({}));

describe('reminders', () => {
  it('send nothing before the first reminder day', async () => {
    at('2026-11-01T09:00:00');
    await remindersJob();
    for (const id of [A, B, C, D]) expect(await outboxFor(id)).toEqual([]);
  });

  it('remind each organisation that has not reported, once per scheduled reminder', async () => {
    at('2026-11-02T09:00:00'); // 3 days before the deadline of 5 November
    const run = await remindersJob();
    expect(run.checked).toContainEqual({ reportType: TYPE, period: '2026-10', kind: 'before', missing: 2 });
    expect(await outboxFor(A)).toEqual([]);
    expect(await outboxFor(D)).toEqual([]);
    for (const id of [B, C]) {
      const box = await outboxFor(id);
      expect(box).toHaveLength(1);
      expect(box[0]).toMatchObject({ to: [`${id}@example.vn`], ref: `${TYPE}/2026-10`, subject: 'Nhắc gửi Báo cáo tháng Tháng 10/2026 (hạn 05/11/2026)' });
    }
    await remindersJob();
    expect(await outboxFor(B)).toHaveLength(1);
    const recorded = await invoke(reports, { method: 'GET', path: '/v1/reports/reminders', token: await tokenFor('vanthu'), query: { reportType: TYPE, period: '2026-10' } });
    expect(recorded.body.items.map((r: { orgId: string; status: string; kind: string }) => [r.orgId, r.kind, r.status]).sort()).toEqual([
      [B, 'before', 'sent'],
      [C, 'before', 'sent'],
    ]);
  });

  it('remind after the deadline only those still missing, and retry a failed send on the next run', async () => {
    at('2026-11-06T09:00:00');
    const p = officeParts();
    const mailServerDown = { send: async () => Promise.reject(new Error('mail server down')) };
    const failing = reportsModule(p.platform, { audit: p.audit, office: () => p.domainConfig, provisioner: () => { throw new Error('reminders provision no client'); }, notifier: () => mailServerDown }).reminders;
    const failed = await failing.run();
    expect(failed.failed).toBeGreaterThanOrEqual(2);
    expect((await outboxFor(B)).length).toBe(1);
    const retried = await remindersJob();
    expect(retried.sent).toBeGreaterThanOrEqual(2);
    for (const id of [B, C]) {
      const box = await outboxFor(id);
      expect(box).toHaveLength(2);
      expect(box[0]!.subject).toBe('Quá hạn gửi Báo cáo tháng Tháng 10/2026 (hạn 05/11/2026)');
    }
    expect(await outboxFor(A)).toEqual([]);
    const audit = await officeParts().audit.list({ entityId: C, limit: 50 });
    expect(audit.items.filter((e) => e.action === 'report.remind').length).toBeGreaterThanOrEqual(2);
  });

  it('send again a reminder a dead run left pending, but not one a live run is sending', async () => {
    at('2026-11-08T09:00:00'); // 3 days after the deadline
    const { DynamoReminderStore } = await import('../../shared/reports/adapters/dynamo-reminder-store');
    const { tableName } = await import('../../shared/platform/aws/tables');
    const store = new DynamoReminderStore(officeParts().db, tableName('Data'));
    const slot = { reportType: TYPE, period: '2026-10', scheduledAt: new Date('2026-11-08T01:00:00Z').toISOString(), kind: 'after' as const, days: 3, deadline: '2026-11-05T23:59:59.999+07:00', status: 'pending' as const, to: [] };
    const audit = () => officeParts().audit.prepare({ actor: { sub: 'test', username: 'test', roles: [], clearance: 'none' }, action: 'test', entityType: 'test', entityId: 'test', before: null, after: null }).transactItem;
    expect(await store.claim({ ...slot, orgId: B, createdAt: '2026-11-08T01:30:00.000Z' }, audit(), '2026-11-08T01:45:00.000Z')).toBe(true); // died 30 min ago
    expect(await store.claim({ ...slot, orgId: C, createdAt: '2026-11-08T01:59:00.000Z' }, audit(), '2026-11-08T01:45:00.000Z')).toBe(true); // still sending
    await remindersJob();
    expect(await outboxFor(B)).toHaveLength(3);
    expect(await outboxFor(C)).toHaveLength(2);
  });

  it('can be run by an admin through the API', async () => {
    const r = await invoke(reports, { method: 'POST', path: '/v1/reports/reminders/run', token: admin });
    expect(r.status).toBe(200);
    expect(r.body.alreadyDone).toBeGreaterThanOrEqual(2);
    expect((await invoke(reports, { method: 'POST', path: '/v1/reports/reminders/run', token: await tokenFor('vanthu') })).status).toBe(403);
  });
});
