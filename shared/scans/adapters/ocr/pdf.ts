/**
 * PDF pages as images for OCR (pdfjs-dist, legacy build for Node), one page at a time: the
 * caller pulls a page, reads it and lets it go before the next is rendered, so a long PDF never
 * holds more than the pages being read. A scanned PDF holds one image per page: that image is
 * taken as it is (no resampling). A page with anything else (several images, vector drawing, a
 * rotated page) is rendered at `renderDpi`, scaled down when that would exceed the pixel limits.
 * A page that carries a real text layer (born-digital PDF) gives its text directly, with its
 * lines and words boxed from the text items' positions (points from the page's top-left: exact,
 * where OCR's are estimates), so a field read from it is placed on the page as a scanned one is.
 *
 * Limits (SCAN_LIMITS): more pages than `maxPages` fails before any page is rendered; pdfjs
 * decodes no image over `maxPixels` (its `maxImageSize`), and the scan pipeline has already
 * refused a PDF that declares one (shared/scans/domain/rules.ts pixelLimitProblem).
 */
import { createCanvas } from '@napi-rs/canvas';
import { SCAN_LIMITS } from '../../domain/model';
import { pageLimitProblem } from '../../domain/rules';
import { UnreadableDocumentError, type OcrLine, type OcrPage } from '../../ports/ocr-engine';
import { decodeToPage, rgbaToPage, type ColourPlanes, type GrayImage, type PageImage } from './image';
import { scannedJpegPages, type ScannedJpeg } from './pdf-jpeg';
import { readingOrderText } from '../../domain/extract/layout';

/** A page to OCR (its grey, and its colour planes when it is in colour), or a born-digital page's text with its lines boxed in points (`width` × `height`). */
export type PdfPage =
  | { kind: 'image'; image: GrayImage; colour?: ColourPlanes; dpi: number | null }
  | { kind: 'text'; text: string; lines?: OcrLine[]; width?: number; height?: number };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;
const pdfjs = (): Promise<PdfJs> => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Loads pdfjs ahead of the first PDF (its first import takes ~2 s). */
export async function preloadPdf(): Promise<void> {
  await pdfjs();
}

/**
 * Fewer letters than this on a scanned page (an image over most of it) and its text layer is
 * ignored: a digital signature's stamp ("Ký bởi … Thời gian ký"), a scanner's page number.
 */
const MIN_TEXT_LAYER_CHARS = 200;
/** A page with no scanned image under its text is read from its text layer from this many letters (a born-digital letter's last page: its signing block). */
const MIN_BORN_DIGITAL_CHARS = 10;
/** An image over at least this share of the page makes it a scanned page. */
const SCAN_IMAGE_SHARE = 0.5;

export interface PdfOptions {
  renderDpi?: number;
  /** Use a born-digital page's text layer instead of OCR (default true). */
  useTextLayer?: boolean;
  /** More pages than this and the PDF is refused (default SCAN_LIMITS.pages). */
  maxPages?: number;
  /** Largest image or rendered page, pixels a side and in all (default SCAN_LIMITS). */
  maxSide?: number;
  maxPixels?: number;
  /**
   * How many pages, from the first, come with their colour planes (a colour page's red and blue
   * ink); the pages after are grey only (default: every page).
   */
  colourPages?: number;
  /** Decode a page that is plainly one JPEG natively, not in pdfjs (default true; see pdf-jpeg.ts). */
  nativeJpeg?: boolean;
}

type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

async function openPdf(lib: PdfJs, bytes: Uint8Array, maxPixels: number): Promise<PdfDoc> {
  try {
    return await lib.getDocument({
      data: new Uint8Array(bytes), // pdfjs transfers (detaches) the buffer it gets
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
      // No image larger than this is decoded (a decompression bomb inside a page, inline images included).
      maxImageSize: maxPixels,
    }).promise;
  } catch (err) {
    throw new UnreadableDocumentError(`the PDF cannot be opened: ${(err as Error).message}`, { cause: err });
  }
}

const unreadable = (err: unknown): unknown => {
  if (err instanceof UnreadableDocumentError) return err;
  const name = (err as Error)?.name ?? '';
  if (/InvalidPDF|MissingPDF|FormatError|UnknownError|PasswordException/.test(name)) {
    return new UnreadableDocumentError(`the PDF cannot be read: ${(err as Error).message}`, { cause: err });
  }
  return err;
};

/** How many pages the PDF has (opens it; renders nothing). */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const doc = await openPdf(await pdfjs(), bytes, SCAN_LIMITS.pixels);
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

