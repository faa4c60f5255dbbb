/** PAdES B-B signing of issued documents and the verification of PDF signatures (ours and tampered copies). */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderSignedPdf } from '../../shared/documents/adapters/issue';
import { localOfficeSigner, selfSignedSigner, type KeySigner } from '../../shared/documents/adapters/local-signer';
import { verifyPdfSignatures } from '../../shared/documents/adapters/verify';
import { generateKeyPair, issueCertificate } from '../../shared/documents/adapters/certificates';
import { KeySigner as Signer2 } from '../../shared/documents/adapters/local-signer';
import { createPrivateKey, webcrypto } from 'node:crypto';
import { RESOLUTION, pdfText, squeeze } from '../support/documents';

const SUBJECT = { commonName: 'Văn phòng Tỉnh ủy Hưng Yên', organisation: 'Tỉnh ủy Hưng Yên' };
const AT = new Date('2026-02-06T02:05:00Z');
let office: KeySigner;
let signed: Uint8Array;
let roots: Uint8Array[];

beforeAll(async () => {
  office = await selfSignedSigner(SUBJECT, 'RSA', new Date('2026-01-01T00:00:00Z'));
  roots = await office.certificates();
  signed = await renderSignedPdf(RESOLUTION, office, { at: AT });
});

const latin = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('signing (PAdES B-B)', () => {
  it('writes an ETSI.CAdES.detached signature whose ByteRange leaves out exactly /Contents', () => {
    const text = latin(signed);
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    const [a, b, c, d] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(text)!.slice(1).map(Number) as [number, number, number, number];
    expect(a).toBe(0);
    expect(text[b]).toBe('<');
    expect(text[c - 1]).toBe('>');
    expect(c + d).toBe(signed.length);
  });
  it('our own signed PDF verifies intact, trusted, whole, with the office as signer', async () => {
    expect(await verifyPdfSignatures(signed, { roots })).toEqual([
      { signer: SUBJECT.commonName, organisation: SUBJECT.organisation, signedAt: AT.toISOString(), intact: true, chain: 'trusted', coversWholeDocument: true, revocation: { status: 'no-information', crl: [], ocsp: [] } },
    ]);
  });
  it('keeps the text readable and shows the visible signature', async () => {
    const text = await pdfText(signed);
    expect(text).toContain(squeeze(RESOLUTION.subject));
    expect(text).toContain('Ký số bởi: Văn phòng Tỉnh ủy Hưng Yên');
    expect(text).toContain('Thời gian ký: 06/02/2026 09:05:00 +07:00');
  });
  it.each(['RSA', 'ECDSA'] as const)('%s keys sign documents that verify', async (kind) => {
    const s = await selfSignedSigner(SUBJECT, kind, new Date('2026-01-01T00:00:00Z'));
    const pdf = await renderSignedPdf(RESOLUTION, s, { at: AT });
    expect(await verifyPdfSignatures(pdf, { roots: await s.certificates() })).toMatchObject([{ intact: true, chain: 'trusted', coversWholeDocument: true }]);
  });
  it('refuses a secret document', async () => {
    await expect(renderSignedPdf({ ...RESOLUTION, secrecy: 'mat' }, office, { at: AT })).rejects.toThrow(/secret/);
  });
  it('makes the embedded key on first start and reuses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daumoi-key-'));
    const first = await localOfficeSigner(join(dir, 'keys'), SUBJECT);
    const again = await localOfficeSigner(join(dir, 'keys'), SUBJECT);
    expect(Buffer.from((await again.certificates())[0]!)).toEqual(Buffer.from((await first.certificates())[0]!));
    expect(readFileSync(join(dir, 'keys', 'office-key.pem'), 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
  });
});

