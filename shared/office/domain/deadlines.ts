/**
 * Office calendar: wall time in the office's time zone, working days (weekends, holidays,
 * make-up Saturdays), deadlines by urgency (độ khẩn) and human workflow steps, and the
 * reporting regime's periods (kỳ báo cáo) with their deadlines.
 */
import type { DomainConfig, WorkflowStep } from './domain-config-schema';
import type { HandlingLevel, Urgency } from './urgency';
import { ValidationError } from '../../platform/errors';
import type { Role } from '../../platform/security';

export type { Urgency } from './urgency';

const DAY_MS = 86_400_000;

// --- wall time in a time zone ----------------------------------------------------------------

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 'YYYY-MM-DD' */
  date: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time of an instant in a time zone (e.g. 'Asia/Ho_Chi_Minh'). */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = parts.year!;
  const month = parts.month!;
  const day = parts.day!;
  return {
    year,
    month,
    day,
    hour: parts.hour === 24 ? 0 : parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    date: `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`,
  };
}

/** The calendar date ('YYYY-MM-DD') of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return localDateTime(instant, timeZone).date;
}

/** The instant at which the wall clock in a time zone shows this date and time ('HH:MM'). */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let t = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(t, timeZone);
  if (second !== t) t = second; // crossed an offset change between guess and answer
  return new Date(t);
}

/** The last millisecond of a calendar date in a time zone ("end of day"). */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return new Date(instantAt(addDays(date, 1), '00:00', timeZone).getTime() - 1);
}

function offsetMs(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const l = localDateTime(new Date(whole), timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - whole;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
};
const dateOfDayNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Adds calendar days to a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// --- working days ------------------------------------------------------------------------------

interface Calendar {
  weekdays: Set<number>;
  holidays: Set<string>;
  extraWorkingDays: Set<string>;
}
const WEEKDAY_INDEX = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } as const;
const calendars = new WeakMap<DomainConfig, Calendar>();

function calendar(config: DomainConfig): Calendar {
  let cal = calendars.get(config);
  if (!cal) {
    const expand = (ranges: { from: string; to?: string | undefined }[]) => {
      const out = new Set<string>();
      for (const r of ranges) {
        for (let n = dayNumber(r.from); n <= dayNumber(r.to ?? r.from); n++) out.add(dateOfDayNumber(n));
      }
      return out;
    };
    cal = {
      weekdays: new Set(config.calendar.workingDays.map((d) => WEEKDAY_INDEX[d])),
      holidays: expand(config.calendar.holidays),
      extraWorkingDays: expand(config.calendar.extraWorkingDays),
    };
    calendars.set(config, cal);
  }
  return cal;
}