/**
 * The PDF's pages, one at a time, in order. Throws UnreadableDocumentError (kind `too-many-pages`)
 * before the first page when the PDF has more than `maxPages`.
 */
export async function* pdfPages(bytes: Uint8Array, opts: PdfOptions = {}): AsyncGenerator<PdfPage, void, undefined> {
  const lib = await pdfjs();
  const renderDpi = opts.renderDpi ?? 300;
  const maxSide = opts.maxSide ?? SCAN_LIMITS.side;
  const maxPixels = opts.maxPixels ?? SCAN_LIMITS.pixels;
  const doc = await openPdf(lib, bytes, maxPixels);
  try {
    const n = doc.numPages;
    if (n === 0) throw new UnreadableDocumentError('the PDF has no pages');
    const tooMany = pageLimitProblem(n, opts.maxPages ?? SCAN_LIMITS.pages);
    if (tooMany) throw new UnreadableDocumentError(`the PDF has ${n} pages; a scan may have at most ${opts.maxPages ?? SCAN_LIMITS.pages}`, { kind: 'too-many-pages' });
    const jpegs = opts.nativeJpeg === false ? null : await scannedJpegPages(bytes, n);
    for (let i = 1; i <= n; i++) {
      const colour = i <= (opts.colourPages ?? Infinity);
      const jpeg = jpegs?.[i - 1];
      if (jpeg) {
        const out = await jpegPage(jpeg, { maxSide, maxPixels, colour });
        if (out) {
          yield out;
          continue;
        }
      }
      let page: PdfPageProxy;
      let out: PdfPage;
      try {
        page = await doc.getPage(i);
      } catch (err) {
        throw unreadable(err);
      }
      try {
        out = await readPage(lib, page, { useTextLayer: opts.useTextLayer !== false, renderDpi, maxSide, maxPixels, colour });
      } catch (err) {
        throw unreadable(err);
      } finally {
        page.cleanup();
      }
      yield out;
    }
  } finally {
    await doc.destroy();
  }
}

/** A page that is one JPEG, decoded natively; null when the canvas cannot decode it (pdfjs then reads the page). */
async function jpegPage(j: ScannedJpeg, o: { maxSide: number; maxPixels: number; colour: boolean }): Promise<PdfPage | null> {
  if (Math.max(j.width, j.height) > o.maxSide || j.width * j.height > o.maxPixels) throw tooLarge(j.width, j.height, o.maxSide);
  let page: PageImage;
  try {
    page = await decodeToPage(j.jpeg, o.colour);
  } catch {
    return null;
  }
  if (page.gray.width !== j.width || page.gray.height !== j.height) return null;
  return { kind: 'image', image: page.gray, ...(page.colour ? { colour: page.colour } : {}), dpi: j.pageWidthPt > 0 ? Math.round((j.width / j.pageWidthPt) * 72) : null };
}

const tooLarge = (width: number, height: number, maxSide: number) =>
  new UnreadableDocumentError(`a page holds an image of ${width} × ${height} pixels; a scan may have at most ${maxSide} pixels a side`, { kind: 'too-many-pixels' });

async function readPage(lib: PdfJs, page: PdfPageProxy, o: { useTextLayer: boolean; renderDpi: number; maxSide: number; maxPixels: number; colour: boolean }): Promise<PdfPage> {
  if (o.useTextLayer) {
    const tc = await page.getTextContent();
    const items = tc.items as TextItem[];
    const text = textOfItems(items);
    const chars = text.replace(/\s+/g, '').length;
    if (chars >= MIN_TEXT_LAYER_CHARS || (chars >= MIN_BORN_DIGITAL_CHARS && (await imageShare(lib, page)) < SCAN_IMAGE_SHARE)) {
      const vp = page.getViewport({ scale: 1 });
      const lines = textLines(items, (x, y) => vp.convertToViewportPoint(x, y) as [number, number]);
      return { kind: 'text', text, ...(lines.length ? { lines, width: vp.width, height: vp.height } : {}) };
    }
  }
  const sole = await soleImage(lib, page, o.colour);
  if (sole) {
    const image = sole.gray;
    if (Math.max(image.width, image.height) > o.maxSide || image.width * image.height > o.maxPixels) {
      throw tooLarge(image.width, image.height, o.maxSide);
    }
    const vp = page.getViewport({ scale: 1 });
    return { kind: 'image', image, ...(sole.colour ? { colour: sole.colour } : {}), dpi: Math.round((image.width / vp.width) * 72) };
  }
  // Rendered at renderDpi, or lower so that the page stays within the pixel limits (a page
  // with a huge MediaBox is read at the resolution that fits, never allocated in full).
  const vp = page.getViewport({ scale: 1 });
  const scale = Math.min(o.renderDpi / 72, o.maxSide / Math.max(vp.width, vp.height), Math.sqrt(o.maxPixels / (vp.width * vp.height)));
  const rendered = await render(page, scale, o.colour);
  return { kind: 'image', image: rendered.gray, ...(rendered.colour ? { colour: rendered.colour } : {}), dpi: Math.round(scale * 72) };
}

