/** The documents module's public entry: issued documents as signed PDFs in Party format, and the verification of PDF signatures. */
export { layoutDocument, placeAndDate, signingLines, SECRECY_MARKS, URGENCY_MARKS, A4, MARGINS } from './domain/layout';
export type { IssuedDocument, DocumentLayout, TextBlock, Box, SigningForm, Zone } from './domain/layout';
export { renderDocument, renderPdf } from './adapters/pdf-renderer';
export type { Signer, SignatureAlgorithm } from './ports/signer';
export { KeySigner, selfSignedSigner, localOfficeSigner } from './adapters/local-signer';
export { issueCertificate, generateKeyPair, pem, fromPem, type CertificateSubject } from './adapters/certificates';
export { renderSignedPdf, signerName, type IssueOptions } from './adapters/issue';
export { verifyPdfSignatures, type SignatureCheck, type ChainStatus, type TrustList } from './adapters/verify';
