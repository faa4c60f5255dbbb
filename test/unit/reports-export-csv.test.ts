/**
 * The consolidated report as CSV: whatever an organisation submits (titles, `data` keys and
 * values, names) never reaches a spreadsheet as a formula — a cell that would start with
 * = + - @, a tab or a CR is neutralised the same way as in the printed register — and every
 * other cell comes back as sent.
 */
import { parseString } from '@fast-csv/parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { consolidatedCsv, consolidatedXlsx } from '../../shared/reports/adapters/report-sheet';
import type { Cell, ConsolidatedTable } from '../../shared/reports/domain/consolidation';

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];

function parse(csv: string): Promise<string[][]> {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(csv.slice(1), { headers: false, ignoreEmpty: false })
      .on('data', (r: string[]) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

/** Any text, and text that starts with a character a spreadsheet would run as a formula. */
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.tuple(fc.constantFrom(...DANGEROUS), fc.string({ maxLength: 20 })).map(([p, s]) => p + s),
  fc.constantFrom('=HYPERLINK("http://x","bấm")', '+1+1', '-2+3', '@SUM(A1)', '=cmd|\' /C calc\'!A0', '\t=1', '\r=1', 'Đảng ủy xã A'),
);

const table = (headers: string[], rows: Cell[][]): ConsolidatedTable => ({
  title: 'BC',
  columns: headers.map((h, i) => ({ key: `c${i}`, header: h })),
  rows,
});

/** What a text cell must read as in the spreadsheet: as sent, or with the leading apostrophe that makes it text. */
const expected = (s: string) => (DANGEROUS.some((d) => s.startsWith(d)) ? `'${s}` : s);

describe('consolidated report CSV', () => {
  it('no text cell starts a formula; every cell reads back as sent (neutralised with a leading apostrophe)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }).chain((width) =>
          fc.tuple(fc.array(text, { minLength: width, maxLength: width }), fc.array(fc.array(text, { minLength: width, maxLength: width }), { maxLength: 5 })),
        ),
        async ([headers, rows]) => {
          // At least two columns: a line of one empty cell is an empty line, which CSV cannot tell from none.
          const parsed = await parse(consolidatedCsv(table(headers, rows)));
          expect(parsed).toHaveLength(1 + rows.length);
          expect(parsed[0]).toEqual(headers.map(expected));
          rows.forEach((r, i) => expect(parsed[i + 1]).toEqual(r.map((c) => expected(String(c)))));
          for (const line of parsed) for (const c of line) expect(DANGEROUS.some((d) => c.startsWith(d))).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('numbers stay numbers (a negative count is not text), empty cells stay empty', async () => {
    const parsed = await parse(consolidatedCsv(table(['STT', 'Số đảng viên', 'Ghi chú'], [[1, -3, null], [2, 120, '-3 so với kỳ trước']])));
    expect(parsed.slice(1)).toEqual([
      ['1', '-3', ''],
      ['2', '120', "'-3 so với kỳ trước"],
    ]);
  });

  it('in the XLSX the same text is a string cell, never a formula', async () => {
    const payloads = ['=1+1', '+SUM(A1:A2)', '-2+3', '@SUM(1)', '=HYPERLINK("http://x","bấm")'];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await consolidatedXlsx(table(payloads, [payloads]), 'BC')) as unknown as ArrayBuffer);
    const cells = [2, 3].flatMap((r) => payloads.map((_, i) => wb.worksheets[0]!.getRow(r).getCell(i + 1)));
    expect(cells.map((c) => [c.type, c.value])).toEqual([...payloads, ...payloads].map((p) => [ExcelJS.ValueType.String, p]));
  });
});