/**
 * A born-digital page as the engines give it: its text, sure (1), with its lines and the page size
 * in points when it has them. The text is the lines in reading order (the header's and the
 * footer's columns one after the other), as for a page read by OCR: the layer's own order runs
 * across both columns ("TỈNH ỦY … ĐẢNG CỘNG SẢN VIỆT NAM", "Nơi nhận: T/M BAN THƯỜNG VỤ").
 */
export function textPage(p: Extract<PdfPage, { kind: 'text' }>): OcrPage {
  const sized = !!(p.lines?.length && p.width && p.height);
  return { text: sized ? readingOrderText(p.lines!) : p.text, confidence: 1, typed: true, ...(sized ? { lines: p.lines!, width: p.width!, height: p.height! } : {}) };
}

/** A pdfjs text item: a run of text drawn at `transform` (PDF user space), `width` long. */
interface TextItem {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
  height?: number;
}

/**
 * The text layer's lines and words with boxes, in viewport points (y down): each item's words
 * (split at spaces, the item's width shared by their characters), a word's box from the font
 * size (ascent 0.8, descent 0.25 of it) on its baseline; words on one baseline (within 40 % of
 * the size) form a line unless more than three sizes apart (the header's two columns are two
 * lines, as OCR gives them). Rotated text (stamps, margins) is left out.
 */
export function textLines(items: TextItem[], toViewport: (x: number, y: number) => [number, number]): OcrLine[] {
  const words: { text: string; x0: number; x1: number; base: number; size: number }[] = [];
  for (const it of items) {
    const t = it.transform;
    if (!it.str || !t || t.length < 6 || !it.width) continue;
    if (Math.abs(t[1]!) > 1e-3 * Math.abs(t[0]!) || Math.abs(t[2]!) > 1e-3 * Math.abs(t[3]!)) continue;
    const size = Math.abs(t[3]!) || it.height || 0;
    if (size <= 0) continue;
    const [vx, vy] = toViewport(t[4]!, t[5]!);
    const [vx2] = toViewport(t[4]! + it.width, t[5]!);
    const chars = [...it.str];
    const per = (vx2 - vx) / Math.max(1, chars.length);
    let i = 0;
    for (const part of it.str.split(/(\s+)/)) {
      const n = [...part].length;
      if (part.trim()) words.push({ text: part, x0: vx + i * per, x1: vx + (i + n) * per, base: vy, size });
      i += n;
    }
  }
  words.sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const rows: (typeof words)[] = [];
  for (const w of words) {
    const row = rows.find((r) => Math.abs(r[0]!.base - w.base) <= 0.4 * Math.max(r[0]!.size, w.size));
    if (row) row.push(w);
    else rows.push([w]);
  }
  const out: OcrLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x0 - b.x0);
    let run: typeof words = [];
    const flush = () => {
      if (!run.length) return;
      const ws = run.map((w) => ({ text: w.text, confidence: 1, bbox: { x0: w.x0, y0: w.base - 0.8 * w.size, x1: w.x1, y1: w.base + 0.25 * w.size } }));
      out.push({
        text: ws.map((w) => w.text).join(' '),
        confidence: 1,
        bbox: { x0: ws[0]!.bbox.x0, y0: Math.min(...ws.map((w) => w.bbox.y0)), x1: ws.at(-1)!.bbox.x1, y1: Math.max(...ws.map((w) => w.bbox.y1)) },
        words: ws,
      });
      run = [];
    };
    for (const w of row) {
      const prev = run.at(-1);
      if (prev && w.x0 - prev.x1 > 3 * Math.max(prev.size, w.size)) flush();
      run.push(w);
    }
    flush();
  }
  return out.sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
}

function textOfItems(items: { str?: string; hasEOL?: boolean }[]): string {
  let out = '';
  for (const it of items) {
    if (typeof it.str === 'string') out += it.str;
    if (it.hasEOL) out += '\n';
  }
  return out.trim();
}

