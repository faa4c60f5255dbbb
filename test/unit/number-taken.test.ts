/**
 * "A number the register has not already seen from that issuer" (issue 14, point 4), the pure
 * rules: where the registers file an incoming letter's number (issuer code + year + number,
 * spelling-independent), when the letters filed there hold another one, and what a handwritten
 * reading becomes when the register says its number is taken.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anotherLetter, issuerNumberKey } from '../../shared/registers/domain/issuer-numbers';
import { parseIncomingNumberSymbol } from '../../shared/registers/domain/number-symbols';
import { applyNumberTaken, handwrittenNumberToCheck } from '../../shared/scans/domain/number-taken';
import type { ScanFields } from '../../shared/scans/domain/model';

const keyOf = (symbol: string, date: string) => {
  const parsed = parseIncomingNumberSymbol(symbol);
  expect(parsed, symbol).not.toBeNull();
  return issuerNumberKey(parsed!, date);
};

describe('where an issuer’s number is filed', () => {
  it.each([
    // same issuer, number and year, whatever the type, unit or spelling: the same place
    ['12/UBND-VP', '2025-03-10', '12/QĐ-UBND', '2025-11-02', true],
    ['12/UBND-VP', '2025-03-10', 'Số: 012/UBND-TTHC', '2025-01-01', true],
    ['12-CV/TU', '2025-03-10', '12-NQ/TU', '2025-06-30', true],
    ['299/ĐU-VP', '2025-03-10', '299/DU-VP', '2025-03-11', true],
    // another issuer, number or year: another place
    ['12/UBND-VP', '2025-03-10', '12/BYT-KHTC', '2025-03-10', false],
    ['12/UBND-VP', '2025-03-10', '13/UBND-VP', '2025-03-10', false],
    ['12/UBND-VP', '2025-12-31', '12/UBND-VP', '2026-01-01', false],
    ['12-CV/TU', '2025-03-10', '12-CV/HU', '2025-03-10', false],
  ])('%s of %s and %s of %s: same place %s', (a, da, b, db, same) => {
    const ka = keyOf(a, da);
    const kb = keyOf(b, db);
    expect(ka).not.toBeNull();
    expect(kb).not.toBeNull();
    expect(ka === kb).toBe(same);
  });

  it('no place without an issuer code, a whole date or a positive number', () => {
    expect(issuerNumberKey({ issuerCode: null, number: 12 }, '2025-03-10')).toBeNull();
    expect(issuerNumberKey({ issuerCode: 'UBND', number: 12 }, '2025-03')).toBeNull();
    expect(issuerNumberKey({ issuerCode: 'UBND', number: 0 }, '2025-03-10')).toBeNull();
  });

  it('another letter is there exactly when a filed letter key differs from this one (property)', () => {
    const key = fc.constantFrom('a|2025-01-01', 'b|2025-01-01', 'a|2025-02-01');
    fc.assert(
      fc.property(fc.array(key, { maxLength: 5 }), key, (filed, mine) => {
        expect(anotherLetter(filed, mine)).toBe(filed.filter((k) => k !== mine).length > 0);
        // the same letter filed any number of times is never another one
        expect(anotherLetter(filed.map(() => mine), mine)).toBe(false);
      }),
    );
  });
});

const fieldsWith = (numberSymbol: ScanFields['numberSymbol']): ScanFields =>
  ({ numberSymbol, documentDate: { value: '2025-04-02', confidence: 0.85 }, secrecy: { value: null, confidence: 0.9 } }) as unknown as ScanFields;

describe('a handwritten reading whose number the register holds for another letter', () => {
  const handwritten = { value: '12/UBND-VP', confidence: 0.8, reason: 'handwritten: read by the digit recogniser; check it on the page' };

  it('handwritten and taken: null, with what was read and why, listed as low confidence', () => {
    const out = applyNumberTaken(fieldsWith(handwritten), [], true);
    expect(out.fields.numberSymbol.value).toBeNull();
    expect(out.fields.numberSymbol.confidence).toBeLessThanOrEqual(0.2);
    expect(out.fields.numberSymbol.reason).toMatch(/^handwritten: /);
    // Vietnamese for the clerk, English beside it, and what was read to check on the page.
    expect(out.fields.numberSymbol.reason).toMatch(/sổ văn bản đến/);
    expect(out.fields.numberSymbol.reason).toMatch(/incoming register/);
    expect(out.fields.numberSymbol.reason).toContain('12/UBND-VP');
    expect(out.lowConfidence).toEqual(['numberSymbol']);
  });

  it.each([
    ['handwritten, not taken', handwritten, false],
    ['printed (no reason), taken', { value: '12/UBND-VP', confidence: 0.93 }, true],
    ['printed with another reason, taken', { value: '12/UBND-VP', confidence: 0.85, reason: 'State letter: the day is usually written by hand after signature' }, true],
    ['handwritten but unread (null), taken', { value: null, confidence: 0.2, reason: 'handwritten: the number after "Số" could not be read' }, true],
  ])('%s: unchanged', (_name, field, taken) => {
    const fields = fieldsWith(field as ScanFields['numberSymbol']);
    expect(applyNumberTaken(fields, [], taken as boolean)).toEqual({ fields, lowConfidence: [] });
  });

  it('other fields are never touched, and numberSymbol is listed once (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.subarray(['numberSymbol', 'subject', 'documentDate']), (taken, low) => {
        const fields = fieldsWith(handwritten);
        const out = applyNumberTaken(fields, low, taken);
        expect(out.fields.documentDate).toBe(fields.documentDate);
        expect(out.fields.secrecy).toBe(fields.secrecy);
        expect(out.lowConfidence.filter((k) => k === 'numberSymbol')).toHaveLength(taken || low.includes('numberSymbol') ? 1 : 0);
      }),
    );
  });

  it('only a handwritten value is checked', () => {
    expect(handwrittenNumberToCheck(handwritten)).toBe(true);
    expect(handwrittenNumberToCheck({ value: '12/UBND-VP', confidence: 0.93 })).toBe(false);
    expect(handwrittenNumberToCheck({ value: '', confidence: 0.5, reason: 'handwritten: x' })).toBe(false);
    expect(handwrittenNumberToCheck(undefined)).toBe(false);
  });
});
