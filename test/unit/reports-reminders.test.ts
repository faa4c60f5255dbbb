import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDomainConfig } from '../../shared/office';
import { reminderSchedule } from '../../shared/office/domain/deadlines';
import type { ReportType } from '../../shared/reports/domain/model';
import { dueReminder, LAST_REMINDER_WINDOW_MS, reminderCandidates, reminderMessage } from '../../shared/reports/domain/reminders';

const config = loadDomainConfig(readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8'), 'config/domain.json');
const TZ = 'Asia/Ho_Chi_Minh';
const vn = (wall: string) => new Date(`${wall}+07:00`);
const stamp = { active: true, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 1 };
const monthly: ReportType = { code: 'BC-THANG', name: 'Báo cáo tháng', period: 'monthly', dueDay: 5, ...stamp };

// Deadline of October 2026 with dueDay 5: end of 5 Nov; the office reminds 3 and 1 days before, 1 and 3 after, at 08:00.
const deadline = vn('2026-11-05T23:59:59.999');
const schedule = reminderSchedule(config, deadline);

describe('which reminder is due', () => {
  it('uses the configured days around the deadline', () => {
    expect(config.reporting).toMatchObject({ remindDaysBefore: [3, 1], remindDaysAfter: [1, 3], reminderTime: '08:00' });
    expect(schedule.map((d) => d.toISOString())).toEqual(['2026-11-02T01:00:00.000Z', '2026-11-04T01:00:00.000Z', '2026-11-06T01:00:00.000Z', '2026-11-08T01:00:00.000Z']);
  });

  it('is the latest scheduled one, while the next has not come', () => {
    expect(dueReminder(schedule, deadline, vn('2026-11-02T07:59:00'), TZ)).toBeNull();
    expect(dueReminder(schedule, deadline, vn('2026-11-02T08:00:00'), TZ)).toEqual({ at: schedule[0], kind: 'before', days: 3 });
    expect(dueReminder(schedule, deadline, vn('2026-11-05T20:00:00'), TZ)).toEqual({ at: schedule[1], kind: 'before', days: 1 });
    expect(dueReminder(schedule, deadline, vn('2026-11-06T09:00:00'), TZ)).toEqual({ at: schedule[2], kind: 'after', days: 1 });
    expect(dueReminder(schedule, deadline, vn('2026-11-09T09:00:00'), TZ)).toEqual({ at: schedule[3], kind: 'after', days: 3 });
  });

  it('sends no “before” reminder once the deadline has passed, and no stale last one', () => {
    expect(dueReminder(schedule, deadline, vn('2026-11-06T00:30:00'), TZ)).toBeNull();
    expect(dueReminder(schedule, deadline, new Date(schedule[3]!.getTime() + LAST_REMINDER_WINDOW_MS - 1), TZ)?.days).toBe(3);
    expect(dueReminder(schedule, deadline, new Date(schedule[3]!.getTime() + LAST_REMINDER_WINDOW_MS), TZ)).toBeNull();
  });

  it('finds the period whose reminder is due among the current and previous periods', () => {
    const c = reminderCandidates(monthly, vn('2026-11-06T09:00:00'), config);
    expect(c.map((x) => [x.period.text, x.reminder.kind, x.reminder.days])).toEqual([['2026-10', 'after', 1]]);
    expect(reminderCandidates(monthly, vn('2026-11-20T09:00:00'), config)).toEqual([]);
    // A quarter's deadline is in the month after it: Q3 → 5 October.
    const q = reminderCandidates({ ...monthly, period: 'quarterly' }, vn('2026-10-03T09:00:00'), config);
    expect(q.map((x) => [x.period.text, x.reminder.kind])).toEqual([['2026-Q3', 'before']]);
    // A type's own reminder days replace the office's.
    expect(reminderCandidates({ ...monthly, remindDaysBefore: [], remindDaysAfter: [10] }, vn('2026-11-06T09:00:00'), config)).toEqual([]);
    const adHoc: ReportType = { ...monthly, period: 'ad-hoc', dueDay: undefined, deadline: '2026-12-10T17:00:00+07:00', reportPeriod: '2026-12' };
    expect(reminderCandidates(adHoc, vn('2026-12-09T08:30:00'), config).map((x) => [x.period.text, x.reminder.kind, x.reminder.days])).toEqual([['2026-12', 'before', 1]]);
  });

  it('writes the reminder in Vietnamese with the deadline date', () => {
    const m = reminderMessage({ orgName: 'Chi bộ C', typeName: 'Báo cáo tháng', periodLabel: 'Tháng 10/2026', deadline: '2026-11-05T23:59:59.999+07:00', reminder: { at: schedule[2]!, kind: 'after', days: 1 }, officeName: 'Văn phòng Tỉnh ủy' });
    expect(m.subject).toBe('Quá hạn gửi Báo cáo tháng Tháng 10/2026 (hạn 05/11/2026)');
    expect(m.text).toContain('Kính gửi: Chi bộ C');
    expect(m.text).toContain('đã quá 1 ngày');
  });
});
