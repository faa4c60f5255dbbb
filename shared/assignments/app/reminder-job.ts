/**
 * Nhắc việc, the scheduled job: for every open assignment whose reminder is due now, one reminder
 * through the notifier the reports use, to the assignee's e-mail (a department's: its members'), each
 * cleared for the work's secrecy — claimed first, so each slot goes out once however often (or however
 * concurrently) the job runs; a failed send is retried next run (the shared claim → send → settle step).
 */
import { addDays, localDate } from '../../office';
import { canSee } from '../../platform/security';
import { remindOnce, type ReminderTally } from '../../platform/notify/reminder-loop';
import { dueReminder, reminderMessage } from '../domain/reminders';
import { monthsBetween } from '../domain/stats';
import { partyLabel, type Assignment } from '../domain/model';
import type { ReminderRecord } from '../ports/assignment-store';
import type { Person } from '../ports/office-records';
import { auditItem, REMINDER_JOB, type AssignmentsDeps } from './deps';

export interface AssignmentReminderRun extends ReminderTally {
  at: string;
  /** Open assignments looked at. */
  checked: number;
}

export class AssignmentReminderJob {
  constructor(private readonly deps: AssignmentsDeps) {}

  async run(): Promise<AssignmentReminderRun> {
    const { clock, store, notifier } = this.deps;
    const config = this.deps.config();
    const tz = config.office.timeZone;
    const now = clock.now();
    const today = localDate(now, tz);
    const open = (await store.assignedIn(monthsBetween(addDays(today, -730), today))).filter((a) => a.status === 'open');
    const result: AssignmentReminderRun = { at: now.toISOString(), checked: open.length, sent: 0, skipped: 0, failed: 0, alreadyDone: 0 };
    // A department's members, read once a run.
    const members = new Map<string, Promise<Person[]>>();
    for (const a of open) {
      const slot = dueReminder(config, a, now);
      if (!slot) continue;
      const rec: ReminderRecord = { assignmentId: a.id, dueDate: a.dueDate, kind: slot.kind, days: slot.days, scheduledAt: slot.at.toISOString(), createdAt: now.toISOString(), status: 'pending' };
      const audit = auditItem(this.deps, { actor: REMINDER_JOB, action: 'assignment.remind', entityType: 'assignment', entityId: a.id, before: null, after: { ...rec, secrecy: a.secrecy } });
      const to = await this.recipients(a, members);
      // The message names no secret content: a secret assignment's reminder says only that work is due.
      const title = a.secrecy ? `việc mật số ${a.id}` : a.title;
      const message = () => {
        const msg = reminderMessage({ title, assignee: partyLabel(a.assignee), dueDate: a.dueDate, slot, officeName: config.office.name });
        return { to, subject: msg.subject, text: msg.text, kind: 'assignment-reminder', ref: a.id };
      };
      await remindOnce(notifier, now, { claim: (staleBefore) => store.claimReminder(rec, audit, staleBefore), message, settle: (outcome) => store.settleReminder(rec, outcome) }, result);
    }
    return result;
  }

  /** The e-mail addresses of the person named, or of a department's members; only enabled people cleared for the work's secrecy. */
  private async recipients(a: Assignment, members: Map<string, Promise<Person[]>>): Promise<string[]> {
    const { people } = this.deps;
    const dept = 'dept' in a.assignee ? a.assignee.dept : undefined;
    if (dept !== undefined && !members.has(dept)) members.set(dept, people.members(dept));
    const named = dept === undefined ? [await people.get((a.assignee as { user: string }).user)] : await members.get(dept)!;
    return [...new Set(named.flatMap((p) => (p?.enabled && p.email && canSee(p.clearance, a.secrecy) ? [p.email] : [])))].sort();
  }
}
