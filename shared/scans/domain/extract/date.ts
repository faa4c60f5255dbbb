/**
 * Địa danh and ngày tháng năm: the date line (the office's reading of a Vietnamese document
 * date, OCR-tolerant) scored for being the document's own, and the place name before it.
 */
import { calendarDate, findDatePhrase } from '../../../office';
import { findNumberSymbols } from '../../../office';
import { foldDiacritics } from '../../../platform/text/vietnamese';
import { fixDigitRun, isUpperWord, wordTokens, type Line } from './lines';
import { isCopyNumberLine } from './copy-marks';

// --- địa danh, ngày tháng năm -------------------------------------------------------------------

export interface DateHit {
  line: number;
  iso: string;
  place: string | null;
  confidence: number;
  placeConfidence: number;
  /** Where the date line (its place name, else "ngày") starts on its line (after any left-column text). */
  start: number;
}

/** Years a scanned letter's date may carry; an OCR misreading outside them is not a date. */
export const PLAUSIBLE_YEARS = { from: 1930, to: 2100 };

/**
 * The date line, read only in the header zone (lines before `zoneEnd`): a date cited in the
 * body ("Nghị định số 161/2024/NĐ-CP ngày 18/12/2024") is never the document's. A day or month
 * squeezed against its word ("ngày5 tháng", the digits written by hand in the gap) is given
 * as unsure.
 */
export function findDateLine(lines: Line[], symbolLine: number, today?: Date, zoneEnd: number = lines.length): DateHit | null {
  const candidates: (DateHit & { score: number })[] = [];
  for (const l of lines.slice(0, Math.min(zoneEnd, lines.length))) {
    if (!l.text) continue;
    const m = findDatePhrase(l.fold, 'ocr');
    if (!m) continue;
    const numeric = m.numeric;
    // Between "ngày", "tháng" and "năm" only numbers stand: a lone l, i or | is 1 and o is 0 there
    // ("ngày l tháng 9"), once the year shows real digits.
    const inDate = /\d.*\d/.test(m.year);
    const num = (g: string) => Number((inDate ? g.replace(/o/g, '0').replace(/[li|]/g, '1') : fixDigitRun(g)).replace(/\D/g, '') || 'NaN');
    const d = num(m.day);
    const mo = num(m.month);
    const y = num(m.year);
    const iso = y >= PLAUSIBLE_YEARS.from && y <= PLAUSIBLE_YEARS.to ? calendarDate(y, mo, d) : null;
    if (!iso) continue;
    if (today && Date.UTC(y, mo - 1, d) > today.getTime() + 86_400_000) continue;
    const start = m.index + /^[^a-z]*/.exec(m.text)![0].length;
    const before = l.text.slice(0, start);
    const place = placeOf(before);
    // A date in figures with no place before it is a stamp's ("ĐẾN Số 2770 / Ngày 12/3/2025"), not the date line.
    if (numeric && !place) continue;
    const placeStart = place ? before.lastIndexOf(place) : -1;
    // The date line has a comma before "ngày" and sits near the top.
    let score = 3 - (l.index / Math.max(1, lines.length)) * 4;
    // A copy's date (SAO Y: on its Số line, or the line after it) is not the document's.
    const prev = lines[l.index - 1];
    if (isCopyNumberLine(l.text.slice(0, start)) || (prev && isCopyNumberLine(prev.text))) score -= 4;
    if (/,\s*$/.test(before)) score += 2;
    if (place) score += 1;
    if (Math.abs(l.index - symbolLine) <= 2) score += 1;
    if (numeric) score -= 1.5;
    const digitsFixed = /[oli|]/.test(m.day + m.month + m.year);
    // Handwritten day or month: glued to "ngày"/"tháng" or followed by a stray mark.
    const squeezed = !numeric && (/ng[a-z?]{0,3}y?[0-9oli|]/.test(m.text) || /[0-9oli|]th[a-z?]{1,3}g/.test(m.text) || /th[a-z?]{1,3}g?[0-9]/.test(m.text));
    const confidence = (numeric ? 0.75 : 0.95) * (digitsFixed ? 0.85 : 1) * (squeezed ? 0.65 : 1);
    candidates.push({
      line: l.index,
      iso,
      place,
      confidence,
      placeConfidence: place ? (/,\s*$/.test(before) ? 0.85 : 0.7) : 0.3,
      start: placeStart >= 0 ? placeStart : start,
      score,
    });
  }
  if (!candidates.length) return null;
  candidates.sort((a, b) => b.score - a.score || a.line - b.line);
  return candidates[0]!;
}

