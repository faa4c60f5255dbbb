/**
 * The message seal: a detached JWS (RFC 7515 Appendix F) over the body's exact bytes, RS256 or
 * ES256 with the office key through the documents module's Signer port. JWS rather than a detached
 * CMS because the Signer signs any message with SHA-256 (locally, or KMS over the digest), which is
 * exactly RS256/ES256; jose verifies it against the partner's certificate, and the header is one
 * line of ASCII. The protected header names the sender (`kid`) and the certificate (`x5t#S256`).
 */
import { createHash } from 'node:crypto';
import { flattenedVerify, importX509, decodeProtectedHeader } from 'jose';
import { fromPem, pem, type Signer } from '../../documents/index';
import type { MessageSeal } from '../ports/message-seal';

const b64u = (b: Uint8Array | string) => Buffer.from(b).toString('base64url');

/** A DER ECDSA-Sig-Value (what the Signer gives) as JWS's r‖s, 32 bytes each. */
export function derToJose(der: Uint8Array): Uint8Array {
  let i = 2;
  if (der[1]! & 0x80) i = 2 + (der[1]! & 0x7f);
  const int = (): Uint8Array => {
    if (der[i] !== 0x02) throw new Error('not an ECDSA signature');
    const len = der[i + 1]!;
    let v = der.subarray(i + 2, i + 2 + len);
    i += 2 + len;
    while (v.length > 32 && v[0] === 0) v = v.subarray(1);
    const out = new Uint8Array(32);
    out.set(v, 32 - v.length);
    return out;
  };
  const r = int();
  const s = int();
  return new Uint8Array([...r, ...s]);
}

export class JwsSeal implements MessageSeal {
  constructor(
    private readonly signer: () => Promise<Signer>,
    private readonly officeId: () => string,
  ) {}

  async certificate(): Promise<string> {
    const chain = await (await this.signer()).certificates();
    return chain.map((c) => pem('CERTIFICATE', c)).join('');
  }

  async sign(body: Uint8Array): Promise<string> {
    const signer = await this.signer();
    const cert = (await signer.certificates())[0]!;
    const alg = signer.algorithm === 'ECDSA_SHA256' ? 'ES256' : 'RS256';
    const header = b64u(JSON.stringify({ alg, kid: this.officeId(), 'x5t#S256': b64u(createHash('sha256').update(cert).digest()) }));
    const raw = await signer.sign(new TextEncoder().encode(`${header}.${b64u(body)}`));
    const sig = alg === 'ES256' ? derToJose(raw) : raw;
    return `${header}..${b64u(sig)}`;
  }

  async verify(body: Uint8Array, signature: string, certificatePem: string): Promise<boolean> {
    const parts = signature.split('.');
    if (parts.length !== 3 || parts[1] !== '') return false;
    try {
      const { alg, 'x5t#S256': thumb } = decodeProtectedHeader(signature) as { alg?: string; 'x5t#S256'?: string };
      if (alg !== 'RS256' && alg !== 'ES256') return false;
      const certPem = certificatePem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0];
      if (!certPem) return false;
      if (thumb !== undefined && thumb !== b64u(createHash('sha256').update(fromPem(certPem)).digest())) return false;
      const key = await importX509(certPem, alg);
      await flattenedVerify({ protected: parts[0]!, payload: b64u(body), signature: parts[2]! }, key, { algorithms: [alg] });
      return true;
    } catch {
      return false;
    }
  }
}

/** Whether a PEM text holds a certificate a partner's messages can be checked with (RSA or P-256). */
export async function usableCertificate(certificatePem: string): Promise<boolean> {
  const certPem = certificatePem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0];
  if (!certPem) return false;
  for (const alg of ['RS256', 'ES256']) {
    try {
      await importX509(certPem, alg);
      return true;
    } catch {
      /* the other kind */
    }
  }
  return false;
}
