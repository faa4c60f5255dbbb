/**
 * The signatures of received PDFs on GET /v1/scans/{id} (api.md "Signed documents"): PDFs the
 * test signs itself, as the State bodies' tools do (the issuer's signature with a SHA-1 digest,
 * adbe.pkcs7.detached, its certificate issued by a CA the office trusts; then a second, SHA-256
 * ETSI.CAdES.detached, appended by a signer the office does not know), read by the OCR worker
 * against s3rver, DynamoDB Local and tesseract.js; a tampered copy; an unsigned PDF; a PDF whose
 * signature is malformed (the scan is still read); an image; the register entry's note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { fixture, s3rverEvent, startAndUpload } from './scans-support';
import { appendSignature, testSigner, type TestSigner } from '../support/pdf-signing';
import { signedPdf } from '../support/signed-pdf';
import { RESOLUTION } from '../support/documents';
import { pem, renderPdf } from '../../shared/documents/index';
import { SIGNING_ENV } from '../../shared/documents/env';

useEmbeddedEnv();
const { composed, officeParts, withOcrEngine } = await import('../support/parts');
const scans = await composed('scans');
const worker = await composed('ocr-worker');
await withOcrEngine();

const ISSUER = { commonName: 'Sở Tư pháp tỉnh Quảng Ngãi', organisation: 'Ủy ban nhân dân tỉnh Quảng Ngãi' };
const GAZETTE = { commonName: 'Trung tâm Công báo - Tin học', organisation: 'Văn phòng UBND tỉnh Quảng Ngãi' };
const CA = { commonName: 'Cơ quan chứng thực (thử)', organisation: 'Ban Cơ yếu Chính phủ (thử)' };
const ISSUED_AT = new Date('2026-01-05T02:00:00Z');
const CRL = 'http://crl.ca.gov.vn/thu.crl';
const OCSP = 'http://ocsp.ca.gov.vn';
const GAZETTE_AT = new Date('2026-01-05T03:30:00Z');

let clerk: string;
let issuer: TestSigner & { root: Uint8Array };
let signed: Uint8Array;
const trustBefore = process.env[SIGNING_ENV.trustRoots];

const getScan = async (scanId: string, token = clerk) => invoke(scans, { method: 'GET', path: `/v1/scans/${scanId}`, token });
async function read(bytes: Uint8Array, contentType = 'application/pdf', name = 'van-ban.pdf'): Promise<Record<string, any>> {
  const id = await startAndUpload(scans, bytes, contentType, name);
  await worker((await s3rverEvent(id)) as never);
  const r = await getScan(id);
  expect(r.status).toBe(200);
  return r.body;
}

beforeAll(async () => {
  clerk = await tokenFor('vanthu');
  await officeParts().ocr.warmUp?.();
  issuer = await testSigner(ISSUER, { ca: CA, revocation: { crl: [CRL], ocsp: [OCSP] } });
  const gazette = await testSigner(GAZETTE);
  const once = await appendSignature(await renderPdf(RESOLUTION), issuer, { digest: 'sha1', subFilter: 'adbe.pkcs7.detached', at: ISSUED_AT, name: 'issuer' });
  signed = await appendSignature(once, gazette, { digest: 'sha256', subFilter: 'ETSI.CAdES.detached', at: GAZETTE_AT, name: 'gazette' });
  // The office trusts the CA that issued the issuer's certificate (configured roots, PEM), not the gazette's self-signed one.
  process.env[SIGNING_ENV.trustRoots] = pem('CERTIFICATE', issuer.root);
});
afterAll(async () => {
  if (trustBefore === undefined) delete process.env[SIGNING_ENV.trustRoots];
  else process.env[SIGNING_ENV.trustRoots] = trustBefore;
  await officeParts().ocr.close?.();
});

const EXPECTED = [
  // The CA's certificate names where to check revocation: not checked (offline), the addresses reported.
  { signer: ISSUER.commonName, organisation: ISSUER.organisation, signedAt: ISSUED_AT.toISOString(), intact: true, chain: 'trusted', coversWholeDocument: false, revocation: { status: 'not-checked', crl: [CRL], ocsp: [OCSP] } },
  { signer: GAZETTE.commonName, organisation: GAZETTE.organisation, signedAt: GAZETTE_AT.toISOString(), intact: true, chain: 'untrusted-root', coversWholeDocument: true, revocation: { status: 'no-information', crl: [], ocsp: [] } },
];

describe('signatures on GET /v1/scans/{id}', () => {
  let scanId: string;

  it('a PDF with two signatures (SHA-1 then SHA-256): both intact, the CA-issued one trusted, only the last covering the whole file', async () => {
    const scan = await read(signed);
    scanId = scan.scanId;
    expect(scan.status).toBe('done');
    expect(scan.signatures).toEqual(EXPECTED);
  });

  it('without the CA among the configured roots the issuer’s chain is untrusted-root (the trust list is read for each scan)', async () => {
    delete process.env[SIGNING_ENV.trustRoots];
    try {
      const scan = await read(signed);
      expect(scan.signatures.map((s: { chain: string }) => s.chain)).toEqual(['untrusted-root', 'untrusted-root']);
    } finally {
      process.env[SIGNING_ENV.trustRoots] = pem('CERTIFICATE', issuer.root);
    }
  });

  it('a copy with one byte changed inside both signed ranges: neither signature is intact, and the scan is still read', async () => {
    const copy = new Uint8Array(signed);
    // The binary comment on the PDF's second line: inside every signed range, and no object changes.
    const at = Buffer.from(copy).indexOf('%', 1) + 1;
    copy[at] = copy[at]! ^ 0x01;
    const scan = await read(copy);
    expect(scan.status).toBe('done');
    expect(scan.signatures).toEqual(EXPECTED.map((s) => ({ ...s, intact: false })));
  });

  it('an unsigned PDF shows [] and an image null', async () => {
    expect((await read(await renderPdf(RESOLUTION))).signatures).toEqual([]);
    expect((await read(fixture('s1-003.png'), 'image/png', 's1-003.png')).signatures).toBeNull();
  });

  it('a malformed signature (no CMS in /Contents) is that signature not intact with an invalid chain, never a failed scan', async () => {
    const scan = await read(await signedPdf([{ m: "D:20260105090000+07'00'", name: 'Không rõ' }]));
    expect(scan.status).toBe('done');
    expect(scan.signatures).toEqual([{ signer: null, organisation: null, signedAt: '2026-01-05T02:00:00.000Z', intact: false, chain: 'invalid', coversWholeDocument: false, revocation: { status: 'no-information', crl: [], ocsp: [] } }]);
  });

  it('registering keeps the original’s signature state in the entry’s note, after the clerk’s words', async () => {
    const body = { numberSymbol: '12-NQ/TU', documentDate: '2026-02-06', issuer: 'TỈNH ỦY HƯNG YÊN', typeCode: 'NQ', subject: 'về chuyển đổi số', secrecy: null, note: 'Bản nhận qua thư điện tử.' };
    const r = await invoke(scans, { method: 'POST', path: `/v1/scans/${scanId}/register`, token: clerk, body, headers: { 'Idempotency-Key': `sig-${scanId}` } });
    expect(r.status).toBe(201);
    const [own, sentence] = (r.body.note as string).split('\n');
    expect(own).toBe('Bản nhận qua thư điện tử.');
    expect(sentence).toContain('2 chữ ký số');
    expect(sentence).toContain(`${ISSUER.commonName} (${ISSUER.organisation}) – nguyên vẹn, chứng thư số được tin cậy`);
    expect(sentence).toContain(`${GAZETTE.commonName} (${GAZETTE.organisation}) – nguyên vẹn, chứng thư số không do tổ chức được tin cậy cấp`);
  });

  it('what verification adds to reading a scan (printed)', async () => {
    const { signatureVerifier } = await import('../../shared/scans/signatures');
    const verifier = signatureVerifier(officeParts().platform);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      expect(await verifier.verify(signed)).toHaveLength(2);
      times.push(performance.now() - t0);
    }
    const unsigned = await renderPdf(RESOLUTION);
    const t0 = performance.now();
    expect(await verifier.verify(unsigned)).toEqual([]);
    console.log(`signature verification per scan: two signatures ${times.map((t) => t.toFixed(0)).join(', ')} ms; unsigned ${(performance.now() - t0).toFixed(0)} ms (PDF ${signed.length} bytes)`);
    expect(Math.min(...times)).toBeLessThan(2000);
  });
});
