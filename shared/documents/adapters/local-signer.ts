/**
 * The embedded office key: a private key and a self-signed certificate made on first start
 * under the data directory (`<dir>/office-key.pem`, `<dir>/office-cert.pem`), then reused.
 * Also a signer over any given key (tests: a CA's, an unknown root's).
 */
import { createPrivateKey, sign as nodeSign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromPem, generateKeyPair, issueCertificate, pem, type CertificateSubject, type KeyKind } from './certificates';
import type { SignatureAlgorithm, Signer } from '../ports/signer';
import { pki, toArrayBuffer } from './pki';

export class KeySigner implements Signer {
  readonly algorithm: SignatureAlgorithm;
  constructor(
    private readonly key: KeyObject,
    private readonly chain: Uint8Array[],
  ) {
    this.algorithm = key.asymmetricKeyType === 'ec' ? 'ECDSA_SHA256' : 'RSA_SHA256';
  }
  async certificates(): Promise<Uint8Array[]> {
    return this.chain;
  }
  /** The private key as PKCS#8 PEM (what the data directory keeps). */
  exportKeyPem(): string {
    return this.key.export({ type: 'pkcs8', format: 'pem' }) as string;
  }
  async sign(message: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(nodeSign('sha256', message, this.key.asymmetricKeyType === 'ec' ? { key: this.key, dsaEncoding: 'der' } : this.key));
  }
}

/** A fresh key with a self-signed certificate (not stored). */
export async function selfSignedSigner(subject: CertificateSubject, kind: KeyKind = 'RSA', notBefore = new Date()): Promise<KeySigner> {
  const { webcrypto } = await import('node:crypto');
  const keys = await generateKeyPair(kind);
  const cert = await issueCertificate({ subject, publicKey: keys.publicKey, issuerKey: keys.privateKey, ca: true, notBefore, years: 10 });
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return new KeySigner(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }), [cert]);
}

/**
 * The office's embedded signer: made on first call under `dir`, read back after; made anew when
 * the stored certificate is not valid at `now` (the office's clock, not the machine's).
 */
export async function localOfficeSigner(dir: string, subject: CertificateSubject, kind: KeyKind = 'RSA', now = new Date()): Promise<KeySigner> {
  const keyFile = join(dir, 'office-key.pem');
  const certFile = join(dir, 'office-cert.pem');
  if (existsSync(keyFile) && existsSync(certFile)) {
    const der = fromPem(readFileSync(certFile, 'utf8'));
    const cert = pki().Certificate.fromBER(toArrayBuffer(der));
    if (cert.notBefore.value <= now && now <= cert.notAfter.value) return new KeySigner(createPrivateKey(readFileSync(keyFile, 'utf8')), [der]);
  }
  const made = await selfSignedSigner(subject, kind, now);
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, made.exportKeyPem(), { mode: 0o600 });
  writeFileSync(certFile, pem('CERTIFICATE', (await made.certificates())[0]!));
  return made;
}
