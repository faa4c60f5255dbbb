import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDomainConfig } from '../../shared/office';
import { ValidationError } from '../../shared/platform/errors';
import type { ReportType } from '../../shared/reports/domain/model';
import {
  deadlineOf,
  defineReportType,
  expectedOrgIds,
  isOnTime,
  isTargeted,
  queriedPeriod,
  reminderConfigFor,
  submissionPeriod,
  toOffsetIso,
} from '../../shared/reports/domain/rules';
import { assertNoCycle, treeOrder } from '../../shared/reports/domain/tree';

const config = loadDomainConfig(readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8'), 'config/domain.json');
const TZ = 'Asia/Ho_Chi_Minh';
const vn = (wall: string) => new Date(`${wall}+07:00`);
const stamp = { active: true, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 1 };
const monthly: ReportType = { code: 'BC-THANG', name: 'Báo cáo tháng', period: 'monthly', dueDay: 5, ...stamp };
const adHoc: ReportType = { code: 'BC-DX', name: 'Báo cáo đột xuất', period: 'ad-hoc', deadline: '2026-12-10T17:00:00+07:00', reportPeriod: '2026-12', ...stamp };

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).code;
  }
  throw new Error('expected a ValidationError');
};

describe('report type definitions', () => {
  it('gives a periodic type the configured due day when none is given', () => {
    expect(config.reporting.defaultDueDay).toBe(5);
    expect(defineReportType({ code: 'Q', name: 'Quý', period: 'quarterly' }, config)).toEqual({ code: 'Q', name: 'Quý', period: 'quarterly', dueDay: 5 });
    expect(defineReportType({ code: 'M', name: 'Tháng', period: 'monthly', dueDay: 20 }, config).dueDay).toBe(20);
  });

  it('gives an ad-hoc type its deadline in office time and the month of the deadline as its period', () => {
    const t = defineReportType({ code: 'DX', name: 'Đột xuất', period: 'ad-hoc', deadline: '2026-12-31T20:00:00Z' }, config);
    expect(t.deadline).toBe('2027-01-01T03:00:00+07:00');
    expect(t.reportPeriod).toBe('2027-01');
    expect(defineReportType({ code: 'DX', name: 'x', period: 'ad-hoc', deadline: '2026-12-10T17:00:00+07:00', reportPeriod: '2026-q4' }, config).reportPeriod).toBe('2026-Q4');
  });

  it('refuses fields that do not belong to the period', () => {
    expect(codeOf(() => defineReportType({ code: 'X', name: 'x', period: 'ad-hoc' }, config))).toBe('INVALID_REPORT_TYPE');
    expect(codeOf(() => defineReportType({ code: 'X', name: 'x', period: 'ad-hoc', deadline: '2026-12-10T17:00:00+07:00', dueDay: 5 }, config))).toBe('INVALID_REPORT_TYPE');
    expect(codeOf(() => defineReportType({ code: 'X', name: 'x', period: 'monthly', deadline: '2026-12-10T17:00:00+07:00' }, config))).toBe('INVALID_REPORT_TYPE');
    expect(codeOf(() => defineReportType({ code: 'X', name: 'x', period: 'monthly', reportPeriod: '2026-10' }, config))).toBe('INVALID_REPORT_TYPE');
    expect(codeOf(() => defineReportType({ code: 'X', name: 'x', period: 'ad-hoc', deadline: '2026-12-10T17:00:00+07:00', reportPeriod: '2026-13' }, config))).toBe('INVALID_REPORT_TYPE');
    // A deadline past the calendar's years once broke the reminder job (500) for every type.
    expect(codeOf(() => defineReportType({ code: 'X', name: 'x', period: 'ad-hoc', deadline: '9999-12-31T23:59:59+07:00' }, config))).toBe('INVALID_REPORT_TYPE');
    expect(codeOf(() => defineReportType({ code: 'X', name: 'x', period: 'ad-hoc', deadline: '2026-12-10T17:00:00+07:00', reportPeriod: '9999-12' }, config))).toBe('INVALID_REPORT_TYPE');
    // The data schema is checked by the ReportDataSchemas adapter (reports-data-schema.test.ts).
    expect(defineReportType({ code: 'X', name: 'x', period: 'monthly', dataSchema: { type: 'object' } }, config).dataSchema).toEqual({ type: 'object' });
  });

  it('keeps reminder overrides sorted and unique, and applies them over the office defaults', () => {
    const t = defineReportType({ code: 'X', name: 'x', period: 'monthly', remindDaysBefore: [1, 5, 1], remindDaysAfter: [7, 2] }, config);
    expect(t.remindDaysBefore).toEqual([5, 1]);
    expect(t.remindDaysAfter).toEqual([2, 7]);
    const c = reminderConfigFor(t, config);
    expect(c.reporting.remindDaysBefore).toEqual([5, 1]);
    expect(c.reporting.reminderTime).toBe(config.reporting.reminderTime);
    expect(reminderConfigFor({}, config).reporting.remindDaysAfter).toEqual(config.reporting.remindDaysAfter);
  });
});

