/**
 * The platform's CSV writer (shared/platform/text/csv.ts), the one every export uses: a
 * spreadsheet reads back every cell as written, except that text a spreadsheet would run as a
 * formula (leading = + - @, tab or CR) reads back with the apostrophe that makes it text.
 */
import { parseString } from '@fast-csv/parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvText, type CsvCell } from '../../shared/platform/text/csv';

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

function parse(csv: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(csv, { headers: false, ignoreEmpty: false })
      .on('data', (r: string[]) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.tuple(fc.constantFrom(...FORMULA_STARTS), fc.string({ maxLength: 12 })).map(([p, s]) => p + s));
const cellArb: fc.Arbitrary<CsvCell> = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const readBack = (c: CsvCell): string => (c === null ? '' : typeof c !== 'string' ? String(c) : FORMULA_STARTS.some((f) => c.startsWith(f)) ? `'${c}` : c);

describe('csvText', () => {
  // Two columns at least: a one-column row holding an empty cell is a blank line, which a reader skips or not as it likes.
  it('starts with a BOM, ends each line with CRLF, and every cell reads back as written (formulas neutralised)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 4 }).chain((w) => fc.array(fc.array(cellArb, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 5 })), async (rows) => {
        const csv = csvText(rows);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        expect(csv.endsWith('\r\n')).toBe(true);
        expect(await parse(csv.slice(1))).toEqual(rows.map((r) => r.map(readBack)));
      }),
    );
  });

  it('no rows: the BOM alone', () => {
    expect(csvText([])).toBe('\uFEFF');
  });
});

describe('csvField', () => {
  it.each([
    ['Đảng ủy xã A', 'Đảng ủy xã A'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', `"'+1"`],
    ['-3 so với kỳ trước', `"'-3 so với kỳ trước"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['a,b', '"a,b"'],
    [' lề ', '" lề "'],
    ['dòng 1\ndòng 2', '"dòng 1\ndòng 2"'],
    ['', ''],
  ])('%j → %s', (input, output) => {
    expect(csvField(input)).toBe(output);
  });
});
