/** What the scan services need from the world; the composition root supplies the adapters. */
import type { ScanContentType, ScanFields } from '../domain/model';
import type { AuditLog } from '../../audit/ports/audit-log';
import type { BlobStore } from '../../platform/files/blob-store';
import type { Clock } from '../../platform/clock';
import type { Registers } from '../../registers';
import type { ScanStore } from '../ports/scan-store';

/** The text OCR read from a file, page by page. */
export interface ReadText {
  engine: string;
  pages: { text: string; confidence: number | null }[];
}

/** The fields extracted from OCR text, in the shape GET /v1/scans/{id} shows. */
export interface ExtractedScanFields {
  fields: ScanFields;
  lowConfidence: string[];
}

/** The OCR side of the pipeline: file kind from magic bytes, the engine, the field extractor. */
export interface ScanReader {
  /** The kind of file its first bytes show (jpeg, png, tiff, pdf…), or null. */
  detectType(bytes: Uint8Array): string | null;
  /** Reads every page; throws an error `isUnreadable` recognises when the file cannot be read at all. */
  read(bytes: Uint8Array, contentType: ScanContentType): Promise<ReadText>;
  isUnreadable(err: unknown): boolean;
  extract(text: string): ExtractedScanFields;
  /** Starts the engine ahead of the first scan (worker pool, model), when it has anything to start. */
  warmUp?(): Promise<void>;
  /** Stops the engine's workers. */
  close?(): Promise<void>;
}

export interface ScanDeps {
  clock: Clock;
  scans: ScanStore;
  blobs: BlobStore;
  registers: Registers;
  /** The audit log: a scan's link to its entry is an audited change. */
  audit: AuditLog;
  reader: () => ScanReader;
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