type PdfPageProxy = Awaited<ReturnType<PdfDoc['getPage']>>;

/**
 * The largest share of the page one painted image covers (its unit square through the transform
 * it is painted with), 0 when none: a scanned page is an image over most of it; a born-digital
 * page may carry a small one (a seal's or a signature's picture). The operator list is pdfjs's,
 * cached for the page (soleImage reads the same one).
 */
async function imageShare(lib: PdfJs, page: PdfPageProxy): Promise<number> {
  const ops = await page.getOperatorList();
  const OPS = lib.OPS;
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const area = Math.abs((x1 - x0) * (y1 - y0)) || 1;
  let m = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  let best = 0;
  const times = ([a, b, c, d, e, f]: number[]) =>
    (m = [a! * m[0]! + b! * m[2]!, a! * m[1]! + b! * m[3]!, c! * m[0]! + d! * m[2]!, c! * m[1]! + d! * m[3]!, e! * m[0]! + f! * m[2]! + m[4]!, e! * m[1]! + f! * m[3]! + m[5]!]);
  for (let k = 0; k < ops.fnArray.length; k++) {
    const fn = ops.fnArray[k]!;
    if (fn === OPS.save) stack.push(m);
    else if (fn === OPS.restore) m = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) times(ops.argsArray[k] as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      // A form saves the state and applies its own matrix to what it paints.
      stack.push(m);
      const matrix = (ops.argsArray[k] as unknown[])[0];
      if (Array.isArray(matrix) && matrix.length === 6) times(matrix as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) m = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject || fn === OPS.paintImageXObjectRepeat) {
      best = Math.max(best, Math.abs(m[0]! * m[3]! - m[1]! * m[2]!) / area);
    }
  }
  return best;
}

/** The page's single painted image (grey, and its colour planes when in colour), when the page is nothing but that image. */
async function soleImage(lib: PdfJs, page: PdfPageProxy, colour: boolean): Promise<PageImage | null> {
  if (page.rotate % 360 !== 0) return null;
  const ops = await page.getOperatorList();
  const OPS = lib.OPS;
  const drawing = new Set<number>([
    OPS.fill, OPS.stroke, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.showText, OPS.showSpacedText,
    OPS.nextLineShowText, OPS.nextLineSetSpacingShowText, OPS.shadingFill, OPS.constructPath,
  ].filter((x) => typeof x === 'number'));
  let name: string | null = null;
  let images = 0;
  for (let k = 0; k < ops.fnArray.length; k++) {
    const fn = ops.fnArray[k]!;
    if (fn === OPS.paintImageXObject) {
      images++;
      name = (ops.argsArray[k] as unknown[])[0] as string;
    } else if (fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject || fn === OPS.paintImageXObjectRepeat) {
      return null;
    } else if (drawing.has(fn)) {
      return null;
    }
  }
  if (images !== 1 || !name) return null;
  const objs = (name.startsWith('g_') ? page.commonObjs : page.objs) as unknown as { get(id: string, cb: (v: unknown) => void): void };
  const obj = await new Promise<unknown>((resolve) => objs.get(name, resolve));
  const img = obj as { width?: number; height?: number; kind?: number; data?: Uint8Array | Uint8ClampedArray } | null;
  if (!img || !img.data || !img.width || !img.height) return null;
  const { width, height, data } = img;
  const n = width * height;
  if (img.kind === lib.ImageKind.RGB_24BPP) return rgbaToPage(data, width, height, 3, colour);
  if (img.kind === lib.ImageKind.RGBA_32BPP) return rgbaToPage(data, width, height, 4, colour);
  if (img.kind === lib.ImageKind.GRAYSCALE_1BPP) {
    const out = new Uint8Array(n);
    const stride = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const byte = data[y * stride + (x >> 3)]!;
        out[y * width + x] = byte & (128 >> (x & 7)) ? 255 : 0;
      }
    }
    return { gray: { width, height, data: out } };
  }
  return null;
}

async function render(page: PdfPageProxy, scale: number, colour: boolean): Promise<PageImage> {
  const viewport = page.getViewport({ scale });
  const w = Math.max(1, Math.ceil(viewport.width));
  const h = Math.max(1, Math.ceil(viewport.height));
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  await page.render({ canvasContext: ctx as never, viewport, canvas: canvas as never }).promise;
  return rgbaToPage(ctx.getImageData(0, 0, w, h).data, w, h, 4, colour);
}
