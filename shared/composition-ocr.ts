/**
 * The OCR engine's part of the composition root, kept apart so that tesseract.js, pdf.js and
 * the canvas binding are bundled into the OCR worker only: the worker (and the tests that read
 * scans) call `useOcrEngine()`; every other function never imports this file.
 */
import { ENV, optionalEnv } from './platform/env';
import { provideOcrReader } from './composition';
import type { ScanReader } from './scans/app/deps';
import { buildScanReader } from './scans/ocr';

/** The engine named by DAUMOI_OCR_ENGINE (tesseract by default), with the magic bytes and the extractor. */
export function buildOcr(): ScanReader {
  const engine = optionalEnv(ENV.ocrEngine, 'tesseract');
  if (engine !== 'tesseract' && engine !== 'textract') throw new Error(`${ENV.ocrEngine} must be tesseract or textract, not ${engine}`);
  return buildScanReader(engine);
}

/** Makes `services().ocr` the configured engine in this process. */
export function useOcrEngine(): void {
  provideOcrReader(buildOcr);
}
