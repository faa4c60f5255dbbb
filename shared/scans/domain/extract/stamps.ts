/**
 * Độ mật and độ khẩn stamps (MẬT, TỐI MẬT, TUYỆT MẬT; KHẨN, THƯỢNG KHẨN, HỎA TỐC) in the header
 * zone, read as runs of capitals, a letter off allowed; and from the coloured stamps OCR read
 * from the page's colour (a red HỎA TỐC turned on the page, which the text never holds), each
 * stamp matched as a whole to the nearest mark. A red stamp read unclearly leaves urgency
 * unknown (null with a reason) and secrecy failed closed.
 */
import type { Secrecy } from '../../../platform/security';
import type { Urgency } from '../../../office';
import { foldDiacritics } from '../../../platform/text/vietnamese';
import { levenshtein } from './fuzzy';
import { isUpperWord, lettersFold, upperShare, wordTokens, type Line } from './lines';
import { HEADER_PHRASES, PROVINCES, SECRECY_STAMPS, URGENCY_STAMPS } from './vocabulary';

// --- mật, khẩn -------------------------------------------------------------------------------------

export function isStampLine(l: Line): boolean {
  const lf = lettersFold(l.fold);
  return /^(?:(?:tuyet|toi)\s+)?mat$|^(?:thuong\s+)?khan$|^hoa\s+toc$/.test(lf) && upperShare(l.text) > 0.6;
}

