/**
 * The OCR side of the scan pipeline, put together from the OCR engine chosen by configuration
 * (tesseract.js with the Vietnamese model, or Textract), the magic-byte check and the field
 * extractor.
 */
import { detectFileKind } from '../../domain/file-type';
import { extractFields } from '../../domain/extract/index';
import type { OcrEngine } from '../../adapters/ocr/engine';
import { isUnreadableScanError } from '../../adapters/ocr/errors';
import { TesseractEngine } from '../../adapters/ocr/tesseract';
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

export function buildScanReader(engine: 'tesseract' | 'textract'): ScanReader {
  return scanReaderOf(engine === 'textract' ? new TextractEngine() : new TesseractEngine());
}
