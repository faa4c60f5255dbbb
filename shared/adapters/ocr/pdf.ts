/**
 * PDF pages as images for OCR (pdfjs-dist, legacy build for Node). A scanned PDF holds one
 * image per page: that image is taken as it is (no resampling). A page with anything else
 * (several images, vector drawing, a rotated page) is rendered at `renderDpi`. A page that
 * carries a real text layer (born-digital PDF) gives its text directly.
 */
import { createCanvas } from '@napi-rs/canvas';
import { UnreadableScanError } from './errors';
import { rgbaToGray, type GrayImage } from './image';

export type PdfPage = { kind: 'image'; image: GrayImage; dpi: number | null } | { kind: 'text'; text: string };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;
const pdfjs = (): Promise<PdfJs> => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Loads pdfjs ahead of the first PDF (its first import takes ~2 s). */
export async function preloadPdf(): Promise<void> {
  await pdfjs();
}

/** Fewer letters than this on a page and its text layer is ignored (page numbers, a scanner's stamp). */
const MIN_TEXT_LAYER_CHARS = 200;

export interface PdfOptions {
  renderDpi?: number;
  /** Use a born-digital page's text layer instead of OCR (default true). */
  useTextLayer?: boolean;
  maxPages?: number;
}

export async function pdfPages(bytes: Uint8Array, opts: PdfOptions = {}): Promise<PdfPage[]> {
  const lib = await pdfjs();
  const renderDpi = opts.renderDpi ?? 300;
  let doc;
  try {
    doc = await lib.getDocument({
      data: new Uint8Array(bytes), // pdfjs transfers (detaches) the buffer it gets
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    throw new UnreadableScanError(`the PDF cannot be opened: ${(err as Error).message}`, { cause: err });
  }
  try {
    const n = Math.min(doc.numPages, opts.maxPages ?? 500);
    if (n === 0) throw new UnreadableScanError('the PDF has no pages');
    const pages: PdfPage[] = [];
    for (let i = 1; i <= n; i++) {
      const page = await doc.getPage(i);
      try {
        if (opts.useTextLayer !== false) {
          const tc = await page.getTextContent();
          const text = textOfItems(tc.items as { str?: string; hasEOL?: boolean }[]);
          if (text.replace(/\s+/g, '').length >= MIN_TEXT_LAYER_CHARS) {
            pages.push({ kind: 'text', text });
            continue;
          }
        }
        const image = await soleImage(lib, page);
        if (image) {
          const vp = page.getViewport({ scale: 1 });
          pages.push({ kind: 'image', image, dpi: Math.round((image.width / vp.width) * 72) });
          continue;
        }
        pages.push({ kind: 'image', image: await render(page, renderDpi), dpi: renderDpi });
      } finally {
        page.cleanup();
      }
    }
    return pages;
  } catch (err) {
    if (err instanceof UnreadableScanError) throw err;
    const name = (err as Error)?.name ?? '';
    if (/InvalidPDF|MissingPDF|FormatError|UnknownError|PasswordException/.test(name)) {
      throw new UnreadableScanError(`the PDF cannot be read: ${(err as Error).message}`, { cause: err });
    }
    throw err;
  } finally {
    await doc.destroy();
  }
}

function textOfItems(items: { str?: string; hasEOL?: boolean }[]): string {
  let out = '';
  for (const it of items) {
    if (typeof it.str === 'string') out += it.str;
    if (it.hasEOL) out += '\n';
  }
  return out.trim();
}

type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/** The page's single painted image as grey, when the page is nothing but that image. */
async function soleImage(lib: PdfJs, page: PdfPageProxy): Promise<GrayImage | null> {
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
  if (img.kind === lib.ImageKind.RGB_24BPP) return { width, height, data: rgbaToGray(data, n, 3) };
  if (img.kind === lib.ImageKind.RGBA_32BPP) return { width, height, data: rgbaToGray(data, n, 4) };
  if (img.kind === lib.ImageKind.GRAYSCALE_1BPP) {
    const out = new Uint8Array(n);
    const stride = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const byte = data[y * stride + (x >> 3)]!;
        out[y * width + x] = byte & (128 >> (x & 7)) ? 255 : 0;
      }
    }
    return { width, height, data: out };
  }
  return null;
}

async function render(page: PdfPageProxy, dpi: number): Promise<GrayImage> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const w = Math.ceil(viewport.width);
  const h = Math.ceil(viewport.height);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  await page.render({ canvasContext: ctx as never, viewport, canvas: canvas as never }).promise;
  return { width: w, height: h, data: rgbaToGray(ctx.getImageData(0, 0, w, h).data, w * h) };
}
