/** The audit module's public entry: the hash-chained audit log (port and DynamoDB adapter), its chain rules, and what a clearance may read of it. */
export type { AuditEvent, AuditInput, AuditLog } from './ports/audit-log';
export { GENESIS_HASH, canonicalJson, extendChain, linkHash, problemMessage, verifyChain, type ChainLink, type ChainProblem, type ChainableEvent, type HashFn } from './domain/audit-chain';
export { REDACTED, eventSecrecy, eventVisibleTo, redactedStub, secrecyNamedIn, type RedactedEvent } from './domain/audit-secrecy';
export { visibleEvents } from './app/visible-events';
export { DynamoAuditLog } from './adapters/dynamo-audit-log';

import { DynamoAuditLog } from './adapters/dynamo-audit-log';
import type { Platform } from '../platform/platform';

/** The audit log on its own table. */
export function auditModule(platform: Platform): DynamoAuditLog {
  return new DynamoAuditLog(platform.db, platform.table('Audit'));
}
