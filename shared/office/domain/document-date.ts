/**
 * Địa danh, ngày tháng năm of a Party document ("Hưng Yên, ngày 05 tháng 3 năm 2026", 36-HD):
 * one reading shared by the scan extractor (OCR text) and the draft precheck (typed text). Pure.
 *
 * Lines are read folded: no diacritics, lower case, same length as the original (so a match's
 * positions cut the original line). Two tolerances of the same phrase:
 * - `ocr`: the words misread ("ngav", "thang", "nam" with letters lost), l/i/| and o among the
 *   digits, and the numeric form "ngày 3/2/2017";
 * - `typed`: a draft's line, the place and its comma required, and the day, month and year
 *   possibly left blank (dots, ellipses, underscores) until signature.
 */
import { daysInMonth } from './deadlines';

/** The date phrase found on a folded line: where it is and its parts as written. */
export interface DatePhrase {
  /** Where the match starts in the line (for `ocr`, perhaps the character before "ngày"). */
  index: number;
  /** The whole match. */
  text: string;
  /** `typed` only: the place before the comma, folded. */
  place?: string;
  day: string;
  month: string;
  year: string;
  /** "ngày 3/2/2017" rather than words. */
  numeric: boolean;
}

const OCR_WORDS = /(?:^|[^a-z])ng[a-z?]{0,3}y?\s*[:.]?\s*([0-9oli|]{1,2})\s*[,.]?\s*th[a-z?]{1,3}g?\s*[:.]?\s*([0-9oli|]{1,2})\s*[,.]?\s*n[a-z?]{1,3}\s*[:.]?\s*([0-9oli|]{4})/;
// "ngày 3/2/2017" and "3-2-2017" forms after a place.
const OCR_NUMERIC = /(?:^|[^a-z])ng[a-z?]{0,3}\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})/;
// Place, then "ngày dd tháng mm năm yyyy"; blanks (dots, spaces) allowed in drafts.
const TYPED = /([a-z.]+(?: [a-z.]+)*)\s*,\s*ngay\s*(\d{1,2}|[.…_ \t]*?)\s*thang\s*(\d{1,2}|[.…_ \t]*?)\s*nam\s*(\d{4}|[.…_ \t]*)/;

/** The first date phrase on a folded, lower-case line, or null. */
export function findDatePhrase(folded: string, tolerance: 'ocr' | 'typed'): DatePhrase | null {
  if (tolerance === 'typed') {
    const m = TYPED.exec(folded);
    return m ? { index: m.index, text: m[0], place: m[1]!, day: m[2]!, month: m[3]!, year: m[4]!, numeric: false } : null;
  }
  const words = OCR_WORDS.exec(folded);
  const m = words ?? OCR_NUMERIC.exec(folded);
  return m ? { index: m.index, text: m[0], day: m[1]!, month: m[2]!, year: m[3]!, numeric: !words } : null;
}

/** Whether a folded line holds "ngày … tháng … năm …" in words (OCR-tolerant): a date line, not a subject's. */
export const hasWrittenDate = (folded: string): boolean => OCR_WORDS.test(folded);

/** The ISO date (yyyy-mm-dd) of a day that exists (month 1–12, day within the month), or null. */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** What the written day, month and year of a document say. */
export type WrittenDate =
  | { kind: 'blank' }
  | { kind: 'incomplete' }
  | { kind: 'invalid' }
  | { kind: 'date'; iso: string; day: number; month: number; year: number };

/**
 * Reads the parts of "ngày … tháng … năm …" as a draft writes them: all digits → the day (or
 * `invalid` when there is no such day); the day or the month written but not all → `incomplete`;
 * neither → `blank` (left to fill at signature).
 */
export function readWrittenDate(dayText: string, monthText: string, yearText: string): WrittenDate {
  const digits = (s: string) => /^\d+$/.test(s);
  if (!digits(dayText) || !digits(monthText) || !digits(yearText)) {
    return digits(dayText) || digits(monthText) ? { kind: 'incomplete' } : { kind: 'blank' };
  }
  const [day, month, year] = [Number(dayText), Number(monthText), Number(yearText)];
  const iso = calendarDate(year, month, day);
  return iso ? { kind: 'date', iso, day, month, year } : { kind: 'invalid' };
}

/**
 * How 36-HD writes the day and month ("ngày 06 tháng 02", "ngày 15 tháng 3"): a leading zero
 * for days 1–9 and months 1–2 only. The phrase as it should be written when `dayText` or
 * `monthText` is written otherwise, else null.
 */
export function dateWritingAdvice(day: number, month: number, dayText: string, monthText: string): string | null {
  const dayOk = day < 10 ? dayText.length === 2 : true;
  const monthOk = month <= 2 ? monthText.length === 2 : monthText.length === String(month).length;
  if (dayOk && monthOk) return null;
  return `ngày ${String(day).padStart(2, '0')} tháng ${month <= 2 ? String(month).padStart(2, '0') : month}`;
}
