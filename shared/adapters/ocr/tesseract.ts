/**
 * Tesseract (tesseract.js 7, WebAssembly) with the Vietnamese LSTM model from
 * @tesseract.js-data/vie, fully offline. A small pool of workers (default min(2, cores))
 * reads pages in parallel; workers start lazily (or on warmUp) and are reused.
 *
 * Per page: decode to grey (red seal faded), remove frames and rules (so boxed MẬT / KHẨN
 * stamps are read), upscale low-resolution scans, then recognise. TIFF goes to Tesseract's
 * own reader (Leptonica + libtiff) as it is.
 */
import os from 'node:os';
import { createRequire } from 'node:module';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { detectScanKind, unreadableReason } from '../../domain/file-type';
import type { ReadText } from '../../services/scans/deps';
import { UnreadableScanError } from './errors';
import { decodeToGray, estimateSkew, removeFramesAndRules, rotateGray, scaleGray, type GrayImage } from './image';
import { pdfPages } from './pdf';
import type { OcrEngine } from './engine';

const require = createRequire(import.meta.url);

export interface TesseractOptions {
  /** Workers in the pool; default min(2, cores). */
  poolSize?: number;
  /** Folder holding vie.traineddata.gz; default the @tesseract.js-data/vie package's. */
  langPath?: string;
  /** Whiten boxes and rules before OCR (default true). */
  removeFrames?: boolean;
  /** With targetDpi 0: scans below this resolution are upscaled to it (default 300 dpi; 0 = never). */
  minDpi?: number;
  /**
   * Tesseract page segmentation: 6 (one block, the default: keeps boxed stamps and merges the
   * header columns line by line, which the extractor expects) or 3 (automatic layout).
   */
  psm?: 3 | 4 | 6 | 11;
  /**
   * Scale every page to this resolution, up or down (default 250 dpi: the body text's x-height
   * is then ~20 px, where Tesseract's LSTM reads best; on the handbook 250 beat 200 and 300 on
   * subjects and matched them on CER). 0 = do not rescale but upscale below `minDpi`.
   */
  targetDpi?: number;
  /** Straighten pages skewed by ≥ 0.3° before OCR (default true). */
  deskew?: boolean;
}

/** A4 width in inches: a page image's resolution is guessed from its width. */
const A4_SHORT_SIDE_IN = 8.27;

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(2, os.cpus().length || 1));
}

export function vieLangPath(): string {
  return (require('@tesseract.js-data/vie') as { langPath: string }).langPath;
}

