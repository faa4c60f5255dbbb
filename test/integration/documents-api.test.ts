/**
 * GET /v1/registers/outgoing/entries/{id}/document: the issued document as the office's signed
 * PDF, through the composed registers function on DynamoDB Local and s3rver. Rendered and signed
 * on first request (embedded key made under a fresh data directory), stored, the same bytes
 * after; secret entries refused with 409; the entry's clearance rules apply; audited.
 * Years used by this file: 2061 (term 2061–2066 of its own).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { outgoingBody, testConfig, tokenWith, useServices, vnClock } from './registers-support';
import { documentKey, fromPem, verifyPdfSignatures } from '../../shared/documents/index';
import { pdfText } from '../support/documents';

useEmbeddedEnv();
const keyDir = mkdtempSync(join(tmpdir(), 'daumoi-signing-'));
process.env.DAUMOI_SIGNING_DIR = keyDir;
const { composed, officeParts } = await import('../support/parts');
const handler = await composed('registers');

const config = testConfig((c) => c.numbering.terms.push({ id: '2061-2066', label: 'Nhiệm kỳ 2061–2066', start: '2061-01-05' }));
const tokens = {} as { vanthu: string; reader: string; clerkMat: string };
const get = (id: string, token: string) => invoke(handler, { method: 'GET', path: `/v1/registers/outgoing/entries/${id}/document`, token });
const pdfOf = (r: { body: string }) => new Uint8Array(Buffer.from(r.body, 'base64'));
let plain: { id: string; numberSymbol: string };
let secret: { id: string };
const ms: number[] = [];

beforeAll(async () => {
  tokens.vanthu = await tokenFor('vanthu');
  tokens.reader = await tokenFor('chuyenvien2');
  tokens.clerkMat = await tokenWith('vanthu-mat', ['van-thu'], 'mat');
  useServices({ clock: vnClock('2061-03-02T08:00:00'), domainConfig: config });
  const a = await invoke(handler, { method: 'POST', path: '/v1/registers/outgoing/entries', token: tokens.vanthu, body: outgoingBody({ subject: 'về đẩy mạnh chuyển đổi số trong các cơ quan Đảng', signer: 'Nguyễn Hữu Nghĩa', recipients: ['Ban Bí thư Trung ương Đảng', 'Các huyện ủy, thành ủy'], urgency: 'khan', filing: 'Văn phòng Tỉnh ủy' }) });
  expect(a.status).toBe(201);
  plain = a.body;
  const b = await invoke(handler, { method: 'POST', path: '/v1/registers/outgoing/entries', token: tokens.clerkMat, body: outgoingBody({ subject: 'về công tác bảo vệ chính trị nội bộ', secrecy: 'mat' }) });
  expect(b.status).toBe(201);
  secret = b.body;
});
afterAll(() => useServices());

describe('the signed document of an outgoing entry', () => {
  it('is a PDF in Party format with the entry as text, signed by the office (intact, trusted, whole)', async () => {
    const t = performance.now();
    const r = await get(plain.id, tokens.vanthu);
    ms.push(performance.now() - t);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const pdf = pdfOf(r);
    const text = await pdfText(pdf);
    for (const f of [`Số ${plain.numberSymbol}`, 'ĐẢNG CỘNG SẢN VIỆT NAM', 'TỈNH ỦY HƯNG YÊN', 'NGHỊ QUYẾT', 'về đẩy mạnh chuyển đổi số trong các cơ quan Đảng', 'Nguyễn Hữu Nghĩa', 'Nơi nhận:', 'Ban Bí thư Trung ương Đảng', 'KHẨN', 'Hưng Yên, ngày 02 tháng 3 năm 2061']) {
      expect(text).toContain(f);
    }
    const roots = [fromPem(readFileSync(join(keyDir, 'office-cert.pem'), 'utf8'))];
    const t2 = performance.now();
    const checks = await verifyPdfSignatures(pdf, { roots });
    ms.push(performance.now() - t2);
    expect(checks).toEqual([{ signer: config.office.name, organisation: config.office.committee, signedAt: '2061-03-02T01:00:00.000Z', intact: true, chain: 'trusted', coversWholeDocument: true, revocation: { status: 'no-information', crl: [], ocsp: [] } }]);
    console.log(`render+sign+store ${ms[0]!.toFixed(0)} ms, verify ${ms[1]!.toFixed(0)} ms, ${pdf.length} bytes`);
  });
  it('comes back with the same bytes every time, kept in the bucket, signed once (one audit event)', async () => {
    const first = pdfOf(await get(plain.id, tokens.vanthu));
    const again = await get(plain.id, tokens.reader);
    expect(again.status).toBe(200);
    expect(Buffer.from(pdfOf(again))).toEqual(Buffer.from(first));
    expect(Buffer.from((await officeParts().blobs.get(documentKey(plain.id)))!)).toEqual(Buffer.from(first));
    const events = (await officeParts().audit.list({ entityId: plain.id })).items.filter((e) => e.action === 'document.signed');
    expect(events).toHaveLength(1);
  });
  it('refuses a secret document with 409 and the reason, and signs nothing', async () => {
    const r = await get(secret.id, tokens.clerkMat);
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.body)).toMatch(/mật/);
    expect(await officeParts().blobs.get(documentKey(secret.id))).toBeUndefined();
  });
  it('follows the entry: 404 above the caller\'s clearance, 404 for an unknown id', async () => {
    expect((await get(secret.id, tokens.reader)).status).toBe(404);
    expect((await get('01NOSUCHENTRY0000000000000', tokens.vanthu)).status).toBe(404);
  });
});
