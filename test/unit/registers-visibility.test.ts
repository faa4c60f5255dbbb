/** What a reader may see of the registers (domain/visibility.ts, domain/counts.ts), by clearance. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLEARANCES, type Clearance, type Secrecy } from '../../shared/platform/security';
import type { IncomingEntry } from '../../shared/registers/domain/model';
import { emptyCounts, tally } from '../../shared/registers/domain/counts';
import { asRead, duplicateError, mayRead, readableOr404, readableRank, replayOr409, shownIncoming, storedForm } from '../../shared/registers/domain/visibility';

const actor = { sub: 's', username: 'vanthu' };
const entry = (over: Partial<IncomingEntry> = {}): IncomingEntry => ({
  id: 'i1',
  register: 'incoming',
  book: 'normal',
  registerKey: 'incoming/2026',
  arrivalNumber: 12,
  arrivalYear: 2026,
  arrivalDate: '2026-11-20',
  arrivedAt: '2026-11-20T02:00:00.000Z',
  numberSymbol: '10-NQ/TU',
  parsedNumberSymbol: { form: 'party', number: 10, typeSymbol: 'NQ', issuerCode: 'TU', canonical: '10-NQ/TU', key: 'party|10|nq|tu||' },
  documentDate: '2026-11-18',
  issuer: 'Tỉnh ủy',
  issuerCode: 'TU',
  typeCode: 'NQ',
  typeName: 'Nghị quyết',
  subject: 'về chuyển đổi số',
  secrecy: null,
  urgency: null,
  scanId: null,
  handler: null,
  recipients: [],
  note: null,
  dueDate: '2026-11-24',
  dueAt: '2026-11-24T10:00:00.000Z',
  dueSource: 'urgency',
  status: 'registered',
  assignedAt: null,
  doneAt: null,
  duplicateOf: null,
  version: 1,
  createdAt: '2026-11-20T02:00:00.000Z',
  createdBy: actor,
  updatedAt: '2026-11-20T02:00:00.000Z',
  updatedBy: actor,
  ...over,
});
const viewer = (clearance: Clearance) => ({ clearance });
const SECRECIES: (Secrecy | null)[] = [null, 'mat', 'toi-mat', 'tuyet-mat'];
const secrecyArb = fc.constantFrom(...SECRECIES);
const clearanceArb = fc.constantFrom(...CLEARANCES);
/** Clearance covers secrecy: none < mật < tối mật < tuyệt mật. */
const covers = (c: Clearance, s: Secrecy | null) => CLEARANCES.indexOf(c) >= CLEARANCES.indexOf(s ?? 'none');

