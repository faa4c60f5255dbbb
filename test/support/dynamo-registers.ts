/**
 * The registers on one Data table as the composition builds them (records, gapless counter, the
 * search outbox in every write's transaction), for tests that need one of their own: another
 * Lambda container, a store on other tables or an unreachable DynamoDB.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditLog } from '../../shared/audit/ports/audit-log';
import type { DomainConfig } from '../../shared/office';
import type { Clock } from '../../shared/platform/clock';
import { DynamoRegisterRecords, GaplessCounter, Registers } from '../../shared/registers';
import { DynamoSearchOutbox } from '../../shared/search/adapters/dynamo-search-outbox';

export function dynamoRegisters(d: { db: DynamoDBDocumentClient; table: string; audit: AuditLog; clock: Clock; config: () => DomainConfig; counter?: GaplessCounter }): Registers {
  return new Registers({
    records: new DynamoRegisterRecords(d.db, d.table),
    numbers: d.counter ?? new GaplessCounter(d.db, d.table),
    audit: d.audit,
    outbox: new DynamoSearchOutbox(d.db, d.table),
    clock: d.clock,
    config: d.config,
  });
}
