/**
 * The cloud office key: an AWS KMS asymmetric key (RSA_2048 or ECC_NIST_P256) that never leaves
 * KMS. The signed attributes are hashed here (SHA-256) and KMS signs the digest
 * (MessageType DIGEST). The certificate comes from configuration (`daumoi:signingCertificate`,
 * PEM, the signer's first, then any intermediates).
 */
import { createHash } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { fromPem, selfSignedCertificateFor, type CertificateSubject } from './certificates';
import type { SignatureAlgorithm, Signer } from '../ports/signer';

const KMS_ALGORITHM: Record<SignatureAlgorithm, 'RSASSA_PKCS1_V1_5_SHA_256' | 'ECDSA_SHA_256'> = {
  RSA_SHA256: 'RSASSA_PKCS1_V1_5_SHA_256',
  ECDSA_SHA256: 'ECDSA_SHA_256',
};

/** The PEM blocks of a certificate chain, in order, as DER. */
export function certificateChain(pemText: string): Uint8Array[] {
  const blocks = pemText.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (!blocks.length) throw new Error('no certificate in the signing certificate configuration');
  return blocks.map(fromPem);
}

export class KmsSigner implements Signer {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
    readonly algorithm: SignatureAlgorithm,
    private readonly chain: Uint8Array[],
  ) {}

  async certificates(): Promise<Uint8Array[]> {
    return this.chain;
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    const digest = createHash('sha256').update(message).digest();
    const out = await this.kms.send(new SignCommand({ KeyId: this.keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: KMS_ALGORITHM[this.algorithm] }));
    if (!out.Signature) throw new Error('KMS returned no signature');
    return out.Signature;
  }
}

/**
 * A dev stage's certificate for the office's KMS key, made at deploy until `daumoi:signingCertificate`
 * is configured: self-signed (CN the office, O the committee), its public key from KMS, signed by
 * KMS itself. Recipients see the chain as untrusted-root, as for any self-signed certificate.
 */
export async function kmsSelfSignedCertificate(kms: KMSClient, keyId: string, algorithm: SignatureAlgorithm, subject: CertificateSubject, now: Date, years = 2): Promise<Uint8Array> {
  const key = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!key.PublicKey) throw new Error(`KMS returned no public key for ${keyId}`);
  return selfSignedCertificateFor({ publicKeySpki: key.PublicKey, signer: new KmsSigner(kms, keyId, algorithm, []) }, { subject, notBefore: now, years });
}
