/**
 * The scans and search API through their handlers: upload URLs (type and size), who sees a
 * scan, registration from a read scan with the clerk's corrections, the secrecy guard on a
 * corrected secrecy, and finding the registered letter by words and by its number-symbol.
 * Read scans are written through the scan store (the OCR run is covered by scans-pipeline).
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { objectExists } from './scans-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const scans = await composed('scans');
const search = await composed('search');
const { officeParts } = await import('../support/parts');
// Search indexing follows the Data table's stream, as in the office.
const { startSearchIndexing } = await import('../../local/plugins/search-indexer');
const indexing = await startSearchIndexing();
afterAll(() => indexing.stop());
const { DynamoScanStore } = await import('../../shared/scans/adapters/dynamo-scan-store');
const { documentClient } = await import('../../shared/platform/aws/dynamodb-client');
const { tableName } = await import('../../shared/platform/aws/tables');
type Secrecy = import('../../shared/platform/security').Secrecy;

const store = new DynamoScanStore(documentClient(), tableName('Data'));
const tokens = {} as Record<'vanthu' | 'chuyenvien' | 'chuyenvien2' | 'chanhvp', string>;
const field = (value: unknown, confidence = 0.95) => ({ value, confidence });

/** A scan as OCR would leave it: created through the API, its job finished `done` with these fields and text. */
async function readScan(opts: { numberSymbol: string | null; subject: string; secrecy?: Secrecy | null; secrecyReason?: string; text: string }): Promise<string> {
  const created = await invoke(scans, { method: 'POST', path: '/v1/scans', token: tokens.vanthu, body: { fileName: 'ct.pdf', contentType: 'application/pdf', size: 17 } });
  const scanId = created.body.scanId as string;
  await officeParts().blobs.put(`scans/${scanId}`, '%PDF-1.4 stand-in', 'application/pdf');
  const claim = await store.claimJob(scanId, `${scanId}#v1`, { now: new Date(), leaseMs: 60_000 });
  if (!claim.claimed) throw new Error('claim failed');
  const fields = {
    numberSymbol: field(opts.numberSymbol),
    typeCode: field('CT'),
    issuer: field('ĐẢNG ỦY PHƯỜNG PHÚ HỘI'),
    issuerCode: field('ĐU'),
    place: field('Huế'),
    documentDate: field('2024-03-01'),
    subject: field(opts.subject, 0.6),
    secrecy: opts.secrecyReason ? { value: null, confidence: 0.4, reason: opts.secrecyReason } : field(opts.secrecy ?? null),
    urgency: field(null),
    signer: field('Nguyễn Văn An'),
    recipients: field(['Các chi bộ trực thuộc']),
  };
  await officeParts().blobs.put(`ocr/${scanId}.json`, JSON.stringify({ scanId, jobKey: `${scanId}#v1`, engine: 'tesseract', pages: [{ page: 1, text: opts.text, confidence: 0.9 }], text: opts.text, createdAt: new Date().toISOString() }), 'application/json');
  await store.finishJob(
    claim.job,
    { status: 'done', upload: { etag: 'e', versionId: null, size: 17, detectedType: 'pdf', receivedAt: new Date().toISOString() }, pages: 1, textKey: `ocr/${scanId}.json`, fields: fields as never, lowConfidence: ['subject'], secrecy: opts.secrecy ?? null, urgency: null, engine: 'tesseract' },
    new Date(),
  );
  return scanId;
}

beforeAll(async () => {
  for (const u of ['vanthu', 'chuyenvien', 'chuyenvien2', 'chanhvp'] as const) tokens[u] = await tokenFor(u);
});

