/** The registers module's public entry: what other modules and the composition may use. */
export { Registers, type RegistersDeps } from './app/registers';
export type { AlsoWrite, IncomingQuery, OutgoingQuery, Page, RegisterCounts, WriteContext, WriteResult } from './app/types';
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