describe('an entry by clearance', () => {
  // [clearance, secrecy, may read]
  const table: [Clearance, Secrecy | null, boolean][] = [
    ['none', null, true],
    ['none', 'mat', false],
    ['mat', 'mat', true],
    ['mat', 'toi-mat', false],
    ['toi-mat', 'toi-mat', true],
    ['toi-mat', 'tuyet-mat', false],
    ['tuyet-mat', 'tuyet-mat', true],
    ['tuyet-mat', null, true],
  ];
  it.each(table)('clearance %s, secrecy %s: readable %s', (clearance, secrecy, readable) => {
    const e = entry({ secrecy });
    expect(mayRead(viewer(clearance), e, 'incoming')).toBe(readable);
    if (readable) expect(readableOr404(viewer(clearance), e, 'incoming', e.id)).toBe(e);
    else expect(() => readableOr404(viewer(clearance), e, 'incoming', e.id)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('above the clearance, in another register, or missing: the same 404', () => {
    fc.assert(
      fc.property(clearanceArb, secrecyArb, fc.constantFrom('incoming' as const, 'outgoing' as const), fc.boolean(), (clearance, secrecy, register, exists) => {
        const e = exists ? entry({ secrecy }) : undefined;
        const readable = exists && register === 'incoming' && covers(clearance, secrecy);
        expect(mayRead(viewer(clearance), e, register)).toBe(readable);
        if (!readable) {
          let message = '';
          try {
            readableOr404(viewer(clearance), e, register, 'i1');
          } catch (err) {
            message = (err as Error).message;
          }
          expect(message).toBe(`No ${register} register entry i1`);
        }
      }),
    );
  });

  it('a list reads no stored rank above the clearance', () => {
    expect(CLEARANCES.map((c) => readableRank(viewer(c)))).toEqual([0, 1, 2, 3]);
  });

  it('an idempotency key replays only an entry the caller may see (409 otherwise)', () => {
    fc.assert(
      fc.property(clearanceArb, secrecyArb, (clearance, secrecy) => {
        const e = entry({ secrecy });
        if (covers(clearance, secrecy)) expect(replayOr409(viewer(clearance), e, 'incoming')).toBe(e);
        else expect(() => replayOr409(viewer(clearance), e, 'incoming')).toThrow(expect.objectContaining({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' }));
      }),
    );
  });
});

describe('an incoming entry as read', () => {
  it('the repeat mark shows only to readers who may also see what it repeats', () => {
    fc.assert(
      fc.property(clearanceArb, secrecyArb, fc.constantFrom<Secrecy>('mat', 'toi-mat', 'tuyet-mat'), (clearance, own, repeated) => {
        const e = entry({ secrecy: own, duplicateOf: 'first', duplicateOfSecrecy: repeated });
        const seen = asRead(e, new Date('2026-11-21T00:00:00Z'), viewer(clearance));
        if (covers(clearance, repeated)) expect(seen).toMatchObject({ duplicateOf: 'first', duplicateOfSecrecy: repeated });
        else {
          expect(seen.duplicateOf).toBeNull();
          expect(seen).not.toHaveProperty('duplicateOfSecrecy');
        }
      }),
    );
  });

  it('overdue is worked out at read time; the API view drops the counter key and the parsed number-symbol', () => {
    const e = entry();
    expect(asRead(e, new Date('2026-11-25T00:00:00Z'), viewer('none')).overdue).toBe(true);
    expect(asRead(entry({ status: 'done' }), new Date('2026-11-25T00:00:00Z'), viewer('none')).overdue).toBe(false);
    const shown = shownIncoming(e, new Date('2026-11-21T00:00:00Z'), viewer('none'));
    expect(shown).not.toHaveProperty('registerKey');
    expect(shown).not.toHaveProperty('parsedNumberSymbol');
    expect(shown).toMatchObject({ id: 'i1', overdue: false });
    expect(storedForm({ ...e, overdue: true })).toEqual(e);
    expect(storedForm(null)).toBeNull();
  });

  it('a duplicate is named only to a clerk who may see it', () => {
    const secret = entry({ secrecy: 'toi-mat' });
    expect(duplicateError(viewer('tuyet-mat'), secret).details[0]).toMatchObject({ existingId: 'i1', arrivalNumber: 12, arrivalYear: 2026 });
    expect(duplicateError(viewer('mat'), secret).details[0]).not.toHaveProperty('existingId');
    expect(duplicateError(viewer('mat'), undefined)).toMatchObject({ status: 409, code: 'DUPLICATE' });
  });
});

describe('counts', () => {
  it('count every entry once, by status and group; overdue only for incoming not done and past due', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    const rows = [
      { status: 'registered', book: 'normal', dueAt: '2026-11-24T10:00:00.000Z' },
      { status: 'done', book: 'normal', dueAt: '2026-11-24T10:00:00.000Z' },
      { status: 'assigned', book: 'secret', dueAt: '2026-12-24T10:00:00.000Z' },
      { status: 'registered', book: 'secret', dueAt: null },
    ];
    expect(tally(emptyCounts('incoming', 2026), rows, now)).toEqual({
      register: 'incoming',
      year: 2026,
      total: 4,
      byStatus: { registered: 2, done: 1, assigned: 1 },
      overdue: 1,
      byGroup: { normal: 2, secret: 2 },
    });
    const out = tally(emptyCounts('outgoing', 2026), [{ status: 'issued', typeCode: 'NQ', dueAt: '2000-01-01T00:00:00Z' }, { status: 'void', typeCode: 'CV' }], now);
    expect(out).toMatchObject({ total: 2, overdue: 0, byGroup: { NQ: 1, CV: 1 } });
  });

  it('counting page by page gives the same as counting at once', () => {
    const row = fc.record({ status: fc.constantFrom('registered', 'assigned', 'done'), book: fc.constantFrom('normal', 'secret'), dueAt: fc.constantFrom(null, '2026-11-24T10:00:00.000Z', '2026-12-24T10:00:00.000Z') });
    fc.assert(
      fc.property(fc.array(row), fc.nat(), (rows, cut) => {
        const now = new Date('2026-11-25T00:00:00Z');
        const at = rows.length ? cut % rows.length : 0;
        const paged = tally(tally(emptyCounts('incoming', 2026), rows.slice(0, at), now), rows.slice(at), now);
        expect(paged).toEqual(tally(emptyCounts('incoming', 2026), rows, now));
        expect(paged.total).toBe(rows.length);
      }),
    );
  });
});
