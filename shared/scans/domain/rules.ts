/**
 * Rules of the scan pipeline: the status machine, the upload checks (size, magic bytes
 * against the declared type), the deterministic OCR job key, the secrecy guard (domain.md f)
 * and who may see what of a scan.
 */
import { canSee, hasAnyRole, type Caller, type Secrecy } from '../../platform/security';
import { METADATA_ONLY_SECRECY, secrecyName } from '../../registers/model';
import { detectFileKind, imageSize, pdfImageSizes, tiffImages } from '../../platform/files/file-type';
import { MAX_SCAN_BYTES, SCAN_LIMITS, secrecyUnsure, type Scan, type ScanContentType, type ScanFailure, type ScanStatus } from './model';

/** Allowed status moves. `done` reopens only for a newer upload of a scan not yet registered. */
export const SCAN_MOVES: Record<ScanStatus, readonly ScanStatus[]> = {
  'awaiting-upload': ['processing'],
  processing: ['processing', 'done', 'failed', 'quarantined'],
  done: ['processing'],
  failed: ['processing'],
  quarantined: [],
};

/** Statuses from which an uploaded object may start an OCR job. */
export const JOB_START_STATUSES: readonly ScanStatus[] = Object.entries(SCAN_MOVES)
  .filter(([, to]) => to.includes('processing'))
  .map(([from]) => from as ScanStatus);

/** Why a new upload may not be processed for this scan, or null when it may. */
export function cannotStartJob(scan: Pick<Scan, 'status' | 'entryId'>): string | null {
  if (scan.entryId) return 'the scan is already registered';
  if (!JOB_START_STATUSES.includes(scan.status)) return `the scan is ${scan.status}`;
  return null;
}

/**
 * The OCR job's key: the scan and the exact object version (S3 version id, else its ETag).
 * A re-delivered event carries the same key, so it neither runs OCR again nor makes a second result.
 */
export function jobKeyOf(scanId: string, object: { versionId?: string | null; etag?: string | null; sequencer?: string | null }): string {
  const v = object.versionId || (object.etag ? `etag-${object.etag.replace(/"/g, '')}` : null) || (object.sequencer ? `seq-${object.sequencer}` : null);
  if (!v) throw new Error(`scan ${scanId}: the upload event names no version, ETag or sequencer`);
  return `${scanId}#${v}`;
}

/** File types the magic-byte check may report, mapped to the content types a client declares. */
const TYPE_OF_DETECTED: Record<string, ScanContentType> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  'image/jpeg': 'image/jpeg',
  png: 'image/png',
  'image/png': 'image/png',
  tiff: 'image/tiff',
  tif: 'image/tiff',
  'image/tiff': 'image/tiff',
  pdf: 'application/pdf',
  'application/pdf': 'application/pdf',
};

/** The content type a detected file kind stands for, or null when it is not a scan at all. */
export function contentTypeOfDetected(detected: string | null | undefined): ScanContentType | null {
  return detected ? (TYPE_OF_DETECTED[detected.toLowerCase()] ?? null) : null;
}

/**
 * Checks an arrived upload before OCR: not empty, not over the limit, and its first bytes are
 * the type the client declared. Returns the failure, or null when the file may be read.
 */
export function uploadProblem(upload: { size: number; declaredSize?: number | null; declaredType: ScanContentType; detected: string | null }): ScanFailure | null {
  if (upload.size === 0) return { code: 'EMPTY_FILE', reason: 'The uploaded file is empty (0 bytes).' };
  if (upload.size > MAX_SCAN_BYTES) {
    return { code: 'TOO_LARGE', reason: `The uploaded file has ${upload.size} bytes; the limit is ${MAX_SCAN_BYTES} bytes (50 MB).` };
  }
  if (upload.declaredSize != null && upload.size !== upload.declaredSize) {
    return { code: 'SIZE_MISMATCH', reason: `The uploaded file has ${upload.size} bytes, but ${upload.declaredSize} were announced.` };
  }
  const actual = contentTypeOfDetected(upload.detected);
  if (!actual) {
    return {
      code: 'NOT_A_SCAN',
      reason: `The file is not a JPEG, PNG, TIFF or PDF${upload.detected ? ` (its first bytes look like ${upload.detected})` : ' (its first bytes match no known image or PDF)'}; it was declared as ${upload.declaredType}.`,
    };
  }
  if (actual !== upload.declaredType) {
    return { code: 'TYPE_MISMATCH', reason: `The file was declared as ${upload.declaredType} but its first bytes are ${actual}.` };
  }
  return null;
}

/** Why an image of this size is more than a scan may be (SCAN_LIMITS), or null. */
export function pixelsOverLimit(size: { width: number; height: number }, limits: Pick<typeof SCAN_LIMITS, 'side' | 'pixels'> = SCAN_LIMITS): string | null {
  const mp = (size.width * size.height) / 1e6;
  if (Math.max(size.width, size.height) <= limits.side && size.width * size.height <= limits.pixels) return null;
  return `${size.width} × ${size.height} pixels (${mp >= 10 ? Math.round(mp) : mp.toFixed(1)} MP); a scan may have at most ${limits.side} pixels a side and ${limits.pixels / 1e6} MP`;
}

