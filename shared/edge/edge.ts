/**
 * The edge: the adapters that differ between the cloud and the embedded office, and nothing
 * else. A function's `compose(edge)` takes them from here; everything else it builds from the
 * platform (shared/platform/platform.ts) and the modules' public entries. `cloudEdge()`
 * (./cloud.ts) reads the environment CDK sets; the embedded office passes its own
 * (local/edge.ts). Each part is made when first asked for, so a function needs the
 * configuration of the parts it uses only.
 */
import type { Clock } from '../platform/clock';
import type { Notifier } from '../platform/notify/notifier';
import type { DynamoOutbox } from '../platform/notify/outbox-notifier';
import type { AuditLog } from '../audit';
import type { ClientProvisioner, IdentityVerifier, UserDirectory } from '../identity';
import type { Workflow } from '../drafts';
import type { Platform } from '../platform/platform';
import type { DomainConfig } from '../office';
import type { Registers } from '../registers';
import type { ScanService } from '../scans';
import type { SearchIndex } from '../search';
import type { DeliveryQueue } from '../exchange';

export interface Edge {
  /** System time in the cloud; the office's movable clock embedded. */
  readonly clock: Clock;
  /** People's and machine clients' access tokens: Cognito's JWKS, or the local issuer's. */
  verifier(): IdentityVerifier;
  /** The office's people: the Cognito user pool, or the Data table. */
  users(platform: Platform, audit: AuditLog): UserDirectory;
  /** Machine clients' credentials: Cognito app clients, or made locally. */
  provisioner(): ClientProvisioner;
  /** Reminders: SES, or the outbox (DAUMOI_NOTIFIER chooses either way). */
  notifier(outbox: DynamoOutbox, clock: Clock): Notifier;
  /** The appraisal workflow: Step Functions, or the local runner. */
  workflow(): Workflow;
  /** The exchange's delivery queue: the outbox's stream piped to SQS, or the embedded local queue. */
  exchangeQueue(): DeliveryQueue;
}

/**
 * Parts a caller hands in instead of those a function would build (tests: a store whose
 * DynamoDB is unreachable, an edited configuration). The cloud and the embedded office pass none.
 */
export interface Given {
  office?: DomainConfig;
  registers?: Registers;
  scans?: ScanService;
  search?: SearchIndex;
}
