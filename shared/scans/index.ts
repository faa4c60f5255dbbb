/**
 * The scans module's public entry: uploads in S3 (s3rver embedded), the scan store and the scan
 * service. The OCR engine is not here (shared/scans/ocr.ts): only the OCR worker composes it, so
 * that tesseract.js, pdf.js and the canvas binding stay out of every other bundle.
 */
import type { Platform } from '../platform/platform';
import { ENV } from '../platform/env';
import type { AuditLog } from '../audit/ports/audit-log';
import type { RegisterStore } from '../registers/ports/register-store';
import type { BlobStore } from '../platform/files/blob-store';
import { S3BlobStore } from '../platform/files/s3-blob-store';
import { s3Client } from '../platform/aws/s3-client';
import { SCANS_ENV } from './env';
import { DynamoScanStore } from './adapters/dynamo-scan-store';
import { ScanService } from './app/scan-service';
import type { ScanReader } from './app/deps';

export type { ScanReader } from './app/deps';
export type { ScanService } from './app/scan-service';

export function blobStore(platform: Platform): BlobStore {
  return new S3BlobStore(s3Client, platform.env.require(ENV.bucket), platform.clock);
}

const noReader = (): never => {
  throw new Error('No OCR engine in this function: only the OCR worker composes one (shared/scans/ocr.ts)');
};

export function scansModule(
  platform: Platform,
  ports: { audit: AuditLog; registers: RegisterStore; blobs?: BlobStore; reader?: () => ScanReader },
): { scans: ScanService; blobs: BlobStore } {
  const action = platform.env.optional(SCANS_ENV.quarantineAction, 'move');
  if (action !== 'move' && action !== 'delete') throw new Error(`${SCANS_ENV.quarantineAction} must be move or delete, not ${action}`);
  const blobs = ports.blobs ?? blobStore(platform);
  const scans = new ScanService({
    clock: platform.clock,
    scans: new DynamoScanStore(platform.db, platform.table('Data')),
    blobs,
    registers: ports.registers,
    audit: ports.audit,
    reader: ports.reader ?? noReader,
    quarantineAction: action,
  });
  return { scans, blobs };
}