/** The place name before ", ngày …": what is left after the left column's text (Số …, a stamp). */
export function placeOf(before: string): string | null {
  let s = before.replace(/[,.;:\s]+$/, '');
  // Drop a number-symbol (and what precedes it) merged from the left column.
  const syms = findNumberSymbols(s);
  if (syms.length) {
    const last = syms[syms.length - 1]!;
    s = s.slice(last.index + last.length);
  }
  s = s.replace(/^[^\p{L}]+/u, '').trim();
  if (!s) return null;
  const toks = wordTokens(s);
  if (!toks.length) return null;
  // Trailing run of capitalised words (place names are capitalised: "Hoàng Văn Thụ", "TP. Hồ Chí Minh").
  const joiners = new Set(['pho', 'xa', 'thi', 'tran', 'quan', 'huyen', 'tinh', 'phuong']);
  let i = toks.length - 1;
  let taken = 0;
  while (i >= 0 && taken < 7) {
    const t = toks[i]!.text;
    if (/^\p{Lu}/u.test(t) || (joiners.has(foldDiacritics(t)) && i > 0)) {
      // Stop at a stamp word or an all-caps column text before the place.
      if (isUpperWord(t) && t.length > 3 && taken > 0) break;
      i--;
      taken++;
    } else break;
  }
  if (!taken) return null;
  // A leading all-caps run is left-column text (MẬT, KHẨN…), not the place.
  let from = i + 1;
  while (from < toks.length - 1 && isUpperWord(toks[from]!.text) && toks[from]!.text.length > 2 && /^(mat|khan|hoa|toc|toi|tuyet|thuong)$/.test(foldDiacritics(toks[from]!.text))) from++;
  const out = s.slice(toks[from]!.start, toks[toks.length - 1]!.end).trim();
  return out || null;
}

/** "tháng" in folded text; its "t" perhaps read as a mark glued to the handwriting before it ("2@háng"). */
export const THANG_FOLDED = /(?:t|[^a-z\s])h[a-z?]{1,3}g/;
/** "ngày" folded (its y perhaps read as "v"), up to its first y: a handwritten "1" glued to it may read as one too ("ngàyŸ6"). */
export const NGAY = /ng[a-z?]{0,2}?[yv]/;

/**
 * A line of the header zone that reads as a date line whose day or month the reader could not
 * make out ("ngàyØftháng 02 năm 2025", "ngày 2@háng 11 năm 2024"; "ngàVÀ . tháng", the "y" and a
 * handwritten "3" glued to it read as "VÀ": the handwriting gaps take "v" for the "y" too; "ngà&",
 * the y and the handwriting over it one mark, where the day's gap cannot be placed: the date is
 * left to the clerk, with the reason "handwritten").
 */
export function unreadDateLine(lines: Line[], zoneEnd: number): Line | null {
  for (const l of lines.slice(0, Math.min(zoneEnd, lines.length))) {
    if (!l.text) continue;
    if (/ng(?:[a-z?]{0,3}[yv]|a[^\sa-z\d.,:;-])/.test(l.fold) && THANG_FOLDED.test(l.fold) && /n[a-z?]{1,3}m\s*[0-9oli|]{4}/.test(l.fold)) return l;
  }
  return null;
}
