/** The administration's edits as the console plans them (web/src/admin.ts): where an organisation may move, what a report type's form changes. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { descendantsOf, reportTypeChanges } from '../../web/src/admin';
import { assertNoCycle } from '../../shared/reports/domain/tree';

describe('descendantsOf', () => {
  const tree = [
    { id: 'tinh', parentId: null },
    { id: 'huyen-a', parentId: 'tinh' },
    { id: 'xa-1', parentId: 'huyen-a' },
    { id: 'chi-bo-1', parentId: 'xa-1' },
    { id: 'huyen-b', parentId: 'tinh' },
  ];
  it.each([
    ['tinh', ['huyen-a', 'xa-1', 'chi-bo-1', 'huyen-b']],
    ['huyen-a', ['xa-1', 'chi-bo-1']],
    ['chi-bo-1', []],
    ['huyen-b', []],
  ])('under %s: %j', (id, want) => expect([...descendantsOf(id, tree)].sort()).toEqual([...want].sort()));

  it('the places it offers are exactly those the API accepts (no cycle), on random trees (fast-check)', () => {
    // A random forest: each organisation's parent is an earlier one, or none.
    const forest = fc.array(fc.nat(), { minLength: 1, maxLength: 12 }).map((picks) => picks.map((p, i) => ({ id: `o${i}`, parentId: i === 0 || p % (i + 1) === i ? null : `o${p % i}` })));
    fc.assert(
      fc.property(forest, fc.nat(), (orgs, k) => {
        const org = orgs[k % orgs.length]!;
        const below = descendantsOf(org.id, orgs);
        const parents = new Map(orgs.map((o) => [o.id, o.parentId]));
        for (const place of orgs.filter((o) => o.id !== org.id)) {
          const accepted = (() => {
            try {
              assertNoCycle(org.id, place.id, (x) => parents.get(x));
              return true;
            } catch {
              return false;
            }
          })();
          expect(!below.has(place.id), `${org.id} under ${place.id}`).toBe(accepted);
        }
      }),
    );
  });
});

describe('reportTypeChanges', () => {
  const monthly = { name: 'Báo cáo tháng', period: 'monthly' as const, dueDay: 5, active: true };
  const adHoc = { name: 'Báo cáo đột xuất', period: 'ad-hoc' as const, deadline: '2026-12-31T16:59:59.000Z', active: true };
  it.each([
    ['nothing changed', monthly, { name: 'Báo cáo tháng', dueDay: '5', deadline: '', active: true }, { changes: {} }],
    ['the name (trimmed)', monthly, { name: '  Báo cáo tình hình tháng ', dueDay: '5', deadline: '', active: true }, { changes: { name: 'Báo cáo tình hình tháng' } }],
    ['the due day', monthly, { name: 'Báo cáo tháng', dueDay: '10', deadline: '', active: true }, { changes: { dueDay: 10 } }],
    ['stopped', monthly, { name: 'Báo cáo tháng', dueDay: '5', deadline: '', active: false }, { changes: { active: false } }],
    ['an ad-hoc deadline, the end of that day in the office', adHoc, { name: 'Báo cáo đột xuất', dueDay: '', deadline: '15/01/2027', active: true }, { changes: { deadline: '2027-01-15T23:59:59+07:00' } }],
    ['the same ad-hoc day written again', adHoc, { name: 'Báo cáo đột xuất', dueDay: '', deadline: '31/12/2026', active: true }, { changes: {} }],
  ] as const)('%s', (_what, type, form, want) => expect(reportTypeChanges(type, form)).toEqual(want));

  it.each([
    ['an empty name', monthly, { name: '  ', dueDay: '5', deadline: '', active: true }],
    ['a due day of 0', monthly, { name: 'x', dueDay: '0', deadline: '', active: true }],
    ['a due day of 29', monthly, { name: 'x', dueDay: '29', deadline: '', active: true }],
    ['a due day that is not a number', monthly, { name: 'x', dueDay: '5a', deadline: '', active: true }],
    ['an ad-hoc deadline not dd/mm/yyyy', adHoc, { name: 'x', dueDay: '', deadline: '2027-01-15', active: true }],
  ] as const)('refuses %s, in Vietnamese', (_what, type, form) => {
    const r = reportTypeChanges(type, form);
    expect(r).toHaveProperty('problem');
    expect((r as { problem: string }).problem).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữự]/);
  });
});
