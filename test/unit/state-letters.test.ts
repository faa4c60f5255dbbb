/**
 * The generated State letters (tools/state-letters.ts): repeatable from the seed, a truth the
 * OCR bench reads as the real State format, and held-out handwriting fonts kept apart.
 */
import { describe, expect, it } from 'vitest';
import { expectedOf } from '../../bench/lib/ocr-truth';
import { digitFonts } from '../../tools/digits-fonts';
import { stateLetter } from '../../tools/state-letters';

describe('generated State letters', () => {
  it('the same seed and index give the same bytes and truth; another index does not', () => {
    const a = stateLetter(7, 0, { fonts: 'train' }), b = stateLetter(7, 0, { fonts: 'train' });
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    expect(a.truth).toEqual(b.truth);
    expect(Buffer.compare(a.bytes, stateLetter(7, 1, { fonts: 'train' }).bytes)).not.toBe(0);
    expect([...a.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('numberSymbol is number/symbol, the date a valid ISO date in 2018–2025, the truth the real State format', () => {
    for (let i = 0; i < 4; i++) {
      const { truth } = stateLetter(3, i, { fonts: 'train' });
      expect(truth.numberSymbol).toBe(`${truth.number as string}/${truth.symbol as string}`);
      expect(truth.number).toMatch(/^\d{1,4}$/);
      const date = truth.documentDate as string;
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
      expect(Number(date.slice(0, 4))).toBeGreaterThanOrEqual(2018);
      expect(Number(date.slice(0, 4))).toBeLessThanOrEqual(2025);
      const exp = expectedOf(truth);
      expect(exp.truthFormat).toBe('state-real');
      expect(exp.id).toBe(`sl-3-0${i + 1}`);
      expect(exp.format).toBe('jpg');
    }
  });

  it('with held-out fonts only held-out fonts are used (and with train fonts only train fonts, with dev fonts only dev fonts)', () => {
    const { train, heldOut, dev } = digitFonts();
    const held = new Set(heldOut.map((f) => f.pkg)), trained = new Set(train.map((f) => f.pkg)), devOnly = new Set(dev.map((f) => f.pkg));
    for (let i = 0; i < 3; i++) {
      for (const f of stateLetter(2, i, { fonts: 'held-out' }).fontsUsed) expect(held.has(f)).toBe(true);
      for (const f of stateLetter(1, i, { fonts: 'train' }).fontsUsed) expect(trained.has(f)).toBe(true);
      for (const f of stateLetter(4, i, { fonts: 'dev' }).fontsUsed) expect(devOnly.has(f)).toBe(true);
    }
  });
});
