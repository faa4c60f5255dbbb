/**
 * Độ mật and độ khẩn stamps (MẬT, TỐI MẬT, TUYỆT MẬT; KHẨN, THƯỢNG KHẨN, HỎA TỐC) in the header
 * zone, read as runs of capitals, a letter off allowed.
 */
import type { Secrecy } from '../../../platform/security';
import type { Urgency } from '../../../office';
import { foldDiacritics } from '../../../platform/text/vietnamese';
import { levenshtein } from './fuzzy';
import { isUpperWord, lettersFold, upperShare, wordTokens, type Line } from './lines';
import { SECRECY_STAMPS, URGENCY_STAMPS } from './vocabulary';

// --- mật, khẩn -------------------------------------------------------------------------------------

export function isStampLine(l: Line): boolean {
  const lf = lettersFold(l.fold);
  return /^(?:(?:tuyet|toi)\s+)?mat$|^(?:thuong\s+)?khan$|^hoa\s+toc$/.test(lf) && upperShare(l.text) > 0.6;
}

export interface StampHits {
  /** `line`: where the mark was read. */
  secrecy: { value: Secrecy; confidence: number; line: number } | null;
  urgency: { value: Urgency; confidence: number; line: number } | null;
  noneConfidence: number;
  /** No mark read, but the zone was not read clearly enough to say there is none. */
  doubt?: string | null;
}

/**
 * A two-word stamp read with one word a letter off ("TÖỔI MẬT", "THƯƠNG KHÂN" → "thuong khan"
 * is exact, "TUYẸT MẬT"): the other word exact, this one within one edit (two for TUYỆT, THƯỢNG).
 */
function nearStamp(two: string | null, words: string): boolean {
  const want = words.split(' ');
  if (!two || want.length !== 2) return false;
  const got = two.split(' ');
  if (got.length !== 2) return false;
  const within = (a: string, b: string) => levenshtein(a, b) <= (b.length >= 5 ? 2 : 1);
  return (got[0] === want[0] && within(got[1]!, want[1]!)) || (got[1] === want[1] && within(got[0]!, want[0]!));
}

export function findStamps(lines: Line[], headerEnd: number): StampHits {
  let secrecy: StampHits['secrecy'] = null;
  let urgency: StampHits['urgency'] = null;
  let end = Math.min(lines.length, Math.max(headerEnd + 1, 6));
  // Stamps printed one under the other (TỐI MẬT, HỎA TỐC) below the header zone's end.
  while (end < lines.length && (!lines[end]!.text || isStampLine(lines[end]!))) end++;
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    // Runs of ALL-CAPS words; the stamp is a run of its own (or merged with another column's).
    const toks = wordTokens(l.text).map((t) => ({ ...t, up: isUpperWord(t.text) || /^[A-ZĐ]+$/.test(t.text), f: foldDiacritics(t.text) }));
    const alone = lettersFold(l.fold);
    for (let k = 0; k < toks.length; k++) {
      if (!toks[k]!.up) continue;
      const prev = toks[k - 1];
      // "BÍ MẬT" in a caps title is not a stamp.
      if (prev && prev.up && prev.f === 'bi') continue;
      const two = k + 1 < toks.length && toks[k + 1]!.up ? `${toks[k]!.f} ${toks[k + 1]!.f}` : null;
      const one = toks[k]!.f;
      const isAlone = (words: string) => alone === words;
      if (!secrecy) {
        for (const s of SECRECY_STAMPS) {
          if (two === s.words || (s.words.split(' ').length === 1 && one === s.words) || nearStamp(two, s.words)) {
            // "TỐI MẬT" / "TUYỆT MẬT" win over the "MẬT" inside them: longest words are listed first.
            secrecy = { value: s.value, confidence: isAlone(s.words) ? 0.95 : 0.8, line: i };
            break;
          }
        }
      }
      if (!urgency) {
        for (const u of URGENCY_STAMPS) {
          if (two === u.words || (u.words.split(' ').length === 1 && one === u.words) || nearStamp(two, u.words)) {
            urgency = { value: u.value, confidence: isAlone(u.words) ? 0.95 : 0.8, line: i };
            break;
          }
        }
      }
    }
  }
  return { secrecy, urgency, noneConfidence: 0.85, doubt: secrecy ? null : markDoubt(lines, end) };
}

/** Why the reader cannot be sure no secrecy mark sits in the header zone, or null when it read the zone clearly. */
export const SECRECY_DOUBT = 'mark zone not clearly read: possibly secret, the clerk decides';
/** Why, when OCR left ink unread in the header (a stamp it could not read). */
export const SECRECY_UNREAD_INK = 'ink in the header zone OCR could not read (a stamp?): possibly secret, the clerk decides';

/**
 * Fail closed (issue 14): a secrecy mark the reader is not sure it saw absent. In the header
 * zone (where MẬT, TỐI MẬT, TUYỆT MẬT sit), a word a letter or two from "MẬT" that is no
 * mark it knows, or a line OCR could not make letters of (a stamp's box, a red seal read as
 * specks), leaves the question open.
 */
export function markDoubt(lines: Line[], end: number): string | null {
  for (let i = 0; i < Math.min(end, lines.length); i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    for (const t of wordTokens(l.text)) {
      const f = foldDiacritics(t.text);
      if (!isUpperWord(t.text) || f === 'mat' || f.length < 2 || f.length > 4) continue;
      if (levenshtein(f, 'mat') === 1 && /^[mnh]/.test(f)) return SECRECY_DOUBT;
    }
    const chars = l.text.replace(/\s+/g, '');
    const letters = chars.replace(/[^\p{L}]/gu, '').length;
    // A line of specks and stray letters (not the star under the name, not a rule).
    if (chars.length >= 4 && letters / chars.length < 0.4 && !/\d{2}/.test(chars) && !/^[-–—_=~.*•·★]+$/.test(chars)) return SECRECY_DOUBT;
  }
  return null;
}
