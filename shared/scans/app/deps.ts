/** What the scan services need from the world; each function composes the adapters (shared/scans/index.ts scansModule). */
import type { AuditLog } from '../../audit';
import type { BlobStore } from '../../platform/files/blob-store';
import type { Clock } from '../../platform/clock';
import type { Registers } from '../../registers';
import type { ScanStore } from '../ports/scan-store';
import type { ScanReader } from './scan-reader';
import type { SignatureVerifier } from '../ports/signature-verifier';
import type { RegisterNumbers } from '../ports/register-numbers';

export type { ReadText, ExtractedScanFields, ScanReader } from './scan-reader';

export interface ScanDeps {
  clock: Clock;
  scans: ScanStore;
  blobs: BlobStore;
  registers: Registers;
  /**
   * The incoming register's yes/no on a handwritten number (another letter from the issuer holds
   * it this year): scansModule composes it over the registers; without it nothing is cross-checked.
   */
  numbers?: RegisterNumbers;
  /** The audit log: a scan's link to its entry is an audited change. */
  audit: AuditLog;
  reader: () => ScanReader;
  /**
   * Verifies the signatures of an uploaded PDF (only the processes that read scans compose one:
   * shared/scans/signatures.ts). Without it a PDF's signatures are stored as null: not checked.
   */
  signatures?: () => SignatureVerifier;
  /** What the secrecy guard does with a Tối mật / Tuyệt mật upload. */
  quarantineAction: 'move' | 'delete';
}

/** OCR attempts per upload before the scan shows `failed`. */
export const MAX_OCR_ATTEMPTS = 3;
/** The OCR function's timeout (infra/stacks/ocr-stack.ts): no run of a job lasts longer. */
export const OCR_TIMEOUT_SECONDS = 5 * 60;
/**
 * How long a claimed job is another delivery's to leave alone: the function's timeout and a
 * margin, so a worker that is still reading is never taken over.
 */
export const JOB_LEASE_MS = (OCR_TIMEOUT_SECONDS + 30) * 1000;
/**
 * The OCR queue's visibility timeout: longer than the lease, so the delivery that follows a
 * crashed or timed-out worker usually finds its lease over. When it does not (a claim made late
 * in the visibility window), the pipeline hands the message back rather than dropping it.
 */
export const OCR_VISIBILITY_TIMEOUT_SECONDS = OCR_TIMEOUT_SECONDS + 60;
/**
 * OCR runs at most this many at once in the cloud (the function's reserved concurrency and the
 * SQS event source's maximum concurrency): a flood of uploads waits in the queue instead of
 * taking the account's Lambda concurrency from the API. Five workers of two tesseract threads
 * read ~10 pages a second together; 500 one-page letters queued at once are read in ~1 minute.
 */
export const OCR_MAX_CONCURRENCY = 5;
/** How long an upload URL is valid. */
export const UPLOAD_URL_SECONDS = 15 * 60;
