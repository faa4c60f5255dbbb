/**
 * Tesseract (tesseract.js 7, WebAssembly) with the Vietnamese LSTM model from
 * @tesseract.js-data/vie, fully offline. A small pool of workers (default min(2, cores))
 * reads pages in parallel; workers start lazily (or on warmUp) and are reused.
 *
 * Per page: decode to grey (red seal faded), straighten, remove frames and rules (so boxed
 * MẬT / KHẨN stamps are read), scale to `targetDpi`, then recognise as one block (PSM 6).
 * The page text is rebuilt in reading order from the word boxes (header and footer columns one
 * after the other, shared/scans/domain/extract/layout). TIFF goes to Tesseract's own reader
 * (Leptonica + libtiff) first.
 *
 * Colour: a page in colour keeps its red and blue planes beside the grey (image.ts), turned and
 * scaled with it (not cleaned of frames), so they line up with the OCR boxes; red stamps are read
 * from the red plane (red-stamps.ts) with the worker that read the page. A PDF's signature
 * dictionaries are read beside its pages (pdf-signatures.ts).
 */
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { readingOrderText } from '../../domain/extract/layout';
import { readableScanKind } from '../../domain/unreadable';
import { tiffImages, tiffWithOnlyImage } from '../../../platform/files/file-type';
import { UnreadableDocumentError, type OcrEngine, type OcrInput, type OcrLine, type OcrPage, type OcrResult } from '../../ports/ocr-engine';
import { inkPlaneOf, unreadHeaderInk } from './unread-ink';
import { pageOrientation, turnGray, type QuarterTurns } from './orientation';
import { inkThreshold } from './gray';
import { decodeToGray, decodeToPage, estimateSkew, removeFramesAndRules, rotateGray, rotateScaleGray, scaleGray, type GrayImage, type PageImage } from './image';
import { pdfPages, preloadPdf, textPage } from './pdf';
import { pdfSignatures } from './pdf-signatures';
import { GREY_INK_REGIONS, readRedStamps, type StampReader } from './red-stamps';
import { readHandwriting } from './handwriting';
import { readDigits, warmUpDigits } from './digits/index';

const require = createRequire(import.meta.url);

export interface TesseractOptions {
  /** Workers in the pool; default min(2, cores). */
  poolSize?: number;
  /** Folder holding vie.traineddata.gz; default the @tesseract.js-data/vie package's. */
  langPath?: string;
  /**
   * Folder holding the model the pages after the first are read with (they carry no header field:
   * body text, the signing block), by a pool of its own; default the faster model shipped with
   * daumoi (`fastVieLangPath()`); null: every page with `langPath`'s model.
   */
  laterPagesLangPath?: string | null;
  /** Whiten boxes and rules before OCR (default true). */
  removeFrames?: boolean;
  /** With targetDpi 0: scans below this resolution are upscaled to it (default 300 dpi; 0 = never). */
  minDpi?: number;
  /**
   * Tesseract page segmentation: 6 (one block, the default: keeps boxed stamps; the columns
   * are put back in order from the word boxes) or 3 (automatic layout).
   */
  psm?: 3 | 4 | 6 | 11;
  /**
   * Scale every page to this resolution, up or down (default 250 dpi: the body text's x-height
   * is then ~20 px, where Tesseract's LSTM reads best). 0 = do not rescale but upscale below `minDpi`.
   */
  targetDpi?: number;
  /** Straighten pages skewed by ≥ 0.3° before OCR (default true). */
  deskew?: boolean;
  /** Turn a page that lies sideways or upside down upright before OCR (default true; orientation.ts). */
  orient?: boolean;
  /** Page text: rebuilt in reading order from the word boxes (default) or Tesseract's own text. */
  layout?: 'reading-order' | 'raw';
  /** Run one small recognition on each new worker, so the first page does not pay the model's start-up (default true). */
  warmUpRecognition?: boolean;
  /** Read handwritten numbers and days in the header's gaps with the digit recogniser (default true). */
  handwriting?: boolean;
  /** Further Tesseract parameters, set on every worker (e.g. { tessedit_do_invert: '0' }). */
  params?: Record<string, string>;
}

/** A4 width in inches: a page image's resolution is guessed from its width. */
const A4_SHORT_SIDE_IN = 8.27;

export function defaultPoolSize(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(2, cores || 1));
}

export function vieLangPath(): string {
  return (require('@tesseract.js-data/vie') as { langPath: string }).langPath;
}

/**
 * The folder of the faster Vietnamese model (tessdata_fast's vie, see tessdata-fast/README.md):
 * next to this module in the repository, next to the bundle in the OCR function's asset.
 */
