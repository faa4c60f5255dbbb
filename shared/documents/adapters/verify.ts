/**
 * Checks every signature of a PDF (PAdES ETSI.CAdES.detached and adbe.pkcs7.detached, SHA-1 to
 * SHA-512): the bytes the /ByteRange covers against the CMS message digest, the signature
 * against the signer's certificate, the certificates' validity at signing time, the chain
 * against the trust list, and whether the signature covers the whole file (nothing appended
 * after it). Signature dictionaries are found with pdf-lib (also inside object streams); the
 * CMS is read with pkijs.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import type * as Pkijs from 'pkijs';
import { HASH_OF_OID, OID, pki, toArrayBuffer } from './pki';

export type ChainStatus = 'trusted' | 'untrusted-root' | 'invalid';

/**
 * Revocation of the signer's certificate: where the certificate says it can be checked (CRL
 * distribution points, OCSP responders). The office runs offline, so it is never fetched:
 * `not-checked` when the certificate names somewhere to check, `no-information` when it names
 * nowhere (a self-signed certificate, usually).
 */
export interface RevocationInfo {
  status: 'not-checked' | 'no-information';
  crl: string[];
  ocsp: string[];
}

export interface SignatureCheck {
  signer: string | null;
  organisation: string | null;
  /** ISO 8601: the CMS signing-time attribute, else the dictionary's /M. */
  signedAt: string | null;
  intact: boolean;
  chain: ChainStatus;
  coversWholeDocument: boolean;
  revocation: RevocationInfo;
}

export interface TrustList {
  /** Root (or directly trusted) certificates, DER. */
  roots: Uint8Array[];
}

const NODE_HASH: Record<string, string> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

const nameField = (cert: Pkijs.Certificate, oid: string): string | null => {
  const tv = cert.subject.typesAndValues.find((t) => t.type === oid);
  return tv ? String((tv.value.valueBlock as { value?: unknown }).value ?? '') || null : null;
};

function signatureDicts(doc: PDFDocument): PDFDict[] {
  const out: PDFDict[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('ByteRange')) instanceof PDFArray && obj.get(PDFName.of('Contents'))) out.push(obj);
  }
  return out;
}

/** The signatures of a PDF, checked; `[]` when it has none (or is no PDF pdf-lib can read). */
export async function verifyPdfSignatures(bytes: Uint8Array, trust: TrustList): Promise<SignatureCheck[]> {
  if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/ByteRange')) return [];
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: false, updateMetadata: false });
  } catch {
    // A file that names a signed range but whose objects cannot be read: a signature that cannot be checked, not an unsigned file.
    return [UNCHECKABLE];
  }
  const pkijs = pki();
  const roots = trust.roots.flatMap((d) => {
    try {
      return [pkijs.Certificate.fromBER(toArrayBuffer(d))];
    } catch {
      return [];
    }
  });
  const out: SignatureCheck[] = [];
  // A malformed signature is that signature's failure (not intact, chain invalid), never the file's.
  for (const dict of signatureDicts(doc)) out.push(await checkOne(bytes, dict, roots).catch(() => ({ ...UNCHECKABLE, signedAt: claimedTime(dict) })));
  return out.sort((a, b) => (a.signedAt ?? '').localeCompare(b.signedAt ?? ''));
}

const NO_REVOCATION_INFO: RevocationInfo = { status: 'no-information', crl: [], ocsp: [] };
const UNCHECKABLE: SignatureCheck = { signer: null, organisation: null, signedAt: null, intact: false, chain: 'invalid', coversWholeDocument: false, revocation: NO_REVOCATION_INFO };

const URI = 6; // GeneralName uniformResourceIdentifier

/** Where the certificate says its revocation can be checked (read from its CRL distribution points and authority information access). */
export function revocationInfo(cert: Pkijs.Certificate): RevocationInfo {
  const pkijs = pki();
  const crl: string[] = [];
  const ocsp: string[] = [];
  for (const ext of cert.extensions ?? []) {
    try {
      if (ext.extnID === OID.crlDistributionPoints) {
        const points = ext.parsedValue instanceof pkijs.CRLDistributionPoints ? ext.parsedValue : new pkijs.CRLDistributionPoints({ schema: asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result });
        for (const p of points.distributionPoints) if (Array.isArray(p.distributionPoint)) for (const n of p.distributionPoint) if (n.type === URI) crl.push(String(n.value));
      } else if (ext.extnID === OID.authorityInfoAccess) {
        const access = ext.parsedValue instanceof pkijs.InfoAccess ? ext.parsedValue : new pkijs.InfoAccess({ schema: asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result });
        for (const d of access.accessDescriptions) if (d.accessMethod === OID.ocsp && d.accessLocation.type === URI) ocsp.push(String(d.accessLocation.value));
      }
    } catch {
      // An extension that does not parse names nowhere to check.
    }
  }
  return { status: crl.length || ocsp.length ? 'not-checked' : 'no-information', crl, ocsp };
}

