import { describe, expect, it } from 'vitest';
import { config, edited } from '../support/domain-config';
import { ValidationError } from '../../shared/platform/errors';
import {
  arrivalYear,
  incomingRegisterFor,
  incomingRegisterKey,
  numberingScope,
  scopeKindFor,
  termOn,
} from '../../shared/office/domain/numbering';

/** An instant given as wall time in Hà Nội / TP.HCM (UTC+7). */
const vn = (wall: string) => new Date(`${wall}+07:00`);
const TZ = 'Asia/Ho_Chi_Minh';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).code;
  }
  throw new Error('expected a ValidationError');
}

describe('numberingScope: term', () => {
  it('a Tỉnh ủy resolution numbers within the term', () => {
    const s = numberingScope(config, { issuer: 'TU', typeCode: 'NQ', date: vn('2026-03-05T09:00:00') });
    expect(s).toMatchObject({
      scopeKey: 'TU/NQ/term-2025-2030',
      scope: 'term',
      label: 'Nhiệm kỳ 2025–2030',
      periodId: '2025-2030',
      from: '2025-10-15',
      to: null,
      bodyCode: 'TU',
      typeSymbol: 'NQ',
      secretSeries: false,
    });
  });

  it('does not reset on 1 January', () => {
    const a = numberingScope(config, { issuer: 'TU', typeCode: 'NQ', date: vn('2026-12-31T23:59:59') });
    const b = numberingScope(config, { issuer: 'TU', typeCode: 'NQ', date: vn('2027-01-01T00:00:00') });
    expect(a.scopeKey).toBe(b.scopeKey);
  });

  it('changes at the term start, in office time not UTC', () => {
    // 2025-10-14T17:00Z is already 15/10 in Hà Nội.
    expect(numberingScope(config, { issuer: 'TU', typeCode: 'NQ', date: new Date('2025-10-14T16:59:59Z') }).scopeKey).toBe('TU/NQ/term-2020-2025');
    expect(numberingScope(config, { issuer: 'TU', typeCode: 'NQ', date: new Date('2025-10-14T17:00:00Z') }).scopeKey).toBe('TU/NQ/term-2025-2030');
    expect(termOn(config, '2025-10-14')).toMatchObject({ id: '2020-2025', end: '2025-10-14' });
  });

  it('BCH, BTV and body ids share one sequence per type', () => {
    const date = vn('2026-05-01T08:00:00');
    const keys = ['TU', 'tu-bch', 'tu-btv', 'tu-tt'].map((issuer) => numberingScope(config, { issuer, typeCode: 'TB', date }).scopeKey);
    expect(new Set(keys)).toEqual(new Set(['TU/TB/term-2025-2030']));
  });

  it('Quy định prints QĐ and continues the Quyết định sequence', () => {
    const date = vn('2026-05-01T08:00:00');
    expect(numberingScope(config, { issuer: 'TU', typeCode: 'QĐi', date }).scopeKey).toBe('TU/QĐ/term-2025-2030');
    expect(numberingScope(config, { issuer: 'TU', typeCode: 'QĐ', date }).scopeKey).toBe('TU/QĐ/term-2025-2030');
  });

  it('before the first configured term is an error', () => {
    expect(codeOf(() => numberingScope(config, { issuer: 'TU', typeCode: 'NQ', date: vn('2019-01-01T00:00:00') }))).toBe('NO_TERM');
  });
});

describe('numberingScope: year', () => {
  it("the office's letters number per year", () => {
    const s = numberingScope(config, { issuer: 'VPTU', typeCode: 'CV', date: vn('2026-06-01T10:00:00') });
    expect(s).toMatchObject({ scopeKey: 'VPTU/CV/year-2026', scope: 'year', label: 'Năm 2026', from: '2026-01-01', to: '2026-12-31' });
  });

  it('31/12 23:59 vs 01/01 00:00 in Asia/Ho_Chi_Minh, whatever the UTC date', () => {
    // Both instants fall on 31 December in UTC.
    expect(numberingScope(config, { issuer: 'VPTU', typeCode: 'CV', date: new Date('2026-12-31T16:59:59.999Z') }).scopeKey).toBe('VPTU/CV/year-2026');
    expect(numberingScope(config, { issuer: 'VPTU', typeCode: 'CV', date: new Date('2026-12-31T17:00:00.000Z') }).scopeKey).toBe('VPTU/CV/year-2027');
  });

  it('the rule is per (body, type): other VPTU types stay per term', () => {
    expect(numberingScope(config, { issuer: 'VPTU', typeCode: 'BC', date: vn('2026-06-01T10:00:00') }).scopeKey).toBe('VPTU/BC/term-2025-2030');
  });

  it('scope kinds are configuration', () => {
    const c = edited((raw) => {
      raw.numbering.defaultScope = 'year';
    });
    expect(numberingScope(c, { issuer: 'TU', typeCode: 'NQ', date: vn('2026-06-01T10:00:00') }).scopeKey).toBe('TU/NQ/year-2026');
    const body = c.issuingBodies.find((b) => b.id === 'tu-btv')!;
    expect(scopeKindFor(c, body, c.documentTypes[0]!)).toBe('year');
  });
});

