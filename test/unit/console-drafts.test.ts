/** Unit tests of the console's pure parts for drafts, Việc của tôi and the overview of the day. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  STEP_DECISIONS,
  decisionLabel,
  draftError,
  dueState,
  linesToList,
  sortFindings,
  withoutEnglishGloss,
  taskFigures,
  type Severity,
} from '../../web/src/drafts';
import { periodDueNow } from '../../web/src/overview';
import { STEP_DECISIONS as API_STEP_DECISIONS } from '../../shared/drafts/domain/rules';

describe('decisions per step', () => {
  it('offers exactly the decisions the API accepts at each step', () => {
    for (const step of ['appraisal', 'approval', 'revision'] as const) {
      expect(STEP_DECISIONS[step].map((d) => d.decision).sort()).toEqual([...API_STEP_DECISIONS[step]].sort());
    }
  });
  it('asks for a comment where the API requires one (return, reject)', () => {
    for (const ds of Object.values(STEP_DECISIONS)) for (const d of ds) expect(d.needsComment).toBe(d.decision !== 'approve');
  });
  it.each([
    ['revision', 'approve', 'Trình lại'],
    ['revision', 'reject', 'Rút dự thảo'],
    ['approval', 'approve', 'Phê duyệt'],
    ['appraisal', 'return', 'Trả lại để chỉnh sửa'],
    ['precheck', undefined, ''],
  ] as const)('%s %s reads “%s”', (step, decision, label) => expect(decisionLabel(step, decision)).toBe(label));
});

describe('due times', () => {
  const now = new Date('2026-12-05T10:00:00Z');
  it.each([
    ['2026-12-05T09:59:59Z', 'overdue'],
    ['2026-12-05T10:00:00Z', 'soon'], // the API: overdue once now is past the due instant
    ['2026-12-05T10:00:01Z', 'soon'],
    ['2026-12-06T10:00:00Z', 'soon'],
    ['2026-12-06T10:00:01Z', 'ok'],
    ['không phải ngày', 'ok'],
  ])('%s → %s', (dueAt, state) => expect(dueState(dueAt, now)).toBe(state));
  it('is overdue exactly when the due instant is before now', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), (offset) => {
        const due = new Date(now.getTime() + offset).toISOString();
        expect(dueState(due, now) === 'overdue').toBe(offset < 0);
      }),
    );
  });
});

describe('precheck findings', () => {
  it('most serious first, in their order within a severity, none lost', () => {
    const sev = fc.constantFrom<Severity>('error', 'warning', 'info');
    fc.assert(
      fc.property(fc.array(fc.record({ severity: sev, n: fc.nat() })), (fs) => {
        const sorted = sortFindings(fs);
        expect(sorted).toHaveLength(fs.length);
        const rank = { error: 0, warning: 1, info: 2 };
        for (let i = 1; i < sorted.length; i++) expect(rank[sorted[i - 1]!.severity]).toBeLessThanOrEqual(rank[sorted[i]!.severity]);
        for (const s of ['error', 'warning', 'info'] as const) expect(sorted.filter((f) => f.severity === s)).toEqual(fs.filter((f) => f.severity === s));
      }),
    );
  });
});

describe('findings as a person reads them', () => {
  it.each([
    ['Ngày tháng để trống, sẽ ghi khi ký ban hành (date left blank until signature)', 'Ngày tháng để trống, sẽ ghi khi ký ban hành'],
    ['Thiếu hồ sơ: Tờ trình (to-trinh)', 'Thiếu hồ sơ: Tờ trình (to-trinh)'],
    ['Thiếu căn cứ (Điều lệ Đảng)', 'Thiếu căn cứ (Điều lệ Đảng)'],
    ['Only English (no Vietnamese)', 'Only English (no Vietnamese)'],
  ])('%s', (message, shown) => expect(withoutEnglishGloss(message)).toBe(shown));
});

describe('the API’s refusals of a draft or a decision, in Vietnamese', () => {
  it('four eyes says who may not decide', () => {
    const e = draftError(403, { error: { code: 'FOUR_EYES', message: 'Four eyes: the person who appraised the draft may not also approve it', details: [{ path: 'step', message: 'x' }] } });
    expect(e.summary).toMatch(/nguyên tắc hai người/);
    expect(e.other).toEqual([]);
  });
  it('a return without a comment marks the comment field', () => {
    const e = draftError(400, { error: { code: 'VALIDATION_FAILED', message: 'A return needs a comment saying why', details: [{ path: 'comment', message: 'required when returning or rejecting' }] } });
    expect(e.fields.comment).toBe('không được để trống');
  });
  it('a submission’s fields by their names in the form, the unknown ones named in the summary list', () => {
    const e = draftError(400, {
      error: { code: 'VALIDATION_FAILED', message: 'x', details: [{ path: 'body.body', message: 'must not be empty' }, { path: 'body.issuerCode', message: 'must be at most 20 characters' }, { path: 'body.zzz', message: 'bad' }] },
    });
    expect(e.fields).toEqual({ body: 'không được để trống', issuerCode: 'không được dài quá 20 ký tự' });
    expect(e.other).toEqual(['zzz: bad']);
  });
});

describe('small things', () => {
  it('one recipient a line', () => expect(linesToList('  Ban Bí thư \r\n\n- Lưu VT\n  ')).toEqual(['Ban Bí thư', '- Lưu VT']));
  it('figures of a task list', () => {
    const t = (kind: 'act' | 'follow-up', step: 'appraisal' | 'approval' | 'revision', overdue: boolean) => ({ kind, step, overdue });
    expect(taskFigures([t('act', 'approval', false), t('act', 'appraisal', true), t('follow-up', 'approval', true), t('act', 'approval', true)])).toEqual({ act: 3, approvals: 2, escalations: 1, overdue: 3 });
  });
});

describe('the reporting period due now', () => {
  it.each([
    ['monthly', '2026-12-05', '2026-11'],
    ['monthly', '2027-01-03', '2026-12'],
    ['quarterly', '2026-12-05', '2026-Q3'],
    ['quarterly', '2026-02-01', '2025-Q4'],
    ['quarterly', '2026-04-01', '2026-Q1'],
    ['half-year', '2026-07-01', '2026-H1'],
    ['half-year', '2026-06-30', '2025-H2'],
    ['annual', '2026-01-10', '2025'],
    ['ad-hoc', '2026-01-10', undefined],
  ] as const)('%s on %s → %s', (kind, today, period) => expect(periodDueNow(kind, today)).toBe(period));
  it('a month’s period is the month before (a period that has ended)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const today = d.toISOString().slice(0, 10);
        const p = periodDueNow('monthly', today)!;
        const [y, m] = p.split('-').map(Number) as [number, number];
        expect(y * 12 + m).toBe(Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1);
      }),
    );
  });
});
