/**
 * Organisations, machine clients, report types and submissions through the real handlers on
 * DynamoDB Local and s3rver: versions, idempotency, isolation between organisations, bad input,
 * revocation, status, export and attachments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { clientToken, uniqueSuffix } from '../support/reports';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const orgs = await composed('orgs');
const exportsHandler = await composed('exports');
const reports = await composed('reports');
const { officeParts, useParts } = await import('../support/parts');
const { tableName } = await import('../../shared/platform/aws/tables');
const { preTokenGeneration } = await import('../../shared/identity/adapters/pre-token-claims');

const sfx = uniqueSuffix();
const A = `xa-a-${sfx}`;
const B = `xa-b-${sfx}`;
const C = `chibo-c-${sfx}`;
const TOP = `tinh-${sfx}`;
const TYPE = `BC-THANG-${sfx}`;
const vn = (wall: string) => new Date(`${wall}+07:00`);
const setClock = (wall: string) => {
  const at = vn(wall).getTime();
  useParts({ clock: { now: () => new Date(at) } });
};

let admin: string;
let vanthu: string;
const tokens: Record<string, string> = {};
const clientIds: Record<string, string> = {};

const schema = {
  type: 'object',
  required: ['dangVien'],
  additionalProperties: false,
  properties: { dangVien: { type: 'integer', minimum: 0, title: 'Số đảng viên' }, ketNapMoi: { type: 'integer', minimum: 0 } },
};
const good = (title = 'Báo cáo tháng 10/2026') => ({ reportType: TYPE, period: '2026-10', title, content: 'Tình hình tháng 10', data: { dangVien: 120, ketNapMoi: 3 } });
const submit = (org: string, body: unknown, headers: Record<string, string> = {}) => invoke(reports, { method: 'POST', path: '/v1/reports', token: tokens[org]!, body, headers });
const listOwn = async (org: string) => (await invoke(reports, { method: 'GET', path: '/v1/reports', token: tokens[org]!, query: { reportType: TYPE } })).body.items as { id: string; latestVersion: number }[];

beforeAll(async () => {
  admin = await tokenFor('admin');
  vanthu = await tokenFor('vanthu');
  setClock('2026-10-20T09:00:00');
});
afterAll(() => useParts({}));

describe('organisations', () => {
  it('are made by an admin as a tree, and refuse unknown parents, cycles and stale versions', async () => {
    const top = await invoke(orgs, { method: 'POST', path: '/v1/orgs', token: admin, body: { id: TOP, name: 'Đảng bộ tỉnh' } });
    expect(top.status).toBe(201);
    expect(top.headers.etag).toBe('"1"');
    for (const [id, name, parentId] of [
      [A, 'Đảng ủy xã A', TOP],
      [B, 'Đảng ủy xã B', TOP],
      [C, 'Chi bộ C', A],
    ] as const) {
      const r = await invoke(orgs, { method: 'POST', path: '/v1/orgs', token: admin, body: { id, name, parentId, email: `${id}@example.vn` } });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ id, name: name.normalize('NFC'), parentId, active: true, version: 1 });
    }
    expect((await invoke(orgs, { method: 'POST', path: '/v1/orgs', token: admin, body: { id: A, name: 'again' } })).status).toBe(409);
    const orphan = await invoke(orgs, { method: 'POST', path: '/v1/orgs', token: admin, body: { name: 'Mồ côi', parentId: `nobody-${sfx}` } });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.code).toBe('UNKNOWN_PARENT');
    const cycle = await invoke(orgs, { method: 'PATCH', path: `/v1/orgs/${TOP}`, token: admin, body: { version: 1, parentId: C } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.code).toBe('ORG_CYCLE');
    const moved = await invoke(orgs, { method: 'PATCH', path: `/v1/orgs/${C}`, token: admin, body: { parentId: B }, headers: { 'If-Match': '"1"' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: B, version: 2 });
    expect((await invoke(orgs, { method: 'PATCH', path: `/v1/orgs/${C}`, token: admin, body: { version: 1, name: 'x' } })).status).toBe(409);
    expect((await invoke(orgs, { method: 'PATCH', path: `/v1/orgs/${C}`, token: admin, body: { name: 'x' } })).body.error.code).toBe('VERSION_REQUIRED');
    const audit = await officeParts().audit.list({ entityId: C });
    expect(audit.items.map((e) => e.action)).toEqual(['org.create', 'org.update']);
  });

  it('are the admin’s alone (api.md): office roles neither make nor read them here (the reports’ status names them)', async () => {
    expect((await invoke(orgs, { method: 'POST', path: '/v1/orgs', token: vanthu, body: { name: 'x' } })).status).toBe(403);
    expect((await invoke(orgs, { method: 'GET', path: '/v1/orgs', token: vanthu })).status).toBe(403);
    expect((await invoke(orgs, { method: 'GET', path: `/v1/orgs/${A}`, token: vanthu })).status).toBe(403);
    const got = await invoke(orgs, { method: 'GET', path: `/v1/orgs/${A}`, token: admin });
    expect(got.status).toBe(200);
    expect(got.body.parentId).toBe(TOP);
    expect((await invoke(orgs, { method: 'GET', path: `/v1/orgs/nobody-${sfx}`, token: admin })).status).toBe(404);
  });
});

describe('machine clients', () => {
  it('show the secret once, keep only its hash, and give tokens with the organisation', async () => {
    for (const org of [A, B, C]) {
      const r = await invoke(orgs, { method: 'POST', path: `/v1/orgs/${org}/clients`, token: admin, body: { name: `Phần mềm ${org}` } });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ orgId: org, revoked: false, scopes: ['daumoi/reports'] });
      expect(r.body.clientSecret).toMatch(/^[\w-]{40,}$/);
      expect(r.headers['cache-control']).toBe('no-store');
      clientIds[org] = r.body.clientId;
      tokens[org] = await clientToken(r.body.clientId, r.body.clientSecret);
      const stored = await officeParts().db.send(new GetCommand({ TableName: tableName('Data'), Key: { pk: `CLIENT#${r.body.clientId}`, sk: 'CLIENT' } }));
      expect(JSON.stringify(stored.Item)).not.toContain(r.body.clientSecret);
      expect(stored.Item!.secretHash).toMatch(/^[\w-]+:[\w-]+$/);
    }
    await expect(clientToken(clientIds[A]!, 'wrong-secret')).rejects.toThrow(/invalid_client/);
    const listed = await invoke(orgs, { method: 'GET', path: `/v1/orgs/${A}/clients`, token: admin });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).not.toHaveProperty('secretHash');
    expect(listed.body.items[0]).not.toHaveProperty('clientSecret');
    // An empty body is allowed; a client for an unknown organisation is not.
    expect((await invoke(orgs, { method: 'POST', path: `/v1/orgs/nobody-${sfx}/clients`, token: admin })).status).toBe(404);
  });

  it('map to their organisation in the Cognito trigger, read from the same registry', async () => {
    const event = { version: '3', triggerSource: 'TokenGeneration_ClientCredentials', callerContext: { clientId: clientIds[B], awsSdkVersion: 'x' }, request: { userAttributes: {}, groupConfiguration: {} }, response: {} };
    const out = (await preTokenGeneration(() => officeParts().clients)(event as never)) as { response: { claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: Record<string, string> } } } };
    expect(out.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride['custom:orgId']).toBe(B);
  });
});

describe('report types', () => {
  it('are defined by an admin, with targets and a data schema checked when saved', async () => {
    const r = await invoke(reports, { method: 'POST', path: '/v1/report-types', token: admin, body: { code: TYPE, name: 'Báo cáo tháng', period: 'monthly', dueDay: 5, orgIds: [A, B, C], dataSchema: schema } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ code: TYPE, period: 'monthly', dueDay: 5, orgIds: [A, B, C], version: 1, dataSchema: schema });
    const badSchema = await invoke(reports, { method: 'POST', path: '/v1/report-types', token: admin, body: { code: `${TYPE}-X`, name: 'x', period: 'monthly', dataSchema: { type: 'objekt' } } });
    expect(badSchema.status).toBe(400);
    expect(badSchema.body.error.code).toBe('INVALID_DATA_SCHEMA');
    const unknownOrg = await invoke(reports, { method: 'POST', path: '/v1/report-types', token: admin, body: { code: `${TYPE}-Y`, name: 'x', period: 'quarterly', orgIds: [`nobody-${sfx}`] } });
    expect(unknownOrg.body.error.code).toBe('UNKNOWN_ORG');
    const adHoc = await invoke(reports, { method: 'POST', path: '/v1/report-types', token: admin, body: { code: `${TYPE}-DX`, name: 'Đột xuất', period: 'ad-hoc', deadline: '2026-09-10T17:00:00+07:00', orgIds: [A] } });
    expect(adHoc.body).toMatchObject({ reportPeriod: '2026-09', deadline: '2026-09-10T17:00:00+07:00' });
  });

  it('are seen by an organisation only when asked of it', async () => {
    const seenByA = await invoke(reports, { method: 'GET', path: '/v1/report-types', token: tokens[A]! });
    expect(seenByA.body.items.map((t: { code: string }) => t.code)).toEqual([TYPE, `${TYPE}-DX`]);
    expect((await invoke(reports, { method: 'GET', path: `/v1/report-types/${TYPE}-DX`, token: tokens[B]! })).status).toBe(404);
    expect((await invoke(reports, { method: 'GET', path: `/v1/report-types/${TYPE}-DX`, token: vanthu })).status).toBe(200);
  });
});

describe('submissions', () => {
  let idA: string;

  it('record the first version on time, and replay the same Idempotency-Key without a second record', async () => {
    setClock('2026-11-03T10:00:00');
    const first = await submit(A, good(), { 'Idempotency-Key': `a-${sfx}` });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, onTime: true, orgId: A, period: '2026-10', submittedAt: '2026-11-03T10:00:00+07:00', deadline: '2026-11-05T23:59:59.999+07:00' });
    idA = first.body.id;
    const again = await submit(A, good(), { 'Idempotency-Key': `a-${sfx}` });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await listOwn(A)).toEqual([expect.objectContaining({ id: idA, latestVersion: 1 })]);
    const reused = await submit(A, good('other body'), { 'Idempotency-Key': `a-${sfx}` });
    expect(reused.status).toBe(409);
  });

  it('make version 2 on resubmission and keep version 1', async () => {
    setClock('2026-11-07T08:00:00');
    const second = await submit(A, { ...good('Báo cáo tháng 10/2026 (bổ sung)'), data: { dangVien: 121 } });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: idA, version: 2, onTime: false });
    const report = await invoke(reports, { method: 'GET', path: `/v1/reports/${idA}`, token: tokens[A]! });
    expect(report.body).toMatchObject({ version: 2, latestVersion: 2, data: { dangVien: 121 }, firstSubmittedAt: '2026-11-03T10:00:00+07:00' });
    expect(report.body.versions.map((v: { version: number; onTime: boolean }) => [v.version, v.onTime])).toEqual([
      [1, true],
      [2, false],
    ]);
    const v1 = await invoke(reports, { method: 'GET', path: `/v1/reports/${idA}/versions/1`, token: vanthu });
    expect(v1.body).toMatchObject({ version: 1, title: 'Báo cáo tháng 10/2026', data: { dangVien: 120, ketNapMoi: 3 } });
    expect((await invoke(reports, { method: 'GET', path: `/v1/reports/${idA}/versions/3`, token: vanthu })).status).toBe(404);
    const audit = await officeParts().audit.list({ entityId: idA });
    expect(audit.items.map((e) => e.action)).toEqual(['report.submit', 'report.resubmit']);
  });

  it('are late after the deadline, and an organisation sees only its own', async () => {
    const late = await submit(B, good('Xã B'));
    expect(late.body).toMatchObject({ version: 1, onTime: false });
    expect((await invoke(reports, { method: 'GET', path: `/v1/reports/${late.body.id}`, token: tokens[A]! })).status).toBe(404);
    expect((await invoke(reports, { method: 'GET', path: `/v1/reports/${late.body.id}/versions/1`, token: tokens[A]! })).status).toBe(404);
    expect((await invoke(reports, { method: 'GET', path: `/v1/reports/${idA}`, token: tokens[B]! })).status).toBe(404);
    expect((await invoke(reports, { method: 'GET', path: '/v1/reports', token: tokens[A]!, query: { orgId: B } })).body.items).toEqual([]);
    expect((await listOwn(B)).map((r) => r.id)).toEqual([late.body.id]);
    const office = await invoke(reports, { method: 'GET', path: '/v1/reports', token: vanthu, query: { reportType: TYPE, period: '2026-10' } });
    expect(office.body.items.map((r: { orgId: string }) => r.orgId).sort()).toEqual([A, B].sort());
    expect((await invoke(reports, { method: 'GET', path: '/v1/reports', token: vanthu, query: { orgId: B } })).body.items).toHaveLength(1);
  });

  it('refuse bad payloads with a 4xx and store nothing', async () => {
    const before = await listOwn(C);
    const auditBefore = (await officeParts().audit.list({ entityId: C, limit: 200 })).items.length;
    const cases: [string, Parameters<typeof invoke>[1], number][] = [
      ['no body', { method: 'POST', path: '/v1/reports', token: tokens[C]! }, 400],
      ['not JSON', { method: 'POST', path: '/v1/reports', token: tokens[C]!, rawBody: '{"reportType":', headers: { 'Content-Type': 'application/json' } }, 400],
      ['not a JSON media type', { method: 'POST', path: '/v1/reports', token: tokens[C]!, rawBody: 'title=x', headers: { 'Content-Type': 'text/plain' } }, 415],
      ['no report type', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { period: '2026-10', title: 'x' } }, 400],
      ['unknown report type', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), reportType: `NONE-${sfx}` } }, 400],
      ['malformed period', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), period: '2026-13' } }, 400],
      ['period of another kind', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), period: '2026-Q3' } }, 400],
      ['period not begun', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), period: '2026-12' } }, 400],
      ['no period', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { reportType: TYPE, title: 'x', data: { dangVien: 1 } } }, 400],
      ['empty title', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), title: '   ' } }, 400],
      ['unknown field', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), orgId: A } }, 400],
      ['data missing a required figure', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), data: { ketNapMoi: 1 } } }, 400],
      ['data of the wrong type', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), data: { dangVien: 'nhiều' } } }, 400],
      ['data not an object', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), data: [1, 2] } }, 400],
      ['unknown attachment', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), attachments: ['01NOTANATTACHMENT'] } }, 400],
      ['type not asked of C', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), reportType: `${TYPE}-DX`, period: undefined } }, 403],
      ['a person, not a client', { method: 'POST', path: '/v1/reports', token: admin, body: good() }, 403],
      ['no token', { method: 'POST', path: '/v1/reports', body: good() }, 401],
      ['data too large', { method: 'POST', path: '/v1/reports', token: tokens[C]!, body: { ...good(), data: { dangVien: 1, ghiChu: 'x'.repeat(120_000) } } }, 413],
    ];
    for (const [what, req, status] of cases) {
      const r = await invoke(reports, req);
      expect(r.status, what).toBe(status);
      expect(r.body.error.code, what).toEqual(expect.any(String));
    }
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(await listOwn(C)).toEqual(before);
    expect(before).toEqual([]);
    expect((await officeParts().audit.list({ entityId: C, limit: 200 })).items.length).toBe(auditBefore);
  });

  it('for an ad-hoc type use its own period and deadline', async () => {
    setClock('2026-09-01T09:00:00');
    const r = await submit(A, { reportType: `${TYPE}-DX`, title: 'Báo cáo đột xuất' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ period: '2026-09', deadline: '2026-09-10T17:00:00+07:00', onTime: true });
  });
});

describe('the office’s view', () => {
  it('shows submitted, late and missing with the deadline', async () => {
    setClock('2026-11-10T09:00:00');
    const r = await invoke(reports, { method: 'GET', path: '/v1/reports/status', token: vanthu, query: { reportType: TYPE, period: '2026-10' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ reportType: TYPE, period: '2026-10', periodLabel: 'Tháng 10/2026', deadline: '2026-11-05T23:59:59.999+07:00', summary: { expected: 3, submitted: 1, late: 1, missing: 1 } });
    const byOrg = Object.fromEntries(r.body.items.map((i: { orgId: string; status: string }) => [i.orgId, i]));
    expect(byOrg[A]).toMatchObject({ status: 'submitted', latestVersion: 2, deadline: '2026-11-05T23:59:59.999+07:00' });
    expect(byOrg[B]).toMatchObject({ status: 'late' });
    expect(byOrg[C]).toMatchObject({ status: 'missing', overdue: true, parentId: B, depth: 1 });
    expect((await invoke(reports, { method: 'GET', path: '/v1/reports/status', token: tokens[A]!, query: { reportType: TYPE, period: '2026-10' } })).status).toBe(403);
    expect((await invoke(reports, { method: 'GET', path: '/v1/reports/status', token: vanthu, query: { reportType: `NONE-${sfx}`, period: '2026-10' } })).status).toBe(404);
  });

  it('exports the period as CSV and XLSX with each organisation’s latest data', async () => {
    const csv = await invoke(exportsHandler, { method: 'GET', path: '/v1/reports/export', token: vanthu, query: { reportType: TYPE, period: '2026-10', format: 'csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = (csv.body as string).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('STT,Mã đơn vị,Đơn vị,Tình trạng,Gửi lần đầu,Gửi lần cuối,Phiên bản,Tiêu đề,Số đảng viên,ketNapMoi');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes(A))).toContain('Đã gửi đúng hạn');
    expect(lines.find((l) => l.includes(A))).toMatch(/,121,$/);
    expect(lines.find((l) => l.includes(C))).toContain('Chưa gửi');
    const xlsx = await invoke(exportsHandler, { method: 'GET', path: '/v1/reports/export', token: vanthu, query: { reportType: TYPE, period: '2026-10' } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="bao-cao-${TYPE}-2026-10.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.body as string, 'base64') as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(9).value).toBe('Số đảng viên');
    const rows = [3, 4, 5].map((n) => ws.getRow(n).values as unknown[]);
    expect(rows.find((v) => v.includes(B))).toContain('Gửi chậm');
    expect(rows.find((v) => v.includes(A))).toContain(121);
  });
});

describe('attachments', () => {
  it('are uploaded to a presigned URL, named in a submission, and downloaded by whoever may see the report', async () => {
    setClock('2026-11-10T09:00:00');
    const slot = await invoke(reports, { method: 'POST', path: '/v1/reports/attachments', token: tokens[C]!, body: { fileName: 'Báo cáo C.pdf', contentType: 'application/pdf', size: Buffer.byteLength('%PDF-1.4 báo cáo') } });
    expect(slot.status).toBe(201);
    expect(slot.body.uploadUrl).toContain(`/reports/${C}/${slot.body.attachmentId}`);
    const notYet = await submit(C, { ...good('Chi bộ C'), attachments: [slot.body.attachmentId] });
    expect(notYet.status).toBe(400);
    expect(notYet.body.error.code).toBe('ATTACHMENT_NOT_UPLOADED');
    const put = await fetch(slot.body.uploadUrl, { method: 'PUT', headers: slot.body.headers, body: '%PDF-1.4 báo cáo' });
    expect(put.status).toBe(200);
    const r = await submit(C, { ...good('Chi bộ C'), attachments: [slot.body.attachmentId] });
    expect(r.status).toBe(201);
    const report = await invoke(reports, { method: 'GET', path: `/v1/reports/${r.body.id}`, token: tokens[C]! });
    expect(report.body.attachments).toEqual([{ attachmentId: slot.body.attachmentId, fileName: 'Báo cáo C.pdf', contentType: 'application/pdf', size: Buffer.byteLength('%PDF-1.4 báo cáo') }]);
    const link = await invoke(reports, { method: 'GET', path: `/v1/reports/${r.body.id}/attachments/${slot.body.attachmentId}`, token: vanthu });
    expect(link.status).toBe(200);
    const file = await fetch(link.body.downloadUrl);
    expect(await file.text()).toBe('%PDF-1.4 báo cáo');
    expect((await invoke(reports, { method: 'GET', path: `/v1/reports/${r.body.id}/attachments/${slot.body.attachmentId}`, token: tokens[A]! })).status).toBe(404);
    // Another organisation cannot name C's upload in its own report.
    const stolen = await submit(B, { ...good(), attachments: [slot.body.attachmentId] });
    expect(stolen.body.error.code).toBe('UNKNOWN_ATTACHMENT');
    const badType = await invoke(reports, { method: 'POST', path: '/v1/reports/attachments', token: tokens[C]!, body: { fileName: 'x.exe', contentType: 'application/x-msdownload', size: 10 } });
    expect(badType.status).toBe(415);
  });
});

describe('revocation', () => {
  it('makes every request with the client’s token 401, and no new token is issued', async () => {
    const r = await invoke(orgs, { method: 'POST', path: `/v1/orgs/${B}/clients/${clientIds[B]}/revoke`, token: admin });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ revoked: true, revokedAt: expect.any(String) });
    expect((await submit(B, good())).status).toBe(401);
    expect((await invoke(reports, { method: 'GET', path: '/v1/reports', token: tokens[B]! })).status).toBe(401);
    expect((await invoke(orgs, { method: 'POST', path: `/v1/orgs/${A}/clients/${clientIds[B]}/revoke`, token: admin })).status).toBe(404);
    expect((await invoke(orgs, { method: 'POST', path: `/v1/orgs/${B}/clients/${clientIds[B]}/revoke`, token: admin })).status).toBe(200);
    const event = { version: '3', triggerSource: 'TokenGeneration_ClientCredentials', callerContext: { clientId: clientIds[B], awsSdkVersion: 'x' }, request: {}, response: {} };
    await expect(preTokenGeneration(() => officeParts().clients)(event as never)).rejects.toThrow(/revoked/);
  });
});