describe('verification of tampered and foreign PDFs', () => {
  const range = () => /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(latin(signed))!.slice(1).map(Number) as [number, number, number, number];
  it('one byte changed inside the signed range → not intact', async () => {
    for (const at of [200, range()[2] + 10]) {
      const copy = new Uint8Array(signed);
      copy[at] = copy[at]! ^ 0x01;
      expect(await verifyPdfSignatures(copy, { roots })).toMatchObject([{ intact: false }]);
    }
  });
  it('bytes appended after signing → intact but not covering the whole document', async () => {
    const more = Buffer.concat([signed, Buffer.from('\n% appended after signing\n', 'latin1')]);
    expect(await verifyPdfSignatures(more, { roots })).toMatchObject([{ intact: true, coversWholeDocument: false }]);
  });
  it('a root not in the trust list → untrusted-root', async () => {
    const stranger = await selfSignedSigner({ commonName: 'Không rõ', organisation: 'Ngoài danh sách' }, 'RSA', new Date('2026-01-01T00:00:00Z'));
    expect(await verifyPdfSignatures(signed, { roots: await stranger.certificates() })).toMatchObject([{ intact: true, chain: 'untrusted-root' }]);
  });
  it('a certificate not yet valid at signing time → invalid chain', async () => {
    const late = await selfSignedSigner(SUBJECT, 'RSA', new Date('2026-03-01T00:00:00Z'));
    const pdf = await renderSignedPdf(RESOLUTION, late, { at: AT });
    expect(await verifyPdfSignatures(pdf, { roots: await late.certificates() })).toMatchObject([{ chain: 'invalid' }]);
  });
  it('an unsigned PDF has no signatures', async () => {
    const { renderPdf } = await import('../../shared/documents/adapters/pdf-renderer');
    expect(await verifyPdfSignatures(await renderPdf(RESOLUTION), { roots })).toEqual([]);
  });
});

/** poppler's pdfsig (Debian poppler-utils): a verifier that is not ours. */
function pdfsig(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'daumoi-pdfsig-')), 'doc.pdf');
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

describe('pdfsig (poppler) agrees', () => {
  it.each(['RSA', 'ECDSA'] as const)('%s: valid, ETSI.CAdES.detached, SHA-256, the whole document, the office as signer', async (kind) => {
    const s = await selfSignedSigner(SUBJECT, kind, new Date('2026-01-01T00:00:00Z'));
    const out = pdfsig(await renderSignedPdf(RESOLUTION, s, { at: AT }));
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Signing Hash Algorithm: SHA-256');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signer full Distinguished Name: CN=Văn phòng Tỉnh ủy Hưng Yên,O=Tỉnh ủy Hưng Yên,C=VN');
  });
  it('a byte changed inside the signed range is not valid for pdfsig either', () => {
    const copy = new Uint8Array(signed);
    copy[200] = copy[200]! ^ 0x01;
    expect(pdfsig(copy)).not.toContain('Signature is Valid.');
  });
});

describe('a chain through a CA (root in the trust list, the signer\'s certificate issued by it)', () => {
  const CA = { commonName: 'Ban Cơ yếu Chính phủ (thử)', organisation: 'Ban Cơ yếu Chính phủ' };
  async function caSigned(notBefore: Date) {
    const root = await generateKeyPair('RSA');
    const rootCert = await issueCertificate({ subject: CA, publicKey: root.publicKey, issuerKey: root.privateKey, ca: true, notBefore, years: 20 });
    const leaf = await generateKeyPair('ECDSA');
    const leafCert = await issueCertificate({ subject: SUBJECT, issuer: CA, publicKey: leaf.publicKey, issuerKey: root.privateKey, ca: false, notBefore, years: 5 });
    const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', leaf.privateKey));
    const signer = new Signer2(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }), [leafCert]);
    return { rootCert, leafCert, pdf: await renderSignedPdf(RESOLUTION, signer, { at: AT }) };
  }
  it('trusted with the CA root in the list; untrusted-root without it, and with another root of the same name', async () => {
    const { rootCert, pdf } = await caSigned(new Date('2026-01-01T00:00:00Z'));
    expect(await verifyPdfSignatures(pdf, { roots: [rootCert] })).toMatchObject([{ intact: true, chain: 'trusted', signer: SUBJECT.commonName }]);
    expect(await verifyPdfSignatures(pdf, { roots: [] })).toMatchObject([{ intact: true, chain: 'untrusted-root' }]);
    const other = await caSigned(new Date('2026-01-01T00:00:00Z'));
    expect(await verifyPdfSignatures(pdf, { roots: [other.rootCert] })).toMatchObject([{ chain: 'untrusted-root' }]);
  });
});
