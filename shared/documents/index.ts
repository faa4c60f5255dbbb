/** The documents module's public entry: issued documents as signed PDFs in Party format, and the verification of PDF signatures. */
export { layoutDocument, placeAndDate, signingLines, SECRECY_MARKS, URGENCY_MARKS, A4, MARGINS } from './domain/layout';
export type { IssuedDocument, DocumentLayout, TextBlock, Box, SigningForm, Zone } from './domain/layout';
export { renderDocument, renderPdf } from './adapters/pdf-renderer';
export type { Signer, SignatureAlgorithm } from './ports/signer';
export { KeySigner, selfSignedSigner, localOfficeSigner } from './adapters/local-signer';
export { issueCertificate, selfSignedCertificateFor, generateKeyPair, pem, fromPem, type CertificateSubject } from './adapters/certificates';
export { renderSignedPdf, signerName, type IssueOptions } from './adapters/issue';
export { verifyPdfSignatures, type SignatureCheck, type ChainStatus, type TrustList, type RevocationInfo } from './adapters/verify';
export { KmsSigner, certificateChain, kmsSelfSignedCertificate } from './adapters/kms-signer';
export { issuedDocument, type OutgoingEntryFacts, type DocumentText } from './domain/from-entry';
export { IssuedDocuments, documentKey, SIGNING_LEASE_MS, SIGNING_WAIT_MS, type IssuedEntry } from './app/issued-documents';
export type { SigningClaims } from './ports/signing-claims';

import { KMSClient } from '@aws-sdk/client-kms';
import type { Platform } from '../platform/platform';
import type { BlobStore } from '../platform/files/blob-store';
import type { AuditLog } from '../audit/index';
import type { DomainConfig } from '../office/index';
import { IssuedDocuments } from './app/issued-documents';
import { renderSignedPdf } from './adapters/issue';
import { localOfficeSigner } from './adapters/local-signer';
import { KmsSigner, certificateChain } from './adapters/kms-signer';
import type { Signer } from './ports/signer';
import type { DocumentText } from './domain/from-entry';
import { SIGNING_ENV } from './env';
import { DynamoSigningClaims } from './adapters/dynamo-signing-claims';
export { SIGNING_ENV } from './env';


let signerPromise: { key: string; signer: Promise<Signer> } | undefined;
/** The office's signer from the environment (one per process and configuration). */
export function officeSigner(platform: Platform, office: () => DomainConfig): Promise<Signer> {
  const keyId = platform.env.optional(SIGNING_ENV.kmsKeyId, '');
  const dir = platform.env.optional(SIGNING_ENV.dir, '');
  const key = `${keyId}|${dir}`;
  if (signerPromise?.key === key) return signerPromise.signer;
  const make = async (): Promise<Signer> => {
    if (keyId) {
      const algorithm = platform.env.optional(SIGNING_ENV.algorithm, 'RSA_SHA256') === 'ECDSA_SHA256' ? 'ECDSA_SHA256' : 'RSA_SHA256';
      return new KmsSigner(new KMSClient({}), keyId, algorithm, certificateChain(platform.env.require(SIGNING_ENV.certificate)));
    }
    if (!dir) throw new Error(`no office key: set ${SIGNING_ENV.kmsKeyId} (cloud) or ${SIGNING_ENV.dir} (embedded)`);
    const c = office();
    return localOfficeSigner(dir, { commonName: c.office.name, organisation: c.office.committee }, 'RSA', platform.clock.now());
  };
  signerPromise = { key, signer: make() };
  signerPromise.signer.catch(() => (signerPromise = undefined));
  return signerPromise.signer;
}

export function documentsModule(platform: Platform, ports: { audit: AuditLog; blobs: BlobStore; office: () => DomainConfig; textOf?: (entryId: string, draftId: string | null) => Promise<DocumentText> }): IssuedDocuments {
  return new IssuedDocuments({
    blobs: ports.blobs,
    signer: () => officeSigner(platform, ports.office),
    render: renderSignedPdf,
    audit: ports.audit,
    clock: platform.clock,
    office: ports.office,
    claims: new DynamoSigningClaims(platform.db, platform.table('Data')),
    ...(ports.textOf ? { textOf: ports.textOf } : {}),
  });
}
