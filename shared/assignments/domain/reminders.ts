/**
 * Nhắc việc: an assignment's reminders fall the configured working days before and after its due
 * date (office calendar), at the reminder time; the one due at a moment is the latest passed while
 * the next has not come. Reminders before the due date stop once it has passed, and the last one
 * after it stays due a week, so that a late run still sends it once but a stale one never.
 */
import { instantAt, type DomainConfig } from '../../office';
import { assignmentRules, shiftWorkingDays } from './calendar';
import type { Assignment } from './model';

export const LAST_REMINDER_WINDOW_MS = 7 * 86_400_000;

export interface ReminderSlot {
  at: Date;
  kind: 'before' | 'after';
  /** Working days between the reminder's day and the due date. */
  days: number;
}

/** The schedule of an assignment due on `dueDate`, earliest first. */
export function reminderSlots(config: DomainConfig, dueDate: string): ReminderSlot[] {
  const { remindWorkingDaysBefore, remindWorkingDaysAfter, reminderTime } = assignmentRules(config);
  const tz = config.office.timeZone;
  const slots = [
    ...[...new Set(remindWorkingDaysBefore)].map((days) => ({ kind: 'before' as const, days, at: instantAt(shiftWorkingDays(config, dueDate, -days), reminderTime, tz) })),
    ...[...new Set(remindWorkingDaysAfter)].map((days) => ({ kind: 'after' as const, days, at: instantAt(shiftWorkingDays(config, dueDate, days), reminderTime, tz) })),
  ];
  return slots.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The reminder of an open assignment due at `now`, if any. */
export function dueReminder(config: DomainConfig, a: Pick<Assignment, 'status' | 'dueDate' | 'dueAt'>, now: Date): ReminderSlot | null {
  if (a.status !== 'open') return null;
  const slots = reminderSlots(config, a.dueDate);
  const t = now.getTime();
  let i = -1;
  for (let k = 0; k < slots.length; k++) if (slots[k]!.at.getTime() <= t) i = k;
  if (i < 0) return null;
  const slot = slots[i]!;
  if (i === slots.length - 1 && t >= slot.at.getTime() + LAST_REMINDER_WINDOW_MS) return null;
  if (slot.kind === 'before' && t > Date.parse(a.dueAt)) return null;
  return slot;
}

/** The reminder's text (Vietnamese, as the office writes it). */
export function reminderMessage(input: { title: string; assignee: string; dueDate: string; slot: ReminderSlot; officeName: string }): { subject: string; text: string } {
  const when = input.dueDate.split('-').reverse().join('/');
  const before = input.slot.kind === 'before';
  const subject = before ? `Nhắc việc: ${input.title} (hạn ${when})` : `Quá hạn: ${input.title} (hạn ${when})`;
  const text = [
    `Kính gửi: ${input.assignee}`,
    '',
    before
      ? input.slot.days === 0
        ? `${input.officeName} nhắc: hôm nay là hạn giải quyết việc "${input.title}".`
        : `${input.officeName} nhắc: việc "${input.title}" có hạn giải quyết ngày ${when} (còn ${input.slot.days} ngày làm việc).`
      : `Việc "${input.title}" đã quá hạn giải quyết ngày ${when} (${input.slot.days} ngày làm việc). Đề nghị khẩn trương hoàn thành hoặc báo cáo, xin gia hạn.`,
    '',
    'Đây là thư tự động của hệ thống daumoi.',
  ].join('\n');
  return { subject, text };
}
