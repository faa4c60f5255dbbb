/** The registers module's public entry: what other modules and the composition may use. */
export { Registers, type RegistersDeps } from './app/registers';
export type { AlsoWrite, IncomingNumberQuery, IncomingQuery, OutgoingQuery, Page, RegisterCounts, WriteContext, WriteResult } from './app/types';
export type { EntryOutbox } from './ports/entry-outbox';
export type { EntryNumbers } from './ports/entry-numbers';
export type { RegisterRecords } from './ports/register-records';
export { DynamoRegisterRecords } from './adapters/dynamo-register-records';
export { GaplessCounter, type GaplessCounterOptions, type TransactItem } from './adapters/gapless-counter';
export { CSV_TYPE, XLSX_TYPE, registerCsv, registerXlsx } from './adapters/register-export';
export { incomingView, actorRef, type IncomingEntryView } from './domain/incoming';
export { printableRegister } from './domain/printable';
export { metadataOnlyProblems, secrecyName, secrecyRank, throwIfProblems } from './domain/rules';
export { REGISTER_NAMES } from './domain/model';
export type { IncomingEntry, IncomingInput, OutgoingEntry, OutgoingInput, RegisterEntry, RegisterName } from './domain/model';

import type { Platform } from '../platform/platform';
import { ENV } from '../platform/env';
import type { AuditLog } from '../audit';
import type { DomainConfig } from '../office';
import { Registers } from './app/registers';
import type { EntryOutbox } from './ports/entry-outbox';
import { DynamoRegisterRecords } from './adapters/dynamo-register-records';
import { GaplessCounter } from './adapters/gapless-counter';

/** The sổ văn bản đến/đi on the Data table; `outbox` marks each written entry for the search index (the search module's). */
export function registersModule(platform: Platform, ports: { audit: AuditLog; office: () => DomainConfig; outbox: EntryOutbox }): Registers {
  const { db, env } = platform;
  const table = platform.table('Data');
  return new Registers({
    records: new DynamoRegisterRecords(db, table),
    // Overload is refused with 429 before anything is written: a bounded queue and wait per register.
    numbers: new GaplessCounter(db, table, {
      maxQueue: Number(env.optional(ENV.registerQueueLimit, '1000')),
      maxWaitMs: Number(env.optional(ENV.registerMaxWaitMs, '10000')),
    }),
    audit: ports.audit,
    outbox: ports.outbox,
    clock: platform.clock,
    config: ports.office,
  });
}
