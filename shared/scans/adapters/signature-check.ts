/**
 * The signature verifier of the scans module over the documents module's verifying surface
 * (verifyPdfSignatures with the office's trust list, read anew for each file so that a root
 * added to the configured file counts from the next scan). Configured blocks that are not
 * certificates are logged, not fatal.
 */
import { officeTrustList, verifyPdfSignatures, type TrustListSource } from '../../documents/verify';
import { logger } from '../../platform/observability/logger';
import type { ScanSignature } from '../domain/model';
import type { SignatureVerifier } from '../ports/signature-verifier';

export class TrustListSignatureVerifier implements SignatureVerifier {
  private reported = '';

  constructor(private readonly env: TrustListSource) {}

  async verify(pdf: Uint8Array): Promise<ScanSignature[]> {
    const trust = officeTrustList(this.env);
    const problems = trust.problems.join('; ');
    if (problems && problems !== this.reported) logger.error('trust list: configured roots left out', { problems: trust.problems });
    this.reported = problems;
    return verifyPdfSignatures(pdf, trust);
  }
}
