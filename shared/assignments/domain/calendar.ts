/** Due dates of assignments on the office calendar: working days counted back and forth, defaults from a letter's urgency. */
import { addDays, dueDateForUrgency, endOfLocalDay, isWorkingDay, localDate, type DomainConfig, type Urgency } from '../../office';

/** What the office configures for assignments (config/domain.json `assignments`), with these defaults when it does not. */
export interface AssignmentRules {
  remindWorkingDaysBefore: number[];
  remindWorkingDaysAfter: number[];
  reminderTime: string;
  cooperatingWorkingDaysBefore: number;
}

export const DEFAULT_ASSIGNMENT_RULES: AssignmentRules = { remindWorkingDaysBefore: [2, 0], remindWorkingDaysAfter: [1, 3], reminderTime: '08:00', cooperatingWorkingDaysBefore: 2 };

export function assignmentRules(config: DomainConfig): AssignmentRules {
  return { ...DEFAULT_ASSIGNMENT_RULES, ...(config.assignments ?? {}) };
}

const SCAN_LIMIT = 3660;

/** The date `n` working days after (n > 0) or before (n < 0) a date; n = 0 is the date itself when it is a working day, else the working day before. */
export function shiftWorkingDays(config: DomainConfig, date: string, n: number): string {
  const step = n > 0 ? 1 : -1;
  let d = date;
  let left = Math.abs(n);
  if (n === 0) {
    for (let k = 0; k < SCAN_LIMIT && !isWorkingDay(config, d); k++) d = addDays(d, -1);
    return d;
  }
  for (let k = 0; k < SCAN_LIMIT && left > 0; k++) {
    d = addDays(d, step);
    if (isWorkingDay(config, d)) left--;
  }
  return d;
}

/** The default due date of a letter's lead: the letter's own hạn giải quyết, else the handling time its urgency gives from now. */
export function leadDueDate(config: DomainConfig, now: Date, letter: { dueDate: string | null; urgency: Urgency | null }): string {
  return letter.dueDate ?? localDate(dueDateForUrgency(config, now, letter.urgency), config.office.timeZone);
}

/** The default due date of a co-operating unit: the configured working days before the lead's, never before today. */
export function cooperatingDueDate(config: DomainConfig, today: string, leadDue: string): string {
  const d = shiftWorkingDays(config, leadDue, -assignmentRules(config).cooperatingWorkingDaysBefore);
  return d < today ? (today < leadDue ? today : leadDue) : d;
}

/** The instant a due date ends (end of that day in the office's time zone). */
export const dueInstant = (config: DomainConfig, date: string): Date => endOfLocalDay(date, config.office.timeZone);