/**
 * Checked on the file's headers before anything is decoded: an image (PNG, JPEG, TIFF) whose
 * header gives no size or a size over SCAN_LIMITS, or a PDF declaring such an image, fails here
 * with the reason (a decompression bomb claims 30000 × 30000 pixels in a few KB).
 */
export function pixelLimitProblem(bytes: Uint8Array, limits: Pick<typeof SCAN_LIMITS, 'side' | 'pixels'> = SCAN_LIMITS): ScanFailure | null {
  const kind = detectFileKind(bytes);
  if (kind === 'tiff') {
    // Every page of a multi-page TIFF is decoded, so every page's directory must give a size within the limits.
    const images = tiffImages(bytes, SCAN_LIMITS.pages + 1);
    if (!images.length) return { code: 'UNREADABLE', reason: "The TIFF header does not give the image's width and height; the file was not decoded." };
    for (const [i, image] of images.entries()) {
      const which = images.length > 1 ? `Page ${i + 1} of the TIFF` : 'The TIFF';
      if (!(image.width > 0 && image.height > 0)) return { code: 'UNREADABLE', reason: `${which} does not give its image's width and height; the file was not decoded.` };
      const over = pixelsOverLimit(image, limits);
      if (over) return { code: 'IMAGE_TOO_LARGE', reason: `${images.length > 1 ? `Page ${i + 1} of the TIFF is an image of` : 'The image is'} ${over}. It was not decoded; scan the letter again at 300 dpi.` };
    }
    return null;
  }
  if (kind === 'png' || kind === 'jpeg') {
    const size = imageSize(bytes);
    if (!size) return { code: 'UNREADABLE', reason: `The ${kind.toUpperCase()} header does not give the image's width and height; the file was not decoded.` };
    const over = pixelsOverLimit(size, limits);
    return over ? { code: 'IMAGE_TOO_LARGE', reason: `The image is ${over}. It was not decoded; scan the letter again at 300 dpi.` } : null;
  }
  if (kind === 'pdf') {
    for (const size of pdfImageSizes(bytes)) {
      const over = pixelsOverLimit(size, limits);
      if (over) return { code: 'IMAGE_TOO_LARGE', reason: `The PDF holds an image of ${over}. It was not decoded; scan the letter again at 300 dpi.` };
    }
  }
  return null;
}

/** Why a PDF (or a multi-page TIFF) of this many pages is more than a scan may be, or null. */
export function pageLimitProblem(pages: number, limit: number = SCAN_LIMITS.pages, kind: 'PDF' | 'TIFF' = 'PDF'): ScanFailure | null {
  return pages > limit ? { code: 'TOO_MANY_PAGES', reason: `The ${kind} has ${pages} pages; a scan may have at most ${limit}. Split it into letters of ${limit} pages or fewer.` } : null;
}

/** The secrecy guard: Tối mật and Tuyệt mật documents keep no text and no image in the normal prefix. */
export function mustQuarantine(secrecy: Secrecy | null | undefined): secrecy is Secrecy {
  return !!secrecy && METADATA_ONLY_SECRECY.includes(secrecy);
}

/** What the clerk is told about a quarantined scan. */
export function quarantineMessage(secrecy: Secrecy, action: 'moved' | 'deleted'): string {
  const name = secrecyName(secrecy).toUpperCase();
  const where = action === 'moved' ? 'moved out of the scans area into quarantine' : 'deleted';
  return (
    `Văn bản ${name}: chỉ vào sổ thông tin văn bản (metadata), không lưu toàn văn. ` +
    `The scan is marked ${name} (${secrecy}): its text was not kept or indexed and the file was ${where}. ` +
    `Register the metadata only, with POST /v1/registers/incoming/entries (no scanId).`
  );
}

/**
 * The secrecy a scan is treated as having: what OCR read; or, while OCR could not tell that a mark
 * is absent (secrecy null with a reason: an unread stamp, a near-MẬT word) and no clerk has decided
 * by registering it, Mật, the lowest secret level: an unsure scan fails closed.
 */
export function treatedSecrecy(scan: Pick<Scan, 'secrecy' | 'entryId' | 'fields'>): Secrecy | null {
  if (scan.secrecy) return scan.secrecy;
  if (scan.entryId) return null;
  return secrecyUnsure(scan.fields) ? 'mat' : null;
}

/**
 * How much of a scan a caller may see: `full` when their clearance covers its secrecy;
 * `summary` (status, secrecy, messages — no text, no fields) for the uploader and the clerks;
 * `none` (404) for anyone else.
 */
export function scanVisibility(caller: Caller, scan: Pick<Scan, 'secrecy' | 'createdBy' | 'entryId' | 'fields'>): 'full' | 'summary' | 'none' {
  if (canSee(caller.clearance, treatedSecrecy(scan))) return 'full';
  if (scan.createdBy.sub === caller.sub || hasAnyRole(caller, ['van-thu'])) return 'summary';
  return 'none';
}

/** Confidence under which a field is flagged for the clerk to check. */
export const LOW_CONFIDENCE = 0.75;
