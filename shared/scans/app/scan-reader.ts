/**
 * The OCR side of the scan pipeline, put together from the OCR engine chosen by configuration
 * (tesseract.js with the Vietnamese model, or Textract), the magic-byte check and the field
 * extractor. The extractor reads with the office's vocabulary: the default one extended with
 * config/domain.json's document types, body codes, header names and signing blocks.
 */
import { detectFileKind } from '../../platform/files/file-type';
import { extractFields, vocabularyFromConfig, type ExtractVocabulary } from '../domain/extract/index';
import { domainConfig } from '../../office';
import type { OcrEngine } from '../adapters/ocr/engine';
import { isUnreadableScanError } from '../adapters/ocr/errors';
import { TesseractEngine, type TesseractOptions } from '../adapters/ocr/tesseract';
import { TextractEngine } from '../adapters/ocr/textract';
import type { ScanReader } from './deps';

let office: { config: unknown; vocabulary: ExtractVocabulary } | undefined;

/** The extractor's vocabulary for this process's domain configuration (built once per configuration). */
export function officeVocabulary(): ExtractVocabulary {
  const config = domainConfig();
  if (office?.config !== config) office = { config, vocabulary: vocabularyFromConfig(config) };
  return office.vocabulary;
}

/** A ScanReader around one OCR engine; the extractor's vocabulary defaults to the office's. */
export function scanReaderOf(engine: OcrEngine, now: () => Date = () => new Date(), vocabulary: () => ExtractVocabulary = officeVocabulary): ScanReader {
  return {
    detectType: (bytes) => detectFileKind(bytes),
    read: (bytes) => engine.read(bytes),
    isUnreadable: (err) => isUnreadableScanError(err),
    extract: (text) => extractFields(text, { today: now(), vocabulary: vocabulary() }),
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
