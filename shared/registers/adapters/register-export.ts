/**
 * Lays out a printable register (sổ đăng ký văn bản) as a spreadsheet ready to print and bind —
 * A4 landscape, fitted to the page width, the header row repeated on every page — or as CSV
 * (UTF-8 with a BOM so that Excel shows the Vietnamese text right).
 */
import type ExcelJSNamespace from 'exceljs';
import type { PrintableSheet } from '../domain/printable';
import { csvText } from '../../platform/text/csv';

export { CSV_TYPE, XLSX_TYPE } from '../../platform/http/attachments';

const TITLE_ROW = 1;
const SUBTITLE_ROW = 2;
/** The column headers, repeated at the top of every printed page. */
export const HEADER_ROW = 4;
const FONT = 'Times New Roman';
const A4 = 9;
const MM = 1 / 25.4;
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** The workbook of a printable register: one worksheet per book. */
export async function registerXlsx(sheets: PrintableSheet[]): Promise<Buffer> {
  // Loaded on first export only: exceljs is large, and most requests of the function never need it.
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof ExcelJSNamespace }).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'daumoi';
  wb.created = new Date(0);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, {
      pageSetup: {
        paperSize: A4 as never,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        // Margins of Party documents (domain.md d): 20/20/30/15 mm top/bottom/left/right.
        margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM, header: 8 * MM, footer: 8 * MM },
        printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      },
      headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
      views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    });
    ws.columns = s.columns.map((c) => ({ width: c.width }));
    const last = s.columns.length;
    for (const [row, text, size] of [
      [TITLE_ROW, s.title, 14],
      [SUBTITLE_ROW, s.subtitle, 12],
    ] as const) {
      ws.mergeCells(row, 1, row, last);
      const cell = ws.getCell(row, 1);
      cell.value = text;
      cell.font = { name: FONT, size, bold: row === TITLE_ROW };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
    }
    const header = ws.getRow(HEADER_ROW);
    header.values = s.columns.map((c) => c.header);
    header.height = 32;
    header.eachCell((cell) => {
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    });
    s.rows.forEach((values, i) => {
      const row = ws.getRow(HEADER_ROW + 1 + i);
      row.values = values.map((v, j) => (s.columns[j]?.numeric && /^\d+$/.test(v) ? Number(v) : v));
      for (let j = 1; j <= last; j++) {
        const cell = row.getCell(j);
        cell.font = { name: FONT, size: 11 };
        cell.alignment = { vertical: 'top', wrapText: true, horizontal: s.columns[j - 1]?.numeric ? 'center' : 'left' };
        cell.border = BORDER;
      }
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The register as CSV: the legal columns (plus the book, when given), one row per entry, CRLF line ends. */
export function registerCsv(sheets: PrintableSheet[], opts: { bookColumn?: string } = {}): string {
  const first = sheets[0];
  if (!first) return csvText([]);
  const header = [...first.columns.map((c) => c.header), ...(opts.bookColumn ? [opts.bookColumn] : [])];
  const lines = [header];
  for (const s of sheets) for (const r of s.rows) lines.push(opts.bookColumn ? [...r, s.title] : r);
  return csvText(lines);
}

