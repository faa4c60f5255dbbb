/** How a search query is answered (domain/query-plan.ts, domain/ranking.ts): what is read, filtered, walked and resumed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLEARANCES, type Clearance } from '../../shared/platform/security';
import { orderKey, type Posting } from '../../shared/search/domain/postings';
import {
  byRarity,
  checkByForwardIndex,
  DEFAULT_TUNING,
  decodeSearchCursor,
  encodeSearchCursor,
  firstStep,
  frontierOf,
  fullRankCost,
  hasFilters,
  nextStep,
  postingFilter,
  querySignature,
  ranksEveryMatch,
  readableRanks,
  type QueryFilters,
} from '../../shared/search/domain/query-plan';
import { byScore, candidateOf, withTerms } from '../../shared/search/domain/ranking';
import type { QueryTerm } from '../../shared/search/domain/terms';

const posting = (over: Partial<Posting> & { date?: string; id?: string } = {}): Posting => {
  const { date = '2026-03-10', id = 'e1', ...rest } = over;
  return { ok: orderKey(date, id), head: false, surfaces: [], register: 'incoming', year: 2026, typeCode: 'NQ', issuerCode: 'TU', ...rest };
};
const query = (over: Partial<QueryFilters> = {}): QueryFilters => ({ q: 'van phong', clearance: 'none', limit: 20, ...over });
const term = (key: string, kind: QueryTerm['kind'] = 'word'): QueryTerm => ({ kind, key, surface: key.slice(2) });

describe('the clearance bounds what is read', () => {
  it.each([
    ['none', [0]],
    ['mat', [0, 1]],
    ['toi-mat', [0, 1, 2]],
    ['tuyet-mat', [0, 1, 2, 3]],
  ] as [Clearance, number[]][])('clearance %s reads ranks %j', (clearance, ranks) => {
    expect(readableRanks(clearance)).toEqual(ranks);
  });

  it('never a rank above the clearance, always every rank up to it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLEARANCES), (c) => {
        const ranks = readableRanks(c);
        expect(Math.max(...ranks)).toBe(CLEARANCES.indexOf(c));
        expect(ranks).toEqual([...ranks.keys()]);
      }),
    );
  });
});

describe('filters', () => {
  // [filters, posting, kept]
  const cases: [string, Partial<QueryFilters>, Partial<Posting> & { date?: string }, boolean][] = [
    ['no filter keeps everything', {}, {}, true],
    ['register', { register: 'outgoing' }, {}, false],
    ['year', { year: 2026 }, {}, true],
    ['another year', { year: 2025 }, {}, false],
    ['type code, any case', { typeCode: 'nq' }, {}, true],
    ['issuer code, another', { issuerCode: 'UBND' }, {}, false],
    ['date within', { from: '2026-03-01', to: '2026-03-31' }, {}, true],
    ['date on the bounds', { from: '2026-03-10', to: '2026-03-10' }, {}, true],
    ['date before from', { from: '2026-03-11' }, {}, false],
    ['date after to', { to: '2026-03-09' }, {}, false],
  ];
  it.each(cases)('%s', (_n, filters, p, kept) => {
    expect(postingFilter(query(filters))(posting(p))).toBe(kept);
    expect(hasFilters(query(filters))).toBe(Object.keys(filters).length > 0);
  });

  it('a date range keeps exactly the postings whose document date is within it', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (date, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(postingFilter(query({ from, to }))(posting({ date }))).toBe(date >= from && date <= to);
      }),
    );
  });
});

describe('planning the walk', () => {
  it('the rarest required term drives', () => {
    const df = new Map([['w:a', 50], ['w:b', 3], ['w:c', 10]]);
    expect(byRarity([term('w:a'), term('w:b'), term('w:c')], (t) => df.get(t.key)!).map((t) => t.key)).toEqual(['w:b', 'w:c', 'w:a']);
  });

  it.each([
    ['few candidates, cheap: rank every match', undefined, 100, 10_000, true],
    ['too many candidates: walk', undefined, DEFAULT_TUNING.fullRankLimit + 1, 10_000, false],
    ['too many bytes: walk', undefined, 100, DEFAULT_TUNING.fullRankBytes + 1, false],
    ['a cursor of the ranked mode stays ranked', { h: 'x', m: 'f' as const, o: 20 }, 1_000_000, 1e9, true],
    ['a cursor of the walk keeps walking', { h: 'x', m: 'w' as const, k: 'k' }, 1, 1, false],
  ])('%s', (_n, cursor, driverPostings, fullCost, expected) => {
    expect(ranksEveryMatch({ cursor, driverPostings, fullCost, tuning: DEFAULT_TUNING })).toBe(expected);
  });

  it('the full cost is the driver’s postings plus the cheaper way to check the others (none without others)', () => {
    expect(fullRankCost(10, 1_000_000, 0)).toBe(450);
    expect(fullRankCost(10, 100, 2)).toBe(550);
    expect(fullRankCost(10, 1_000_000, 2)).toBe(450 + 12_000);
    expect(checkByForwardIndex(2, 10_000)).toBe(true);
    expect(checkByForwardIndex(20, 10_000)).toBe(false);
  });

  it('steps start small, grow fourfold, and never pass the step limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), (limit, terms, filtered) => {
        const first = firstStep(DEFAULT_TUNING, terms, filtered, limit);
        expect(first).toBe(Math.min(DEFAULT_TUNING.windowStep, terms === 1 && !filtered ? limit : 2 * limit));
        const second = nextStep(DEFAULT_TUNING, first);
        expect(second).toBe(Math.min(DEFAULT_TUNING.windowStep, first * 4));
        expect(second).toBeLessThanOrEqual(DEFAULT_TUNING.windowStep);
      }),
    );
  });

  it('a step goes as far as the lowest last posting of the lists not yet exhausted', () => {
    const p = (id: string) => posting({ id });
    expect(frontierOf([{ postings: [p('a'), p('c')], exhausted: false }, { postings: [p('b')], exhausted: false }])).toBe(p('b').ok);
    expect(frontierOf([{ postings: [p('a')], exhausted: true }, { postings: [p('c')], exhausted: false }])).toBe(p('c').ok);
    expect(frontierOf([{ postings: [p('a')], exhausted: true }])).toBe('\uffff');
    expect(frontierOf([{ postings: [], exhausted: false }])).toBe('\uffff');
  });
});

describe('cursors', () => {
  it('resume only the search that returned them', () => {
    const sig = querySignature(query());
    expect(querySignature(query({ limit: 5 }))).toBe(sig);
    expect(querySignature(query({ clearance: 'mat' }))).not.toBe(sig);
    fc.assert(
      fc.property(fc.oneof(fc.nat().map((o) => ({ h: sig, m: 'f' as const, o })), fc.string().map((k) => ({ h: sig, m: 'w' as const, k }))), (c) => {
        expect(decodeSearchCursor(encodeSearchCursor(c), sig)).toEqual(c);
        expect(() => decodeSearchCursor(encodeSearchCursor(c), `${sig}x`)).toThrow(expect.objectContaining({ status: 400 }));
      }),
    );
    expect(decodeSearchCursor(undefined, sig)).toBeUndefined();
    expect(() => decodeSearchCursor('not-a-cursor', sig)).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('checking candidates against the other terms', () => {
  it('keeps those with every required term; pairs add hits but are not required', () => {
    const a = posting({ id: 'a' });
    const b = posting({ id: 'b' });
    const driver = term('w:van');
    const other = term('w:phong');
    const pair = term('p:van phong', 'pair');
    const found = new Map([
      [other.key, new Map([[a.ok, a], [b.ok, b]])],
      [pair.key, new Map([[a.ok, a]])],
    ]);
    const alive = withTerms([candidateOf(driver, { posting: a, rank: 0 }), candidateOf(driver, { posting: b, rank: 0 })], [other, pair], found);
    expect(alive.map((c) => c.hits.map((h) => h.kind))).toEqual([['word', 'word', 'pair'], ['word', 'word']]);
    const without = withTerms([candidateOf(driver, { posting: a, rank: 0 })], [other], new Map([[other.key, new Map()]]));
    expect(without).toEqual([]);
  });

  it('orders best first, equal scores newest first', () => {
    const s = [{ ok: '2', score: 1 }, { ok: '1', score: 1 }, { ok: '3', score: 2 }].sort(byScore);
    expect(s.map((x) => x.ok)).toEqual(['3', '1', '2']);
  });
});
