/**
 * Limits on what a client can upload (issue 11 part 3): an upload URL is issued only for an
 * announced size (≤ 50 MB) and an accepted type, and it signs both, so the embedded S3 (as S3)
 * refuses a PUT of another length or type; a report attachment cannot be replaced once a
 * submitted report cites it. Real handlers, DynamoDB Local and s3rver.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { clientToken, uniqueSuffix } from '../support/reports';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const scans = await composed('scans');
const orgs = await composed('orgs');
const reports = await composed('reports');

const MB50 = 50 * 1024 * 1024;
const sfx = uniqueSuffix();
const ORG = `xa-lim-${sfx}`;
const TYPE = `BC-LIM-${sfx}`;
let clerk: string;
let org: string;

beforeAll(async () => {
  clerk = await tokenFor('vanthu');
  const admin = await tokenFor('admin');
  expect((await invoke(orgs, { method: 'POST', path: '/v1/orgs', token: admin, body: { id: ORG, name: 'Đảng ủy xã Giới Hạn' } })).status).toBe(201);
  const client = await invoke(orgs, { method: 'POST', path: `/v1/orgs/${ORG}/clients`, token: admin, body: { name: 'Phần mềm xã' } });
  org = await clientToken(client.body.clientId, client.body.clientSecret);
  const type = await invoke(reports, { method: 'POST', path: '/v1/report-types', token: admin, body: { code: TYPE, name: 'Báo cáo giới hạn', period: 'ad-hoc', deadline: '2099-12-31T17:00:00+07:00', orgIds: [ORG] } });
  expect(type.status).toBe(201);
});

const newScan = (body: unknown) => invoke(scans, { method: 'POST', path: '/v1/scans', token: clerk, body });
const newAttachment = (body: unknown) => invoke(reports, { method: 'POST', path: '/v1/reports/attachments', token: org, body });

describe('an upload URL needs the size, within 50 MB, of an accepted type', () => {
  const cases = [
    { route: 'POST /v1/scans', send: newScan, type: 'application/pdf', badType: 'image/gif' },
    { route: 'POST /v1/reports/attachments', send: newAttachment, type: 'application/pdf', badType: 'application/x-msdownload' },
  ];
  for (const c of cases) {
    it(`${c.route}: no size → 400, over 50 MB → 413, another type → 415, else 201 signed for both`, async () => {
      const none = await c.send({ fileName: 'a.pdf', contentType: c.type });
      expect(none.status).toBe(400);
      expect(none.body.error.details).toContainEqual(expect.objectContaining({ path: 'body.size' }));
      for (const size of [0, -1, 1.5, '10']) expect((await c.send({ fileName: 'a.pdf', contentType: c.type, size })).status).toBe(400);
      expect((await c.send({ fileName: 'a.pdf', contentType: c.type, size: MB50 + 1 })).status).toBe(413);
      expect((await c.send({ fileName: 'a.gif', contentType: c.badType, size: 10 })).status).toBe(415);
      const ok = await c.send({ fileName: 'a.pdf', contentType: c.type, size: MB50 });
      expect(ok.status).toBe(201);
      expect(new URL(ok.body.uploadUrl).searchParams.get('X-Amz-SignedHeaders')).toMatch(/^content-length;content-type;host(;if-none-match)?$/);
      expect(ok.body.headers).toMatchObject({ 'content-type': c.type, 'content-length': String(MB50) });
    });
  }
});

describe('the embedded S3 refuses a PUT that is not what the URL was signed for', () => {
  it('another length or another type → 403; the signed ones → 200', async () => {
    const body = Buffer.from('%PDF-1.4 công văn\n%%EOF\n');
    for (const send of [newScan, newAttachment]) {
      const r = await send({ fileName: 'cv.pdf', contentType: 'application/pdf', size: body.length });
      const url = r.body.uploadUrl as string;
      // The signed headers but the length, which fetch sets from the body.
      const { 'content-length': _length, ...signed } = r.body.headers as Record<string, string>;
      const longer = await fetch(url, { method: 'PUT', headers: signed, body: Buffer.concat([body, Buffer.from('x')]) });
      expect(longer.status).toBe(403);
      expect(await longer.text()).toContain('SignatureDoesNotMatch');
      const shorter = await fetch(url, { method: 'PUT', headers: signed, body: body.subarray(1) });
      expect(shorter.status).toBe(403);
      const otherType = await fetch(url, { method: 'PUT', headers: { ...signed, 'content-type': 'text/html' }, body });
      expect(otherType.status).toBe(403);
      const right = await fetch(url, { method: 'PUT', headers: signed, body });
      expect(right.status).toBe(200);
    }
  });
});

describe('a report attachment cannot be replaced once a submitted report cites it', () => {
  it('the upload URL writes once: a second PUT is refused (412, If-None-Match: * is signed), and a report serves what it cited', async () => {
    const first = Buffer.from('%PDF-1.4 bản gốc\n');
    const forged = Buffer.from('%PDF-1.4 bản giả\n');
    expect(forged.length).toBe(first.length);
    const slot = await newAttachment({ fileName: 'phu-luc.pdf', contentType: 'application/pdf', size: first.length });
    const put = (b: Buffer) => fetch(slot.body.uploadUrl, { method: 'PUT', headers: slot.body.headers, body: b });
    expect((await put(first)).status).toBe(200);
    const submit = (title: string) =>
      invoke(reports, { method: 'POST', path: '/v1/reports', token: org, body: { reportType: TYPE, title, content: 'x', data: {}, attachments: [slot.body.attachmentId] } });
    const r1 = await submit('Báo cáo lần 1');
    expect(r1.status).toBe(201);
    expect(slot.body.headers['if-none-match']).toBe('*');
    expect(new URL(slot.body.uploadUrl).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host;if-none-match');
    // The URL is still valid (15 minutes): the same length, other bytes.
    const again = await put(forged);
    expect(again.status).toBe(412);
    expect(await again.text()).toContain('PreconditionFailed');
    // Without the condition the signature does not match.
    const { 'if-none-match': _condition, ...unconditional } = slot.body.headers as Record<string, string>;
    expect((await fetch(slot.body.uploadUrl, { method: 'PUT', headers: unconditional, body: forged })).status).toBe(403);
    const download = async () => {
      const link = await invoke(reports, { method: 'GET', path: `/v1/reports/${r1.body.id}/attachments/${slot.body.attachmentId}`, token: org });
      expect(link.status).toBe(200);
      return Buffer.from(await (await fetch(link.body.downloadUrl)).arrayBuffer());
    };
    expect(await download()).toEqual(first);
    // A new version citing the same attachment cites the sealed file too.
    const r2 = await submit('Báo cáo lần 2');
    expect(r2.status).toBe(201);
    expect(await download()).toEqual(first);
  });

  it('a file replaced at its upload key by other means is still not what the report serves (sealed copy)', async () => {
    const first = Buffer.from('%PDF-1.4 bản gốc\n');
    const slot = await newAttachment({ fileName: 'phu-luc.pdf', contentType: 'application/pdf', size: first.length });
    expect((await fetch(slot.body.uploadUrl, { method: 'PUT', headers: slot.body.headers, body: first })).status).toBe(200);
    const r = await invoke(reports, { method: 'POST', path: '/v1/reports', token: org, body: { reportType: TYPE, title: 'Báo cáo', content: 'x', data: {}, attachments: [slot.body.attachmentId] } });
    expect(r.status).toBe(201);
    // As a holder of the bucket's write permission could: overwrite the upload key directly.
    const { officeParts } = await import('../support/parts');
    await officeParts().blobs.put(new URL(slot.body.uploadUrl).pathname.split('/').slice(2).join('/'), '%PDF-1.4 bản giả\n', 'application/pdf');
    const link = await invoke(reports, { method: 'GET', path: `/v1/reports/${r.body.id}/attachments/${slot.body.attachmentId}`, token: org });
    expect(Buffer.from(await (await fetch(link.body.downloadUrl)).arrayBuffer())).toEqual(first);
  });

  it('an upload whose length differs from the announced one is not accepted into a report', async () => {
    const slot = await newAttachment({ fileName: 'phu-luc.pdf', contentType: 'application/pdf', size: 20 });
    const { 'content-length': _length, ...signed } = slot.body.headers as Record<string, string>;
    expect((await fetch(slot.body.uploadUrl, { method: 'PUT', headers: signed, body: Buffer.alloc(21, 65) })).status).toBe(403);
    const r = await invoke(reports, { method: 'POST', path: '/v1/reports', token: org, body: { reportType: TYPE, title: 't', content: 'x', data: {}, attachments: [slot.body.attachmentId] } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('ATTACHMENT_NOT_UPLOADED');
  });
});
