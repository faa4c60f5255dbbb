/**
 * File kinds from magic bytes (the first bytes of a file), and the checks that show a file
 * cannot be read at all (empty, truncated PDF). Pure: bytes in, names and reasons out.
 */

export type ScanFileKind = 'jpeg' | 'png' | 'tiff' | 'pdf';

/** Other kinds worth naming in a rejection message ("its first bytes look like zip"). */
export type OtherFileKind = 'gif' | 'bmp' | 'webp' | 'zip' | 'gzip' | 'rar' | '7z' | 'ole' | 'rtf' | 'html' | 'xml' | 'exe' | 'elf' | 'mp4' | 'jp2' | 'heic' | 'text';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean => {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
};

const ascii = (bytes: Uint8Array, from: number, to: number): string => {
  let s = '';
  const end = Math.min(to, bytes.length);
  for (let i = Math.max(0, from); i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

/** The scan kinds (JPEG, PNG, TIFF, PDF) from the first bytes; null for anything else. */
export function detectScanKind(bytes: Uint8Array): ScanFileKind | null {
  const k = detectFileKind(bytes);
  return k === 'jpeg' || k === 'png' || k === 'tiff' || k === 'pdf' ? k : null;
}

/**
 * The kind of file its first bytes show, scan kinds and a few common others, or null.
 * A PDF may have a little junk before `%PDF-` (readers accept up to 1024 bytes).
 */
export function detectFileKind(bytes: Uint8Array): ScanFileKind | OtherFileKind | null {
  if (!bytes || bytes.length < 3) return null;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // BigTIFF
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff';
  if (pdfHeaderOffset(bytes) >= 0) return 'pdf';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 14) return 'bmp';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20])) return 'jp2';
  if (ascii(bytes, 4, 8) === 'ftyp') return /^(heic|heix|mif1|msf1)/.test(ascii(bytes, 8, 12)) ? 'heic' : 'mp4';
  if (startsWith(bytes, [0x4d, 0x5a])) return 'exe';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  const head = ascii(bytes, 0, 512).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (head.startsWith('<?xml') || head.startsWith('<svg')) return 'xml';
  if (looksLikeText(bytes)) return 'text';
  return null;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) bad++;
  }
  return bad / n < 0.02;
}

/** Offset of `%PDF-` within the first 1024 bytes, or -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return i;
  }
  return -1;
}

const lastIndexOfAscii = (bytes: Uint8Array, needle: string, from: number): number => {
  const codes = Array.from(needle, (c) => c.charCodeAt(0));
  for (let i = Math.min(from, bytes.length - codes.length); i >= 0; i--) {
    let ok = true;
    for (let j = 0; j < codes.length; j++) {
      if (bytes[i + j] !== codes[j]) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
};

const indexOfAscii = (bytes: Uint8Array, needle: string, from = 0): number => {
  const codes = Array.from(needle, (c) => c.charCodeAt(0));
  outer: for (let i = from; i <= bytes.length - codes.length; i++) {
    for (let j = 0; j < codes.length; j++) if (bytes[i + j] !== codes[j]) continue outer;
    return i;
  }
  return -1;
};

/** How many bytes from the end a PDF's `%%EOF` may sit (some writers add padding after it). */
const EOF_WINDOW = 2048;

/**
 * Why a PDF is truncated or broken beyond reading, or null when its structure looks whole:
 * a `%%EOF` marker near the end, and a cross-reference (a `startxref` pointing at an `xref`
 * table or an XRef stream). Incremental updates keep the last `%%EOF` at the end, so only
 * the tail is checked.
 */
