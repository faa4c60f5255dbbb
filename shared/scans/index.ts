/**
 * The scans module's public entry: what other modules, functions, the embedded runtime and
 * infra use of it. The OCR engines are not here (shared/scans/ocr.ts): only the processes that
 * read scans compose one, so that tesseract.js, pdf.js and the canvas binding stay out of every
 * other bundle.
 */
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
export type { SignatureVerifier } from './ports/signature-verifier';
export type { RegisterNumbers } from './ports/register-numbers';
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
  type ScanSignature,
  type SignatureChain,
  type ScanField,
  type ScanFields,
  type ScanStatus,
} from './domain/model';
export { extractFields, textOfPages, vocabularyFromConfig, type ExtractOptions, type ExtractVocabulary, type ExtractedFields } from './domain/extract/index';

import type { Platform } from '../platform/platform';
import { ENV } from '../platform/env';
import type { AuditLog } from '../audit';
import type { BlobStore } from '../platform/files/blob-store';
import { S3BlobStore } from '../platform/files/s3-blob-store';
import { s3Client } from '../platform/aws/s3-client';
import { SCANS_ENV } from './env';
import { DynamoScanStore } from './adapters/dynamo-scan-store';
import { RegistersNumbers } from './adapters/register-numbers';
import { ScanService } from './app/scan-service';
import type { ScanDeps } from './app/deps';
import type { ScanReader } from './app/scan-reader';

export function blobStore(platform: Platform): BlobStore {
  return new S3BlobStore(s3Client, platform.env.require(ENV.bucket), platform.clock);
}

const noReader = (): never => {
  throw new Error('No OCR engine in this function: only the OCR worker composes one (shared/scans/ocr.ts)');
};

export function scansModule(
  platform: Platform,
  ports: { audit: AuditLog; registers: ScanDeps['registers']; blobs?: BlobStore; reader?: () => ScanReader; signatures?: ScanDeps['signatures'] },
): { scans: ScanService; blobs: BlobStore } {
  const action = platform.env.optional(SCANS_ENV.quarantineAction, 'move');
  if (action !== 'move' && action !== 'delete') throw new Error(`${SCANS_ENV.quarantineAction} must be move or delete, not ${action}`);
  const blobs = ports.blobs ?? blobStore(platform);
  const scans = new ScanService({
    clock: platform.clock,
    scans: new DynamoScanStore(platform.db, platform.table('Data')),
    blobs,
    registers: ports.registers,
    numbers: new RegistersNumbers(ports.registers),
    audit: ports.audit,
    reader: ports.reader ?? noReader,
    ...(ports.signatures ? { signatures: ports.signatures } : {}),
    quarantineAction: action,
  });
  return { scans, blobs };
}
