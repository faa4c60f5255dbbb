/** The environment variables of the office key (read by the documents module, set by infra/ and local/). */
/** Where the office key is: KMS (cloud) or a directory (embedded: made there on first use). */
export const SIGNING_ENV = {
  kmsKeyId: 'DAUMOI_SIGNING_KEY_ID',
  /** RSA_SHA256 (default) or ECDSA_SHA256, as the KMS key's spec. */
  algorithm: 'DAUMOI_SIGNING_ALGORITHM',
  /** PEM chain of the KMS key's certificate (`daumoi:signingCertificate`). */
  certificate: 'DAUMOI_SIGNING_CERTIFICATE',
  dir: 'DAUMOI_SIGNING_DIR',
  /** Extra trusted roots (PEM text) besides the office's own certificate (cloud: context `daumoi:trustRoots`). */
  trustRoots: 'DAUMOI_TRUST_ROOTS',
  /** A file of trusted root certificates (PEM); embedded default `<DAUMOI_SIGNING_DIR>/trusted-roots.pem`. */
  trustRootsFile: 'DAUMOI_TRUST_ROOTS_FILE',
} as const;