export function pdfTruncationProblem(bytes: Uint8Array): string | null {
  const start = pdfHeaderOffset(bytes);
  if (start < 0) return 'the file does not start with a PDF header (%PDF-)';
  const tailFrom = Math.max(0, bytes.length - EOF_WINDOW);
  const eof = lastIndexOfAscii(bytes, '%%EOF', bytes.length);
  if (eof < tailFrom) return 'the PDF is truncated: no %%EOF marker at its end';
  const sx = lastIndexOfAscii(bytes, 'startxref', eof);
  if (sx < 0) return 'the PDF is truncated or damaged: no startxref before %%EOF';
  const m = /^startxref\s+(\d+)/.exec(ascii(bytes, sx, Math.min(eof + 1, sx + 40)));
  if (!m) return 'the PDF is damaged: startxref holds no offset';
  const offset = Number(m[1]);
  // Offsets count from the header; a few writers count from byte 0 of the file.
  const candidates = [start + offset, offset];
  const ok = candidates.some((o) => {
    if (o < 0 || o >= bytes.length) return false;
    const at = ascii(bytes, o, o + 64).trimStart();
    return at.startsWith('xref') || /^\d+\s+\d+\s+obj/.test(at);
  });
  if (!ok) {
    // The offset may be stale (a repaired file); a classic xref table anywhere still lets a reader rebuild.
    if (indexOfAscii(bytes, 'xref', start) < 0) return 'the PDF is damaged: no cross-reference table (xref)';
    return `the PDF is damaged: startxref points at byte ${offset}, where there is no cross-reference`;
  }
  return null;
}

/**
 * Why these bytes cannot be read as a scan at all, or null when they might be: empty, not
 * a scan kind, a truncated PDF, or an image shorter than its own header.
 */
export function unreadableReason(bytes: Uint8Array): string | null {
  if (!bytes || bytes.length === 0) return 'the file is empty (0 bytes)';
  const kind = detectFileKind(bytes);
  if (kind === 'pdf') return pdfTruncationProblem(bytes);
  if (kind === 'jpeg') {
    // A JPEG ends with EOI (FF D9); a cut-off upload loses it (allow trailing padding).
    for (let i = bytes.length - 2; i >= Math.max(0, bytes.length - 4096); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return null;
    return 'the JPEG is truncated: no end-of-image marker';
  }
  if (kind === 'png') {
    if (lastIndexOfAscii(bytes, 'IEND', bytes.length) < 0) return 'the PNG is truncated: no IEND chunk';
    return null;
  }
  if (kind === 'tiff') return bytes.length < 16 ? 'the TIFF is truncated: shorter than its header' : null;
  if (kind) return `the file is not a JPEG, PNG, TIFF or PDF (its first bytes look like ${kind})`;
  return 'the file is not a JPEG, PNG, TIFF or PDF (its first bytes match no known image or PDF)';
}

/**
 * Width and height in pixels of a PNG (IHDR), JPEG (first SOFn marker) or TIFF (first image's
 * ImageWidth / ImageLength) from its header, or null for anything else or a header too short
 * to tell. Nothing is decoded: this is what a file claims, checked before it is.
 */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const kind = detectFileKind(bytes);
  const u16 = (i: number) => (bytes[i]! << 8) | bytes[i + 1]!;
  const u32 = (i: number) => ((bytes[i]! << 24) >>> 0) + (bytes[i + 1]! << 16) + (bytes[i + 2]! << 8) + bytes[i + 3]!;
  if (kind === 'png') {
    if (bytes.length < 24 || ascii(bytes, 12, 16) !== 'IHDR') return null;
    const width = u32(16);
    const height = u32(20);
    return width > 0 && height > 0 ? { width, height } : null;
  }
  if (kind === 'jpeg') {
    const frame = jpegFrame(bytes);
    return frame && frame.width > 0 && frame.height > 0 ? { width: frame.width, height: frame.height } : null;
  }
  if (kind === 'tiff') return tiffSize(bytes);
  return null;
}

/** A JPEG's first frame header (SOFn) and what the blocks before it say. */
export interface JpegFrame {
  /** The SOFn marker's second byte: 0xc0 baseline, 0xc1 extended, 0xc2 progressive, others lossless, arithmetic, hierarchical. */
  marker: number;
  width: number;
  height: number;
  components: number;
  /** An APP1 EXIF block came before the frame (it may carry an orientation). */
  exif: boolean;
  /** An APP2 ICC profile came before the frame. */
  icc: boolean;
}

