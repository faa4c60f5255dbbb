/**
 * Nhắc việc, the scheduled job: for every open assignment whose reminder is due now, one reminder
 * through the notifier the reports use — claimed first with a conditional write, so each slot goes
 * out once however often (or however concurrently) the job runs; a failed send is retried next run.
 */
import { addDays, localDate } from '../../office';
import { dueReminder, reminderMessage } from '../domain/reminders';
import { monthsBetween } from '../domain/stats';
import { partyLabel } from '../domain/model';
import type { ReminderRecord } from '../ports/assignment-store';
import { auditItem, REMINDER_JOB, type AssignmentsDeps } from './deps';

/** A reminder still pending after this long was left by a run that died: the next run sends it. */
export const PENDING_TIMEOUT_MS = 15 * 60_000;

export interface AssignmentReminderRun {
  at: string;
  /** Open assignments looked at. */
  checked: number;
  sent: number;
  skipped: number;
  failed: number;
  alreadyDone: number;
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
    for (const a of open) {
      const slot = dueReminder(config, a, now);
      if (!slot) continue;
      const rec: ReminderRecord = { assignmentId: a.id, dueDate: a.dueDate, kind: slot.kind, days: slot.days, scheduledAt: slot.at.toISOString(), createdAt: now.toISOString(), status: 'pending' };
      const audit = auditItem(this.deps, { actor: REMINDER_JOB, action: 'assignment.remind', entityType: 'assignment', entityId: a.id, before: null, after: { ...rec, secrecy: a.secrecy } });
      if (!(await store.claimReminder(rec, audit, new Date(now.getTime() - PENDING_TIMEOUT_MS).toISOString()))) {
        result.alreadyDone++;
        continue;
      }
      // The message names no secret content: a secret assignment's reminder says only that work is due.
      const title = a.secrecy ? `việc mật số ${a.id}` : a.title;
      const msg = reminderMessage({ title, assignee: partyLabel(a.assignee), dueDate: a.dueDate, slot, officeName: config.office.name });
      try {
        const sent = await notifier.send({ to: [], subject: msg.subject, text: msg.text, kind: 'assignment-reminder', ref: a.id });
        await store.settleReminder(rec, { status: sent.status, messageId: sent.messageId });
        result[sent.status === 'sent' ? 'sent' : 'skipped']++;
      } catch (err) {
        await store.settleReminder(rec, { status: 'failed', error: (err as Error).message.slice(0, 500) });
        result.failed++;
      }
    }
    return result;
  }
}
