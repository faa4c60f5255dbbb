/**
 * Địa danh and ngày tháng năm: the date line (the office's reading of a Vietnamese document
 * date, OCR-tolerant) scored for being the document's own, and the place name before it.
 */
import { findNumberSymbols } from '../../../office/domain/number-symbol';
import { foldDiacritics } from '../../../platform/text/vietnamese';
import { fixDigitRun, isUpperWord, wordTokens, type Line } from './lines';

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

export const DATE_RE = /(?:^|[^a-z])ng[a-z?]{0,3}y?\s*[:.]?\s*([0-9oli|]{1,2})\s*[,.]?\s*th[a-z?]{1,3}g?\s*[:.]?\s*([0-9oli|]{1,2})\s*[,.]?\s*n[a-z?]{1,3}\s*[:.]?\s*([0-9oli|]{4})/;
// "ngày 3/2/2017" and "3-2-2017" forms after a place.
const DATE_NUMERIC_RE = /(?:^|[^a-z])ng[a-z?]{0,3}\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})/;

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1930 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

export function findDateLine(lines: Line[], symbolLine: number, today?: Date): DateHit | null {
  const candidates: (DateHit & { score: number })[] = [];
  for (const l of lines) {
    if (!l.text) continue;
    let m = DATE_RE.exec(l.fold);
    let numeric = false;
    if (!m) {
      m = DATE_NUMERIC_RE.exec(l.fold);
      numeric = !!m;
    }
    if (!m) continue;
    // Between "ngày", "tháng" and "năm" only numbers stand: a lone l, i or | is 1 and o is 0 there
    // ("ngày l tháng 9"), once the year shows real digits.
    const inDate = /\d.*\d/.test(m[3]!);
    const num = (g: string) => Number((inDate ? g.replace(/o/g, '0').replace(/[li|]/g, '1') : fixDigitRun(g)).replace(/\D/g, '') || 'NaN');
    const d = num(m[1]!);
    const mo = num(m[2]!);
    const y = num(m[3]!);
    if (!validDate(y, mo, d)) continue;
    if (today && Date.UTC(y, mo - 1, d) > today.getTime() + 86_400_000) continue;
    const start = m.index + /^[^a-z]*/.exec(m[0])![0].length;
    const before = l.text.slice(0, start);
    const place = placeOf(before);
    const placeStart = place ? before.lastIndexOf(place) : -1;
    // The date line has a comma before "ngày" and sits near the top.
    let score = 3 - (l.index / Math.max(1, lines.length)) * 4;
    if (/,\s*$/.test(before)) score += 2;
    if (place) score += 1;
    if (Math.abs(l.index - symbolLine) <= 2) score += 1;
    if (numeric) score -= 1.5;
    const digitsFixed = /[oli|]/.test(m[1]! + m[2]! + m[3]!);
    const confidence = (numeric ? 0.75 : 0.95) * (digitsFixed ? 0.85 : 1);
    candidates.push({
      line: l.index,
      iso: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
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
