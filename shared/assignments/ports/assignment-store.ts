/** Where assignments, their history, the instructions on letters and the reminders sent are kept. */
import type { Assignment, AssignmentEvent, Party } from '../domain/model';
import type { Secrecy } from '../../platform/security';
import type { AggRow, StatRow, StatsBy } from '../domain/stats';

/** The leader's instruction on an incoming letter (ý kiến chỉ đạo), as the entry shows it. */
export interface Instruction {
  entryId: string;
  instruction: string;
  lead: Party;
  cooperating: Party[];
  assignmentIds: string[];
  secrecy: Secrecy | null;
  at: string;
  by: { sub: string; username: string };
}

/** One reminder (nhắc việc) of an assignment: a slot of its schedule, sent once. */
export interface ReminderRecord {
  assignmentId: string;
  /** The due date it reminds of (an extension makes a new schedule). */
  dueDate: string;
  kind: 'before' | 'after';
  /** Working days between the reminder's day and the due date. */
  days: number;
  scheduledAt: string;
  createdAt: string;
  status: 'pending' | 'sent' | 'skipped' | 'failed';
  messageId?: string | null;
  error?: string | null;
}


export interface AssignmentStore {
  /**
   * Stores new assignments with their first history lines, the further items given (audit events)
   * and, for an instruction, the instruction on its letter: all or nothing. False when the letter
   * already has an instruction.
   */
  create(items: { assignment: Assignment; event: AssignmentEvent }[], also: unknown[], instruction?: Instruction): Promise<boolean>;
  get(id: string): Promise<Assignment | undefined>;
  /** The assignment and its history, oldest first. */
  withHistory(id: string): Promise<{ assignment: Assignment; history: AssignmentEvent[] } | undefined>;
  /** Replaces `before` (at its version) with `after` and appends the history line; false when another change came first. */
  update(before: Assignment, after: Assignment, event: AssignmentEvent, also: unknown[]): Promise<boolean>;
  /** Everything given to one person or department, earliest due first. */
  byAssignee(assignee: Party): Promise<Assignment[]>;
  /** Everything given in these months ('YYYY-MM', office time zone). */
  assignedIn(months: string[]): Promise<Assignment[]>;
  /** What the stats read of the work given in these months: the running totals (grouped by person or department) and the open rows not yet due at `now`. */
  stats(months: string[], by: StatsBy, now: Date): Promise<{ totals: AggRow[]; notYetDue: StatRow[] }>;
  instructionOf(entryId: string): Promise<Instruction | undefined>;
  /** Claims a reminder slot (with its audit item): true once per slot, or again after a failed or long-pending send. */
  claimReminder(rec: ReminderRecord, auditItem: unknown, staleBefore: string): Promise<boolean>;
  settleReminder(rec: ReminderRecord, outcome: Pick<ReminderRecord, 'status' | 'messageId' | 'error'>): Promise<void>;
  reminders(assignmentId: string): Promise<ReminderRecord[]>;
}
