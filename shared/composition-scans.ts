/**
 * The scans-and-search part of the composition root (composition.ts calls it): S3 (or s3rver)
 * for the files, the OCR engine chosen by DAUMOI_OCR_ENGINE, the scan store and the search index
 * on DynamoDB, and the indexer that keeps the search index in step with the registers.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV, optionalEnv, requireEnv } from './platform/env';
import { SCANS_ENV } from './scans/env';
import type { AuditLog } from './audit/ports/audit-log';
import type { Clock } from './platform/clock';
import type { BlobStore } from './platform/files/blob-store';
import type { Registers } from './registers';
import type { SearchIndex } from './search/ports/search-index';
import { tableName } from './platform/aws/tables';
import { DynamoScanStore } from './scans/adapters/dynamo-scan-store';
import { DynamoSearchIndex, SearchEngine } from './search';
import { DynamoSearchOutbox } from './search/adapters/dynamo-search-outbox';
import { S3BlobStore } from './platform/files/s3-blob-store';
import { s3Client } from './platform/aws/s3-client';
import { ScanService } from './scans/app/scan-service';
import type { ScanReader } from './scans/app/deps';
import { EntryIndexer } from './search/app/entry-indexing';

interface Base {
  clock: Clock;
  audit: AuditLog;
  db: DynamoDBDocumentClient;
  blobs: BlobStore;
  search: SearchIndex;
  registers: Registers;
  ocr: ScanReader;
  scans: ScanService;
}

export function buildBlobStore(services: () => Pick<Base, 'clock'>): BlobStore {
  return new S3BlobStore(s3Client, requireEnv(ENV.bucket), { now: () => services().clock.now() });
}

export function buildSearchIndex(services: () => Pick<Base, 'db'>): SearchIndex {
  return new SearchEngine(new DynamoSearchIndex(services().db, tableName('Search')));
}

export function buildScanService(services: () => Base): ScanService {
  const action = optionalEnv(SCANS_ENV.quarantineAction, 'move');
  if (action !== 'move' && action !== 'delete') throw new Error(`${SCANS_ENV.quarantineAction} must be move or delete, not ${action}`);
  return new ScanService({
    clock: { now: () => services().clock.now() },
    scans: new DynamoScanStore(services().db, tableName('Data')),
    blobs: services().blobs,
    registers: services().registers,
    audit: services().audit,
    reader: () => services().ocr,
    quarantineAction: action,
  });
}

/** Indexes entries for search and sweeps the search outbox. */
export function buildEntryIndexer(services: () => Base): EntryIndexer {
  return new EntryIndexer({
    search: () => services().search,
    outbox: () => new DynamoSearchOutbox(services().db, tableName('Data')),
    registers: () => services().registers,
    scanText: (id) => services().scans.textOf(id),
  });
}
