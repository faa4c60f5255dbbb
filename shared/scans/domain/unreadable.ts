/**
 * A file no OCR engine can read, and the one check that says so before anything is decoded:
 * the first bytes (file-type.ts), a truncated file, and the pixels a header claims (SCAN_LIMITS).
 * Pure: bytes in, a kind out or the typed error thrown.
 */
import { DomainError } from '../../platform/errors';
import { detectScanKind, tiffImages, unreadableReason, type ScanFileKind } from '../../platform/files/file-type';
import { SCAN_LIMITS } from './model';
import { pageLimitProblem, pixelLimitProblem } from './rules';

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
    (err instanceof Error && err.name === 'UnreadableDocumentError' && typeof (err as { reason?: unknown }).reason === 'string')
  );
}

/**
 * The scan kind (JPEG, PNG, TIFF, PDF) of a file an engine is about to read, or the
 * UnreadableDocumentError that says why it cannot be read at all: empty, not a scan kind,
 * truncated, claiming more pixels than a scan may have (a decompression bomb), or a TIFF of more
 * pages than a scan may have.
 * `pixels: 'decoded-here'` (tesseract, which decodes every image itself) also refuses an image
 * whose header gives no size; `'over-limit'` (Textract, which decodes images on its side)
 * refuses only a size over the limit.
 */
export function readableScanKind(bytes: Uint8Array, opts: { pixels: 'decoded-here' | 'over-limit' }): ScanFileKind {
  const problem = unreadableReason(bytes);
  if (problem) throw new UnreadableDocumentError(problem);
  const tooLarge = pixelLimitProblem(bytes);
  if (tooLarge?.code === 'IMAGE_TOO_LARGE') throw new UnreadableDocumentError(tooLarge.reason, { kind: 'too-many-pixels' });
  if (tooLarge && opts.pixels === 'decoded-here') throw new UnreadableDocumentError(tooLarge.reason, { kind: 'corrupt' });
  const kind = detectScanKind(bytes)!;
  // A multi-page TIFF is read page by page, as a PDF is, within the same page limit (its directories
  // counted, at most 10,000: nothing is decoded).
  const tooManyPages = kind === 'tiff' ? pageLimitProblem(tiffImages(bytes, 10_000).length, SCAN_LIMITS.pages, 'TIFF') : null;
  if (tooManyPages) throw new UnreadableDocumentError(tooManyPages.reason, { kind: 'too-many-pages' });
  return kind;
}
