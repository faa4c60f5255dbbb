/**
 * The OCR side of the scan pipeline, put together from the OCR engine chosen by configuration
 * (tesseract.js with the Vietnamese model, or Textract), the magic-byte check and the field
 * extractor.
 */
import { detectFileKind } from '../../domain/file-type';
import { extractFields } from '../../domain/extract/index';
import type { OcrEngine } from '../../adapters/ocr/engine';
import { isUnreadableScanError } from '../../adapters/ocr/errors';
import { TesseractEngine, type TesseractOptions } from '../../adapters/ocr/tesseract';
import { TextractEngine } from '../../adapters/ocr/textract';
import type { ScanReader } from './deps';

/** A ScanReader around one OCR engine. */
export function scanReaderOf(engine: OcrEngine, now: () => Date = () => new Date()): ScanReader {
  return {
    detectType: (bytes) => detectFileKind(bytes),
    read: (bytes) => engine.read(bytes),
    isUnreadable: (err) => isUnreadableScanError(err),
    extract: (text) => extractFields(text, { today: now() }),
    warmUp: () => engine.warmUp?.() ?? Promise.resolve(),
    close: () => engine.close?.() ?? Promise.resolve(),
  };
}

export interface ScanReaderOptions {
  /** Tesseract settings; the pool size defaults to env DAUMOI_OCR_WORKERS, else min(2, cores). */
  tesseract?: TesseractOptions;
}

export function buildScanReader(engine: 'tesseract' | 'textract', opts: ScanReaderOptions = {}): ScanReader {
  if (engine === 'textract') return scanReaderOf(new TextractEngine());
  const envWorkers = Number(process.env.DAUMOI_OCR_WORKERS ?? '');
  const poolSize = opts.tesseract?.poolSize ?? (Number.isInteger(envWorkers) && envWorkers > 0 ? envWorkers : undefined);
  return scanReaderOf(new TesseractEngine({ ...opts.tesseract, ...(poolSize ? { poolSize } : {}) }));
}
