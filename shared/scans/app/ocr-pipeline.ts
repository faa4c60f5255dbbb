/**
 * The OCR pipeline for one uploaded object: claim the job (scan + object version), check the
 * object's size (HeadObject, before reading it), then the file (magic bytes against the declared
 * type, pixels its headers claim: SCAN_LIMITS), read it (PDF pages one at a time, at most
 * SCAN_LIMITS.pages), extract the fields, apply the
 * secrecy guard, store the text in S3 and the pointers and fields on the scan.
 *
 * Failures that a retry cannot fix (not a scan, truncated PDF, empty file) end the job at once
 * with `failed` and the reason. Other errors release the job and are thrown, so the queue
 * delivers the event again; after MAX_OCR_ATTEMPTS the scan shows `failed`. The uploaded file
 * is never deleted on failure. A delivery that finds the job still leased to another is handed
 * back too (thrown), never acknowledged: the holder may have died without a word.
 */
import { logger } from '../../platform/observability/logger';
import { ocrTextKey, quarantineObjectKey, SCAN_PREFIX, signatureDoubtful, type ScanFailure, type ScanFields, type ScanSignature, type ScanText, type ScanUpload } from '../domain/model';
import { applyNumberTaken, handwrittenNumberToCheck } from '../domain/number-taken';
import { jobKeyOf, mustQuarantine, pixelLimitProblem, uploadProblem } from '../domain/rules';
import type { ScanJob } from '../ports/scan-store';
import type { UploadNotice } from '../../platform/files/blob-store';
import { JOB_LEASE_MS, MAX_OCR_ATTEMPTS, type ScanDeps } from './deps';
import { quarantineObjects } from './quarantine';

export type PipelineOutcome = 'done' | 'failed' | 'quarantined' | 'duplicate' | 'ignored';

/** Thrown after a transient failure: the job was released and the event should be delivered again. */
export class OcrRetryableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OcrRetryableError';
  }
}

const SCAN_KEY = new RegExp(`^${SCAN_PREFIX}([A-Za-z0-9_-]{1,64})$`);

/** The scan an object key belongs to, or null for any other object (OCR output, quarantine, reports). */
export const scanIdOfKey = (key: string): string | null => SCAN_KEY.exec(key)?.[1] ?? null;

export class OcrPipeline {
  constructor(
    private readonly deps: ScanDeps,
    private readonly opts: { maxAttempts?: number; leaseMs?: number } = {},
  ) {}

