/** PLACEHOLDER until the OCR engine, file-type and extractor modules land. */
import type { ScanReader } from './deps';

export function buildScanReader(engine: 'tesseract' | 'textract'): ScanReader {
  throw new Error(`OCR engine ${engine} is not wired yet`);
}
