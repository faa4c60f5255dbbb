/**
 * A scanner's PDF page read as the JPEG it is (shared/scans/adapters/ocr/pdf-jpeg.ts): which pages
 * are plainly one JPEG (a table of page kinds made with pdf-lib), what a JPEG's header says, and
 * that such a page reaches OCR as the same JPEG sent as a file would, at the page's resolution,
 * while every other page is still read by pdfjs.
 */
import { createCanvas } from '@napi-rs/canvas';
import fc from 'fast-check';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { decodeToPage } from '../../shared/scans/adapters/ocr/image';
import { pdfPages, type PdfPage } from '../../shared/scans/adapters/ocr/pdf';
import { jpegHeader, scannedJpegPages } from '../../shared/scans/adapters/ocr/pdf-jpeg';

/** A small page-like JPEG: dark bars on paper, a red mark when `red`. */
function jpeg(width: number, height: number, opts: { red?: boolean; seed?: number; progressive?: boolean } = {}): Buffer {
  const c = createCanvas(width, height);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#f2f0ea';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#202020';
  let s = opts.seed ?? 7;
  for (let y = 20; y < height - 20; y += 18) {
    s = (s * 1103515245 + 12345) >>> 0;
    ctx.fillRect(15, y, 40 + (s % (width - 60)), 7);
  }
  if (opts.red) {
    ctx.fillStyle = '#d01818';
    ctx.fillRect(width / 2, height / 3, width / 3, height / 6);
  }
  return withoutProfile(c.encodeSync('jpeg', 90));
}

/** The canvas writes an sRGB profile (APP2) into its JPEGs; a scanner's JPEG in a PDF has none. */
function withoutProfile(j: Buffer): Buffer {
  const parts = [j.subarray(0, 2)];
  let i = 2;
  while (j[i + 1] !== 0xda) {
    const len = j.readUInt16BE(i + 2);
    if (j[i + 1] !== 0xe2) parts.push(j.subarray(i, i + 2 + len));
    i += 2 + len;
  }
  parts.push(j.subarray(i));
  return Buffer.concat(parts);
}

/** The JPEG with one more segment after SOI (APPn with this payload). */
function withSegment(j: Buffer, marker: number, payload: Buffer): Buffer {
  const len = payload.length + 2;
  return Buffer.concat([j.subarray(0, 2), Buffer.from([0xff, marker, len >> 8, len & 0xff]), payload, j.subarray(2)]);
}

async function pdfOf(build: (doc: PDFDocument) => Promise<void>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  await build(doc);
  return doc.save();
}

/** A page that is one JPEG over the whole of an A4 page, as a scanner makes it. */
const scanned = (j: Buffer, opts: { rotate?: number; text?: boolean; second?: Buffer } = {}) =>
  pdfOf(async (doc) => {
    const page = doc.addPage([595.28, 841.89]);
    const img = await doc.embedJpg(new Uint8Array(j));
    page.drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
    if (opts.second) page.drawImage(await doc.embedJpg(new Uint8Array(opts.second)), { x: 10, y: 10, width: 50, height: 50 });
    if (opts.text) page.drawText('So: 12/UBND', { x: 40, y: 800, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
    if (opts.rotate) page.setRotation(degrees(opts.rotate));
  });

async function pagesOf(bytes: Uint8Array, nativeJpeg = true): Promise<PdfPage[]> {
  const out: PdfPage[] = [];
  for await (const p of pdfPages(bytes, { nativeJpeg })) out.push(p);
  return out;
}

function imagePage(p: PdfPage | undefined): Extract<PdfPage, { kind: 'image' }> {
  if (p?.kind !== 'image') throw new Error(`a scanned page is read as an image, not ${p?.kind ?? 'nothing'}`);
  return p;
}

describe('a JPEG’s header', () => {
  const base = jpeg(120, 90);
  it.each([
    ['a baseline JPEG', base, { width: 120, height: 90, components: 3, exif: false, icc: false }],
    ['with an EXIF block', withSegment(base, 0xe1, Buffer.from('Exif\0\0MM\0*', 'latin1')), { width: 120, height: 90, exif: true, icc: false }],
    ['with a colour profile', withSegment(base, 0xe2, Buffer.from('ICC_PROFILE\0\x01\x01', 'latin1')), { width: 120, height: 90, exif: false, icc: true }],
    ['with an APP1 that is not EXIF (XMP)', withSegment(base, 0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1')), { exif: false }],
    ['with an APP2 that is not a profile', withSegment(base, 0xe2, Buffer.from('FPXR\0', 'latin1')), { icc: false }],
  ])('%s', (_name, bytes, expected) => {
    expect(jpegHeader(new Uint8Array(bytes))).toMatchObject(expected);
  });

  it.each([
    ['no JPEG', Buffer.from('%PDF-1.7', 'latin1')],
    ['cut short before its frame', base.subarray(0, 20)],
    ['a lossless frame (SOF3)', Buffer.from([0xff, 0xd8, 0xff, 0xc3, 0x00, 0x0b, 8, 0, 10, 0, 10, 1, 1, 0x11, 0])],
    ['a segment longer than the file', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00, 1, 2])],
    ['garbage where a marker should be', Buffer.from([0xff, 0xd8, 0x12, 0x34, 0x00, 0x10])],
  ])('%s: not taken', (_name, bytes) => {
    expect(jpegHeader(new Uint8Array(bytes))).toBeNull();
  });

  it('gives the size of any JPEG the canvas writes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 400 }), fc.integer({ min: 8, max: 400 }), (w, h) => {
        expect(jpegHeader(new Uint8Array(jpeg(w, h)))).toMatchObject({ width: w, height: h, components: 3 });
      }),
      { numRuns: 30 },
    );
  });
});

