/**
 * The scans module's signature verifier for the processes that read scans (the OCR worker, the
 * embedded OCR thread, tests): kept apart from index.ts so that the API functions' bundles do
 * not carry pdf-lib and pkijs. The trust list is the office's (shared/documents: its own
 * certificate, DAUMOI_TRUST_ROOTS, DAUMOI_TRUST_ROOTS_FILE).
 */
import type { Platform } from '../platform/platform';
import { TrustListSignatureVerifier } from './adapters/signature-check';
import type { SignatureVerifier } from './ports/signature-verifier';

export type { SignatureVerifier } from './ports/signature-verifier';

export function signatureVerifier(platform: Pick<Platform, 'env'>): SignatureVerifier {
  return new TrustListSignatureVerifier({ optional: (name) => platform.env.optional(name) });
}
