/**
 * The scans module's public entry: what other modules, functions, the embedded runtime and
 * infra use of it. The OCR engines are not here (shared/scans/ocr.ts): only the processes that
 * read scans compose one, so that tesseract.js, pdf.js and the canvas binding stay out of every
 * other bundle.
 */
export { scanRoutes } from './routes';
export { SCANS_ENV } from './env';

// Use cases and what they need.
export { ScanService, type NewScan, type ScanUploadTicket, type ScanView } from './app/scan-service';
export { OcrPipeline, OcrRetryableError, scanIdOfKey, type PipelineOutcome } from './app/ocr-pipeline';
export {
  JOB_LEASE_MS,
  MAX_OCR_ATTEMPTS,
  OCR_MAX_CONCURRENCY,
  OCR_TIMEOUT_SECONDS,
  OCR_VISIBILITY_TIMEOUT_SECONDS,
  UPLOAD_URL_SECONDS,
  type ScanDeps,
} from './app/deps';
export { scanReader, toReadText, type ExtractedScanFields, type ReadText, type ScanReader } from './app/scan-reader';

// Ports and the store's adapter.
export type { OcrBBox, OcrEngine, OcrInput, OcrLine, OcrPage, OcrResult, OcrWord } from './ports/ocr-engine';
export { UnreadableDocumentError, isUnreadableDocumentError, type UnreadableKind } from './ports/ocr-engine';
export type { ScanStore } from './ports/scan-store';
export { DynamoScanStore } from './adapters/dynamo-scan-store';

// The scan's data and the field extractor.
export {
  MAX_SCAN_BYTES,
  OCR_PREFIX,
  QUARANTINE_PREFIX,
  SCAN_CONTENT_TYPES,
  SCAN_LIMITS,
  SCAN_PREFIX,
  type Scan,
  type ScanContentType,
  type ScanField,
  type ScanFields,
  type ScanStatus,
} from './domain/model';
export { extractFields, textOfPages, vocabularyFromConfig, type ExtractOptions, type ExtractVocabulary, type ExtractedFields } from './domain/extract/index';
