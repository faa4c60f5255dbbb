/**
 * Rules of a report type: what a valid definition is, which period a submission is for, its
 * deadline, and whether it arrived on time. Periods and deadlines come from ../deadlines.
 */
import type { DomainConfig } from '../../office';
import { ValidationError } from '../../platform/errors';
import {
  FIRST_YEAR,
  LAST_YEAR,
  localDateTime,
  parsePeriod,
  periodBounds,
  periodContaining,
  periodOfKind,
  reportDeadline,
  type ReportPeriod,
  type ReportPeriodKind,
} from '../../office';
import type { ReportType } from './model';

/** What an administrator gives to define (or redefine) a report type. */
export interface ReportTypeDefinition {
  code: string;
  name: string;
  period: ReportPeriodKind;
  dueDay?: number | undefined;
  deadline?: string | undefined;
  reportPeriod?: string | undefined;
  orgIds?: string[] | undefined;
  dataSchema?: Record<string, unknown> | undefined;
  remindDaysBefore?: number[] | undefined;
  remindDaysAfter?: number[] | undefined;
}

type Defined = Pick<ReportType, 'code' | 'name' | 'period' | 'dueDay' | 'deadline' | 'reportPeriod' | 'orgIds' | 'dataSchema' | 'remindDaysBefore' | 'remindDaysAfter'>;

/**
 * Checks a definition and fills its defaults (dueDay from config; an ad-hoc type's period from its
 * deadline). The data schema is checked apart, by the ReportDataSchemas port (Ajv, in the reports
 * function only).
 */
export function defineReportType(def: ReportTypeDefinition, config: DomainConfig): Defined {
  const tz = config.office.timeZone;
  const bad = (path: string, message: string) => new ValidationError(message, [{ path: `body.${path}`, message }], 'INVALID_REPORT_TYPE');
  const out: Defined = { code: def.code, name: def.name, period: def.period };
  if (def.period === 'ad-hoc') {
    if (def.dueDay !== undefined) throw bad('dueDay', 'an ad-hoc report type has a deadline, not a dueDay');
    if (!def.deadline) throw bad('deadline', 'an ad-hoc report type needs its deadline (an instant with an offset)');
    const deadline = new Date(def.deadline);
    if (Number.isNaN(deadline.getTime())) throw bad('deadline', 'deadline must be an ISO instant with an offset');
    const { year } = localDateTime(deadline, tz);
    if (year < FIRST_YEAR || year > LAST_YEAR) throw bad('deadline', `deadline must fall in the years ${FIRST_YEAR}–${LAST_YEAR}`);
    out.deadline = toOffsetIso(deadline, tz);
    const covered = def.reportPeriod ?? periodContaining('monthly', deadline, tz).text;
    const p = parsePeriod(covered);
    if (!p) throw bad('reportPeriod', `reportPeriod "${covered}" is not a period like "2026-10", "2026-Q3", "2026-H1" or "2026"`);
    out.reportPeriod = p.text;
  } else {
    if (def.deadline !== undefined) throw bad('deadline', `a ${def.period} report type is due on its dueDay; deadline is for ad-hoc types`);
    if (def.reportPeriod !== undefined) throw bad('reportPeriod', 'reportPeriod is for ad-hoc types');
    out.dueDay = def.dueDay ?? config.reporting.defaultDueDay;
  }
  if (def.orgIds !== undefined) out.orgIds = [...new Set(def.orgIds)];
  if (def.dataSchema !== undefined) out.dataSchema = def.dataSchema;
  if (def.remindDaysBefore !== undefined) out.remindDaysBefore = [...new Set(def.remindDaysBefore)].sort((a, b) => b - a);
  if (def.remindDaysAfter !== undefined) out.remindDaysAfter = [...new Set(def.remindDaysAfter)].sort((a, b) => a - b);
  return out;
}

/**
 * The period a submission is for. Periodic types need one of their kind, already begun (a report
 * on a month that has not started is refused); ad-hoc types have one period, which may be omitted.
 */
