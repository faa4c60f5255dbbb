/**
 * OCR engine port: a scan's bytes (JPEG, PNG, TIFF or PDF) in, the text of every page out,
 * with per-line confidences and boxes when the engine gives them (the field extractor uses
 * them to put the page's columns in reading order). Adapters: tesseract.js (default, reads
 * Vietnamese) and Amazon Textract (reads the Latin letters only).
 */
import { DomainError } from '../../platform/errors';

/** A box in page pixels (Textract's relative geometry is scaled to the page's width and height). */
export interface OcrBBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: OcrBBox;
}

export interface OcrLine {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: OcrBBox;
  /** The line's words with their boxes, when the engine gives them. */
  words?: OcrWord[];
}

export interface OcrPage {
  /** The page's text in reading order (header and footer columns one after the other). */
  text: string;
  /** Mean confidence of the page, 0..1. */
  confidence: number;
  /** Size of the page image the boxes refer to, when known. */
  width?: number;
  height?: number;
  lines?: OcrLine[];
}

export interface OcrResult {
  pages: OcrPage[];
  /** Which engine read it ("tesseract", "textract"). */
  engine: string;
}

export interface OcrInput {
  bytes: Uint8Array;
  /** The declared type (image/jpeg, image/png, image/tiff, application/pdf); the magic bytes decide. */
  contentType: string;
}

export interface OcrEngine {
  readonly name?: string;
  /**
   * Reads every page. Throws {@link UnreadableDocumentError} when the file cannot be read at all
   * (empty, not an image or PDF, truncated, corrupt); any other error may be retried.
   */
  recognize(input: OcrInput): Promise<OcrResult>;
  /** Starts workers and loads the model ahead of the first document, when there is anything to start. */
  warmUp?(): Promise<void>;
  close?(): Promise<void>;
}

/** Why a file cannot be read: a stable code for clients, with the sentence in `reason`. */
export type UnreadableKind = 'empty' | 'not-a-scan' | 'truncated' | 'corrupt' | 'too-large' | 'unsupported' | 'too-many-pages' | 'too-many-pixels';

/**
 * A file no OCR engine can read (0 bytes, not a JPEG/PNG/TIFF/PDF, truncated or corrupt).
 * Retrying cannot help; `reason` is a sentence a clerk can act on.
 */
export class UnreadableDocumentError extends DomainError {
  readonly status = 422;
  readonly code = 'UNREADABLE_DOCUMENT';
  readonly reason: string;
  readonly kind: UnreadableKind;
  constructor(reason: string, options?: { cause?: unknown; kind?: UnreadableKind }) {
    super(reason, [{ message: reason }], options);
    this.reason = reason;
    this.kind = options?.kind ?? kindOfReason(reason);
  }
}

/** Classifies a reason sentence (as file-type.ts words them) into a kind. */
export function kindOfReason(reason: string): UnreadableKind {
  if (/empty|0 bytes/i.test(reason)) return 'empty';
  if (/truncated/i.test(reason)) return 'truncated';
  if (/not a JPEG, PNG, TIFF or PDF/i.test(reason)) return 'not-a-scan';
  if (/pages; a scan may have at most/i.test(reason)) return 'too-many-pages';
  if (/pixels a side/i.test(reason)) return 'too-many-pixels';
  if (/at most|too large/i.test(reason)) return 'too-large';
  if (/unsupported/i.test(reason)) return 'unsupported';
  return 'corrupt';
}

/** True for an UnreadableDocumentError, also one from another copy of this module (worker threads, bundles). */
export function isUnreadableDocumentError(err: unknown): err is UnreadableDocumentError {
  return (
    err instanceof UnreadableDocumentError ||
    (err instanceof Error && (err.name === 'UnreadableDocumentError' || err.name === 'UnreadableScanError') && typeof (err as { reason?: unknown }).reason === 'string')
  );
}
