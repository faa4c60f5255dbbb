/**
 * The assignments module's public entry (giao việc, theo dõi, nhắc việc, đánh giá): instructions on
 * incoming letters, assignments of any origin and their life, reminders, stats and the sổ theo dõi
 * giải quyết văn bản đến. Its routes (./routes.ts, ./schemas.ts) and operations (./http.ts) are its
 * other public faces.
 */
export type { Assignment, AssignmentEvent, AssignmentView, Party } from './domain/model';
export type { Instruction, AssignmentStore } from './ports/assignment-store';
export type { Letters, People } from './ports/office-records';
export { createAssignments, type Assignments } from './app/index';
export type { AssignmentReminderRun } from './app/reminder-job';
export { DynamoAssignmentStore } from './adapters/dynamo-assignment-store';

import type { Platform } from '../platform/platform';
import type { AuditLog } from '../audit';
import type { DomainConfig } from '../office';
import type { Registers } from '../registers';
import type { UserDirectory } from '../identity';
import type { Notifier } from '../platform/notify/notifier';
import { DynamoOutbox } from '../platform/notify/outbox-notifier';
import { createAssignments, type Assignments } from './app/index';
import { DynamoAssignmentStore } from './adapters/dynamo-assignment-store';
import { directoryPeople, registerLetters } from './adapters/office-records';

export interface AssignmentsPorts {
  audit: AuditLog;
  office: () => DomainConfig;
  /** Made on first use: the registers the letters and replies are read from. */
  registers: () => Registers;
  users: () => UserDirectory;
  /** The notifier the reports' reminders use (SES, or the embedded outbox). */
  notifier: (outbox: DynamoOutbox) => Notifier;
}

export function assignmentsModule(platform: Platform, ports: AssignmentsPorts): Assignments {
  const table = platform.table('Data');
  let notifier: Notifier | undefined;
  const outbox = new DynamoOutbox(platform.db, table, platform.clock);
  return createAssignments({
    clock: platform.clock,
    config: ports.office,
    audit: ports.audit,
    store: new DynamoAssignmentStore(platform.db, table),
    letters: registerLetters(ports.registers),
    people: directoryPeople(ports.users, ports.office),
    notifier: { send: (n) => (notifier ??= ports.notifier(outbox)).send(n) },
  });
}
