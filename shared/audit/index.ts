/** The audit module's public entry: the hash-chained audit log on its own table. */
import type { Platform } from '../platform/platform';
import type { AuditLog } from './ports/audit-log';
import { DynamoAuditLog } from './adapters/dynamo-audit-log';

export type { AuditLog } from './ports/audit-log';

export function auditModule(platform: Platform): DynamoAuditLog {
  return new DynamoAuditLog(platform.db, platform.table('Audit'));
}

export type AuditModule = AuditLog;
