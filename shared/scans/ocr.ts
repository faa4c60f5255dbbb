/**
 * The scans module's OCR reading put together for the processes that read scans (the OCR
 * worker, the embedded runtime, the OCR bench): the engine chosen by name (tesseract.js with
 * the Vietnamese model, or Textract) around the app's reading step, extracting with the
 * office's vocabulary. Kept apart from shared/scans/index.ts so that no other function's
 * bundle pulls in tesseract.js.
 */
import { domainConfig } from '../office';
import { vocabularyFromConfig, type ExtractVocabulary } from './domain/extract/index';
import type { OcrEngine } from './ports/ocr-engine';
import { scanReader, type ScanReader } from './app/scan-reader';
import { TesseractEngine, type TesseractOptions } from './adapters/ocr/tesseract';
import { TextractEngine } from './adapters/ocr/textract';
import type { Platform } from '../platform/platform';
import { ENV } from '../platform/env';

export type { ScanReader } from './app/scan-reader';

let office: { config: unknown; vocabulary: ExtractVocabulary } | undefined;

/** The extractor's vocabulary for this process's domain configuration (built once per configuration). */
export function officeVocabulary(): ExtractVocabulary {
  const config = domainConfig();
  const current = office && office.config === config ? office : (office = { config, vocabulary: vocabularyFromConfig(config) });
  return current.vocabulary;
}

/** The reading step around one OCR engine; the extractor's vocabulary defaults to the office's. */
export function scanReaderOf(engine: OcrEngine, now: () => Date = () => new Date(), vocabulary: () => ExtractVocabulary = officeVocabulary): ScanReader {
  return scanReader(engine, vocabulary, now, () => domainConfig().office.timeZone);
}

export interface ScanReaderOptions {
  /** Tesseract settings; the pool size defaults to env DAUMOI_OCR_WORKERS, else min(2, cores). */
  tesseract?: TesseractOptions;
}

/** The OCR engine by name: Textract, or tesseract.js with a pool of DAUMOI_OCR_WORKERS workers (else min(2, cores)). */
export function ocrEngine(engine: 'tesseract' | 'textract', opts: ScanReaderOptions = {}): OcrEngine {
  if (engine === 'textract') return new TextractEngine();
  const envWorkers = Number(process.env.DAUMOI_OCR_WORKERS ?? '');
  const poolSize = opts.tesseract?.poolSize ?? (Number.isInteger(envWorkers) && envWorkers > 0 ? envWorkers : undefined);
  return new TesseractEngine({ ...opts.tesseract, ...(poolSize ? { poolSize } : {}) });
}

export function buildScanReader(engine: 'tesseract' | 'textract', opts: ScanReaderOptions = {}): ScanReader {
  return scanReaderOf(ocrEngine(engine, opts));
}

/** The reader of the OCR engine named by DAUMOI_OCR_ENGINE (tesseract by default): only the OCR worker composes it. */
export function ocrReader(platform: Pick<Platform, 'env'>): ScanReader {
  const engine = platform.env.optional(ENV.ocrEngine, 'tesseract');
  if (engine !== 'tesseract' && engine !== 'textract') throw new Error(`${ENV.ocrEngine} must be tesseract or textract, not ${engine}`);
  return buildScanReader(engine);
}