describe('the period of a submission', () => {
  const now = vn('2026-11-21T10:00:00');

  it('takes a period of the type’s kind that has begun', () => {
    expect(submissionPeriod(monthly, '2026-10', now, TZ).text).toBe('2026-10');
    expect(submissionPeriod(monthly, '2026-11', now, TZ).text).toBe('2026-11'); // the current month may be reported during it
    expect(submissionPeriod({ ...monthly, period: 'quarterly' }, '2026-q3', now, TZ).text).toBe('2026-Q3');
  });

  it('refuses a missing, malformed, wrong-kind or future period', () => {
    expect(codeOf(() => submissionPeriod(monthly, undefined, now, TZ))).toBe('INVALID_PERIOD');
    expect(codeOf(() => submissionPeriod(monthly, '2026-13', now, TZ))).toBe('INVALID_PERIOD');
    expect(codeOf(() => submissionPeriod(monthly, '2026-Q3', now, TZ))).toBe('INVALID_PERIOD');
    expect(codeOf(() => submissionPeriod(monthly, '2026-12', now, TZ))).toBe('PERIOD_NOT_STARTED');
    // The month begins at midnight office time, not UTC.
    expect(codeOf(() => submissionPeriod(monthly, '2026-12', new Date('2026-11-30T16:59:59Z'), TZ))).toBe('PERIOD_NOT_STARTED');
    expect(submissionPeriod(monthly, '2026-12', new Date('2026-11-30T17:00:00Z'), TZ).text).toBe('2026-12');
  });

  it('uses an ad-hoc type’s own period, given or not, and refuses another', () => {
    expect(submissionPeriod(adHoc, undefined, now, TZ).text).toBe('2026-12');
    expect(submissionPeriod(adHoc, '2026-12', now, TZ).text).toBe('2026-12');
    expect(codeOf(() => submissionPeriod(adHoc, '2026-11', now, TZ))).toBe('INVALID_PERIOD');
    expect(queriedPeriod(adHoc, undefined).text).toBe('2026-12');
    expect(codeOf(() => queriedPeriod(monthly, undefined))).toBe('INVALID_PERIOD');
  });
});

describe('deadlines and onTime', () => {
  it('is the end of the due day of the next month, office time, for a monthly type', () => {
    const d = deadlineOf(monthly, submissionPeriod(monthly, '2026-10', vn('2026-11-01T00:00:00'), TZ), TZ);
    expect(toOffsetIso(d, TZ)).toBe('2026-11-05T23:59:59.999+07:00');
    expect(isOnTime(vn('2026-11-05T23:59:59'), d)).toBe(true);
    expect(isOnTime(vn('2026-11-06T00:00:00'), d)).toBe(false);
  });

  it('is the fixed instant of an ad-hoc type', () => {
    expect(deadlineOf(adHoc, queriedPeriod(adHoc, undefined), TZ).toISOString()).toBe('2026-12-10T10:00:00.000Z');
  });

  it('writes instants with the office offset', () => {
    expect(toOffsetIso(new Date('2026-11-21T02:30:00Z'), TZ)).toBe('2026-11-21T09:30:00+07:00');
    expect(toOffsetIso(new Date('2026-11-21T02:30:00.050Z'), TZ)).toBe('2026-11-21T09:30:00.050+07:00');
    expect(toOffsetIso(new Date('2026-11-21T02:30:00Z'), 'UTC')).toBe('2026-11-21T02:30:00+00:00');
  });
});

describe('who is expected to report', () => {
  const orgs = [
    { id: 'a', active: true },
    { id: 'b', active: true },
    { id: 'z', active: false },
  ];
  it('is every active organisation, or the type’s active targets', () => {
    expect(expectedOrgIds({}, orgs)).toEqual(['a', 'b']);
    expect(expectedOrgIds({ orgIds: ['b', 'z', 'gone'] }, orgs)).toEqual(['b']);
    expect(isTargeted({}, 'q')).toBe(true);
    expect(isTargeted({ orgIds: ['a'] }, 'b')).toBe(false);
  });
});

describe('the organisation tree', () => {
  const parents = new Map<string, string | null>([
    ['tinh', null],
    ['huyen', 'tinh'],
    ['xa', 'huyen'],
  ]);
  it('refuses a parent below the organisation, or itself', () => {
    expect(codeOf(() => assertNoCycle('tinh', 'xa', (id) => parents.get(id)))).toBe('ORG_CYCLE');
    expect(codeOf(() => assertNoCycle('huyen', 'huyen', (id) => parents.get(id)))).toBe('ORG_CYCLE');
    expect(() => assertNoCycle('xa', 'tinh', (id) => parents.get(id))).not.toThrow();
    expect(() => assertNoCycle('new', null, (id) => parents.get(id))).not.toThrow();
  });

  it('orders parents before children, siblings by Vietnamese name', () => {
    const order = treeOrder([
      { id: 'c2', name: 'Chi bộ Ấp Đông', parentId: 'x' },
      { id: 'x', name: 'Đảng ủy xã', parentId: null },
      { id: 'c1', name: 'Chi bộ Ấp Bắc', parentId: 'x' },
      { id: 'a', name: 'Ban Tổ chức', parentId: null },
      { id: 'orphan', name: 'Mồ côi', parentId: 'gone' },
    ]);
    expect(order.map((o) => [o.id, o.depth])).toEqual([
      ['a', 0],
      ['x', 0],
      ['c1', 1],
      ['c2', 1],
      ['orphan', 0],
    ]);
  });
});