export function fastVieLangPath(): string {
  return fileURLToPath(new URL('./tessdata-fast/', import.meta.url));
}

export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract';
  private readonly size: number;
  /** Workers with the page model: page 1 (the header's fields) and the stamps of every page. */
  private readonly pages: WorkerPool;
  /** Workers with the faster model for the pages after the first, when there is one. */
  private readonly laterPages: WorkerPool | null;
  /** Pages being decoded and cleaned at once (each holds tens of MB of pixels). */
  private prepSlots: number;
  private prepWaiting: (() => void)[] = [];

  constructor(private readonly opts: TesseractOptions = {}) {
    this.size = Math.max(1, opts.poolSize ?? defaultPoolSize());
    this.prepSlots = this.size;
    const setUp = {
      tessedit_pageseg_mode: String(opts.psm ?? 6) as PSM,
      preserve_interword_spaces: '0',
      // No second reading of doubtful lines as white-on-black: official letters have none, and on the
      // handbook it changed no field nor the body CER while saving 8–14 % of the recognition time.
      tessedit_do_invert: '0',
      ...opts.params,
    };
    const warm = opts.warmUpRecognition !== false;
    this.pages = new WorkerPool(this.size, opts.langPath ?? vieLangPath(), setUp, warm);
    const later = opts.laterPagesLangPath === undefined ? fastVieLangPath() : opts.laterPagesLangPath;
    this.laterPages = later ? new WorkerPool(this.size, later, setUp, warm) : null;
  }

  private async withPrepSlot<T>(fn: () => Promise<T> | T): Promise<T> {
    if (this.prepSlots > 0) this.prepSlots--;
    else await new Promise<void>((resolve) => this.prepWaiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.prepWaiting.shift();
      if (next) next();
      else this.prepSlots++;
    }
  }

  async warmUp(): Promise<void> {
    await Promise.all([this.pages.warmUp(), this.laterPages?.warmUp(), preloadPdf(), ...(this.opts.handwriting !== false ? [warmUpDigits()] : [])]);
  }

  async close(): Promise<void> {
    await Promise.all([this.pages.close(), this.laterPages?.close()]);
  }

  /**
   * Reads every page of a JPEG, PNG, TIFF or PDF. The magic bytes decide the kind, not the
   * declared content type. Throws UnreadableDocumentError for a file that cannot be read at all.
   */
  async recognize({ bytes }: OcrInput): Promise<OcrResult> {
    // Nothing is decoded that claims more pixels than a scan may have (a decompression bomb).
    const kind = readableScanKind(bytes, { pixels: 'decoded-here' });
    const pages: OcrPage[] = [];
    let signatures: OcrResult['signatures'];
    if (kind === 'pdf') {
      // Pages come one at a time; at most one per worker is being read while the next is rendered,
      // so a 100-page PDF holds a few pages' pixels, not all of them.
      const inFlight: Promise<OcrPage>[] = [];
      let index = 0;
      for await (const p of pdfPages(bytes, { colourPages: 1 })) {
        // Only page 1 needs its colour planes (its stamps, its handwriting's ink).
        const first = index++ === 0;
        const page: Promise<OcrPage> =
          p.kind === 'text' ? Promise.resolve(textPage(p)) : this.withPrepSlot(() => this.prepare({ gray: p.image, ...(first && p.colour ? { colour: p.colour } : {}) }, p.dpi)).then((e) => this.recognizeEncoded(e, first));
        page.catch(() => undefined); // awaited below, in order; this only keeps an early failure from going unhandled
        inFlight.push(page);
        if (inFlight.length >= this.size) pages.push(await inFlight.shift()!);
      }
      pages.push(...(await Promise.all(inFlight)));
      // After the pages (pdfjs has let its copy of the file go): pdf-lib holds another while it reads. Bounded, never throws.
      const found = await pdfSignatures(bytes);
      if (found.length) signatures = found;
    } else if (kind === 'tiff') {
      // Leptonica (inside tesseract.js, with libtiff: uncompressed, PackBits, LZW, Deflate, CCITT G3/G4,
      // JPEG) decodes the TIFF; its grey image comes back as PNG for the same cleaning as any scan.
      // Leptonica reads a TIFF's first image: each page of a multi-page TIFF is handed to it as a
      // copy in which that page is the only one; as with a PDF, at most one page per worker is in hand.
      const images = tiffImages(bytes);
      // (readableScanKind has refused a TIFF whose first directory gives no size.)
      if (!images.length) throw new UnreadableDocumentError('the TIFF cannot be read: no image in it', { kind: 'corrupt' });
      const inFlight: Promise<OcrPage>[] = [];
      for (const [i, image] of images.entries()) {
        const one = images.length > 1 ? tiffWithOnlyImage(bytes, image) : bytes;
        const page = this.decodeTiff(one, images.length > 1 ? i + 1 : null)
          .then((gray) => this.withPrepSlot(() => this.prepare({ gray }, null)))
          .then((e) => this.recognizeEncoded(e, i === 0));
        page.catch(() => undefined); // awaited below, in order
        inFlight.push(page);
        if (inFlight.length >= this.size) pages.push(await inFlight.shift()!);
      }
      pages.push(...(await Promise.all(inFlight)));
    } else {
      const encoded = await this.withPrepSlot(async () => {
        let page: PageImage;
        try {
          page = await decodeToPage(bytes);
        } catch (err) {
          throw new UnreadableDocumentError(`the image cannot be decoded: ${(err as Error).message}`, { cause: err, kind: 'corrupt' });
        }
        return this.prepare(page, null);
      });
      pages.push(await this.recognizeEncoded(encoded));
    }
    return { engine: this.name, pages, ...(signatures ? { signatures } : {}) };
  }

  /**
   * Straightens, scales and cleans a page; returns it encoded for Tesseract with its resolution,
   * and its colour planes turned and scaled the same way (frames are removed from the grey only).
   */
  private prepare(sent: PageImage, dpi: number | null): Prepared {
    // The ink threshold, once: turning a page by quarter turns leaves its histogram as it is.
    const ink = inkThreshold(sent.gray.data);
    // A page fed upside down or scanned sideways is turned upright first (exact quarter turns).
    const turned = this.opts.orient !== false ? pageOrientation(sent.gray, ink).turns : 0;
    const img = turnGray(sent.gray, turned);
    const colour = sent.colour && turned ? { red: turnGray(sent.colour.red, turned), blue: turnGray(sent.colour.blue, turned) } : sent.colour;
    let res = dpi ?? Math.min(img.width, img.height) / A4_SHORT_SIDE_IN;
    let factor = 1;
    const target = this.opts.targetDpi ?? 250;
    const minDpi = this.opts.minDpi ?? 300;
    if (target && res > 0 && Math.abs(res - target) / target > 0.1) factor = Math.max(0.25, Math.min(3, target / res));
    else if (!target && minDpi > 0 && res > 0 && res < minDpi * 0.9) factor = Math.min(3, minDpi / res);
    let skew = 0;
    if (this.opts.deskew !== false) {
      skew = estimateSkew(img, undefined, ink);
      if (Math.abs(skew) < 0.3) skew = 0;
    }
    // Frames are removed on the straightened page at its own resolution, before scaling: measured on
    // the handbook, removing them after a combined rotate-and-scale read one subject and three
    // signers' titles worse for 0.3 CPU-s/page less.
    let page = skew ? rotateGray(img, -skew) : img;
    if (this.opts.removeFrames !== false) page = removeFramesAndRules(page).image;
    if (factor !== 1) page = scaleGray(page, factor);
    res *= factor;
    // The planes are turned and scaled to the grey's final size in one pass (same geometry; tiles without ink skipped).
    const same = (plane: GrayImage): GrayImage => rotateScaleGray(plane, -skew, page.width, page.height);
    const planes = colour ? { red: same(colour.red), blue: same(colour.blue) } : {};
    return { image: encodePgm(page), gray: page, ...planes, dpi: Math.round(res), width: page.width, height: page.height, turned };
  }

  /** The grey image of a TIFF's first image (`page`: which page of the scan it is, for the reason when it cannot be read). */
  private async decodeTiff(bytes: Uint8Array, page: number | null): Promise<GrayImage> {
    const which = page ? `page ${page} of the TIFF` : 'the TIFF';
    const worker = await this.pages.acquire();
    let png: string | null;
    try {
      const r = await worker.recognize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {}, { text: false, blocks: false, hocr: false, tsv: false, imageGrey: true });
      png = r.data.imageGrey;
    } catch (err) {
      throw new UnreadableDocumentError(`${which} cannot be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err, kind: 'corrupt' });
    } finally {
      this.pages.release(worker);
    }
    if (!png) throw new UnreadableDocumentError(`${which} cannot be read: no image in it`, { kind: 'corrupt' });
    try {
      return await decodeToGray(new Uint8Array(Buffer.from(png.replace(/^data:image\/png;base64,/, ''), 'base64')));
    } catch (err) {
      throw new UnreadableDocumentError(`${which} cannot be read: ${(err as Error).message}`, { cause: err, kind: 'corrupt' });
    }
  }

  /**
   * Reads a prepared page. Page 1 with the page model, then its stamps and the number and day
   * written by hand; a later page (with the faster model when there is one) only for its text and
   * lines: the extractor reads the header band, stamps and handwriting of page 1 alone.
   */
  private async recognizeEncoded(p: Prepared, first = true): Promise<OcrPage> {
    const pool = first || !this.laterPages ? this.pages : this.laterPages;
    const worker = await pool.acquire();
    try {
      await worker.setParameters({ user_defined_dpi: p.dpi >= 70 && p.dpi <= 1200 ? String(p.dpi) : '0' });
      const r = await worker.recognize(Buffer.from(p.image.buffer, p.image.byteOffset, p.image.byteLength), {}, { text: true, blocks: true });
      const lines = linesOfBlocks(r.data.blocks);
      const raw = r.data.text ?? '';
      const text = this.opts.layout === 'raw' || !lines.length ? raw : readingOrderText(lines);
      const confidence = typeof r.data.confidence === 'number' ? Math.round(r.data.confidence * 10) / 1000 : 0;
      const page: OcrPage = { text, confidence, width: p.width, height: p.height, lines, ...(p.turned ? { turned: p.turned } : {}) };
      if (!first) return page;
      const unreadInk = lines.length ? unreadHeaderInk(p.gray, lines) : [];
      const red = p.red ? await this.stampsOn(worker, p.red) : null;
      // A stamp OCR left unread on the grey (a HỎA TỐC turned on a greyscale scan) is looked for in that ink, as on the red plane.
      const grey = unreadInk.length ? await this.stampsOn(worker, inkPlaneOf(p.gray, unreadInk, lines), 'grey') : null;
      if (red) unreadInk.push(...red.unread);
      // The number and day the văn thư wrote by hand, read by the digit recogniser in the gaps the printed words leave.
      const handwriting =
        lines.length && this.opts.handwriting !== false
          ? await readHandwriting({ gray: p.gray, ...(p.blue ? { blue: p.blue } : {}), lines, width: p.width, height: p.height }, readDigits)
          : [];
      return {
        ...page,
        ...(unreadInk.length ? { unreadInk } : {}),
        ...(red?.stamps.length || grey?.stamps.length ? { stamps: [...(red?.stamps ?? []), ...(grey?.stamps ?? [])] } : {}),
        ...(handwriting.length ? { handwriting } : {}),
      };
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (/read image|pixRead|Error attempting/i.test(msg)) throw new UnreadableDocumentError(`the image cannot be read: ${msg}`, { cause: err, kind: 'corrupt' });
      throw err;
    } finally {
      pool.release(worker);
    }
  }

  /**
   * The stamps of a plane (the page's red, or the grey's unread ink), read with the worker it
   * holds (one line, or one block), which is then set back to page reading.
   */
  private async stampsOn(worker: Worker, plane: GrayImage, colour: 'red' | 'grey' = 'red'): ReturnType<typeof readRedStamps> {
    const read: StampReader = async (img, mode) => {
      await worker.setParameters({ tessedit_pageseg_mode: mode === 'line' ? PSM.SINGLE_LINE : PSM.SINGLE_BLOCK, user_defined_dpi: '300' });
      const r = await worker.recognize(Buffer.from(encodePgm(img)), {}, { text: true, blocks: true });
      const words = linesOfBlocks(r.data.blocks).flatMap((l) => l.words ?? []);
      const span = words.length ? (Math.max(...words.map((w) => w.bbox.x1)) - Math.min(...words.map((w) => w.bbox.x0))) / img.width : 0;
      return { text: r.data.text ?? '', confidence: typeof r.data.confidence === 'number' ? r.data.confidence / 100 : 0, span };
    };
    try {
      return await readRedStamps(plane, read, colour === 'grey' ? { colour, ...GREY_INK_REGIONS } : { colour });
    } finally {
      await worker.setParameters({ tessedit_pageseg_mode: String(this.opts.psm ?? 6) as PSM });
    }
  }
}

/**
 * A pool of tesseract.js workers with one model, started lazily (or on warmUp) and reused; the
 * first recognition of each is paid on a small synthetic strip when it starts.
 */
class WorkerPool {
  private workers: Promise<Worker>[] = [];
  private idle: Worker[] = [];
  private waiting: ((w: Worker | Promise<never>) => void)[] = [];
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly langPath: string,
    private readonly params: Record<string, string>,
    private readonly warm: boolean,
  ) {}

  async warmUp(): Promise<void> {
    while (this.workers.length < this.size) this.spawn();
    await Promise.all(this.workers);
  }

  async close(): Promise<void> {
    this.closed = true;
    const ws = this.workers;
    this.workers = [];
    this.idle = [];
    await Promise.all(ws.map((p) => p.then((w) => w.terminate()).catch(() => undefined)));
  }

  acquire(): Promise<Worker> {
    if (this.closed) return Promise.reject(new Error('the OCR engine is closed'));
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    if (this.workers.length < this.size) this.spawn();
    return new Promise<Worker>((resolve) => this.waiting.push(resolve as (w: Worker | Promise<never>) => void));
  }

  release(w: Worker): void {
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  private spawn(): void {
    const p = (async () => {
      const w = await createWorker('vie', OEM.LSTM_ONLY, { langPath: this.langPath, gzip: true, cacheMethod: 'none' });
      await w.setParameters(this.params);
      // The first recognition of a worker is ~1 s slower (the LSTM's buffers, the dictionaries):
      // pay it on a small synthetic line strip now rather than on the first scan.
      if (this.warm) await w.recognize(Buffer.from(encodePgm(warmUpImage()))).catch(() => undefined);
      return w;
    })();
    this.workers.push(p);
    p.then(
      (w) => this.release(w),
      (err: unknown) => {
        // A worker that cannot start fails the callers waiting for one, instead of hanging them.
        this.workers = this.workers.filter((x) => x !== p);
        const waiting = this.waiting.splice(0);
        for (const wake of waiting) wake(Promise.reject(err) as never);
      },
    );
  }
}

interface Prepared {
  image: Uint8Array;
  /** The cleaned page itself, to find the ink OCR left unread. */
  gray: GrayImage;
  /**
   * A page in colour: how red / how blue-violet each pixel is (0..255), turned and scaled with
   * the grey (same size, aligned with the OCR boxes; frames not removed). Absent on grey pages.
   */
  red?: GrayImage;
  blue?: GrayImage;
  dpi: number;
  width: number;
  height: number;
  /** Quarter turns clockwise the page was given to stand upright (it lay sideways or upside down). */
  turned: QuarterTurns;
}

interface TessBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TessWord {
  text: string;
  confidence: number;
  bbox: TessBox;
  symbols?: { text: string; bbox: TessBox }[];
}
interface TessLine {
  text: string;
  confidence: number;
  bbox: TessBox;
  words?: TessWord[];
}
interface TessBlock {
  paragraphs?: { lines?: TessLine[] }[];
}

const box = (b: TessBox) => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });

/** Tesseract's blocks → paragraphs → lines → words, flattened to lines (confidences 0..1). */
export function linesOfBlocks(blocks: unknown): OcrLine[] {
  const out: OcrLine[] = [];
  for (const b of (Array.isArray(blocks) ? blocks : []) as TessBlock[]) {
    for (const para of b.paragraphs ?? []) {
      for (const l of para.lines ?? []) {
        const text = (l.text ?? '').replace(/\s+$/u, '');
        if (!text.trim()) continue;
        out.push({
          text,
          confidence: Math.round((l.confidence ?? 0) * 10) / 1000,
          bbox: box(l.bbox),
          words: (l.words ?? []).map((w) => ({
            text: w.text,
            confidence: Math.round((w.confidence ?? 0) * 10) / 1000,
            bbox: box(w.bbox),
            ...(w.symbols?.length ? { chars: w.symbols.map((c) => ({ text: c.text, x0: c.bbox.x0, x1: c.bbox.x1 })) } : {}),
          })),
        });
      }
    }
  }
  return out;
}

/** Three rows of glyph-sized marks: enough for Tesseract to find text lines and run its LSTM. */
function warmUpImage(): GrayImage {
  const width = 900;
  const height = 160;
  const data = new Uint8Array(width * height).fill(255);
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let row = 0; row < 3; row++) {
    const base = 40 + row * 45;
    for (let x = 20; x < width - 40; ) {
      const gw = 8 + Math.floor(rnd() * 10);
      const gh = 14 + Math.floor(rnd() * 10);
      for (let y = base - gh; y < base; y++) {
        for (let xx = x; xx < x + gw; xx++) {
          if (xx === x || xx === x + gw - 1 || y === base - 1 || y === base - gh || rnd() < 0.2) data[y * width + xx] = 0;
        }
      }
      x += gw + 3 + (rnd() < 0.2 ? 12 : 0);
    }
  }
  return { width, height, data };
}

/** A grey image as binary PGM (P5), which Leptonica reads without any compression cost. */
export function encodePgm(img: GrayImage): Uint8Array {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'ascii');
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}
