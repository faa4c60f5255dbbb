import { describe, expect, it } from 'vitest';
import { config, edited, configText as text } from '../support/domain-config';
import {
  addWorkingDays,
  addWorkingHours,
  dueDateForUrgency,
  endOfLocalDay,
  humanStepDueAt,
  instantAt,
  isOverdue,
  isWorkingDay,
  localDateTime,
  nextWorkingDay,
  parsePeriod,
  periodBounds,
  periodContaining,
  periodMatchesKind,
  periodOfKind,
  registrationDueAt,
  reminderSchedule,
  reportDeadline,
} from '../../shared/office/domain/deadlines';
import { ValidationError } from '../../shared/platform/errors';

const TZ = 'Asia/Ho_Chi_Minh';
/** An instant given as wall time in Việt Nam (UTC+7). */
const vn = (wall: string) => new Date(`${wall}+07:00`);

describe('time zone helpers', () => {
  it('reads wall time in the office time zone', () => {
    expect(localDateTime(new Date('2026-12-31T17:00:00Z'), TZ)).toMatchObject({ date: '2027-01-01', hour: 0, minute: 0 });
    expect(localDateTime(new Date('2026-12-31T16:59:59Z'), TZ)).toMatchObject({ date: '2026-12-31', hour: 23, minute: 59 });
  });

  it('turns wall time back into an instant, also across DST elsewhere', () => {
    expect(instantAt('2027-01-01', '00:00', TZ).toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(instantAt('2026-07-01', '12:00', 'Europe/Paris').toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(instantAt('2026-01-15', '12:00', 'Europe/Paris').toISOString()).toBe('2026-01-15T11:00:00.000Z');
    expect(endOfLocalDay('2026-11-05', TZ).toISOString()).toBe('2026-11-05T16:59:59.999Z');
  });
});

describe('working days', () => {
  it('weekends, holidays and make-up Saturdays', () => {
    expect(isWorkingDay(config, '2026-03-06')).toBe(true); // Friday
    expect(isWorkingDay(config, '2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay(config, '2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay(config, '2026-02-17')).toBe(false); // Tết Bính Ngọ
    expect(isWorkingDay(config, '2026-09-02')).toBe(false); // Quốc khánh
    expect(isWorkingDay(config, '2026-09-01')).toBe(false); // its adjacent day
    expect(isWorkingDay(config, '2025-04-07')).toBe(false); // Giỗ Tổ
    expect(isWorkingDay(config, '2025-04-26')).toBe(true); // Saturday worked for 02/5
    expect(nextWorkingDay(config, '2026-02-14')).toBe('2026-02-23');
  });

  it('adds working days to the close of business', () => {
    // Friday + 1 → Monday 17:00 Hà Nội time.
    expect(addWorkingDays(config, vn('2026-03-06T10:00:00'), 1).toISOString()).toBe(vn('2026-03-09T17:00:00').toISOString());
    // 0 = same day; on a Saturday, the next working day.
    expect(addWorkingDays(config, vn('2026-03-06T10:00:00'), 0)).toEqual(vn('2026-03-06T17:00:00'));
    expect(addWorkingDays(config, vn('2026-03-07T10:00:00'), 0)).toEqual(vn('2026-03-09T17:00:00'));
    expect(addWorkingDays(config, vn('2026-03-07T10:00:00'), 1)).toEqual(vn('2026-03-09T17:00:00'));
  });

  it('skips Tết, 30/4–1/5 and 2/9', () => {
    expect(addWorkingDays(config, vn('2026-02-13T09:00:00'), 1)).toEqual(vn('2026-02-23T17:00:00'));
    expect(addWorkingDays(config, vn('2025-04-29T09:00:00'), 1)).toEqual(vn('2025-05-05T17:00:00'));
    expect(addWorkingDays(config, vn('2025-04-25T09:00:00'), 1)).toEqual(vn('2025-04-26T17:00:00'));
    expect(addWorkingDays(config, vn('2026-04-24T09:00:00'), 1)).toEqual(vn('2026-04-28T17:00:00'));
    expect(addWorkingDays(config, vn('2026-08-31T09:00:00'), 1)).toEqual(vn('2026-09-03T17:00:00'));
  });

  it('counts from the office date, not the UTC date', () => {
    // 2026-03-05T20:00Z is Friday 03:00 in Hà Nội.
    expect(addWorkingDays(config, new Date('2026-03-05T20:00:00Z'), 1)).toEqual(vn('2026-03-09T17:00:00'));
  });

  it('adds working hours through the lunch break and the weekend', () => {
    expect(addWorkingHours(config, vn('2026-03-05T10:30:00'), 2)).toEqual(vn('2026-03-05T14:30:00'));
    expect(addWorkingHours(config, vn('2026-03-06T16:00:00'), 2)).toEqual(vn('2026-03-09T08:30:00'));
    expect(addWorkingHours(config, vn('2026-03-05T06:00:00'), 1)).toEqual(vn('2026-03-05T08:30:00'));
  });

  it('rejects negative or fractional working days', () => {
    expect(() => addWorkingDays(config, vn('2026-03-05T10:00:00'), -1)).toThrow(ValidationError);
    expect(() => addWorkingDays(config, vn('2026-03-05T10:00:00'), 1.5)).toThrow(ValidationError);
  });
});

describe('deadlines by urgency and workflow step', () => {
  const received = vn('2026-03-05T10:30:00'); // Thursday

  it('uses the configured handling times', () => {
    expect(dueDateForUrgency(config, received, 'hoa-toc')).toEqual(vn('2026-03-05T14:30:00'));
    expect(dueDateForUrgency(config, received, 'thuong-khan')).toEqual(vn('2026-03-06T11:00:00'));
    expect(dueDateForUrgency(config, received, 'khan')).toEqual(vn('2026-03-09T17:00:00'));
    expect(dueDateForUrgency(config, received, null)).toEqual(vn('2026-03-19T17:00:00'));
    expect(dueDateForUrgency(config, received, 'normal')).toEqual(vn('2026-03-19T17:00:00'));
  });

  it('handling times are configuration', () => {
    const c = edited((raw) => {
      raw.deadlines.handling.normal = { workingDays: 3 };
    });
    expect(dueDateForUrgency(c, received, null)).toEqual(vn('2026-03-10T17:00:00'));
  });

  it('registration: same day, at the latest the next working day', () => {
    expect(registrationDueAt(config, vn('2026-03-06T16:30:00'))).toEqual(vn('2026-03-09T17:00:00'));
  });

  it('human steps time out after their working days and escalate', () => {
    expect(humanStepDueAt(config, 'approval', received)).toEqual({
      step: 'approval',
      role: 'thuong-truc',
      dueAt: vn('2026-03-10T17:00:00'),
      escalateTo: 'lanh-dao-vp',
    });
    expect(humanStepDueAt(config, 'appraisal', received).dueAt).toEqual(vn('2026-03-12T17:00:00'));
  });

  it('isOverdue', () => {
    const due = vn('2026-03-10T17:00:00');
    expect(isOverdue(due, vn('2026-03-10T17:00:00'))).toBe(false);
    expect(isOverdue(due, vn('2026-03-10T17:00:01'))).toBe(true);
    expect(isOverdue(null, vn('2030-01-01T00:00:00'))).toBe(false);
  });
});

describe('report periods', () => {
  it('parses each period form', () => {
    expect(parsePeriod('2026-10')).toMatchObject({ kind: 'monthly', year: 2026, index: 10, firstMonth: 10, lastMonth: 10, label: 'Tháng 10/2026' });
    expect(parsePeriod('2026-Q3')).toMatchObject({ kind: 'quarterly', index: 3, firstMonth: 7, lastMonth: 9, label: 'Quý III/2026' });
    expect(parsePeriod('2026-H1')).toMatchObject({ kind: 'half-year', index: 1, firstMonth: 1, lastMonth: 6 });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'annual', firstMonth: 1, lastMonth: 12, label: 'Năm 2026' });
    expect(parsePeriod('2026-q4')?.text).toBe('2026-Q4');
  });

  it('rejects malformed periods', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026-Q5', '2026-Q0', '2026-H3', '26', '2026-10-01', '', 'Q3-2026']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('rejects periods outside the years the calendar handles (a 9999 period once answered 500)', () => {
    for (const bad of ['9999-12', '9999-Q4', '9999-H2', '9999', '0000-01', '0099', '1929-12', '2201-01']) expect(parsePeriod(bad), bad).toBeNull();
    expect(parsePeriod('1930-01')?.text).toBe('1930-01');
    expect(parsePeriod('2200-12')?.text).toBe('2200-12');
    expect(() => periodOfKind('9999-12', 'monthly')).toThrow(/of a year 1930–2200/);
  });

  it('validates a period against a report kind', () => {
    expect(periodMatchesKind('2026-10', 'monthly')).toBe(true);
    expect(periodMatchesKind('2026-10', 'quarterly')).toBe(false);
    expect(periodMatchesKind('2026-Q3', 'quarterly')).toBe(true);
    expect(periodMatchesKind('2026-H2', 'half-year')).toBe(true);
    expect(periodMatchesKind('2026', 'annual')).toBe(true);
    expect(periodMatchesKind('2026', 'monthly')).toBe(false);
    expect(periodMatchesKind('2026-Q3', 'ad-hoc')).toBe(true);
    expect(periodMatchesKind('soon', 'ad-hoc')).toBe(false);
    expect(periodOfKind('2026-Q3', 'quarterly').text).toBe('2026-Q3');
    try {
      periodOfKind('2026-10', 'annual');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).code).toBe('INVALID_PERIOD');
    }
  });

  it('deadline = end of dueDay of the month after the period, office time', () => {
    expect(reportDeadline('2026-10', 5, TZ).toISOString()).toBe('2026-11-05T16:59:59.999Z');
    expect(reportDeadline('2026-Q4', 10, TZ).toISOString()).toBe('2027-01-10T16:59:59.999Z');
    expect(reportDeadline('2026-12', 3, TZ).toISOString()).toBe('2027-01-03T16:59:59.999Z');
    expect(reportDeadline('2026-H1', 31, TZ).toISOString()).toBe('2026-07-31T16:59:59.999Z');
    expect(reportDeadline('2026', 15, TZ).toISOString()).toBe('2027-01-15T16:59:59.999Z');
    expect(reportDeadline(parsePeriod('2026-Q3')!, 20, TZ).toISOString()).toBe('2026-10-20T16:59:59.999Z');
  });

  it('a dueDay past the end of the month means its last day', () => {
    expect(reportDeadline('2026-01', 31, TZ).toISOString()).toBe('2026-02-28T16:59:59.999Z');
    expect(reportDeadline('2028-01', 31, TZ).toISOString()).toBe('2028-02-29T16:59:59.999Z');
    expect(() => reportDeadline('2026-01', 0, TZ)).toThrow(ValidationError);
    expect(() => reportDeadline('2026-01', 32, TZ)).toThrow(ValidationError);
  });

  it('a report submitted on the due day is on time, one millisecond later is late', () => {
    const due = reportDeadline('2026-10', 5, TZ);
    expect(isOverdue(due, vn('2026-11-05T23:59:59.999'))).toBe(false);
    expect(isOverdue(due, vn('2026-11-06T00:00:00'))).toBe(true);
  });

  it('the period containing an instant, and its bounds', () => {
    const at = new Date('2026-09-30T17:30:00Z'); // 1 October 00:30 in Hà Nội
    expect(periodContaining('monthly', at, TZ).text).toBe('2026-10');
    expect(periodContaining('quarterly', at, TZ).text).toBe('2026-Q4');
    expect(periodContaining('half-year', at, TZ).text).toBe('2026-H2');
    expect(periodContaining('annual', at, TZ).text).toBe('2026');
    const b = periodBounds(parsePeriod('2026-Q3')!, TZ);
    expect(b.start.toISOString()).toBe('2026-06-30T17:00:00.000Z');
    expect(b.end.toISOString()).toBe('2026-09-30T17:00:00.000Z');
  });

  it('reminders before and after the deadline at the configured time', () => {
    const due = reportDeadline('2026-10', 5, TZ);
    expect(reminderSchedule(config, due).map((d) => d.toISOString())).toEqual([
      '2026-11-02T01:00:00.000Z',
      '2026-11-04T01:00:00.000Z',
      '2026-11-06T01:00:00.000Z',
      '2026-11-08T01:00:00.000Z',
    ]);
  });
});