export function submissionPeriod(type: ReportType, period: string | undefined, now: Date, timeZone: string): ReportPeriod {
  if (type.period === 'ad-hoc') return adHocPeriod(type, period, 'body.period');
  if (period === undefined) {
    const message = `period is required for a ${type.period} report`;
    throw new ValidationError(message, [{ path: 'body.period', message }], 'INVALID_PERIOD');
  }
  let p: ReportPeriod;
  try {
    p = periodOfKind(period, type.period);
  } catch (err) {
    throw err instanceof ValidationError ? new ValidationError(err.message, [{ path: 'body.period', message: err.message }], err.code) : err;
  }
  if (periodBounds(p, timeZone).start.getTime() > now.getTime()) {
    const message = `Period ${p.text} has not begun yet`;
    throw new ValidationError(message, [{ path: 'body.period', message }], 'PERIOD_NOT_STARTED');
  }
  return p;
}

/** The period named in a query (status, export), checked against the type; ad-hoc types default to their own. */
export function queriedPeriod(type: ReportType, period: string | undefined): ReportPeriod {
  if (type.period === 'ad-hoc') return adHocPeriod(type, period, 'query.period');
  if (period === undefined) {
    const message = `period is required for a ${type.period} report type`;
    throw new ValidationError(message, [{ path: 'query.period', message }], 'INVALID_PERIOD');
  }
  try {
    return periodOfKind(period, type.period);
  } catch (err) {
    throw err instanceof ValidationError ? new ValidationError(err.message, [{ path: 'query.period', message: err.message }], err.code) : err;
  }
}

function adHocPeriod(type: ReportType, period: string | undefined, path: string): ReportPeriod {
  const own = parsePeriod(type.reportPeriod!)!;
  if (period !== undefined && parsePeriod(period)?.text !== own.text) {
    const message = `This ad-hoc report type is for period ${own.text}`;
    throw new ValidationError(message, [{ path, message }], 'INVALID_PERIOD');
  }
  return own;
}

/** When the report of this type for this period is due. */
export function deadlineOf(type: ReportType, period: ReportPeriod, timeZone: string): Date {
  if (type.period === 'ad-hoc') return new Date(type.deadline!);
  return reportDeadline(period, type.dueDay!, timeZone);
}

/** On time = received no later than the deadline. */
export function isOnTime(submittedAt: Date, deadline: Date): boolean {
  return submittedAt.getTime() <= deadline.getTime();
}

/** The organisations expected to report for a type: its targets, or every active organisation. */
export function expectedOrgIds(type: Pick<ReportType, 'orgIds'>, orgs: readonly { id: string; active: boolean }[]): string[] {
  const active = orgs.filter((o) => o.active).map((o) => o.id);
  if (!type.orgIds) return active;
  const wanted = new Set(type.orgIds);
  return active.filter((id) => wanted.has(id));
}

/** True when the organisation is expected to report this type. */
export function isTargeted(type: Pick<ReportType, 'orgIds'>, orgId: string): boolean {
  return !type.orgIds || type.orgIds.includes(orgId);
}

/** The office's reminder settings with the type's own overrides applied. */
export function reminderConfigFor(type: Pick<ReportType, 'remindDaysBefore' | 'remindDaysAfter'>, config: DomainConfig): DomainConfig {
  return {
    ...config,
    reporting: {
      ...config.reporting,
      remindDaysBefore: type.remindDaysBefore ?? config.reporting.remindDaysBefore,
      remindDaysAfter: type.remindDaysAfter ?? config.reporting.remindDaysAfter,
    },
  };
}

/** An instant as ISO 8601 with the time zone's offset, e.g. 2026-11-05T23:59:59.999+07:00 (api.md). */
export function toOffsetIso(instant: Date, timeZone: string): string {
  const l = localDateTime(instant, timeZone);
  const millis = ((instant.getTime() % 1000) + 1000) % 1000;
  const wall = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, millis);
  const offsetMin = Math.round((wall - instant.getTime()) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const frac = millis ? `.${pad(millis, 3)}` : '';
  return `${l.date}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}${frac}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
