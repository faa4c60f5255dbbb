/**
 * PDFs signed the way the State and Party bodies' tools sign them, for the tests of the
 * verification of received PDFs: each signature is an incremental update appended to the file
 * (a /Sig dictionary, its widget, the page and the catalog written anew, an xref section with
 * /Prev), so an earlier signature stays intact and no longer covers the whole file. Either kind
 * (adbe.pkcs7.detached or ETSI.CAdES.detached) and either digest (SHA-1 or SHA-256); the CMS is
 * built with pkijs, the signature made with node:crypto.
 */
import { createHash, createPrivateKey, sign as nodeSign, webcrypto, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { generateKeyPair, issueCertificate, type CertificateSubject } from '../../shared/documents/index';
import { OID, pki, toArrayBuffer } from '../../shared/documents/adapters/pki';

export interface TestSigner {
  key: KeyObject;
  /** The signer's certificate, then any intermediates (DER). */
  chain: Uint8Array[];
}

/** A CA (its root certificate) and a signer whose certificate it issued; or, without `ca`, a self-signed signer. */
export async function testSigner(subject: CertificateSubject, opts: { ca?: CertificateSubject; notBefore?: Date; revocation?: { crl?: string[]; ocsp?: string[] } } = {}): Promise<TestSigner & { root: Uint8Array }> {
  const notBefore = opts.notBefore ?? new Date('2025-01-01T00:00:00Z');
  const leaf = await generateKeyPair('RSA');
  const key = createPrivateKey({ key: Buffer.from(await webcrypto.subtle.exportKey('pkcs8', leaf.privateKey)), format: 'der', type: 'pkcs8' });
  if (!opts.ca) {
    const cert = await issueCertificate({ subject, publicKey: leaf.publicKey, issuerKey: leaf.privateKey, ca: false, notBefore, years: 5 });
    return { key, chain: [cert], root: cert };
  }
  const root = await generateKeyPair('RSA');
  const rootCert = await issueCertificate({ subject: opts.ca, publicKey: root.publicKey, issuerKey: root.privateKey, ca: true, notBefore, years: 20 });
  const cert = await issueCertificate({ subject, issuer: opts.ca, publicKey: leaf.publicKey, issuerKey: root.privateKey, ca: false, notBefore, years: 5, ...(opts.revocation ? { revocation: opts.revocation } : {}) });
  return { key, chain: [cert], root: rootCert };
}

export interface SignOptions {
  digest: 'sha1' | 'sha256';
  subFilter: 'adbe.pkcs7.detached' | 'ETSI.CAdES.detached';
  at: Date;
  name: string;
}

const HASH_OID = { sha1: OID.sha1, sha256: OID.sha256 } as const;
const RSA_WITH = { sha1: '1.2.840.113549.1.1.5', sha256: OID.sha256WithRsa } as const;
const CONTENTS_BYTES = 8192;

/** A detached CMS SignedData over `digest` (content-type, message-digest, signing-time attributes). */
function cms(digest: Buffer, signer: TestSigner, opts: SignOptions): Uint8Array {
  const pkijs = pki();
  const certs = signer.chain.map((d) => pkijs.Certificate.fromBER(toArrayBuffer(d)));
  const cert = certs[0]!;
  const alg = () => new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OID[opts.digest], algorithmParams: new asn1js.Null() });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: opts.at })] }),
    ],
  });
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER());
  toSign[0] = 0x31;
  const signature = nodeSign(opts.digest, toSign, signer.key);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: alg(),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: RSA_WITH[opts.digest], algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const signed = new pkijs.SignedData({ version: 1, encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }), digestAlgorithms: [alg()], certificates: certs, signerInfos: [signerInfo] });
  return new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) }).toSchema().toBER());
}

/** `pdf` with one more signature appended as an incremental update (its fields on page 1). */
export async function appendSignature(pdf: Uint8Array, signer: TestSigner, opts: SignOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const rootRef = ctx.trailerInfo.Root as PDFRef;
  const catalog = ctx.lookup(rootRef, PDFDict);
  const pageRef = doc.getPage(0).ref;
  const page = ctx.lookup(pageRef, PDFDict);
  const sigNum = ctx.largestObjectNumber + 1;
  const widgetNum = sigNum + 1;
  const widgetRef = PDFRef.of(widgetNum);

  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const newAnnots = PDFArray.withContext(ctx);
  for (const a of annots?.asArray() ?? []) newAnnots.push(a);
  newAnnots.push(widgetRef);
  page.set(PDFName.of('Annots'), newAnnots);
  const form = catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = PDFArray.withContext(ctx);
  for (const f of form?.lookupMaybe(PDFName.of('Fields'), PDFArray)?.asArray() ?? []) fields.push(f);
  fields.push(widgetRef);
  catalog.set(PDFName.of('AcroForm'), ctx.obj({ SigFlags: 3, Fields: fields }));

  const zeros = '0'.repeat(CONTENTS_BYTES * 2);
  const rangeHole = '[0 0000000000 0000000000 0000000000]';
  const objects: [number, number, string][] = [
    [sigNum, 0, `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${opts.subFilter} /ByteRange ${rangeHole} /Contents <${zeros}> /M ${PDFString.fromDate(opts.at).toString()} /Name ${PDFString.of(opts.name).toString()} >>`],
    [widgetNum, 0, `<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /V ${sigNum} 0 R /T (Signature${sigNum}) /F 132 /P ${pageRef.toString()} >>`],
    [pageRef.objectNumber, pageRef.generationNumber, page.toString()],
    [rootRef.objectNumber, rootRef.generationNumber, catalog.toString()],
  ];
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(Buffer.from(pdf.subarray(-64)).toString('latin1'))?.[1]);
  if (!Number.isFinite(prev)) throw new Error('no startxref at the end of the PDF');
  let text = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const offsets: [number, number, number][] = [];
  for (const [num, gen, body] of objects) {
    offsets.push([num, gen, pdf.length + text.length]);
    text += `${num} ${gen} obj\n${body}\nendobj\n`;
  }
  const xrefAt = pdf.length + text.length;
  text += 'xref\n' + offsets.map(([num, gen, at]) => `${num} 1\n${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`).join('');
  const info = ctx.trailerInfo.Info ? ` /Info ${ctx.trailerInfo.Info.toString()}` : '';
  text += `trailer\n<< /Size ${widgetNum + 1} /Root ${rootRef.toString()}${info} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;

  const out = Buffer.concat([Buffer.from(pdf), Buffer.from(text, 'latin1')]);
  const all = out.toString('latin1');
  const contentsAt = all.indexOf(`<${zeros}>`, pdf.length);
  const afterContents = contentsAt + zeros.length + 2;
  const range = [0, contentsAt, afterContents, out.length - afterContents];
  const filled = `[${range.map((n, i) => (i === 0 ? '0' : String(n).padStart(10, '0'))).join(' ')}]`;
  out.write(filled, all.indexOf(rangeHole, pdf.length), 'latin1');
  const digest = createHash(opts.digest).update(out.subarray(0, range[1])).update(out.subarray(range[2]!)).digest();
  const signature = Buffer.from(cms(digest, signer, opts)).toString('hex');
  if (signature.length > zeros.length) throw new Error('the CMS does not fit /Contents');
  out.write(signature.padEnd(zeros.length, '0'), contentsAt + 1, 'latin1');
  return new Uint8Array(out);
}
