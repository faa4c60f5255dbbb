/**
 * TIFFs for tests: uncompressed 8-bit grey pages (one strip each) in either byte order, one
 * image file directory per page chained in order, as a multi-page scan is. What a scanner adds
 * (compression, resolution tags) is left to the committed G4 fixture (test/fixtures/scans/README.md).
 */
import type { GrayImage } from '../../shared/scans/adapters/ocr/image';

/** A TIFF of these pages (page 1 first); `order` 'II' little-endian (default), 'MM' big-endian. */
export function encodeTiff(pages: GrayImage | GrayImage[], order: 'II' | 'MM' = 'II'): Uint8Array {
  const list = Array.isArray(pages) ? pages : [pages];
  const le = order === 'II';
  const ENTRIES = 9;
  const ifdSize = 2 + ENTRIES * 12 + 4;
  // Header, then each page's directory followed by its pixels.
  const at: number[] = [];
  let size = 8;
  for (const p of list) {
    at.push(size);
    size += ifdSize + p.data.length;
  }
  const out = Buffer.alloc(size);
  const u16 = (v: number, o: number) => (le ? out.writeUInt16LE(v, o) : out.writeUInt16BE(v, o));
  const u32 = (v: number, o: number) => (le ? out.writeUInt32LE(v, o) : out.writeUInt32BE(v, o));
  out.write(order, 0, 'latin1');
  u16(42, 2);
  u32(at[0] ?? 0, 4);
  list.forEach((img, i) => {
    const ifd = at[i]!;
    const data = ifd + ifdSize;
    const entries: [tag: number, type: number, value: number][] = [
      [256, 4, img.width], // ImageWidth
      [257, 4, img.height], // ImageLength
      [258, 3, 8], // BitsPerSample
      [259, 3, 1], // Compression: none
      [262, 3, 1], // Photometric: BlackIsZero
      [273, 4, data], // StripOffsets
      [277, 3, 1], // SamplesPerPixel
      [278, 4, img.height], // RowsPerStrip
      [279, 4, img.data.length], // StripByteCounts
    ];
    u16(entries.length, ifd);
    entries.forEach(([tag, type, value], k) => {
      const e = ifd + 2 + k * 12;
      u16(tag, e);
      u16(type, e + 2);
      u32(1, e + 4);
      // A SHORT value sits left-justified in the 4 bytes of the entry.
      if (type === 3) u16(value, e + 8);
      else u32(value, e + 8);
    });
    u32(at[i + 1] ?? 0, ifd + 2 + entries.length * 12);
    out.set(img.data, data);
  });
  return new Uint8Array(out);
}

/** A blank (white) grey page of this size. */
export const blankPage = (width: number, height: number): GrayImage => ({ width, height, data: new Uint8Array(width * height).fill(255) });

/** How many entries each directory of `tiffOfClaims` has (the offsets of its next-directory pointers follow from it). */
export const CLAIM_ENTRIES = 8;

/**
 * A TIFF (or BigTIFF) whose directories claim these sizes, one per page, each a 1-bit
 * uncompressed page with a 64-byte strip of nothing: what a header says, for the checks made
 * before anything is decoded (a decompression bomb claims 30000 × 30000 in a few hundred bytes).
 * `loop` points the last directory back to the first (a malformed chain).
 */
export function tiffOfClaims(sizes: { width: number; height: number }[], opts: { order?: 'II' | 'MM'; big?: boolean; loop?: boolean } = {}): Uint8Array {
  const le = (opts.order ?? 'II') === 'II';
  const big = !!opts.big;
  const entrySize = big ? 20 : 12;
  const ENTRIES = CLAIM_ENTRIES;
  const ifdSize = (big ? 8 : 2) + ENTRIES * entrySize + (big ? 8 : 4);
  const headerSize = big ? 16 : 8;
  const at = sizes.map((_, i) => headerSize + i * (ifdSize + 64));
  const out = Buffer.alloc(headerSize + sizes.length * (ifdSize + 64));
  const u16 = (v: number, o: number) => (le ? out.writeUInt16LE(v, o) : out.writeUInt16BE(v, o));
  const u32 = (v: number, o: number) => (le ? out.writeUInt32LE(v, o) : out.writeUInt32BE(v, o));
  const u64 = (v: number, o: number) => (le ? out.writeBigUInt64LE(BigInt(v), o) : out.writeBigUInt64BE(BigInt(v), o));
  const offset = big ? u64 : u32;
  out.write(le ? 'II' : 'MM', 0, 'latin1');
  if (big) {
    u16(43, 2);
    u16(8, 4); // bytes per offset
    u16(0, 6);
    u64(at[0] ?? 0, 8);
  } else {
    u16(42, 2);
    u32(at[0] ?? 0, 4);
  }
  sizes.forEach(({ width, height }, i) => {
    const ifd = at[i]!;
    const strip = ifd + ifdSize;
    const entries: [tag: number, type: number, value: number][] = [
      [256, 4, width], // ImageWidth
      [257, 4, height], // ImageLength
      [258, 3, 1], // BitsPerSample
      [259, 3, 1], // Compression: none
      [262, 3, 0], // Photometric: white is zero
      [273, 4, strip], // StripOffsets
      [278, 4, height], // RowsPerStrip
      [279, 4, 64], // StripByteCounts
    ];
    if (big) u64(entries.length, ifd);
    else u16(entries.length, ifd);
    const first = ifd + (big ? 8 : 2);
    entries.forEach(([tag, type, value], k) => {
      const e = first + k * entrySize;
      u16(tag, e);
      u16(type, e + 2);
      if (big) u64(1, e + 4);
      else u32(1, e + 4);
      const v = e + (big ? 12 : 8);
      if (type === 3) u16(value, v);
      else u32(value, v);
    });
    const next = i + 1 < sizes.length ? at[i + 1]! : opts.loop ? at[0]! : 0;
    offset(next, first + entries.length * entrySize);
  });
  return new Uint8Array(out);
}