/** True when a 'YYYY-MM-DD' date is a working day: a working weekday that is not a holiday, or a make-up day (ngày làm bù). */
export function isWorkingDay(config: DomainConfig, date: string): boolean {
  const cal = calendar(config);
  if (cal.extraWorkingDays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  return cal.weekdays.has(new Date(dayNumber(date) * DAY_MS).getUTCDay());
}

// Ten years of days: far beyond any deadline, and stops a calendar with no working day from looping.
const MAX_SCAN_DAYS = 3660;

/** The first working day on or after a date. */
export function nextWorkingDay(config: DomainConfig, date: string): string {
  let d = date;
  for (let k = 0; k < MAX_SCAN_DAYS; k++, d = addDays(d, 1)) if (isWorkingDay(config, d)) return d;
  throw new ValidationError('The calendar has no working day within ten years', [], 'CONFIG_INVALID');
}

const closeOfBusiness = (config: DomainConfig) => config.calendar.officeHours[config.calendar.officeHours.length - 1]!.end;

/**
 * Close of business (end of the last office-hours interval) on the n-th working day after `from`'s
 * date in the office time zone; n = 0 is the same day, or the next working day when that is not one.
 */
export function addWorkingDays(config: DomainConfig, from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new ValidationError(`Working days must be a whole number ≥ 0, got ${n}`);
  const tz = config.office.timeZone;
  const start = localDate(from, tz);
  let d = n === 0 ? nextWorkingDay(config, start) : start;
  for (let k = 0; k < n; k++) d = nextWorkingDay(config, addDays(d, 1));
  return instantAt(d, closeOfBusiness(config), tz);
}

/** The instant after `hours` of office time (office hours on working days) have passed since `from`. */
export function addWorkingHours(config: DomainConfig, from: Date, hours: number): Date {
  if (!(hours >= 0)) throw new ValidationError(`Working hours must be ≥ 0, got ${hours}`);
  const tz = config.office.timeZone;
  let remaining = hours * 3_600_000;
  const cursor = from.getTime();
  let d = localDate(from, tz);
  for (let k = 0; k < MAX_SCAN_DAYS; k++, d = addDays(d, 1)) {
    if (!isWorkingDay(config, d)) continue;
    for (const { start, end } of config.calendar.officeHours) {
      const s = instantAt(d, start, tz).getTime();
      const e = instantAt(d, end, tz).getTime();
      if (cursor >= e) continue;
      const begin = Math.max(cursor, s);
      if (remaining <= e - begin) return new Date(begin + remaining);
      remaining -= e - begin;
    }
  }
  throw new ValidationError('The calendar has no office hours within ten years', [], 'CONFIG_INVALID');
}

/** When a document received at `receivedAt` must be handled, per its urgency (null = normal), from the configured deadlines. */
export function dueDateForUrgency(config: DomainConfig, receivedAt: Date, urgency: Urgency | 'normal' | null | undefined): Date {
  const level: HandlingLevel = urgency ?? 'normal';
  const spec = config.deadlines.handling[level];
  return 'workingDays' in spec ? addWorkingDays(config, receivedAt, spec.workingDays) : addWorkingHours(config, receivedAt, spec.workingHours);
}

/** Latest time to register (vào sổ) a received document: same day, at the latest the configured working days after (NĐ30). */
export function registrationDueAt(config: DomainConfig, receivedAt: Date): Date {
  return addWorkingDays(config, receivedAt, config.deadlines.registerWithinWorkingDays);
}

/** Due time, acting role and escalation role of a human workflow step (thẩm định, chỉnh sửa, phê duyệt) started at `startedAt`. */
export function humanStepDueAt(
  config: DomainConfig,
  step: WorkflowStep,
  startedAt: Date,
): { step: WorkflowStep; role: Role; dueAt: Date; escalateTo: Role } {
  const s = config.workflow.steps[step];
  return { step, role: s.role, dueAt: addWorkingDays(config, startedAt, s.workingDays), escalateTo: config.workflow.escalationRole };
}

/** True when `now` is past the due instant; no due date is never overdue. */
export function isOverdue(dueAt: Date | null | undefined, now: Date): boolean {
  return dueAt != null && now.getTime() > dueAt.getTime();
}

// --- report periods (kỳ báo cáo) ---------------------------------------------------------------

export const PERIOD_KINDS = ['monthly', 'quarterly', 'half-year', 'annual'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** A report type's period; 'ad-hoc' (đột xuất) has a fixed deadline instead. */
export type ReportPeriodKind = PeriodKind | 'ad-hoc';

export interface ReportPeriod {
  /** Canonical text: '2026-10', '2026-Q3', '2026-H1', '2026'. */
  text: string;
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2, or 1 for a year. */
  index: number;
  firstMonth: number;
  lastMonth: number;
  /** Vietnamese label, e.g. "Quý III/2026". */
  label: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function period(kind: PeriodKind, year: number, index: number): ReportPeriod {
  switch (kind) {
    case 'monthly':
      return { text: `${year}-${pad2(index)}`, kind, year, index, firstMonth: index, lastMonth: index, label: `Tháng ${index}/${year}` };
    case 'quarterly':
      return { text: `${year}-Q${index}`, kind, year, index, firstMonth: index * 3 - 2, lastMonth: index * 3, label: `Quý ${ROMAN[index - 1]}/${year}` };
    case 'half-year':
      return {
        text: `${year}-H${index}`,
        kind,
        year,
        index,
        firstMonth: index * 6 - 5,
        lastMonth: index * 6,
        label: index === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`,
      };
    case 'annual':
      return { text: String(year), kind, year, index: 1, firstMonth: 1, lastMonth: 12, label: `Năm ${year}` };
  }
}

/**
 * Years the office's dates may fall in: from the Party's founding to a horizon that the calendar
 * arithmetic here handles (`Date.UTC` reads years 0–99 as 19xx; the day after 9999-12-31 is no
 * 'YYYY-MM-DD'). The API's `year` parameters use the same range.
 */
export const FIRST_YEAR = 1930;
export const LAST_YEAR = 2200;

/** Parses '2026-10' (monthly), '2026-Q3', '2026-H1' or '2026' (annual) of a year FIRST_YEAR–LAST_YEAR; null when it is none of them. */
export function parsePeriod(text: string): ReportPeriod | null {
  const s = text.trim().toUpperCase();
  const inRange = (p: ReportPeriod) => (p.year >= FIRST_YEAR && p.year <= LAST_YEAR ? p : null);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) return inRange(period('annual', Number(m[1]), 1));
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s))) return inRange(period('monthly', Number(m[1]), Number(m[2])));
  if ((m = /^(\d{4})-Q([1-4])$/.exec(s))) return inRange(period('quarterly', Number(m[1]), Number(m[2])));
  if ((m = /^(\d{4})-H([12])$/.exec(s))) return inRange(period('half-year', Number(m[1]), Number(m[2])));
  return null;
}

/** True when the period string is well formed and of this kind; an ad-hoc report accepts any well-formed period. */
export function periodMatchesKind(text: string, kind: ReportPeriodKind): boolean {
  const p = parsePeriod(text);
  return p !== null && (kind === 'ad-hoc' || p.kind === kind);
}

/** Parses a period and checks its kind; throws ValidationError 'INVALID_PERIOD' otherwise. */
export function periodOfKind(text: string, kind: ReportPeriodKind): ReportPeriod {
  const p = parsePeriod(text);
  const expected: Record<ReportPeriodKind, string> = {
    monthly: '"YYYY-MM"',
    quarterly: '"YYYY-Q1".."YYYY-Q4"',
    'half-year': '"YYYY-H1" or "YYYY-H2"',
    annual: '"YYYY"',
    'ad-hoc': 'a period like "2026-10", "2026-Q3", "2026-H1" or "2026"',
  };
  if (!p || (kind !== 'ad-hoc' && p.kind !== kind)) {
    const message = `Period "${text}" does not fit a ${kind} report: expected ${expected[kind]}, of a year ${FIRST_YEAR}–${LAST_YEAR}`;
    throw new ValidationError(message, [{ path: 'period', message }], 'INVALID_PERIOD');
  }
  return p;
}

/** The period of a kind that contains an instant, in a time zone. */
export function periodContaining(kind: PeriodKind, instant: Date, timeZone: string): ReportPeriod {
  const { year, month } = localDateTime(instant, timeZone);
  const index = kind === 'monthly' ? month : kind === 'quarterly' ? Math.ceil(month / 3) : kind === 'half-year' ? Math.ceil(month / 6) : 1;
  return period(kind, year, index);
}

/** First instant of the period and first instant after it, in a time zone. */
export function periodBounds(p: ReportPeriod, timeZone: string): { start: Date; end: Date } {
  const next = p.lastMonth === 12 ? `${p.year + 1}-01-01` : `${p.year}-${pad2(p.lastMonth + 1)}-01`;
  return { start: instantAt(`${p.year}-${pad2(p.firstMonth)}-01`, '00:00', timeZone), end: instantAt(next, '00:00', timeZone) };
}

/**
 * Deadline of a periodic report: the end of day `dueDay` of the month after the period, in the
 * time zone; a dueDay past the month's end means its last day.
 */
export function reportDeadline(p: ReportPeriod | string, dueDay: number, timeZone: string): Date {
  const per = typeof p === 'string' ? periodOfKind(p, 'ad-hoc') : p;
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31) {
    throw new ValidationError(`dueDay must be a day of the month 1–31, got ${dueDay}`, [{ path: 'dueDay', message: 'must be 1–31' }]);
  }
  const year = per.lastMonth === 12 ? per.year + 1 : per.year;
  const month = per.lastMonth === 12 ? 1 : per.lastMonth + 1;
  const day = Math.min(dueDay, daysInMonth(year, month));
  return endOfLocalDay(`${year}-${pad2(month)}-${pad2(day)}`, timeZone);
}

/** Reminder instants around a deadline: the configured days before and after, at the reminder time of day (office time zone). */
export function reminderSchedule(config: DomainConfig, deadline: Date): Date[] {
  const tz = config.office.timeZone;
  const due = localDate(deadline, tz);
  const { remindDaysBefore, remindDaysAfter, reminderTime } = config.reporting;
  const days = [...remindDaysBefore.map((d) => -d), ...remindDaysAfter];
  const times = [...new Set(days)].map((d) => instantAt(addDays(due, d), reminderTime, tz).getTime());
  return [...new Set(times)].sort((a, b) => a - b).map((t) => new Date(t));
}
