/** A self-signed certificate for the office's key (embedded and dev stages), made with pkijs. */
import { randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import { OID, pki, toArrayBuffer } from './pki';
import type { Signer } from '../ports/signer';

export interface CertificateSubject {
  /** CN: the office ("Văn phòng Tỉnh ủy Hưng Yên"). */
  commonName: string;
  /** O: the committee ("Tỉnh ủy Hưng Yên"). */
  organisation: string;
}

/** C, O, CN as three RDNs (pkijs would put fresh attributes in one multi-valued RDN: "C=VN+O=…+CN=…"). */
export function distinguishedName(s: CertificateSubject) {
  const pkijs = pki();
  const rdn = (type: string, value: asn1js.PrintableString | asn1js.Utf8String) => new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] });
  const name = new asn1js.Sequence({
    value: [rdn(OID.country, new asn1js.PrintableString({ value: 'VN' })), rdn(OID.organisation, new asn1js.Utf8String({ value: s.organisation })), rdn(OID.commonName, new asn1js.Utf8String({ value: s.commonName }))],
  });
  return pkijs.RelativeDistinguishedNames.fromBER(name.toBER(false));
}

interface CertificateFields {
  subject: CertificateSubject;
  issuer?: CertificateSubject;
  ca: boolean;
  notBefore: Date;
  years: number;
  /** Where a CA publishes the certificate's revocation: CRL distribution points and OCSP responders (URLs). */
  revocation?: { crl?: string[]; ocsp?: string[] };
}

/**
 * A certificate's serial from random bytes: a positive INTEGER in its shortest DER form (RFC 5280
 * §4.1.2.2), so its first byte is 0x40–0x7f. Only clearing the top bit left one serial in 256
 * starting with 0x00 before a byte under 0x80: a DER INTEGER with a needless leading zero, which
 * NSS (poppler's pdfsig) refuses ("Unknown Validation Failure", no signer name).
 */
export function certificateSerial(random: Uint8Array): Uint8Array {
  const serial = Uint8Array.from(random);
  serial[0] = (serial[0]! & 0x3f) | 0x40;
  return serial;
}

/** The certificate's fields but its key and signature: serial, names, validity, basic constraints and key usage. */
function unsignedCertificate(opts: CertificateFields) {
  const pkijs = pki();
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(certificateSerial(randomBytes(16))) });
  cert.subject = distinguishedName(opts.subject);
  cert.issuer = distinguishedName(opts.issuer ?? opts.subject);
  const after = new Date(opts.notBefore);
  after.setUTCFullYear(after.getUTCFullYear() + opts.years);
  // RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
  cert.notBefore = new pkijs.Time({ type: opts.notBefore.getUTCFullYear() < 2050 ? 0 : 1, value: opts.notBefore });
  cert.notAfter = new pkijs.Time({ type: after.getUTCFullYear() < 2050 ? 0 : 1, value: after });
  const bc = new pkijs.BasicConstraints({ cA: opts.ca });
  // keyUsage: digitalSignature, nonRepudiation (and keyCertSign for a CA).
  const ku = new asn1js.BitString({ valueHex: toArrayBuffer(new Uint8Array([opts.ca ? 0xc4 : 0xc0])), unusedBits: opts.ca ? 2 : 6 });
  cert.extensions = [
    new pkijs.Extension({ extnID: OID.basicConstraints, critical: true, extnValue: bc.toSchema().toBER(false), parsedValue: bc }),
    new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: ku.toBER(false) }),
  ];
  const uri = (value: string) => new pkijs.GeneralName({ type: 6, value });
  if (opts.revocation?.crl?.length) {
    const points = new pkijs.CRLDistributionPoints({ distributionPoints: opts.revocation.crl.map((u) => new pkijs.DistributionPoint({ distributionPoint: [uri(u)] })) });
    cert.extensions.push(new pkijs.Extension({ extnID: OID.crlDistributionPoints, extnValue: points.toSchema().toBER(false) }));
  }
  if (opts.revocation?.ocsp?.length) {
    const access = new pkijs.InfoAccess({ accessDescriptions: opts.revocation.ocsp.map((u) => new pkijs.AccessDescription({ accessMethod: OID.ocsp, accessLocation: uri(u) })) });
    cert.extensions.push(new pkijs.Extension({ extnID: OID.authorityInfoAccess, extnValue: access.toSchema().toBER(false) }));
  }
  return cert;
}

/** Signs a certificate for `publicKey` with `issuerKey` (self-signed when no issuer is given). */
export async function issueCertificate(opts: CertificateFields & { publicKey: webcrypto.CryptoKey; issuerKey: webcrypto.CryptoKey }): Promise<Uint8Array> {
  const cert = unsignedCertificate(opts);
  type PkiKey = Parameters<typeof cert.sign>[0];
  await cert.subjectPublicKeyInfo.importKey(opts.publicKey as unknown as PkiKey);
  await cert.sign(opts.issuerKey as unknown as PkiKey, 'SHA-256');
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

/**
 * A self-signed certificate for a key that signs elsewhere (an AWS KMS key: its SubjectPublicKeyInfo
 * from GetPublicKey, its signature through the office's Signer, which signs SHA-256 of what it is
 * given, as a certificate's TBS asks). The local signer takes the same path in tests.
 */
export async function selfSignedCertificateFor(
  key: { publicKeySpki: Uint8Array; signer: Pick<Signer, 'algorithm' | 'sign'> },
  opts: Omit<CertificateFields, 'issuer' | 'ca'>,
): Promise<Uint8Array> {
  const pkijs = pki();
  const cert = unsignedCertificate({ ...opts, ca: true });
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(toArrayBuffer(key.publicKeySpki));
  const algorithm = () =>
    key.signer.algorithm === 'RSA_SHA256' ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }) : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
  cert.signature = algorithm();
  cert.signatureAlgorithm = algorithm();
  const tbs = new Uint8Array(cert.encodeTBS().toBER(false));
  cert.tbsView = tbs;
  cert.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(await key.signer.sign(tbs)) });
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

export type KeyKind = 'RSA' | 'ECDSA';

export async function generateKeyPair(kind: KeyKind): Promise<webcrypto.CryptoKeyPair> {
  return kind === 'RSA'
    ? ((await webcrypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair)
    : ((await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair);
}

export const pem = (label: string, der: Uint8Array): string =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;

export const fromPem = (text: string): Uint8Array => new Uint8Array(Buffer.from(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