export interface StampHits {
  /** `line`: where the mark was read (-1: from a coloured stamp, on no text line). */
  /** `reason`: why a mark read is unsure (a word before MẬT not read: failed closed to TUYỆT MẬT). */
  secrecy: { value: Secrecy; confidence: number; line: number; reason?: string } | null;
  urgency: { value: Urgency; confidence: number; line: number } | null;
  noneConfidence: number;
  /** No mark read, but the zone was not read clearly enough to say there is none. */
  doubt?: string | null;
  /** No urgency read, but a red stamp was read too unclearly to say it is none. */
  urgencyDoubt?: string | null;
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

/**
 * A word read before MẬT that may be TỐI or TUYỆT with letters misread: within two edits of either,
 * and no word of a header's names (the issuer's "KIỂM TRA" on the stamp's line is no misread TỐI).
 */
const maybeHigherMark = (f: string): boolean => {
  const w = f.toLowerCase();
  return /^[a-z]{2,6}$/.test(w) && !HEADER_WORDS.has(w) && (levenshtein(w, 'toi') <= 2 || levenshtein(w, 'tuyet') <= 2);
};
const HEADER_WORDS = new Set([...HEADER_PHRASES, ...PROVINCES, 'BÍ'].flatMap((p) => foldDiacritics(p).toLowerCase().split(/[^a-z]+/)).filter(Boolean));

export function findStamps(lines: Line[], headerEnd: number, colour: readonly ColourStamp[] = []): StampHits {
  const hits = findTextStamps(lines, headerEnd);
  return colour.length ? withColourStamps(hits, colour) : hits;
}

function findTextStamps(lines: Line[], headerEnd: number): StampHits {
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
            // A caps word before a lone MẬT that could be TỐI or TUYỆT misread ("LIOI MAT"): the mark may be
            // higher than MẬT; fail closed to the highest (its text is then kept out, as a TUYỆT MẬT letter's).
            if (s.words === 'mat' && prev?.up && maybeHigherMark(prev.f)) {
              secrecy = { value: 'tuyet-mat', confidence: 0.5, line: i, reason: `possibly TỐI MẬT or TUYỆT MẬT (read "${prev.text} ${toks[k]!.text}"): treated as TUYỆT MẬT until the clerk decides` };
            }
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
/** The same ink leaves urgency unknown: a HỎA TỐC or KHẨN may be what OCR could not read. */
export const URGENCY_UNREAD_INK = 'ink in the header zone OCR could not read (a stamp?): HỎA TỐC, KHẨN? the clerk decides';

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


// --- coloured stamps (OcrPage.stamps) ---------------------------------------------------------

/** A coloured stamp as OCR read it: its text, the OCR's confidence (0..1), and how far down page 1 its middle is (0..1), when known. */
export interface ColourStamp {
  text: string;
  confidence: number;
  top?: number;
}

/** Under this OCR confidence a red stamp is read unclearly: urgency unknown, secrecy failed closed. */
export const COLOUR_STAMP_CLEAR = 0.6;
/** A stamp this far down page 1 or lower is no mark's place: read unclearly it leaves no doubt. */
const MARK_BAND = 0.5;
export const URGENCY_RED_UNCLEAR = 'a stamp in the header could not be read clearly (HỎA TỐC, KHẨN?): the clerk decides';
export const SECRECY_RED_UNCLEAR = 'a stamp in the header could not be read clearly (MẬT?): possibly secret, the clerk decides';

const MARKS: readonly ({ kind: 'secrecy'; value: Secrecy; words: string } | { kind: 'urgency'; value: Urgency; words: string })[] = [
  ...SECRECY_STAMPS.map((s) => ({ kind: 'secrecy' as const, value: s.value, words: s.words })),
  ...URGENCY_STAMPS.map((u) => ({ kind: 'urgency' as const, value: u.value, words: u.words })),
];

/**
 * The mark a stamp's whole text is (within one edit, two for marks of seven letters or more),
 * the nearest one; null when none is that near or two are equally near. The whole text, not a
 * word of it: "THƯỢNG KHẨN" misread "THUONG KHAM" is THƯỢNG KHẨN, never KHẨN. (A stamp only
 * half read, "KHẨN" of THƯỢNG KHẨN, is the OCR's to flag: its confidence is lowered when the
 * words cover only part of the stamp.)
 */
export function markOfStamp(text: string): { mark: (typeof MARKS)[number]; exact: boolean } | null {
  const got = lettersFold(foldDiacritics(text).toLowerCase()).replace(/\d+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!got) return null;
  // A bold H is often read as two I's ("KIIẨN"): that reading counts as one edit.
  const hs = got.includes('ii') ? got.replace(/ii/g, 'h') : null;
  let best: (typeof MARKS)[number] | null = null;
  let bestD = Infinity;
  let tie = false;
  for (const m of MARKS) {
    const d = Math.min(levenshtein(got, m.words), hs ? levenshtein(hs, m.words) + 1 : Infinity);
    if (d > (m.words.length >= 7 ? 2 : 1)) continue;
    if (d < bestD) {
      best = m;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best && !tie ? { mark: best, exact: bestD === 0 } : null;
}

/**
 * Ink OCR left unread in the header is explained by a stamp read there clearly as a mark
 * (HỎA TỐC on a greyscale scan): a box of it whose middle lies in such a stamp's box no longer
 * leaves the secrecy question open. A stamp read unclearly, or as no mark, explains nothing.
 */
export function inkExplainedByStamps<B extends { x0: number; y0: number; x1: number; y1: number }>(
  unread: readonly B[],
  stamps: readonly { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }[],
): B[] {
  const marks = stamps.filter((s) => s.confidence >= COLOUR_STAMP_CLEAR && markOfStamp(s.text));
  return unread.filter((b) => {
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    return marks.some((s) => cx >= s.bbox.x0 && cx <= s.bbox.x1 && cy >= s.bbox.y0 && cy <= s.bbox.y1);
  });
}

const SECRECY_RANK: Record<Secrecy, number> = { mat: 1, 'toi-mat': 2, 'tuyet-mat': 3 } as Record<Secrecy, number>;

/** The marks of page 1's coloured stamps joined to those read from the text. */
function withColourStamps(hits: StampHits, colour: readonly ColourStamp[]): StampHits {
  const out: StampHits = { ...hits };
  let unclear = false;
  for (const st of colour) {
    const inBand = st.top === undefined || st.top < MARK_BAND;
    const found = markOfStamp(st.text);
    if (st.confidence < COLOUR_STAMP_CLEAR) {
      if (inBand) unclear = true;
      continue;
    }
    if (!found) continue;
    const confidence = found.exact ? (st.confidence >= 0.75 ? 0.93 : 0.85) : 0.78;
    const { mark } = found;
    if (mark.kind === 'secrecy') {
      // Two marks: the higher one stands (fail closed).
      if (!out.secrecy || SECRECY_RANK[mark.value] > SECRECY_RANK[out.secrecy.value]) out.secrecy = { value: mark.value, confidence, line: -1 };
      else if (out.secrecy.value === mark.value) out.secrecy = { ...out.secrecy, confidence: Math.max(out.secrecy.confidence, confidence) };
    } else if (!out.urgency) out.urgency = { value: mark.value, confidence, line: -1 };
    else if (out.urgency.value === mark.value) out.urgency = { ...out.urgency, confidence: Math.max(out.urgency.confidence, confidence) };
    // The stamp is the mark itself; the text disagreeing with a clear stamp makes either unsure.
    else out.urgency = confidence >= out.urgency.confidence ? { value: mark.value, confidence: 0.6, line: -1 } : { ...out.urgency, confidence: 0.6 };
  }
  if (out.secrecy) out.doubt = null;
  else if (unclear && !out.doubt) out.doubt = SECRECY_RED_UNCLEAR;
  if (!out.urgency && unclear) out.urgencyDoubt = URGENCY_RED_UNCLEAR;
  return out;
}

/** What the extractor is given of an OCR page (OcrPage's stamps, its height for where they sit). */
interface PageWithStamps {
  height?: number;
  stamps?: readonly { text: string; confidence: number; bbox?: { y0: number; y1: number } }[];
}

/** Page 1's coloured stamps from the OCR pages the extractor was given (any page object; those without stamps give none). */
export function stampsOfPages(pages: readonly object[] | undefined): ColourStamp[] {
  const first = pages?.[0] as PageWithStamps | undefined;
  if (!first || !Array.isArray(first.stamps)) return [];
  const h = typeof first.height === 'number' && first.height > 0 ? first.height : null;
  return first.stamps
    .filter((s) => typeof s?.text === 'string' && typeof s.confidence === 'number')
    .map((s) => ({ text: s.text, confidence: s.confidence, ...(h && s.bbox ? { top: (s.bbox.y0 + s.bbox.y1) / 2 / h } : {}) }));
}