/**
 * Walks a JPEG's markers to its first frame header (SOF0–SOF15 except DHT, JPG and DAC), noting
 * EXIF and ICC blocks on the way; null when there is none in the bytes. Nothing is decoded.
 */
export function jpegFrame(bytes: Uint8Array): JpegFrame | null {
  if (detectFileKind(bytes) !== 'jpeg') return null;
  const u16 = (i: number) => (bytes[i]! << 8) | bytes[i + 1]!;
  const tagged = (at: number, len: number, tag: string) => len - 2 >= tag.length && ascii(bytes, at, at + tag.length) === tag;
  let exif = false;
  let icc = false;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    // Markers without a length: SOI, EOI, RSTn, TEM.
    if (marker === 0xd8 || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const len = u16(i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { marker, height: u16(i + 5), width: u16(i + 7), components: bytes[i + 9]!, exif, icc };
    }
    if (len < 2) return null;
    if (marker === 0xe1 && tagged(i + 4, len, 'Exif\0')) exif = true;
    if (marker === 0xe2 && tagged(i + 4, len, 'ICC_PROFILE\0')) icc = true;
    i += 2 + len;
  }
  return null;
}

/** The first image's size in a TIFF or BigTIFF (tags 256 ImageWidth and 257 ImageLength). */
function tiffSize(bytes: Uint8Array): { width: number; height: number } | null {
  const first = tiffImages(bytes, 1)[0];
  return first && first.width > 0 && first.height > 0 ? { width: first.width, height: first.height } : null;
}

/** One image (page) of a TIFF: where its directory starts, and the size its directory claims (0 when it gives none). */
export interface TiffImage {
  ifd: number;
  width: number;
  height: number;
}

/** Reads a TIFF's or BigTIFF's header fields, bounds-checked (NaN past the end). */
function tiffReader(bytes: Uint8Array) {
  const le = bytes[0] === 0x49;
  const big = (le ? bytes[2] : bytes[3]) === 0x2b;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fits = (at: number, n: number) => Number.isFinite(at) && at >= 0 && at + n <= bytes.length;
  const u16 = (at: number) => (fits(at, 2) ? view.getUint16(at, le) : NaN);
  const u32 = (at: number) => (fits(at, 4) ? view.getUint32(at, le) : NaN);
  const u64 = (at: number) => (fits(at, 8) ? Number(view.getBigUint64(at, le)) : NaN);
  return {
    le,
    big,
    u16,
    u32,
    u64,
    /** Where the header points to the first directory. */
    headerPointer: big ? 8 : 4,
    offset: big ? u64 : u32,
    /** Entries of the directory at `ifd`, and where its pointer to the next directory sits. */
    directory(ifd: number): { count: number; first: number; size: number; nextAt: number } | null {
      const count = big ? u64(ifd) : u16(ifd);
      if (!Number.isFinite(count) || count > 4096) return null;
      const first = ifd + (big ? 8 : 2);
      const size = big ? 20 : 12;
      return { count, first, size, nextAt: first + count * size };
    },
  };
}

/**
 * Every image of a TIFF or BigTIFF in file order, following the chain of image file directories
 * (a multi-page scan has one per page), at most `max` of them: the chain ends at a zero pointer, a
 * pointer outside the file, or a directory already seen (a loop). Nothing is decoded; `width` and
 * `height` are what each directory claims (tags 256 and 257), 0 when it gives none.
 */
