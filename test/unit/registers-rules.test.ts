import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../../shared/platform/errors';
import {
  assertClearanceCovers,
  assertVersion,
  dateProblems,
  metadataOnlyProblems,
  secrecyRank,
  throwIfProblems,
  visibleTo,
} from '../../shared/registers/domain/rules';

const TODAY = '2026-11-21';

describe('dateProblems', () => {
  it.each([
    ['2026-02-31', /not a real date \(31\/2\/2026 does not exist\)/],
    ['2025-02-29', /not a real date/],
    ['2026-04-31', /not a real date/],
    ['2026-13-01', /not a real date/],
    ['2026-00-10', /not a real date/],
    ['2026-11-22', /in the future \(today is 2026-11-21/],
    ['2099-01-01', /in the future/],
    ['1929-12-31', /before 1930-02-03/],
    ['21/11/2026', /must be a date YYYY-MM-DD/],
    ['', /must be a date YYYY-MM-DD/],
  ])('refuses %s', (value, message) => {
    const p = dateProblems(value, TODAY, 'documentDate', 'documentDate');
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('documentDate');
    expect(p[0]!.message).toMatch(message);
  });

  it('refuses a due date past 2200-12-31 (9999-12-31 once answered 500)', () => {
    expect(dateProblems('9999-12-31', '9999-12-31', 'dueDate', 'dueDate')).toEqual([{ path: 'dueDate', message: 'dueDate 9999-12-31 is after 2200-12-31' }]);
    expect(dateProblems('2200-12-31', '9999-12-31', 'dueDate', 'dueDate')).toEqual([]);
  });

  it.each(['2026-11-21', '2024-02-29', '2000-02-29', '1930-02-03', '2026-01-31'])('accepts %s', (value) => {
    expect(dateProblems(value, TODAY, 'documentDate', 'documentDate')).toEqual([]);
  });
});

describe('metadata only for tối mật and tuyệt mật', () => {
  it.each(['toi-mat', 'tuyet-mat'] as const)('%s refuses a scan, an attachment or text', (secrecy) => {
    const p = metadataOnlyProblems(secrecy, { scanId: 's1', attachments: [{ name: 'a.pdf' }], content: 'full text', subject: 'ok' });
    expect(p.map((x) => x.path)).toEqual(['scanId', 'attachments', 'content']);
    expect(p[0]!.message).toMatch(/metadata only: remove scanId/);
  });

  it('accepts the metadata alone, or null/empty content fields', () => {
    expect(metadataOnlyProblems('tuyet-mat', { subject: 'x', scanId: null, attachments: [] })).toEqual([]);
  });

  it.each([null, 'mat'] as const)('%s may carry a scan', (secrecy) => {
    expect(metadataOnlyProblems(secrecy, { scanId: 's1' })).toEqual([]);
  });
});

describe('clearance', () => {
  it('a caller registers only what their clearance covers', () => {
    expect(() => assertClearanceCovers({ clearance: 'mat' }, 'mat')).not.toThrow();
    expect(() => assertClearanceCovers({ clearance: 'none' }, null)).not.toThrow();
    expect(() => assertClearanceCovers({ clearance: 'mat' }, 'toi-mat')).toThrow(ForbiddenError);
    expect(() => assertClearanceCovers({ clearance: 'none' }, 'mat')).toThrow(/clearance \(none\) does not cover a Mật \(mat\)/);
  });

  it.each([
    ['none', null, true],
    ['none', 'mat', false],
    ['mat', 'mat', true],
    ['mat', 'toi-mat', false],
    ['toi-mat', 'tuyet-mat', false],
    ['tuyet-mat', 'tuyet-mat', true],
  ] as const)('a %s viewer sees a %s entry: %s', (clearance, secrecy, seen) => {
    expect(visibleTo({ clearance }, { secrecy })).toBe(seen);
    expect(secrecyRank(secrecy) <= secrecyRank(clearance)).toBe(seen);
  });
});

describe('versions and problems', () => {
  it('a stale version is a 409 naming the current one', () => {
    expect(() => assertVersion({ version: 3 }, 3)).not.toThrow();
    try {
      assertVersion({ version: 4 }, 3);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError).code).toBe('STALE_VERSION');
      expect((e as ConflictError).details[0]).toMatchObject({ currentVersion: 4 });
    }
  });

  it('throws one error listing every problem', () => {
    expect(() => throwIfProblems([])).not.toThrow();
    expect(() =>
      throwIfProblems([
        { path: 'a', message: 'bad a' },
        { path: 'b', message: 'bad b' },
      ]),
    ).toThrow(expect.objectContaining({ name: 'ValidationError', message: 'a: bad a; b: bad b', details: [expect.anything(), expect.anything()] }));
  });
});
