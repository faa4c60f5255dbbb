/**
 * What the console's administration edits, through the API (admin only, audited with who, before and
 * after): a report type's name, due day and whether it applies (PATCH /v1/report-types/{code}, with
 * its version; its period kind never), an organisation's name and place in the tree, and a client's
 * revocation. The due day moves the deadline GET /v1/reports/status gives (api.md: the end of that day
 * of the month after the period).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { uniqueSuffix } from '../support/reports';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const orgs = await composed('orgs');
const reports = await composed('reports');
const audit = await composed('audit');

const sfx = uniqueSuffix();
const TYPE = `BC-SUA-${sfx}`;
const PARENT = `tinh-sua-${sfx}`;
const ORG = `xa-sua-${sfx}`;
const t: Record<string, string> = {};

const events = async (entityId: string) => (await invoke(audit, { method: 'GET', path: '/v1/audit', token: t.admin!, query: { entityId } })).body.items as { action: string; actor: { username: string }; before: any; after: any }[];
const patchType = (body: unknown, who = 'admin', headers?: Record<string, string>) => invoke(reports, { method: 'PATCH', path: `/v1/report-types/${TYPE}`, token: t[who]!, body, ...(headers ? { headers } : {}) });
const deadlineOf = async (period: string) => (await invoke(reports, { method: 'GET', path: '/v1/reports/status', token: t.chanhvp!, query: { reportType: TYPE, period } })).body.deadline as string;

beforeAll(async () => {
  for (const u of ['admin', 'chanhvp', 'vanthu']) t[u] = await tokenFor(u);
  expect((await invoke(orgs, { method: 'POST', path: '/v1/orgs', token: t.admin!, body: { id: PARENT, name: 'Đảng bộ tỉnh (sửa)' } })).status).toBe(201);
  expect((await invoke(orgs, { method: 'POST', path: '/v1/orgs', token: t.admin!, body: { id: ORG, name: 'Đảng ủy xã Tân Sửa' } })).status).toBe(201);
  expect((await invoke(reports, { method: 'POST', path: '/v1/report-types', token: t.admin!, body: { code: TYPE, name: 'Báo cáo tháng', period: 'monthly', dueDay: 5, orgIds: [ORG] } })).status).toBe(201);
});

describe('editing a report type', () => {
  it('changes its name, due day and whether it applies; the deadline of a period follows; the audit log has who, before and after', async () => {
    expect(await deadlineOf('2026-10')).toMatch(/^2026-11-05T23:59:59/);
    const r = await patchType({ version: 1, name: 'Báo cáo tình hình tháng', dueDay: 10 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: TYPE, name: 'Báo cáo tình hình tháng', dueDay: 10, period: 'monthly', version: 2, active: true });
    expect(await deadlineOf('2026-10')).toMatch(/^2026-11-10T23:59:59/);
    const stopped = await patchType({ active: false }, 'admin', { 'If-Match': '"2"' });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ active: false, version: 3 });
    const log = (await events(TYPE)).filter((e) => e.action === 'report-type.update');
    expect(log).toHaveLength(2);
    expect(log.every((e) => e.actor.username === 'admin')).toBe(true);
    const rename = log.find((e) => e.after.name === 'Báo cáo tình hình tháng' && e.before.name === 'Báo cáo tháng');
    expect(rename).toMatchObject({ before: { dueDay: 5 }, after: { dueDay: 10 } });
  });

  it.each([
    ['a stale version', { version: 1, name: 'x' }, 409],
    ['no version', { name: 'x' }, 400],
    ['its period kind', { version: 3, period: 'quarterly' }, 400],
    ['a due day of 0', { version: 3, dueDay: 0 }, 400],
    ['an empty name', { version: 3, name: '   ' }, 400],
  ] as const)('refuses %s (%i) and changes nothing', async (_what, body, status) => {
    const r = await patchType(body);
    expect(r.status).toBe(status);
    const now = await invoke(reports, { method: 'GET', path: `/v1/report-types/${TYPE}`, token: t.admin! });
    expect(now.body).toMatchObject({ version: 3, name: 'Báo cáo tình hình tháng', dueDay: 10, period: 'monthly' });
  });

  it('is the admin’s alone (403 for the office’s leader and clerk); an unknown type is a 404', async () => {
    expect((await patchType({ version: 3, name: 'x' }, 'chanhvp')).status).toBe(403);
    expect((await patchType({ version: 3, name: 'x' }, 'vanthu')).status).toBe(403);
    expect((await invoke(reports, { method: 'PATCH', path: `/v1/report-types/KHONG-CO-${sfx}`, token: t.admin!, body: { version: 1, name: 'x' } })).status).toBe(404);
  });
});

describe('editing an organisation and revoking its client', () => {
  it('renames and moves an organisation (audited with before and after); a client revoked is audited too', async () => {
    const r = await invoke(orgs, { method: 'PATCH', path: `/v1/orgs/${ORG}`, token: t.admin!, body: { version: 1, name: 'Đảng ủy xã Tân Sửa Mới', parentId: PARENT } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'Đảng ủy xã Tân Sửa Mới', parentId: PARENT, version: 2 });
    const moved = (await events(ORG)).find((e) => e.action === 'org.update')!;
    expect(moved).toMatchObject({ actor: { username: 'admin' }, before: { name: 'Đảng ủy xã Tân Sửa', parentId: null }, after: { name: 'Đảng ủy xã Tân Sửa Mới', parentId: PARENT } });
    // Under itself: refused with the cycle named.
    const cycle = await invoke(orgs, { method: 'PATCH', path: `/v1/orgs/${PARENT}`, token: t.admin!, body: { version: 1, parentId: ORG } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.code).toBe('ORG_CYCLE');
    expect((await invoke(orgs, { method: 'PATCH', path: `/v1/orgs/${ORG}`, token: t.chanhvp!, body: { version: 2, name: 'x' } })).status).toBe(403);

    const client = await invoke(orgs, { method: 'POST', path: `/v1/orgs/${ORG}/clients`, token: t.admin! });
    expect(client.status).toBe(201);
    const revoked = await invoke(orgs, { method: 'POST', path: `/v1/orgs/${ORG}/clients/${client.body.clientId}/revoke`, token: t.admin! });
    expect(revoked.status).toBe(200);
    const e = (await events(client.body.clientId)).find((x) => x.action === 'client.revoke')!;
    expect(e).toMatchObject({ actor: { username: 'admin' }, before: { revoked: false }, after: { revoked: true } });
    expect(JSON.stringify(e)).not.toContain(client.body.clientSecret);
    expect((await invoke(orgs, { method: 'POST', path: `/v1/orgs/${ORG}/clients/${client.body.clientId}/revoke`, token: t.chanhvp! })).status).toBe(403);
  });
});
