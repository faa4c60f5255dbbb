/** Revocation information of a signer's certificate: read (CRL distribution points, OCSP responders), never fetched (the office runs offline). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateKeyPair, issueCertificate } from '../../shared/documents/index';
import { revocationInfo } from '../../shared/documents/verify';
import { pki, toArrayBuffer } from '../../shared/documents/adapters/pki';

const SUBJECT = { commonName: 'Sở Nội vụ', organisation: 'UBND tỉnh' };
const CA = { commonName: 'CA (thử)', organisation: 'Ban Cơ yếu Chính phủ (thử)' };

async function certWith(revocation?: { crl?: string[]; ocsp?: string[] }) {
  const root = await generateKeyPair('ECDSA');
  const leaf = await generateKeyPair('ECDSA');
  const der = await issueCertificate({ subject: SUBJECT, issuer: CA, publicKey: leaf.publicKey, issuerKey: root.privateKey, ca: false, notBefore: new Date('2026-01-01T00:00:00Z'), years: 2, ...(revocation ? { revocation } : {}) });
  return pki().Certificate.fromBER(toArrayBuffer(der));
}

describe('revocationInfo', () => {
  it('a certificate that names no CRL or OCSP address: no-information', async () => {
    expect(revocationInfo(await certWith())).toEqual({ status: 'no-information', crl: [], ocsp: [] });
  });
  it('reads back every CRL and OCSP address a certificate names, in order: not-checked', async () => {
    const url = fc.webUrl({ withFragments: false, withQueryParameters: false });
    await fc.assert(
      fc.asyncProperty(fc.array(url, { maxLength: 3 }), fc.array(url, { maxLength: 3 }), async (crl, ocsp) => {
        const info = revocationInfo(await certWith({ crl, ocsp }));
        expect(info).toEqual({ status: crl.length || ocsp.length ? 'not-checked' : 'no-information', crl, ocsp });
      }),
      { numRuns: 15 },
    );
  });
});