export function tiffImages(bytes: Uint8Array, max = Number.POSITIVE_INFINITY): TiffImage[] {
  if (detectFileKind(bytes) !== 'tiff') return [];
  const r = tiffReader(bytes);
  const out: TiffImage[] = [];
  const seen = new Set<number>();
  let ifd = r.offset(r.headerPointer);
  while (out.length < max && Number.isFinite(ifd) && ifd >= 8 && !seen.has(ifd)) {
    seen.add(ifd);
    const dir = r.directory(ifd);
    if (!dir) break;
    let width = 0;
    let height = 0;
    for (let k = 0; k < dir.count; k++) {
      const e = dir.first + k * dir.size;
      const tag = r.u16(e);
      if (tag !== 256 && tag !== 257) continue;
      const type = r.u16(e + 2);
      const valueAt = e + (r.big ? 12 : 8);
      // SHORT (3), LONG (4) or LONG8 (16); a single value sits in the entry, left-justified.
      const v = type === 3 ? r.u16(valueAt) : type === 4 ? r.u32(valueAt) : type === 16 ? r.u64(valueAt) : NaN;
      if (!Number.isFinite(v)) continue;
      if (tag === 256) width = v;
      else height = v;
    }
    out.push({ ifd, width, height });
    ifd = r.offset(dir.nextAt);
    if (ifd === 0) break;
  }
  return out;
}

/**
 * A copy of a TIFF that holds one of its images as its only one: the header points to that
 * image's directory and the directory ends the chain. The other images' bytes stay in the file,
 * unreferenced (which TIFF allows), so every offset in the chosen directory is still right: a
 * reader of first images (Leptonica, Textract's synchronous call) reads that page.
 */
export function tiffWithOnlyImage(bytes: Uint8Array, image: Pick<TiffImage, 'ifd'>): Uint8Array {
  const r = tiffReader(bytes);
  const dir = r.directory(image.ifd);
  if (!dir || !Number.isFinite(r.offset(dir.nextAt))) throw new RangeError(`no TIFF image directory at ${image.ifd}`);
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (r.big) {
    view.setBigUint64(r.headerPointer, BigInt(image.ifd), r.le);
    view.setBigUint64(dir.nextAt, 0n, r.le);
  } else {
    view.setUint32(r.headerPointer, image.ifd, r.le);
    view.setUint32(dir.nextAt, 0, r.le);
  }
  return out;
}

/**
 * Width and height of every image XObject a PDF declares (`/Subtype /Image` with `/Width` and
 * `/Height`, direct numbers or references to number objects), read from the file's bytes
 * without decoding anything. Image XObjects are streams, and streams are never inside object
 * streams, so their dictionaries are always in the clear. Inline images (in content streams)
 * are not seen here; the renderer's own pixel limit covers them.
 */
export function pdfImageSizes(bytes: Uint8Array): { width: number; height: number }[] {
  // One character per byte, so offsets in the text are offsets in the file.
  const text = new TextDecoder('latin1').decode(bytes);
  const out: { width: number; height: number }[] = [];
  const numberObject = (ref: string): number => {
    const [num, gen] = ref.trim().split(/\s+/);
    const m = new RegExp(`(?:^|[^0-9])${num}\\s+${gen}\\s+obj\\s*(\\d+)`).exec(text);
    return m ? Number(m[1]) : NaN;
  };
  const value = (dict: string, key: string): number => {
    const m = new RegExp(`/${key}\\s*(\\d+\\s+\\d+\\s+R|\\d+)`).exec(dict);
    if (!m) return NaN;
    return m[1]!.endsWith('R') ? numberObject(m[1]!.slice(0, -1)) : Number(m[1]);
  };
  const re = /\/Subtype\s*\/Image\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // The dictionary around the match: from its object's start to its stream (or the next object).
    const from = Math.max(text.lastIndexOf(' obj', m.index), text.lastIndexOf('\nobj', m.index), m.index - 4096, 0);
    const endStream = text.indexOf('stream', m.index);
    const to = endStream < 0 ? Math.min(text.length, m.index + 4096) : Math.min(endStream, m.index + 4096);
    const dict = text.slice(from, to);
    const width = value(dict, 'Width');
    const height = value(dict, 'Height');
    if (Number.isFinite(width) && Number.isFinite(height)) out.push({ width, height });
  }
  return out;
}
