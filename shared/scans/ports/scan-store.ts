/**
 * Scans and their OCR jobs (DynamoDB `Data` table). A job is keyed by scan + object version,
 * so a re-delivered upload event finds its job already claimed or finished and does nothing.
 */
import type { Scan, ScanFailure, ScanFields, ScanQuarantine, ScanSignature, ScanUpload } from '../domain/model';
import type { Secrecy } from '../../platform/security';
import type { Urgency } from '../../office';

export type JobState = 'running' | 'retry' | 'done' | 'failed' | 'superseded';

export interface ScanJob {
  scanId: string;
  jobKey: string;
  state: JobState;
  attempts: number;
  /** While `running`: the instant after which another delivery may take the job over. */
  leaseUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ClaimResult =
  | { claimed: true; job: ScanJob; scan: Scan }
  /** Another delivery has the job (running within its lease) or it is finished: nothing to do. */
  | { claimed: false; reason: 'duplicate'; job: ScanJob }
  /** The scan does not exist or may not start a job (registered, quarantined). */
  | { claimed: false; reason: 'no-scan' | 'not-startable'; detail: string };

/** The outcome a finished job writes onto its scan. */
export type JobOutcome =
  | {
      status: 'done';
      upload: ScanUpload;
      pages: number;
      textKey: string;
      fields: ScanFields;
      lowConfidence: string[];
      secrecy: Secrecy | null;
      urgency: Urgency | null;
      engine: string;
      /** The PDF's signatures as verified; null for an image. */
      signatures?: ScanSignature[] | null;
    }
  | {
      status: 'quarantined';
      upload: ScanUpload;
      pages: number | null;
      fields: ScanFields;
      lowConfidence: string[];
      secrecy: Secrecy;
      urgency: Urgency | null;
      engine: string;
      signatures?: ScanSignature[] | null;
      quarantine: ScanQuarantine;
    }
  | { status: 'failed'; upload: ScanUpload | null; failure: ScanFailure };

export interface ScanStore {
  /** Stores a new scan (status `awaiting-upload`). */
  create(scan: Scan): Promise<void>;
  get(scanId: string): Promise<Scan | undefined>;
  /**
   * Claims the job for one upload: creates it, or takes it over when it waits for a retry or
   * its lease ran out (or `takeOver`: the process that held it is known to be gone), counting
   * the attempt; marks the scan `processing`. Atomic.
   */
  claimJob(scanId: string, jobKey: string, opts: { now: Date; leaseMs: number; takeOver?: boolean }): Promise<ClaimResult>;
  /**
   * Writes the outcome on the scan and closes the job, unless a newer upload took the scan
   * over (then only the job closes, as `superseded`). Returns the scan as stored.
   */
  finishJob(job: ScanJob, outcome: JobOutcome, now: Date): Promise<Scan | undefined>;
  /** A transient failure: the job waits for the next delivery; the error is shown on the scan meanwhile. */
  releaseJob(job: ScanJob, error: string, now: Date): Promise<void>;
  /** Links the scan to the incoming entry made from it (idempotent for the same entry). */
  linkEntry(scanId: string, entryId: string, now: Date): Promise<Scan>;
  /**
   * The transaction item that links the scan to a new entry and gives it the entry's secrecy, on
   * condition that the scan is still as read (same version, `done`, not linked): written in the
   * entry's own transaction.
   */
  linkItem(scan: Pick<Scan, 'scanId' | 'version'>, entry: { id: string; secrecy: Secrecy | null }, now: Date): unknown;
  /** Scans in a status, oldest change first (the embedded runtime resumes unfinished ones at start). */
  listByStatus(status: Scan['status'], limit: number): Promise<Scan[]>;
  /** Applies the secrecy guard after the fact (the clerk corrected the secrecy): no text, object moved or deleted. */
  quarantine(scanId: string, q: { secrecy: Secrecy; quarantine: ScanQuarantine }, now: Date): Promise<Scan>;
}
