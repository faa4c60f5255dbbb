/**
 * The composition root: the one place where adapters are chosen, from configuration.
 * Handlers ask for services here; the cloud and the embedded runtime differ only in
 * the environment they set (endpoints, auth mode), never in code paths.
 */
import { readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV, optionalEnv, requireEnv } from './platform/env';
import { documentClient } from './platform/aws/dynamodb-client';
import { tableName } from './platform/aws/tables';
import { DynamoAuditLog } from './audit/adapters/dynamo-audit-log';
import { JwtIdentityVerifier } from './identity/adapters/jwt-verifier';
import type { AuditLog } from './audit/ports/audit-log';
import type { IdentityVerifier } from './identity/ports/identity-verifier';
import type { ClientRegistry } from './identity/ports/client-registry';
import { DynamoClientRegistry } from './identity/adapters/dynamo-client-registry';
import { systemClock, type Clock } from './platform/clock';
import { createReporting, type Reporting } from './reports/app/index';
import { buildReportingDeps } from './composition-reporting';
import type { DomainConfig } from './office';
import { domainConfig } from './office';
import { DynamoRegisterRecords, GaplessCounter, Registers } from './registers';
import { DynamoSearchOutbox } from './search';
import type { Workflow } from './drafts/ports/workflow';
import { buildWorkflow } from './drafts/adapters/select-workflow';
import type { DraftStore } from './drafts/ports/draft-store';
import { DynamoDraftStore } from './drafts/adapters/dynamo-draft-store';
import type { BlobStore } from './platform/files/blob-store';
import type { SearchIndex } from './search/ports/search-index';
import type { ScanReader } from './scans/app/deps';
import type { ScanService } from './scans/app/scan-service';
import { buildBlobStore, buildEntryIndexer, buildScanService, buildSearchIndex } from './composition-scans';
import type { EntryIndexer } from './search/app/entry-indexing';
import type { UserDirectory } from './identity/ports/user-directory';
import { DynamoUserDirectory } from './identity/adapters/dynamo-user-directory';
import { CognitoUserDirectory } from './identity/adapters/cognito-user-directory';

export interface Services {
  clock: Clock;
  db: DynamoDBDocumentClient;
  audit: AuditLog;
  identity: IdentityVerifier;
  clients: ClientRegistry;
  reporting: Reporting;
  domainConfig: DomainConfig;
  registers: Registers;
  workflow: Workflow;
  drafts: DraftStore;
  blobs: BlobStore;
  ocr: ScanReader;
  search: SearchIndex;
  /** Search indexing of register entries, and the sweep of what it missed. */
  indexer: EntryIndexer;
  scans: ScanService;
  /** The office's people (Cognito user pool; embedded, the Data table). */
  users: UserDirectory;
}

const cache: Partial<Services> = {};

let ocrProvider: (() => ScanReader) | undefined;
/** Installs the OCR engine (see shared/composition-ocr.ts); only the OCR worker's bundle carries one. */
export function provideOcrReader(provider: () => ScanReader): void {
  ocrProvider = provider;
  delete cache.ocr;
}
const overrides: Partial<Services> = {};

/** How each service is made from configuration. Capabilities add their adapters here. */
const factories: { [K in keyof Services]: () => Services[K] } = {
  clock: () => systemClock,
  db: () => documentClient(),
  audit: () => new DynamoAuditLog(services().db, tableName('Audit')),
  identity: () => buildIdentity(),
  clients: () => new DynamoClientRegistry(services().db, tableName('Data')),
  reporting: () => createReporting(buildReportingDeps(services)),
  domainConfig: () => domainConfig(),
  // Search indexing follows the entries' changes (the Data table's stream), not the request.
  registers: () =>
    new Registers({
      records: new DynamoRegisterRecords(services().db, tableName('Data')),
      audit: services().audit,
      // Every entry write records its search-outbox marker in its own transaction (see shared/search).
      outbox: new DynamoSearchOutbox(services().db, tableName('Data')),
      clock: { now: () => services().clock.now() },
      config: () => services().domainConfig,
      // Overload is refused with 429 before anything is written: a bounded queue and wait per register.
      numbers: new GaplessCounter(services().db, tableName('Data'), {
        maxQueue: Number(optionalEnv(ENV.registerQueueLimit, '1000')),
        maxWaitMs: Number(optionalEnv(ENV.registerMaxWaitMs, '10000')),
      }),
    }),
  workflow: () => buildWorkflow(),
  drafts: () => new DynamoDraftStore(services().db, tableName('Data'), services().audit),
  blobs: () => buildBlobStore(services),
  ocr: () => {
    if (!ocrProvider) throw new Error('No OCR engine in this process: the OCR worker calls useOcrEngine() (shared/composition-ocr.ts)');
    return ocrProvider();
  },
  search: () => buildSearchIndex(services),
  indexer: () => buildEntryIndexer(services),
  scans: () => buildScanService(services),
  users: () =>
    optionalEnv(ENV.authMode, 'cognito') === 'local'
      ? new DynamoUserDirectory(services().db, tableName('Data'), services().audit)
      : CognitoUserDirectory.create(requireEnv(ENV.userPoolId), services().audit),
};

function buildIdentity(): IdentityVerifier {
  const mode = optionalEnv(ENV.authMode, 'cognito');
  // People's tokens must come from one of these web app clients (CDK passes the user pool's; embedded, the local one).
  const webClientIds = requireEnv(ENV.userPoolClientIds).split(',').map((s) => s.trim()).filter(Boolean);
  if (mode === 'local') {
    const jwks = JSON.parse(readFileSync(requireEnv(ENV.localJwksPath), 'utf8')) as { keys: unknown[] };
    return JwtIdentityVerifier.local(requireEnv(ENV.localIssuer), jwks, webClientIds);
  }
  return JwtIdentityVerifier.cognito(requireEnv(ENV.userPoolId), webClientIds);
}

/** The services of this process, built lazily on first use. */
export function services(): Services {
  return new Proxy({} as Services, {
    get(_t, prop: string) {
      const key = prop as keyof Services;
      if (key in overrides) return overrides[key];
      return (cache[key] ??= factories[key]() as never);
    },
  });
}

/** Replaces services (tests, the embedded runtime's movable clock). Pass `{}` to reset overrides. */
export function overrideServices(o: Partial<Services>): void {
  for (const k of Object.keys(overrides) as (keyof Services)[]) delete overrides[k];
  Object.assign(overrides, o);
}
