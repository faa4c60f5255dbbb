/**
 * The one CSV writer of every export (the printable registers, the consolidated reports): UTF-8
 * with a BOM so that Excel shows the Vietnamese text right, CRLF line ends, and every text field
 * neutralised against CSV injection. Hand-written rather than a library: the libraries at hand
 * (fast-csv's formatter, which exceljs brings) stream, and none neutralises formulas.
 */

export const CSV_TYPE = 'text/csv; charset=utf-8';

/** A cell: text is neutralised; numbers and booleans are written as they are (they cannot be formulas); null is empty. */
export type CsvCell = string | number | boolean | null;

/**
 * One CSV field of text that people or organisations typed. A leading = + - @, tab or CR would
 * run as a formula in a spreadsheet (CSV injection): the field gets a leading apostrophe, which
 * makes it text. Fields with a quote, comma, line break, apostrophe or outer spaces are quoted.
 */
export function csvField(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n']/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const cell = (c: CsvCell): string => (c === null ? '' : typeof c === 'string' ? csvField(c) : String(c));

/** The whole file: a BOM, then one CRLF-ended line per row (no rows: the BOM alone). */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return '\uFEFF';
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
