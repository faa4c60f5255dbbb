/** Writes a consolidated report table (tổng hợp báo cáo) as an XLSX workbook or as CSV (UTF-8 with BOM, so Excel shows Vietnamese). */
import type ExcelJSNamespace from 'exceljs';
import type { ConsolidatedTable } from '../domain/consolidation';
import { csvText } from '../../platform/text/csv';

export async function consolidatedXlsx(table: ConsolidatedTable, sheetName: string): Promise<Uint8Array> {
  // Loaded on first XLSX export only, as in ../export/register-export: CSV exports and the cold start never evaluate it.
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof ExcelJSNamespace }).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'daumoi';
  const ws = wb.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, '-').slice(0, 31));
  ws.addRow([table.title]).font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, Math.max(1, table.columns.length));
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of table.rows) ws.addRow(row.map((c) => c ?? ''));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  table.columns.forEach((c, i) => {
    const longest = Math.max(c.header.length, ...table.rows.map((r) => String(r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(6, longest + 2));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The table as CSV (the platform's writer: text neutralised, numbers and booleans as they are). */
export function consolidatedCsv(table: ConsolidatedTable): string {
  return csvText([table.columns.map((c) => c.header), ...table.rows]);
}