  async process(notice: UploadNotice, opts: { takeOver?: boolean } = {}): Promise<{ outcome: PipelineOutcome; scanId?: string; detail?: string }> {
    const scanId = scanIdOfKey(notice.key);
    if (!scanId) return { outcome: 'ignored', detail: `not an upload key: ${notice.key}` };
    const { scans, clock } = this.deps;
    const jobKey = jobKeyOf(scanId, notice);
    const claim = await scans.claimJob(scanId, jobKey, { now: clock.now(), leaseMs: this.opts.leaseMs ?? JOB_LEASE_MS, takeOver: opts.takeOver ?? false });
    if (!claim.claimed) {
      if (claim.reason === 'duplicate' && claim.job.state === 'running') {
        // Another delivery holds the job. It may finish, or it may have died (a killed or timed-out
        // worker never releases): acknowledging this delivery would drop the only copy of the event
        // in the latter case. Hand it back; the next one finds the job done, or the lease over.
        logger.info('scan upload is being read by another delivery; handing this one back', { scanId, jobKey, leaseUntil: claim.job.leaseUntil });
        throw new OcrRetryableError(`scan ${scanId}: job ${jobKey} is being read by another delivery until ${claim.job.leaseUntil ?? 'its lease ends'}`);
      }
      // An upload to a scan already quarantined (its URL was still valid) is not read and not kept.
      if (claim.reason === 'not-startable' && (await scans.get(scanId))?.status === 'quarantined') {
        await this.deps.blobs.purge(notice.key);
        logger.info('upload to a quarantined scan removed', { scanId, jobKey });
      }
      const detail = claim.reason === 'duplicate' ? `job ${jobKey} is ${claim.job.state}` : claim.detail;
      logger.info('scan upload not processed', { scanId, jobKey, reason: claim.reason, detail });
      return { outcome: claim.reason === 'duplicate' ? 'duplicate' : 'ignored', scanId, detail };
    }
    const { job, scan } = claim;
    const maxAttempts = this.opts.maxAttempts ?? MAX_OCR_ATTEMPTS;
    if (job.attempts > maxAttempts) {
      await this.fail(job, null, { code: 'OCR_FAILED', reason: `OCR failed ${maxAttempts} times; last error: ${job.lastError ?? 'unknown'}` });
      return { outcome: 'failed', scanId };
    }

    let upload: ScanUpload | null = null;
    try {
      // The object's size is checked before a byte of it is read: an upload over the limit (or
      // other than the size the URL was signed for) fails here, and the file is kept.
      const head = await this.deps.blobs.head(notice.key, { versionId: notice.versionId });
      if (!head) {
        await this.fail(job, null, { code: 'MISSING', reason: 'The uploaded file is no longer in storage.' });
        return { outcome: 'failed', scanId };
      }
      const reader = this.deps.reader();
      const sized = uploadProblem({ size: head.size, declaredSize: scan.declaredSize, declaredType: scan.contentType, detected: null });
      if (sized && sized.code !== 'NOT_A_SCAN') {
        upload = { etag: notice.etag ?? head.etag, versionId: notice.versionId ?? head.versionId, size: head.size, detectedType: null, receivedAt: clock.now().toISOString() };
        await this.fail(job, upload, sized);
        return { outcome: 'failed', scanId };
      }
      const bytes = await this.deps.blobs.get(notice.key, { versionId: notice.versionId });
      if (!bytes) {
        await this.fail(job, null, { code: 'MISSING', reason: 'The uploaded file is no longer in storage.' });
        return { outcome: 'failed', scanId };
      }
      const detected = bytes.length ? reader.detectType(bytes) : null;
      upload = { etag: notice.etag, versionId: notice.versionId, size: bytes.length, detectedType: detected, receivedAt: clock.now().toISOString() };
      // Then what the file claims, before anything is decoded: type, and pixels (decompression bombs).
      const problem = uploadProblem({ size: bytes.length, declaredSize: scan.declaredSize, declaredType: scan.contentType, detected }) ?? pixelLimitProblem(bytes);
      if (problem) {
        await this.fail(job, upload, problem);
        return { outcome: 'failed', scanId };
      }

      let read;
      try {
        read = await reader.read(bytes, scan.contentType);
      } catch (err) {
        if (!reader.isUnreadable(err)) throw err;
        const kind = (err as { kind?: string }).kind;
        const code = kind === 'too-many-pages' ? 'TOO_MANY_PAGES' : kind === 'too-many-pixels' ? 'IMAGE_TOO_LARGE' : 'UNREADABLE';
        const why = (err as Error).message;
        // Over a limit: say which, as the limit says it; otherwise the file could not be read at all.
        const reason = code === 'UNREADABLE' ? `The file cannot be read: ${why}` : `${why.charAt(0).toUpperCase()}${why.slice(1)}. It was not read; the file is kept.`;
        await this.fail(job, upload, { code, reason });
        return { outcome: 'failed', scanId };
      }
      const signatures = detected === 'pdf' ? await this.verifySignatures(bytes, scanId) : null;
      const text = read.pages.map((p) => p.text).join('\n\n');
      const { fields, lowConfidence } = await this.checkNumber(reader.extract(text, read));
      const secrecy = fields.secrecy?.value ?? null;
      const urgency = fields.urgency?.value ?? null;
      const now = clock.now();

      if (mustQuarantine(secrecy)) {
        // Secrecy guard (domain.md f): no text is written anywhere; the file leaves the scans prefix.
        // Every version of the upload and of any OCR text an earlier upload left goes too.
        const moved = this.deps.quarantineAction === 'move';
        await quarantineObjects(this.deps.blobs, scanId, { key: notice.key, versionId: notice.versionId }, this.deps.quarantineAction);
        await scans.finishJob(
          job,
          {
            status: 'quarantined',
            upload,
            pages: read.pages.length,
            fields,
            lowConfidence,
            secrecy,
            urgency,
            engine: read.engine,
            signatures,
            quarantine: { secrecy, action: moved ? 'moved' : 'deleted', objectKey: moved ? quarantineObjectKey(scanId) : null, at: now.toISOString() },
          },
          now,
        );
        logger.info('scan quarantined', { scanId, jobKey, secrecy, action: this.deps.quarantineAction });
        return { outcome: 'quarantined', scanId };
      }

      const output: ScanText = {
        scanId,
        jobKey,
        engine: read.engine,
        pages: read.pages.map((p, i) => ({ page: i + 1, text: p.text, confidence: p.confidence })),
        text,
        createdAt: now.toISOString(),
      };
      // One result per scan, at a fixed key: a second run of the same job writes the same object.
      await this.deps.blobs.put(ocrTextKey(scanId), JSON.stringify(output), 'application/json; charset=utf-8');
      await scans.finishJob(
        job,
        { status: 'done', upload, pages: read.pages.length, textKey: ocrTextKey(scanId), fields, lowConfidence, secrecy, urgency, engine: read.engine, signatures },
        now,
      );
      logger.info('scan read', { scanId, jobKey, pages: read.pages.length, engine: read.engine, lowConfidence });
      return { outcome: 'done', scanId };
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      if (job.attempts >= maxAttempts) {
        logger.error('scan OCR failed for good', { scanId, jobKey, attempts: job.attempts, error: message });
        await this.fail(job, upload, { code: 'OCR_FAILED', reason: `OCR failed ${job.attempts} times; last error: ${message}` });
        return { outcome: 'failed', scanId };
      }
      logger.warn('scan OCR failed, will retry', { scanId, jobKey, attempts: job.attempts, error: message });
      await this.deps.scans.releaseJob(job, message, this.deps.clock.now());
      throw new OcrRetryableError(`scan ${scanId}: attempt ${job.attempts} of ${maxAttempts} failed: ${message}`, { cause: err });
    }
  }

