/**
 * The claim → send → settle step both reminder jobs (nhắc báo cáo, nhắc việc) take for each reminder
 * due: the reminder is claimed first with a conditional write (so a slot goes out once however often,
 * or however concurrently, the job runs), then sent through the notifier, then its outcome recorded.
 * A failed send is recorded as failed, and the next run claims it again; a claim left pending by a
 * run that died is taken again after PENDING_TIMEOUT_MS.
 */
import type { Notification, Notifier } from './notifier';

/** A reminder still pending after this long was left by a run that died: the next run sends it. */
export const PENDING_TIMEOUT_MS = 15 * 60_000;

export interface ReminderTally {
  sent: number;
  skipped: number;
  failed: number;
  /** Already claimed for this slot (an earlier or a concurrent run). */
  alreadyDone: number;
}

export interface ReminderOutcome {
  status: 'sent' | 'skipped' | 'failed';
  messageId?: string;
  error?: string;
}

export interface ReminderStep {
  /** The conditional write; false when the slot is already claimed. `staleBefore`: older pending claims may be taken again. */
  claim(staleBefore: string): Promise<boolean>;
  /** What to send; made only once the claim is won. */
  message(): Notification;
  settle(outcome: ReminderOutcome): Promise<void>;
}

/** Claims, sends and settles one reminder, counting what happened in `tally`. */
export async function remindOnce(notifier: Notifier, now: Date, step: ReminderStep, tally: ReminderTally): Promise<void> {
  if (!(await step.claim(new Date(now.getTime() - PENDING_TIMEOUT_MS).toISOString()))) {
    tally.alreadyDone++;
    return;
  }
  try {
    const sent = await notifier.send(step.message());
    await step.settle({ status: sent.status, messageId: sent.messageId });
    tally[sent.status === 'sent' ? 'sent' : 'skipped']++;
  } catch (err) {
    await step.settle({ status: 'failed', error: (err as Error).message.slice(0, 500) });
    tally.failed++;
  }
}