describe('which PDF pages are plainly one JPEG', () => {
  const j = jpeg(620, 877);
  it.each([
    ['one JPEG over the page', () => scanned(j), true],
    ['one JPEG and a line of text', () => scanned(j, { text: true }), false],
    ['two images', () => scanned(j, { second: jpeg(40, 40) }), false],
    ['a rotated page', () => scanned(j, { rotate: 90 }), false],
    ['a JPEG with an EXIF orientation block', () => scanned(withSegment(j, 0xe1, Buffer.from('Exif\0\0MM\0*', 'latin1'))), false],
    ['a JPEG with a colour profile', () => scanned(withSegment(j, 0xe2, Buffer.from('ICC_PROFILE\0\x01\x01', 'latin1'))), false],
    ['a PNG (Flate, not DCT)', () => pdfOf(async (doc) => doc.addPage([595, 842]).drawImage(await doc.embedPng(createCanvas(60, 80).encodeSync('png')), { x: 0, y: 0, width: 595, height: 842 })), false],
    ['vector drawing only', () => pdfOf(async (doc) => void doc.addPage([595, 842]).drawRectangle({ x: 10, y: 10, width: 100, height: 100 })), false],
  ])('%s → %s', async (_name, make, taken) => {
    const found = await scannedJpegPages(await make(), 1);
    expect(found).not.toBeNull();
    expect(found![0] !== null).toBe(taken);
  });

  it('none for a PDF pdf-lib cannot open or whose page count differs', async () => {
    expect(await scannedJpegPages(new Uint8Array(Buffer.from('%PDF-1.4 nothing', 'latin1')), 1)).toBeNull();
    expect(await scannedJpegPages(await scanned(j), 2)).toBeNull();
  });
});

describe('a page that is one JPEG, read natively', () => {
  it('is the JPEG as a JPEG file is read, at the page’s resolution, with colour planes when asked', async () => {
    const j = jpeg(1240, 1754, { red: true });
    const page = imagePage((await pagesOf(await scanned(j)))[0]);
    const file = await decodeToPage(new Uint8Array(j));
    expect(page.dpi).toBe(150);
    expect(Buffer.from(page.image.data).equals(Buffer.from(file.gray.data))).toBe(true);
    expect(page.colour).toBeDefined();
    const grey: PdfPage[] = [];
    for await (const p of pdfPages(await scanned(j), { colourPages: 0 })) grey.push(p);
    expect(grey[0]!.kind === 'image' && grey[0]!.colour).toBeFalsy();
  });

  it('gives pixels within JPEG decoders’ rounding of what pdfjs gives, for every page kind (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.boolean(), fc.boolean(), async (seed, red, text) => {
        const bytes = await scanned(jpeg(300, 420, { seed, red }), { text });
        const a = imagePage((await pagesOf(bytes, true))[0]);
        const b = imagePage((await pagesOf(bytes, false))[0]);
        expect([a.image.width, a.image.height]).toEqual([b.image.width, b.image.height]);
        let sum = 0;
        for (let i = 0; i < a.image.data.length; i++) sum += Math.abs(a.image.data[i]! - b.image.data[i]!);
        expect(sum / a.image.data.length).toBeLessThan(2);
      }),
      { numRuns: 12 },
    );
  });

  it('refuses a page whose JPEG claims more pixels than a scan may have, before decoding it', async () => {
    const big = Buffer.from(jpeg(64, 64));
    // The same JPEG claiming 30 000 × 30 000 in its frame header and in the PDF.
    const sof = big.indexOf(Buffer.from([0xff, 0xc0]));
    big.writeUInt16BE(30_000, sof + 5);
    big.writeUInt16BE(30_000, sof + 7);
    const bytes = await pdfOf(async (doc) => {
      const page = doc.addPage([595, 842]);
      page.drawImage(await doc.embedJpg(new Uint8Array(big)), { x: 0, y: 0, width: 595, height: 842 });
    });
    await expect(pagesOf(bytes)).rejects.toMatchObject({ kind: 'too-many-pixels' });
  });
});
