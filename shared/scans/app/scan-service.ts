/**
 * Scans as the API offers them: an upload URL for a new scan, the scan with its text and
 * fields as far as the caller may see it, and the register proposal (an incoming entry made
 * from the fields and the clerk's corrections).
 */
import { uploadTicket, type UploadTicket } from '../../platform/files/uploads';
import { ulid } from 'ulid';
import { ConflictError, NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../platform/errors';
import type { Caller } from '../../platform/security';
import { actorRef } from '../../registers';
import {
  MAX_SCAN_BYTES,
  quarantineObjectKey,
  SCAN_CONTENT_TYPES,
  scanObjectKey,
  type Scan,
  type ScanContentType,
  type ScanSignature,
  type ScanText,
} from '../domain/model';
import { mustQuarantine, quarantineMessage, scanVisibility } from '../domain/rules';
import { incomingFromScan, type ScanCorrections } from '../domain/registration';
import type { IncomingEntryView, WriteContext } from '../../registers';
import type { UploadNotice } from '../../platform/files/blob-store';
import { UPLOAD_URL_SECONDS, type ScanDeps } from './deps';
import { OcrPipeline, type PipelineOutcome } from './ocr-pipeline';
import { metadataOnly, ScanLinker } from './scan-link';
import { quarantineObjects } from './quarantine';

export interface NewScan {
  fileName: string;
  contentType: string;
  /** Bytes the client will upload: signed into the URL with the type (S3 refuses any other length). */
  size: number;
}

/** Where to PUT the scan's file (the shared upload-ticket shape), with the scan's id. */
export type ScanUploadTicket = UploadTicket & { scanId: string };

/** A scan as GET /v1/scans/{id} shows it. */
export interface ScanView {
  scanId: string;
  status: Scan['status'];
  fileName: string;
  contentType: string;
  pages: number | null;
  text: string | null;
  fields: Scan['fields'] | Record<string, never>;
  lowConfidence: string[];
  secrecy: Scan['secrecy'];
  urgency: Scan['urgency'];
  entryId: string | null;
  failure: Scan['failure'];
  /** What the clerk should know or do next. */
  message: string | null;
  engine: string | null;
  /** A read PDF's signatures (`[]`: none); null for an image, a scan not read, or a caller who may not see the scan in full. */
  signatures: ScanSignature[] | null;
  createdAt: string;
  updatedAt: string;
}

/** The scan's file as uploaded: where to GET it (a presigned URL) until `expiresAt`. */
export interface ScanOriginal {
  scanId: string;
  fileName: string;
  contentType: string;
  size: number | null;
  downloadUrl: string;
  expiresAt: string;
}

/** How long a download URL of an original lives. */
const ORIGINAL_URL_SECONDS = 5 * 60;

export class ScanService {
  private readonly pipeline: OcrPipeline;
  /** Registrations that name a scan (both routes). */
  readonly links: ScanLinker;

  constructor(
    private readonly deps: ScanDeps,
    pipelineOptions: ConstructorParameters<typeof OcrPipeline>[1] = {},
  ) {
    this.pipeline = new OcrPipeline(deps, pipelineOptions);
    this.links = new ScanLinker({ clock: deps.clock, scans: deps.scans, registers: deps.registers, audit: deps.audit });
  }

  /** Runs the OCR pipeline for one uploaded object (see OcrPipeline). */
  processUpload(notice: UploadNotice, opts: { takeOver?: boolean } = {}): Promise<{ outcome: PipelineOutcome; scanId?: string; detail?: string }> {
    return this.pipeline.process(notice, opts);
  }

  /**
   * Uploads whose OCR did not finish (or never started) and whose file is in storage: the
   * embedded runtime feeds them to the pipeline again at start, since their events died with
   * the process that stopped.
   */
  async unfinishedUploads(): Promise<UploadNotice[]> {
    const out: UploadNotice[] = [];
    for (const status of ['processing', 'awaiting-upload'] as const) {
      for (const scan of await this.deps.scans.listByStatus(status, 200)) {
        const head = await this.deps.blobs.head(scan.objectKey);
        if (head) out.push({ bucket: null, key: scan.objectKey, size: head.size, etag: head.etag, versionId: head.versionId, sequencer: null });
      }
    }
    return out;
  }

  async createUpload(input: NewScan, caller: Caller): Promise<ScanUploadTicket> {
    if (!(SCAN_CONTENT_TYPES as readonly string[]).includes(input.contentType)) {
      throw new UnsupportedMediaTypeError(`contentType must be one of ${SCAN_CONTENT_TYPES.join(', ')}`, [{ path: 'body.contentType', message: 'unsupported' }]);
    }
    if (input.size > MAX_SCAN_BYTES) {
      throw new PayloadTooLargeError(`A scan may have at most ${MAX_SCAN_BYTES} bytes (50 MB)`, [{ path: 'body.size', message: `over ${MAX_SCAN_BYTES}` }]);
    }
    // Presigning is local: ask the storage first, so that with S3 down nothing is stored and the clerk gets a 503.
    await this.deps.blobs.checkAvailable();
    const scanId = ulid();
    const now = this.deps.clock.now().toISOString();
    const scan: Scan = {
      scanId,
      status: 'awaiting-upload',
      fileName: input.fileName,
      contentType: input.contentType as ScanContentType,
      declaredSize: input.size,
      objectKey: scanObjectKey(scanId),
      upload: null,
      pages: null,
      textKey: null,
      fields: null,
      lowConfidence: [],
      secrecy: null,
      urgency: null,
      engine: null,
      failure: null,
      quarantine: null,
      jobKey: null,
      attempts: 0,
      lastError: null,
      entryId: null,
      createdAt: now,
      createdBy: actorRef(caller),
      updatedAt: now,
      version: 1,
    };
    await this.deps.scans.create(scan);
    const put = await this.deps.blobs.presignPut(scan.objectKey, {
      contentType: scan.contentType,
      contentLength: input.size,
      expiresInSeconds: UPLOAD_URL_SECONDS,
    });
    return { scanId, ...uploadTicket(put, put.expiresAt.toISOString(), MAX_SCAN_BYTES) };
  }

  /** The scan as the caller may see it; 404 when they may not see it at all. */
  async view(scanId: string, caller: Caller): Promise<ScanView> {
    const scan = await this.visible(scanId, caller);
    const full = scanVisibility(caller, scan) === 'full';
    const text = full && scan.status === 'done' && scan.textKey ? await this.text(scan.textKey) : null;
    return {
      scanId: scan.scanId,
      status: scan.status,
      fileName: scan.fileName,
      contentType: scan.contentType,
      pages: scan.pages,
      text: text?.text ?? null,
      fields: full && scan.fields ? scan.fields : {},
      lowConfidence: full ? scan.lowConfidence : [],
      secrecy: scan.secrecy,
      urgency: scan.urgency,
      // The entry made from a scan is as secret as the scan: a summary reader is not told which it is.
      entryId: full ? scan.entryId : null,
      failure: scan.failure,
      message: messageOf(scan),
      engine: scan.engine,
      // Who signed a letter says what it is: shown only to those who may see the scan in full.
      signatures: full && (scan.status === 'done' || scan.status === 'quarantined') ? (scan.signatures ?? null) : null,
      createdAt: scan.createdAt,
      updatedAt: scan.updatedAt,
    };
  }

  /**
   * A short-lived URL of the file as it was uploaded (the version OCR read), for whoever may see
   * the scan in full: a reader of its summary only (a clerk below its secrecy) gets 404, as for
   * a scan they may not see. 409 before the upload, and for a quarantined scan (its file is moved
   * out of reach or deleted). Each URL handed out is an audit event (who, which scan).
   */
  async original(scanId: string, caller: Caller, requestId?: string): Promise<ScanOriginal> {
    const scan = await this.visible(scanId, caller);
    if (scanVisibility(caller, scan) !== 'full') throw new NotFoundError(`No scan ${scanId}`);
    if (scan.status === 'quarantined') throw metadataOnly(scan);
    if (scan.status === 'awaiting-upload') throw new ConflictError(`Scan ${scanId} has no file yet: upload it first`, [{ path: 'status', message: scan.status }], 'SCAN_NOT_UPLOADED');
    const { url, expiresAt } = await this.deps.blobs.presignGet(scan.objectKey, { expiresInSeconds: ORIGINAL_URL_SECONDS, versionId: scan.upload?.versionId ?? null, downloadAs: scan.fileName });
    // Who was handed the file, and of which scan (its secrecy keeps the event from readers below it).
    await this.deps.audit.record({ actor: caller, action: 'scan.original.read', entityType: 'scan', entityId: scanId, before: null, after: { fileName: scan.fileName, secrecy: scan.secrecy ?? null }, ...(requestId ? { requestId } : {}) });
    return { scanId, fileName: scan.fileName, contentType: scan.contentType, size: scan.upload?.size ?? scan.declaredSize ?? null, downloadUrl: url, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Registers the scanned letter in the sổ văn bản đến (see ScanLinker: secrecy at least what OCR
   * read, entry and link in one transaction). A scan already registered returns its entry. A
   * correction to Tối mật / Tuyệt mật applies the secrecy guard instead (409).
   */
  async register(scanId: string, corrections: ScanCorrections & { secrecyLoweredReason?: string }, ctx: WriteContext): Promise<{ entry: IncomingEntryView; created: boolean }> {
    const scan = await this.visible(scanId, ctx.actor);
    if (scan.entryId) {
      try {
        return { entry: await this.deps.registers.getIncoming(scan.entryId, ctx.actor), created: false };
      } catch (err) {
        if (err instanceof NotFoundError) throw new ConflictError(`Scan ${scanId} is already registered`, [{ path: 'scanId', message: 'already registered' }], 'ALREADY_REGISTERED');
        throw err;
      }
    }
    if (scan.status === 'quarantined') throw metadataOnly(scan);
    if (scanVisibility(ctx.actor, scan) !== 'full') throw new NotFoundError(`No scan ${scanId}`);
    if (scan.status !== 'done') {
      const why = scan.status === 'failed' ? `it failed: ${scan.failure?.reason ?? 'unknown reason'}` : `it is ${scan.status}`;
      throw new ConflictError(`Scan ${scanId} cannot be registered: ${why}`, [{ path: 'status', message: scan.status }], scan.status === 'failed' ? 'SCAN_FAILED' : 'SCAN_NOT_READY');
    }
    const { input, missing } = incomingFromScan(scan, corrections);
    if (missing.length) {
      throw new ValidationError(
        `OCR did not find ${missing.join(', ')}: give ${missing.length > 1 ? 'them' : 'it'} in the body`,
        missing.map((m) => ({
          path: `body.${m}`,
          // Fail closed: OCR could not tell a secrecy mark is absent; the clerk says (null for none).
          message: m === 'secrecy' ? `not sure on the scan (${scan.fields?.['secrecy']?.reason ?? 'possibly secret'}); give secrecy, null for none` : 'not found on the scan; required',
        })),
      );
    }
    if (mustQuarantine(input.secrecy)) throw metadataOnly(await this.quarantineNow(scan, input.secrecy));
    const reason = corrections.secrecyLoweredReason;
    return this.links.register({ ...input, scanId, ...(reason !== undefined ? { secrecyLoweredReason: reason } : {}) }, ctx, scan);
  }

  /** The OCR text of a scan, as stored; null when it is not (or no longer) kept. */
  async textOf(scanId: string): Promise<string | null> {
    const scan = await this.deps.scans.get(scanId);
    if (!scan?.textKey || scan.status !== 'done') return null;
    return (await this.text(scan.textKey))?.text ?? null;
  }

  private async text(key: string): Promise<ScanText | null> {
    const bytes = await this.deps.blobs.get(key);
    return bytes ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as ScanText) : null;
  }

  private async visible(scanId: string, caller: Caller): Promise<Scan> {
    const scan = await this.deps.scans.get(scanId);
    if (!scan || scanVisibility(caller, scan) === 'none') throw new NotFoundError(`No scan ${scanId}`);
    return scan;
  }

  /** The clerk says the letter is Tối mật / Tuyệt mật: drop its text and move (or delete) the file now. */
  private async quarantineNow(scan: Scan, secrecy: NonNullable<Scan['secrecy']>): Promise<Scan> {
    const moved = this.deps.quarantineAction === 'move';
    await quarantineObjects(this.deps.blobs, scan.scanId, { key: scan.objectKey, versionId: scan.upload?.versionId ?? null }, this.deps.quarantineAction);
    const now = this.deps.clock.now();
    return this.deps.scans.quarantine(
      scan.scanId,
      { secrecy, quarantine: { secrecy, action: moved ? 'moved' : 'deleted', objectKey: moved ? quarantineObjectKey(scan.scanId) : null, at: now.toISOString() } },
      now,
    );
  }
}

function messageOf(scan: Scan): string | null {
  switch (scan.status) {
    case 'awaiting-upload':
      return 'Upload the file with a PUT to the upload URL; OCR starts by itself.';
    case 'processing':
      return scan.lastError ? `OCR is being retried (attempt ${scan.attempts} failed: ${scan.lastError}).` : 'OCR is running.';
    case 'failed':
      return scan.failure?.reason ?? 'OCR failed.';
    case 'quarantined':
      return quarantineMessage(scan.quarantine?.secrecy ?? scan.secrecy ?? 'toi-mat', scan.quarantine?.action ?? 'moved');
    case 'done':
      return scan.lowConfidence.length ? `Check these fields before registering: ${scan.lowConfidence.join(', ')}.` : null;
  }
}

