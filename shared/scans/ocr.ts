/**
 * The OCR engine named by DAUMOI_OCR_ENGINE (tesseract by default), with the magic bytes and the
 * extractor. Only the OCR worker (and the tests that read scans) import this file.
 */
import type { Platform } from '../platform/platform';
import { ENV } from '../platform/env';
import type { ScanReader } from './app/deps';
import { buildScanReader } from './app/scan-reader';

export function ocrReader(platform: Pick<Platform, 'env'>): ScanReader {
  const engine = platform.env.optional(ENV.ocrEngine, 'tesseract');
  if (engine !== 'tesseract' && engine !== 'textract') throw new Error(`${ENV.ocrEngine} must be tesseract or textract, not ${engine}`);
  return buildScanReader(engine);
}
