/**
 * The ScanReader the OCR pipeline uses: magic-byte detection and the unreadable-file checks
 * (shared/domain/file-type), the OCR engine (tesseract.js offline, or Amazon Textract), and
 * the field extractor (shared/domain/extract).
 */
import { detectFileKind, unreadableReason } from '../../domain/file-type';
import { extractFields } from '../../domain/extract';
import type { ScanContentType } from '../../domain/scans/model';
import { isUnreadableScanError, UnreadableScanError } from '../../adapters/ocr/errors';
import type { OcrEngine } from '../../adapters/ocr/engine';
import type { ScanReader } from './deps';

export interface ScanReaderOptions {
  /** Tesseract workers (default min(2, cores); env DAUMOI_OCR_WORKERS). */
  poolSize?: number;
}

/** A ScanReader around any engine (tests pass a fake one). */
export function scanReaderFor(engine: OcrEngine | (() => Promise<OcrEngine>)): ScanReader {
  let ready: Promise<OcrEngine> | null = typeof engine === 'function' ? null : Promise.resolve(engine);
  const get = (): Promise<OcrEngine> => (ready ??= (engine as () => Promise<OcrEngine>)());
  return {
    detectType: (bytes) => detectFileKind(bytes),
    async read(bytes: Uint8Array, _contentType: ScanContentType) {
      const problem = unreadableReason(bytes);
      if (problem) throw new UnreadableScanError(problem);
      return (await get()).read(bytes);
    },
    isUnreadable: (err) => isUnreadableScanError(err),
    extract: (text) => extractFields(text),
    async warmUp() {
      await (await get()).warmUp?.();
    },
    async close() {
      if (!ready) return;
      await (await ready).close?.();
      ready = null;
    },
  };
}

export function buildScanReader(engine: 'tesseract' | 'textract', opts: ScanReaderOptions = {}): ScanReader {
  if (engine === 'textract') {
    return scanReaderFor(async () => {
      const { TextractEngine } = await import('../../adapters/ocr/textract');
      return new TextractEngine();
    });
  }
  const envWorkers = Number(process.env.DAUMOI_OCR_WORKERS ?? '');
  const poolSize = opts.poolSize ?? (Number.isInteger(envWorkers) && envWorkers > 0 ? envWorkers : undefined);
  return scanReaderFor(async () => {
    const { TesseractEngine } = await import('../../adapters/ocr/tesseract');
    return new TesseractEngine(poolSize ? { poolSize } : {});
  });
}
