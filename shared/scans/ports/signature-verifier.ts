/**
 * Checks the digital signatures (chữ ký số) a received PDF carries: each one's covered bytes
 * against its digest, its signature against its certificate, the certificate's validity at
 * signing time, the chain against the office's trust list, and whether it covers the whole file.
 * A malformed signature is reported as not intact with an invalid chain, never thrown.
 */
import type { ScanSignature } from '../domain/model';

export interface SignatureVerifier {
  /** The PDF's signatures, earliest first; `[]` when it has none. */
  verify(pdf: Uint8Array): Promise<ScanSignature[]>;
}