describe('numberingScope: congress', () => {
  it('congress documents share one sequence for all types and organs', () => {
    const date = vn('2025-10-14T10:00:00');
    const a = numberingScope(config, { issuer: 'dh-tinh', typeCode: 'NQ', date });
    const b = numberingScope(config, { issuer: 'dh-doan-thu-ky', typeCode: 'BC', date });
    const c = numberingScope(config, { issuer: 'ĐH', typeCode: 'TB', date });
    expect(a).toMatchObject({ scopeKey: 'ĐH/congress-2025', scope: 'congress', from: '2025-10-13', to: '2025-10-15' });
    expect(b.scopeKey).toBe(a.scopeKey);
    expect(c.scopeKey).toBe(a.scopeKey);
  });

  it('outside a congress is an error', () => {
    expect(codeOf(() => numberingScope(config, { issuer: 'dh-tinh', typeCode: 'NQ', date: vn('2026-01-05T10:00:00') }))).toBe('NO_CONGRESS');
  });
});

describe('numberingScope: secrecy and errors', () => {
  it('Party secret documents continue the non-secret sequence', () => {
    const date = vn('2026-03-05T09:00:00');
    const open = numberingScope(config, { issuer: 'TU', typeCode: 'NQ', date, secrecy: null });
    const secret = numberingScope(config, { issuer: 'TU', typeCode: 'NQ', date, secrecy: 'toi-mat' });
    expect(secret.scopeKey).toBe(open.scopeKey);
    expect(secret.secretSeries).toBe(false);
  });

  it('a separate secret series when configured', () => {
    const c = edited((raw) => {
      raw.numbering.secretOutgoing = 'separate';
    });
    const s = numberingScope(c, { issuer: 'TU', typeCode: 'NQ', date: vn('2026-03-05T09:00:00'), secrecy: 'mat' });
    expect(s).toMatchObject({ scopeKey: 'TU/NQ/term-2025-2030/mat', secretSeries: true });
    expect(numberingScope(c, { issuer: 'TU', typeCode: 'NQ', date: vn('2026-03-05T09:00:00') }).scopeKey).toBe('TU/NQ/term-2025-2030');
  });

  it('unknown type, unknown issuer, and bodies this office does not number', () => {
    const date = vn('2026-03-05T09:00:00');
    expect(codeOf(() => numberingScope(config, { issuer: 'TU', typeCode: 'ZZ', date }))).toBe('UNKNOWN_TYPE');
    expect(codeOf(() => numberingScope(config, { issuer: 'XYZ', typeCode: 'NQ', date }))).toBe('UNKNOWN_ISSUER');
    expect(codeOf(() => numberingScope(config, { issuer: 'ĐU', typeCode: 'NQ', date }))).toBe('NOT_NUMBERED_HERE');
  });

  it('a shared code whose bodies number differently is ambiguous', () => {
    const c = edited((raw) => {
      raw.numbering.rules.push({ bodies: ['tu-tt'], scope: 'year' });
    });
    const date = vn('2026-03-05T09:00:00');
    expect(codeOf(() => numberingScope(c, { issuer: 'TU', typeCode: 'TB', date }))).toBe('AMBIGUOUS_ISSUER');
    expect(numberingScope(c, { issuer: 'tu-tt', typeCode: 'TB', date }).scopeKey).toBe('TU/TB/year-2026');
  });
});

describe('incoming registers', () => {
  it('arrivalYear is the year in the office time zone', () => {
    expect(arrivalYear(new Date('2026-12-31T16:59:59.999Z'), TZ)).toBe(2026);
    expect(arrivalYear(new Date('2026-12-31T17:00:00.000Z'), TZ)).toBe(2027);
    expect(arrivalYear(new Date('2027-01-01T00:00:00.000Z'), 'UTC')).toBe(2027);
  });

  it('secret documents go to their own register', () => {
    expect(incomingRegisterFor(config, null)).toBe('normal');
    expect(incomingRegisterFor(config, undefined)).toBe('normal');
    expect(incomingRegisterFor(config, 'mat')).toBe('secret');
    expect(incomingRegisterFor(config, 'tuyet-mat')).toBe('secret');
    expect(incomingRegisterKey(config, 'toi-mat', 2026)).toBe('incoming-secret/2026');
    expect(incomingRegisterKey(config, null, 2026)).toBe('incoming/2026');
  });

  it('the split is configurable', () => {
    const together = edited((raw) => {
      raw.registers.incoming.secretSeparate = false;
    });
    expect(incomingRegisterFor(together, 'tuyet-mat')).toBe('normal');
    const fromToiMat = edited((raw) => {
      raw.registers.incoming.secretFrom = 'toi-mat';
    });
    expect(incomingRegisterFor(fromToiMat, 'mat')).toBe('normal');
    expect(incomingRegisterFor(fromToiMat, 'toi-mat')).toBe('secret');
  });
});
