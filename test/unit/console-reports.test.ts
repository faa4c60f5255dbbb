/** Unit tests of the console's reports parts: the organisations' tree, periods in Vietnamese, the periods offered. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildOrgTree, periodLabel, recentPeriods, type OrgNode, type StatusItem } from '../../web/src/reports';
import { periodDueNow } from '../../web/src/overview';

const item = (orgId: string, parentId: string | null): StatusItem => ({
  orgId,
  parentId,
  orgName: `Tổ chức ${orgId}`,
  depth: 0,
  expected: true,
  deadline: '2026-11-05T16:59:59.999Z',
  overdue: false,
  status: 'missing',
});

function flatten(nodes: OrgNode[]): OrgNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

describe('buildOrgTree', () => {
  it('puts each organisation under its parent, in the order given', () => {
    const tree = buildOrgTree([item('tinh', null), item('huyen-a', 'tinh'), item('xa-1', 'huyen-a'), item('huyen-b', 'tinh'), item('khac', null)]);
    expect(tree.map((n) => n.orgId)).toEqual(['tinh', 'khac']);
    expect(tree[0]!.children.map((n) => n.orgId)).toEqual(['huyen-a', 'huyen-b']);
    expect(tree[0]!.children[0]!.children.map((n) => n.orgId)).toEqual(['xa-1']);
  });

  it('a parent given after its child still holds it', () => {
    const tree = buildOrgTree([item('xa-1', 'huyen'), item('huyen', null)]);
    expect(tree.map((n) => n.orgId)).toEqual(['huyen']);
    expect(tree[0]!.children.map((n) => n.orgId)).toEqual(['xa-1']);
  });

  it('an organisation whose parent is not listed (not expected to report) is a root', () => {
    expect(buildOrgTree([item('xa-1', 'huyen-khong-phai-nop')]).map((n) => n.orgId)).toEqual(['xa-1']);
  });

  it('property: every organisation appears exactly once, each under its own parent or as a root; cycles lose none', () => {
    const ids = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: 0, maxLength: 25 });
    fc.assert(
      fc.property(
        ids.chain((xs) => fc.tuple(fc.constant(xs), fc.array(fc.option(fc.oneof(fc.constantFrom(...(xs.length ? xs : ['x'])), fc.constant('zz-khong-co')), { nil: null }), { minLength: xs.length, maxLength: xs.length }))),
        ([xs, parents]) => {
          const items = xs.map((x, i) => item(x, parents[i] ?? null));
          const tree = buildOrgTree(items);
          const all = flatten(tree);
          expect(all.map((n) => n.orgId).sort()).toEqual([...xs].sort());
          for (const n of all) for (const c of n.children) expect(c.parentId).toBe(n.orgId);
          for (const r of tree) {
            const parentListed = r.parentId !== null && xs.includes(r.parentId) && r.parentId !== r.orgId;
            // A root with a listed parent only happens to break a cycle: that parent is then below it.
            if (parentListed) expect(flatten([r]).some((n) => n.orgId === r.parentId)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('periodLabel', () => {
  it.each([
    ['2026-10', 'Tháng 10/2026'],
    ['2026-01', 'Tháng 1/2026'],
    ['2026-Q1', 'Quý I/2026'],
    ['2026-Q3', 'Quý III/2026'],
    ['2026-Q4', 'Quý IV/2026'],
    ['2026-H1', '6 tháng đầu năm 2026'],
    ['2026-H2', '6 tháng cuối năm 2026'],
    ['2026', 'Năm 2026'],
    ['2026-13', '2026-13'],
    ['2026-Q5', '2026-Q5'],
    ['bất kỳ', 'bất kỳ'],
  ])('%s → %s', (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });
});

describe('recentPeriods', () => {
  it.each([
    ['monthly', '2026-01-15', ['2026-01', '2025-12', '2025-11']],
    ['quarterly', '2026-04-01', ['2026-Q2', '2026-Q1', '2025-Q4']],
    ['half-year', '2026-07-01', ['2026-H2', '2026-H1', '2025-H2']],
    ['annual', '2026-12-31', ['2026', '2025', '2024']],
    ['ad-hoc', '2026-12-31', []],
  ] as const)('%s on %s', (kind, today, expected) => {
    expect(recentPeriods(kind, today, 3)).toEqual(expected);
  });

  it('property: the periods offered include the one due now, newest first, all distinct and well formed', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom('monthly', 'quarterly', 'half-year', 'annual') as fc.Arbitrary<'monthly' | 'quarterly' | 'half-year' | 'annual'>, day, (kind, today) => {
        const ps = recentPeriods(kind, today, 12);
        expect(ps).toHaveLength(12);
        expect(new Set(ps).size).toBe(12);
        expect(ps).toContain(periodDueNow(kind, today));
        for (const p of ps) expect(periodLabel(p)).not.toBe(p);
        expect([...ps].sort().reverse()).toEqual(ps);
      }),
    );
  });
});
