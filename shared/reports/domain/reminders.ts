/**
 * Reminders (nhắc báo cáo): which of a deadline's scheduled reminders is due at a given moment,
 * and which periods of a type can have one due.
 */
import type { DomainConfig } from '../../office';
import { localDate, periodBounds, periodContaining, reminderSchedule, parsePeriod, type ReportPeriod } from '../../office';
import { reminderConfigFor, deadlineOf } from './rules';
import type { ReportType } from './model';

/** How long the last reminder after a deadline stays due, so that a late run still sends it once, but a stale one is never sent. */
export const LAST_REMINDER_WINDOW_MS = 7 * 86_400_000;

export interface DueReminder {
  /** When it was scheduled; with the organisation it identifies the reminder (sent once). */
  at: Date;
  kind: 'before' | 'after';
  /** Days between the reminder's date and the deadline's date. */
  days: number;
}

/**
 * The reminder due at `now`: the latest scheduled one at or before now, while the next one has not
 * come; reminders before the deadline stop at the deadline.
 */
export function dueReminder(schedule: readonly Date[], deadline: Date, now: Date, timeZone: string): DueReminder | null {
  const t = now.getTime();
  let i = -1;
  for (let k = 0; k < schedule.length; k++) if (schedule[k]!.getTime() <= t) i = k;
  if (i < 0) return null;
  const at = schedule[i]!;
  const next = schedule[i + 1];
  if (next === undefined && t >= at.getTime() + LAST_REMINDER_WINDOW_MS) return null;
  const kind = at.getTime() < deadline.getTime() ? 'before' : 'after';
  if (kind === 'before' && t > deadline.getTime()) return null;
  const day = (d: Date) => Date.parse(`${localDate(d, timeZone)}T00:00:00Z`);
  return { at, kind, days: Math.round(Math.abs(day(deadline) - day(at)) / 86_400_000) };
}

/** The periods of a type whose reminders can be due now: the current and two previous periods, or an ad-hoc type's own. */
export function reminderCandidates(type: ReportType, now: Date, config: DomainConfig): { period: ReportPeriod; deadline: Date; reminder: DueReminder }[] {
  const tz = config.office.timeZone;
  const periods: ReportPeriod[] = [];
  if (type.period === 'ad-hoc') periods.push(parsePeriod(type.reportPeriod!)!);
  else {
    let p = periodContaining(type.period, now, tz);
    for (let k = 0; k < 3; k++) {
      periods.push(p);
      p = periodContaining(type.period, new Date(periodBounds(p, tz).start.getTime() - 1), tz);
    }
  }
  const cfg = reminderConfigFor(type, config);
  const out: { period: ReportPeriod; deadline: Date; reminder: DueReminder }[] = [];
  for (const period of periods) {
    const deadline = deadlineOf(type, period, tz);
    const reminder = dueReminder(reminderSchedule(cfg, deadline), deadline, now, tz);
    if (reminder) out.push({ period, deadline, reminder });
  }
  return out;
}

/** The reminder's text (Vietnamese, as the office writes it). */
export function reminderMessage(input: { orgName: string; typeName: string; periodLabel: string; deadline: string; reminder: DueReminder; officeName: string }): { subject: string; text: string } {
  const { orgName, typeName, periodLabel, deadline, reminder, officeName } = input;
  const when = deadline.slice(0, 10).split('-').reverse().join('/');
  const subject =
    reminder.kind === 'before'
      ? `Nhắc gửi ${typeName} ${periodLabel} (hạn ${when})`
      : `Quá hạn gửi ${typeName} ${periodLabel} (hạn ${when})`;
  const text = [
    `Kính gửi: ${orgName}`,
    '',
    reminder.kind === 'before'
      ? `${officeName} nhắc đơn vị gửi ${typeName} ${periodLabel}; hạn gửi là hết ngày ${when} (còn ${reminder.days} ngày).`
      : `Đến nay ${officeName} chưa nhận được ${typeName} ${periodLabel} của đơn vị; hạn gửi là hết ngày ${when} (đã quá ${reminder.days} ngày). Đề nghị đơn vị gửi ngay.`,
    '',
    'Đây là thư tự động của hệ thống daumoi; báo cáo gửi qua API POST /v1/reports.',
  ].join('\n');
  return { subject, text };
}