describe('POST /v1/scans', () => {
  it('gives the clerk a presigned PUT URL signed for the type and the size', async () => {
    const r = await invoke(scans, { method: 'POST', path: '/v1/scans', token: tokens.vanthu, body: { fileName: 'công văn.pdf', contentType: 'application/pdf', size: 1234 } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ scanId: expect.any(String), method: 'PUT', expiresAt: expect.any(String), headers: { 'content-type': 'application/pdf', 'content-length': '1234' }, maxBytes: 52_428_800 });
    const url = new URL(r.body.uploadUrl);
    expect(url.pathname.endsWith(`/scans/${r.body.scanId}`)).toBe(true);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(new Date(r.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const scan = await invoke(scans, { method: 'GET', path: `/v1/scans/${r.body.scanId}`, token: tokens.vanthu });
    expect(scan.body).toMatchObject({ status: 'awaiting-upload', fileName: 'công văn.pdf', text: null, fields: {} });
  });

  it('refuses other types (415), more than 50 MB (413), a missing file name (400) and non-clerks (403)', async () => {
    const post = (body: unknown, token = tokens.vanthu) => invoke(scans, { method: 'POST', path: '/v1/scans', token, body });
    expect((await post({ fileName: 'a.gif', contentType: 'image/gif', size: 10 })).status).toBe(415);
    expect((await post({ fileName: 'a.pdf', contentType: 'application/pdf', size: 50 * 1024 * 1024 + 1 })).status).toBe(413);
    expect((await post({ contentType: 'application/pdf', size: 10 })).status).toBe(400);
    expect((await post({ fileName: 'a.pdf', contentType: 'application/pdf', size: 10 }, tokens.chuyenvien)).status).toBe(403);
  });
});

describe('registering a read scan, and searching for it', () => {
  const number = `${randomInt(100, 9000)}-CT/ĐU`;
  let scanId: string;
  let entryId: string;

  it('shows the read scan with its text, fields and the fields to check', async () => {
    scanId = await readScan({ numberSymbol: number, subject: 'về tăng cường công tác văn thư, lưu trữ', text: 'CHỈ THỊ về tăng cường công tác văn thư, lưu trữ trong các cơ quan, tổ chức đảng' });
    const r = await invoke(scans, { method: 'GET', path: `/v1/scans/${scanId}`, token: tokens.chuyenvien });
    expect(r.body).toMatchObject({ status: 'done', pages: 1, lowConfidence: ['subject'], message: expect.stringMatching(/subject/) });
    expect(r.body.fields.numberSymbol).toEqual({ value: number, confidence: 0.95 });
    expect(r.body.text).toContain('tổ chức đảng');
  });

  it('makes the incoming entry from the fields, the clerk’s corrections winning, linked to the scan', async () => {
    const r = await invoke(scans, { method: 'POST', path: `/v1/scans/${scanId}/register`, token: tokens.vanthu, body: { subject: 'về tăng cường công tác văn thư, lưu trữ trong các cơ quan đảng' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ register: 'incoming', numberSymbol: number, typeCode: 'CT', documentDate: '2024-03-01', scanId, subject: 'về tăng cường công tác văn thư, lưu trữ trong các cơ quan đảng' });
    entryId = r.body.id;
    const scan = await invoke(scans, { method: 'GET', path: `/v1/scans/${scanId}`, token: tokens.vanthu });
    expect(scan.body.entryId).toBe(entryId);
    const again = await invoke(scans, { method: 'POST', path: `/v1/scans/${scanId}/register`, token: tokens.vanthu, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(entryId);
  });

  it('finds the registered letter without diacritics and by its number-symbol', async () => {
    const find = async (q: string, token = tokens.chuyenvien) => invoke(search, { method: 'GET', path: '/v1/search', token, query: { q } });
    await indexing.drained();
    const words = await find('van thu luu tru');
    expect(words.status).toBe(200);
    expect(words.body.items.map((i: { id: string }) => i.id)).toContain(entryId);
    const hit = words.body.items.find((i: { id: string }) => i.id === entryId);
    expect(hit).toMatchObject({ register: 'incoming', numberSymbol: number, documentDate: '2024-03-01', score: expect.any(Number), snippet: expect.stringContaining('văn thư') });
    expect((await find(number)).body.items.map((i: { id: string }) => i.id)).toEqual([entryId]);
    expect((await find('to chuc dang')).body.items.map((i: { id: string }) => i.id)).toContain(entryId); // only in the OCR text
  });

  it('asks for the fields OCR could not find', async () => {
    const id = await readScan({ numberSymbol: null, subject: 'về việc khác', text: 'văn bản' });
    const r = await invoke(scans, { method: 'POST', path: `/v1/scans/${id}/register`, token: tokens.vanthu, body: {} });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([expect.objectContaining({ path: 'body.numberSymbol' })]);
  });

  it('fails closed on an unsure secrecy: shows the reason, and registers only once the clerk says (null for none)', async () => {
    const reason = 'ink in the header zone OCR could not read (a stamp?): possibly secret, the clerk decides';
    const id = await readScan({ numberSymbol: '12-CT/ĐU', subject: 'về việc khác', secrecyReason: reason, text: 'văn bản' });
    const shown = await invoke(scans, { method: 'GET', path: `/v1/scans/${id}`, token: tokens.vanthu });
    expect(shown.body.fields.secrecy).toEqual({ value: null, confidence: 0.4, reason });
    const r = await invoke(scans, { method: 'POST', path: `/v1/scans/${id}/register`, token: tokens.vanthu, body: {} });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([expect.objectContaining({ path: 'body.secrecy' })]);
    const ok = await invoke(scans, { method: 'POST', path: `/v1/scans/${id}/register`, token: tokens.vanthu, body: { secrecy: null } });
    expect(ok.status).toBe(201);
    expect(ok.body.secrecy).toBeNull();
  });

  it('applies the secrecy guard when the clerk corrects the secrecy to Tối mật', async () => {
    const id = await readScan({ numberSymbol: `${randomInt(100, 9000)}-CT/ĐU`, subject: 'về việc bảo vệ', text: 'nội dung' });
    const r = await invoke(scans, { method: 'POST', path: `/v1/scans/${id}/register`, token: tokens.vanthu, body: { secrecy: 'toi-mat' } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('METADATA_ONLY');
    expect(await objectExists(`ocr/${id}.json`)).toBe(false);
    expect(await objectExists(`scans/${id}`)).toBe(false);
    expect(await objectExists(`quarantine/${id}`)).toBe(true);
    const scan = await invoke(scans, { method: 'GET', path: `/v1/scans/${id}`, token: tokens.vanthu });
    expect(scan.body).toMatchObject({ status: 'quarantined', secrecy: 'toi-mat', text: null });
  });
});

describe('clearance', () => {
  it('treats a scan whose secrecy OCR is unsure of as Mật until the clerk decides: hidden from a user without clearance, visible once registered as not secret', async () => {
    const reason = 'ink in the header zone OCR could not read (a stamp?): possibly secret, the clerk decides';
    const word = `kiemtra${randomInt(1e6, 9e6)}`;
    const id = await readScan({ numberSymbol: `${randomInt(100, 9000)}-CT/ĐU`, subject: 'về việc khác', secrecyReason: reason, text: `văn bản ${word}` });
    const before = await invoke(scans, { method: 'GET', path: `/v1/scans/${id}`, token: tokens.chuyenvien2 });
    expect(before.status).toBe(404);
    expect(JSON.stringify(before.body)).not.toContain(word);
    const cleared = await invoke(scans, { method: 'GET', path: `/v1/scans/${id}`, token: tokens.chuyenvien });
    expect(cleared.body.text).toContain(word);
    const registered = await invoke(scans, { method: 'POST', path: `/v1/scans/${id}/register`, token: tokens.vanthu, body: { secrecy: null } });
    expect(registered.status).toBe(201);
    const after = await invoke(scans, { method: 'GET', path: `/v1/scans/${id}`, token: tokens.chuyenvien2 });
    expect(after.status).toBe(200);
    expect(after.body.text).toContain(word);
  });

  it('hides a Mật scan and its entry from a user without clearance', async () => {
    const number = `${randomInt(100, 9000)}-CT/ĐU`;
    const id = await readScan({ numberSymbol: number, subject: 'về công tác bảo mật văn thư lưu trữ', secrecy: 'mat', text: 'MẬT' });
    expect((await invoke(scans, { method: 'GET', path: `/v1/scans/${id}`, token: tokens.chuyenvien2 })).status).toBe(404);
    expect((await invoke(scans, { method: 'GET', path: `/v1/scans/${id}`, token: tokens.chuyenvien })).body.fields.secrecy.value).toBe('mat');
    const reg = await invoke(scans, { method: 'POST', path: `/v1/scans/${id}/register`, token: tokens.vanthu, body: {} });
    expect(reg.status).toBe(201);
    await indexing.drained();
    const ids = async (token: string, q: string) =>
      (await invoke(search, { method: 'GET', path: '/v1/search', token, query: { q } })).body.items.map((i: { id: string }) => i.id);
    expect(await ids(tokens.chuyenvien, number)).toEqual([reg.body.id]);
    expect(await ids(tokens.chuyenvien2, number)).toEqual([]);
    expect(await ids(tokens.chuyenvien2, 'bao mat van thu luu tru')).not.toContain(reg.body.id);
  });

  it('validates the search query', async () => {
    const r = await invoke(search, { method: 'GET', path: '/v1/search', token: tokens.chuyenvien, query: { q: '' } });
    expect(r.status).toBe(400);
    expect((await invoke(search, { method: 'GET', path: '/v1/search', token: tokens.chuyenvien, query: { q: 'x', from: '2024-02-01', to: '2024-01-01' } })).status).toBe(400);
    expect((await invoke(search, { method: 'GET', path: '/v1/search', query: { q: 'x' } })).status).toBe(401);
  });
});
