/**
 * The office's organisation key (ký số của cơ quan): signs the CMS signed attributes of an
 * issued document. Embedded: a local key under the data directory; cloud: an AWS KMS
 * asymmetric key whose private half never leaves KMS, its certificate from configuration.
 */
export type SignatureAlgorithm = 'RSA_SHA256' | 'ECDSA_SHA256';

export interface Signer {
  readonly algorithm: SignatureAlgorithm;
  /** The signer's certificate (DER), then any intermediates up to (not necessarily with) the root. */
  certificates(): Promise<Uint8Array[]>;
  /**
   * The signature of `message` (the DER of the signed attributes) with SHA-256: PKCS#1 v1.5 for
   * RSA, a DER ECDSA-Sig-Value for ECDSA (what CMS carries).
   */
  sign(message: Uint8Array): Promise<Uint8Array>;
}
