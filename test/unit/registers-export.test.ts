import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HEADER_ROW, registerCsv, registerXlsx } from '../../shared/registers/adapters/register-export';
import { INCOMING_COLUMNS, OUTGOING_COLUMNS, type PrintableSheet } from '../../shared/registers/domain/printable';

const sheet = (over: Partial<PrintableSheet> = {}): PrintableSheet => ({
  name: 'So VB den 2026',
  title: 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN',
  subtitle: 'VĂN PHÒNG TỈNH ỦY — Năm 2026',
  columns: INCOMING_COLUMNS,
  rows: [
    ['02/01/2026', '1', 'Tỉnh ủy Hưng Yên', '10-NQ/TU', '31/12/2025', 'Nghị quyết về công tác cán bộ', 'chuyenvien', '', '', ''],
    ['02/01/2026', '2', 'UBND tỉnh', '123/UBND-VP', '30/12/2025', 'Công văn về việc "Tết", năm 2026', '', '', '', 'Khẩn'],
  ],
  ...over,
});

async function read(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('registerXlsx', () => {
  it('prints on A4 landscape, fitted to the width, with the header row repeated on each page', async () => {
    const wb = await read(await registerXlsx([sheet()]));
    const ws = wb.getWorksheet('So VB den 2026')!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
    expect(ws.headerFooter.oddFooter).toMatch(/Trang &P\/&N/);
  });

  it('writes the title, the Vietnamese headers and every row, numbers as numbers', async () => {
    const wb = await read(await registerXlsx([sheet()]));
    const ws = wb.getWorksheet('So VB den 2026')!;
    expect(ws.getCell(1, 1).value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect((ws.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual(INCOMING_COLUMNS.map((c) => c.header));
    expect(ws.getRow(HEADER_ROW + 1).getCell(2).value).toBe(1);
    expect(ws.getRow(HEADER_ROW + 2).getCell(4).value).toBe('123/UBND-VP');
    expect(ws.getRow(HEADER_ROW + 2).getCell(6).value).toBe('Công văn về việc "Tết", năm 2026');
    expect(ws.rowCount).toBe(HEADER_ROW + 2);
  });

  it('one worksheet per book', async () => {
    const wb = await read(await registerXlsx([sheet(), sheet({ name: 'So VB den mat 2026', title: 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN (MẬT)', rows: [] })]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['So VB den 2026', 'So VB den mat 2026']);
  });
});

describe('registerCsv', () => {
  it('starts with a BOM, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = registerCsv([sheet()]);
    expect(csv.startsWith('\uFEFFNgày đến,Số đến,Tác giả,"Số, ký hiệu",Ngày VB,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two rows, trailing empty
    expect(lines[2]).toContain('"Công văn về việc ""Tết"", năm 2026"');
  });

  it('adds the book column when asked, and defuses spreadsheet formulas', () => {
    const csv = registerCsv([sheet({ columns: OUTGOING_COLUMNS, rows: [['=HYPERLINK("x")', '', '', '', '- Như trên;', '', '', '', '', '']] })], { bookColumn: 'Sổ' });
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header!.endsWith(',Sổ')).toBe(true);
    expect(row!.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(row).toContain(`"'- Như trên;"`);
    expect(row!.endsWith(',SỔ ĐĂNG KÝ VĂN BẢN ĐẾN')).toBe(true);
  });
});