export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract';
  private readonly size: number;
  private workers: Promise<Worker>[] = [];
  private idle: Worker[] = [];
  private waiting: ((w: Worker | Promise<never>) => void)[] = [];
  private closed = false;
  /** Pages being decoded and cleaned at once (each holds tens of MB of pixels). */
  private prepSlots: number;
  private prepWaiting: (() => void)[] = [];

  constructor(private readonly opts: TesseractOptions = {}) {
    this.size = Math.max(1, opts.poolSize ?? defaultPoolSize());
    this.prepSlots = this.size;
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

  async read(bytes: Uint8Array): Promise<ReadText> {
    const problem = unreadableReason(bytes);
    if (problem) throw new UnreadableScanError(problem);
    const kind = detectScanKind(bytes);
    const pages: ReadText['pages'] = [];
    if (kind === 'pdf') {
      const pdf = await pdfPages(bytes);
      const results = await Promise.all(
        pdf.map(async (p) => {
          if (p.kind === 'text') return { text: p.text, confidence: 1 };
          const encoded = await this.withPrepSlot(() => this.prepare(p.image, p.dpi));
          return this.recognizeEncoded(encoded.image, encoded.dpi);
        }),
      );
      pages.push(...results);
    } else if (kind === 'tiff') {
      // Leptonica (inside tesseract.js, with libtiff: uncompressed, PackBits, LZW, Deflate, CCITT G3/G4,
      // JPEG) decodes the TIFF; its grey image comes back as PNG for the same cleaning as any scan.
      // Only the first image of a multi-page TIFF is read.
      const gray = await this.decodeTiff(bytes);
      const encoded = await this.withPrepSlot(() => this.prepare(gray, null));
      pages.push(await this.recognizeEncoded(encoded.image, encoded.dpi));
    } else {
      const encoded = await this.withPrepSlot(async () => {
        let gray: GrayImage;
        try {
          gray = await decodeToGray(bytes);
        } catch (err) {
          throw new UnreadableScanError(`the image cannot be decoded: ${(err as Error).message}`, { cause: err });
        }
        return this.prepare(gray, null);
      });
      pages.push(await this.recognizeEncoded(encoded.image, encoded.dpi));
    }
    return { engine: this.name, pages };
  }

  /** Straightens, cleans and scales a page; returns it encoded for Tesseract with its resolution. */
  private prepare(img: GrayImage, dpi: number | null): { image: Uint8Array; dpi: number } {
    let page = img;
    if (this.opts.deskew !== false) {
      const skew = estimateSkew(page);
      if (Math.abs(skew) >= 0.3) page = rotateGray(page, -skew);
    }
    if (this.opts.removeFrames !== false) page = removeFramesAndRules(page).image;
    const minDpi = this.opts.minDpi ?? 300;
    let res = dpi ?? Math.min(page.width, page.height) / A4_SHORT_SIDE_IN;
    const target = this.opts.targetDpi ?? 250;
    if (target && res > 0 && Math.abs(res - target) / target > 0.1) {
      const f = Math.max(0.25, Math.min(3, target / res));
      page = scaleGray(page, f);
      res *= f;
    } else if (!target && minDpi > 0 && res > 0 && res < minDpi * 0.9) {
      const f = Math.min(3, minDpi / res);
      page = scaleGray(page, f);
      res *= f;
    }
    return { image: encodePgm(page), dpi: Math.round(res) };
  }

  private async decodeTiff(bytes: Uint8Array): Promise<GrayImage> {
    const worker = await this.acquire();
    let png: string | null;
    try {
      const r = await worker.recognize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {}, { text: false, blocks: false, hocr: false, tsv: false, imageGrey: true });
      png = r.data.imageGrey;
    } catch (err) {
      throw new UnreadableScanError(`the TIFF cannot be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    } finally {
      this.release(worker);
    }
    if (!png) throw new UnreadableScanError('the TIFF cannot be read: no image in it');
    try {
      return await decodeToGray(new Uint8Array(Buffer.from(png.replace(/^data:image\/png;base64,/, ''), 'base64')));
    } catch (err) {
      throw new UnreadableScanError(`the TIFF cannot be read: ${(err as Error).message}`, { cause: err });
    }
  }

  private async recognizeEncoded(image: Uint8Array, dpi?: number): Promise<{ text: string; confidence: number | null }> {
    const worker = await this.acquire();
    try {
      await worker.setParameters({ user_defined_dpi: dpi && dpi >= 70 && dpi <= 1200 ? String(dpi) : '0' });
      const r = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
      return { text: r.data.text ?? '', confidence: typeof r.data.confidence === 'number' ? r.data.confidence / 100 : null };
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (/read image|pixRead|Error attempting/i.test(msg)) throw new UnreadableScanError(`the image cannot be read: ${msg}`, { cause: err });
      throw err;
    } finally {
      this.release(worker);
    }
  }

  private spawn(): void {
    const langPath = this.opts.langPath ?? vieLangPath();
    const p = (async () => {
      const w = await createWorker('vie', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
      await w.setParameters({ tessedit_pageseg_mode: String(this.opts.psm ?? 6) as PSM, preserve_interword_spaces: '0' });
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

  private acquire(): Promise<Worker> {
    if (this.closed) return Promise.reject(new Error('the OCR engine is closed'));
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    if (this.workers.length < this.size) this.spawn();
    return new Promise<Worker>((resolve) => this.waiting.push(resolve as (w: Worker | Promise<never>) => void));
  }

  private release(w: Worker): void {
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }
}

/** A grey image as binary PGM (P5), which Leptonica reads without any compression cost. */
export function encodePgm(img: GrayImage): Uint8Array {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'ascii');
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}