/** The dictionary's /M as ISO 8601 (what the signing tool claims; null when absent or not a date). */
function claimedTime(dict: PDFDict): string | null {
  const m = dict.get(PDFName.of('M'));
  try {
    return m instanceof PDFString || m instanceof PDFHexString ? m.decodeDate().toISOString() : null;
  } catch {
    return null;
  }
}

async function checkOne(bytes: Uint8Array, dict: PDFDict, roots: Pkijs.Certificate[]): Promise<SignatureCheck> {
  const pkijs = pki();
  const range = (dict.get(PDFName.of('ByteRange')) as PDFArray).asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
  const contents = dict.get(PDFName.of('Contents'));
  const claimed = claimedTime(dict);
  const broken: SignatureCheck = { ...UNCHECKABLE, signedAt: claimed };
  const [a, b, c, d] = range as [number, number, number, number];
  const rangeOk = range.length === 4 && range.every((n) => Number.isInteger(n) && n >= 0) && a === 0 && b <= c && c + d <= bytes.length;
  const coversWholeDocument = rangeOk && c + d === bytes.length;
  if (!(contents instanceof PDFHexString || contents instanceof PDFString)) return broken;

  let signed: Pkijs.SignedData;
  try {
    const asn = asn1js.fromBER(toArrayBuffer(contents.asBytes()));
    if (asn.offset === -1) return broken;
    signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn.result }).content });
  } catch {
    return broken;
  }
  const info = signed.signerInfos[0];
  const certs = (signed.certificates ?? []).filter((x): x is Pkijs.Certificate => x instanceof pkijs.Certificate);
  const sid = info?.sid;
  const cert = sid instanceof pkijs.IssuerAndSerialNumber ? certs.find((x) => x.issuer.isEqual(sid.issuer) && x.serialNumber.isEqual(sid.serialNumber)) : certs[0];
  if (!info || !cert) return { ...broken, coversWholeDocument };
  const signingTimeAttr = info.signedAttrs?.attributes.find((x) => x.type === OID.signingTime)?.values[0];
  const signedAtDate = signingTimeAttr instanceof asn1js.UTCTime || signingTimeAttr instanceof asn1js.GeneralizedTime ? signingTimeAttr.toDate() : claimed ? new Date(claimed) : null;
  const base = { signer: nameField(cert, OID.commonName), organisation: nameField(cert, OID.organisation), signedAt: signedAtDate?.toISOString() ?? claimed, coversWholeDocument, revocation: revocationInfo(cert) };

  let intact = false;
  if (rangeOk) {
    const data = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
    const hash = NODE_HASH[HASH_OF_OID[info.digestAlgorithm.algorithmId] ?? ''];
    const digestAttr = info.signedAttrs?.attributes.find((x) => x.type === OID.messageDigest)?.values[0];
    const digestMatches = !info.signedAttrs || (hash !== undefined && digestAttr instanceof asn1js.OctetString && Buffer.from(digestAttr.valueBlock.valueHexView).equals(createHash(hash).update(data).digest()));
    if (digestMatches) {
      try {
        intact = (await signed.verify({ signer: 0, data: toArrayBuffer(data), checkChain: false, extendedMode: true })).signatureVerified === true;
      } catch {
        intact = false;
      }
    }
  }
  return { ...base, intact, chain: await chainStatus(cert, certs, roots, signedAtDate ?? new Date()) };
}

const validAt = (cert: Pkijs.Certificate, at: Date) => cert.notBefore.value <= at && at <= cert.notAfter.value;
const signedBy = async (cert: Pkijs.Certificate, issuer: Pkijs.Certificate) => cert.issuer.isEqual(issuer.subject) && (await cert.verify(issuer).catch(() => false));

/** Walks up from the signer: trusted when a link is a trust-list certificate; invalid when a link fails or was not valid at signing time. */
async function chainStatus(leaf: Pkijs.Certificate, pool: Pkijs.Certificate[], roots: Pkijs.Certificate[], at: Date): Promise<ChainStatus> {
  const same = (x: Pkijs.Certificate, y: Pkijs.Certificate) => Buffer.from(x.tbsView).equals(Buffer.from(y.tbsView));
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    if (!validAt(current, at)) return 'invalid';
    if (roots.some((r) => same(r, current))) return 'trusted';
    for (const r of roots) if (await signedBy(current, r)) return validAt(r, at) ? 'trusted' : 'invalid';
    const selfSigned = current.issuer.isEqual(current.subject);
    if (selfSigned) return (await signedBy(current, current)) ? 'untrusted-root' : 'invalid';
    const issuer = pool.find((p) => p.subject.isEqual(current.issuer) && !same(p, current));
    if (!issuer) return 'untrusted-root';
    if (!(await signedBy(current, issuer))) return 'invalid';
    current = issuer;
  }
  return 'invalid';
}
