/**
 * The documents module's verifying surface, kept apart from index.ts so that a process that only
 * checks the signatures of PDFs it receives (the OCR worker) carries neither the renderer's fonts
 * nor the KMS client: `verifyPdfSignatures` and the office's trust list from its configuration.
 */
export { verifyPdfSignatures, revocationInfo, type SignatureCheck, type ChainStatus, type TrustList, type RevocationInfo } from './adapters/verify';
export { officeTrustList, certificatesOfPem, type OfficeTrustList, type TrustListSource } from './adapters/trust-list';