  /**
   * The PDF's signatures, verified; null when no verifier is composed. The verifier reports a
   * malformed signature as not intact; should it throw all the same, the scan is still read and
   * its signatures shown as not checked (null), never a failed scan.
   */
  private async verifySignatures(bytes: Uint8Array, scanId: string): Promise<ScanSignature[] | null> {
    if (!this.deps.signatures) return null;
    const t0 = performance.now();
    try {
      const found = await this.deps.signatures().verify(bytes);
      logger.info('scan signatures verified', { scanId, signatures: found.length, doubtful: found.filter(signatureDoubtful).length, ms: Math.round(performance.now() - t0) });
      return found;
    } catch (err) {
      logger.error('scan signatures could not be verified', { scanId, error: err instanceof Error ? err.message : String(err) });
      return null;
    }
  }

  /** A handwritten number the register already holds from its issuer for another letter loses its value (domain/number-taken.ts). */
  private async checkNumber(read: { fields: ScanFields; lowConfidence: string[] }): Promise<{ fields: ScanFields; lowConfidence: string[] }> {
    const { numberSymbol, documentDate } = read.fields;
    if (!this.deps.numbers || !handwrittenNumberToCheck(numberSymbol) || typeof documentDate?.value !== 'string') return read;
    const taken = await this.deps.numbers.takenByAnotherLetter({ numberSymbol: numberSymbol.value, documentDate: documentDate.value });
    return applyNumberTaken(read.fields, read.lowConfidence, taken);
  }

  private async fail(job: ScanJob, upload: ScanUpload | null, failure: ScanFailure): Promise<void> {
    logger.info('scan failed', { scanId: job.scanId, jobKey: job.jobKey, code: failure.code });
    await this.deps.scans.finishJob(job, { status: 'failed', upload, failure }, this.deps.clock.now());
  }
}
