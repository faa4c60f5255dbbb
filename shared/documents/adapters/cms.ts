/**
 * The CMS SignedData of a PAdES signature (ETSI EN 319 142-1, B-B), built with pkijs: detached
 * (no eContent), SHA-256, signed attributes content-type, message-digest and
 * signing-certificate-v2 (ESSCertIDv2 with the issuer and serial). The claimed signing time
 * is the signature dictionary's /M, as PAdES B-B asks (it forbids the CMS signing-time
 * attribute); `signingTimeAttribute` adds it anyway for readers that only look there.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { OID, pki, toArrayBuffer } from './pki';
import type { Signer } from '../ports/signer';

export interface CmsOptions {
  signingTimeAttribute?: Date;
}

export async function buildCms(contentDigest: Uint8Array, signer: Signer, opts: CmsOptions = {}): Promise<Uint8Array> {
  const pkijs = pki();
  const [certDer, ...chain] = await signer.certificates();
  if (!certDer) throw new Error('the signer has no certificate');
  const certs = [certDer, ...chain].map((d) => pkijs.Certificate.fromBER(toArrayBuffer(d)));
  const cert = certs[0]!;
  const sha256 = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });

  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }),
    serialNumber: cert.serialNumber,
  });
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2's hash algorithm defaults to SHA-256.
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(createHash('sha256').update(certDer).digest()) }), issuerSerial.toSchema()],
  });
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(contentDigest) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })] }),
  ];
  if (opts.signingTimeAttribute) attributes.push(new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: opts.signingTimeAttribute })] }));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });

  // What is signed is the attributes' DER with the SET tag (RFC 5652 §5.4), as pkijs's own sign does.
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER());
  toSign[0] = 0x31;
  const signature = await signer.sign(toSign);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: sha256(),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      signer.algorithm === 'RSA_SHA256' ? { algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() } : { algorithmId: OID.ecdsaWithSha256 },
    ),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [sha256()],
    certificates: certs,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}
