/**
 * Handwritten numbers and days (issue 14, point 4). On a State letter (and many Party ones) the
 * văn thư writes the number and the day by hand after signature, in the gaps the printed form
 * leaves: "Số:  ___ /UBND-TTHC", "ngày ___ tháng 01 năm 2025". A print OCR reads them badly.
 *
 * Two pure steps around the engine's digit recogniser:
 * - `handwritingSpots` finds those gaps on a page from OCR's printed words, by position: the
 *   header band (top of the page), right of "Số" and left of the printed symbol's tail; right
 *   of "ngày" and left of "tháng"; right of "tháng" and left of "năm". The engine reads the
 *   digits there and gives them back as `HandReading`s on the page.
 * - `handwrittenNumber` / `handwrittenDate` turn those readings into field values, checked
 *   against what else is known (the printed symbol, month and year; a date not in the future
 *   and not after the issuer's signing time on a signed PDF). What stays unsure is null.
 */
import { median, type LayoutBox, type LayoutLine, type LayoutWord } from './layout';
import { foldSameLength } from './lines';
import { opensBody } from './zones';
import { onlyMarks, SLASHLESS_STATE_TAIL } from './header';
import { NGAY, THANG_FOLDED } from './date';
import { calendarDate } from '../../../office';
import { isCopyNumberLine } from './copy-marks';

export type HandSpotKind = 'number' | 'day' | 'month';

/** A gap where a handwritten number is expected, in the page's pixels. */
export interface HandSpot {
  kind: HandSpotKind;
  bbox: LayoutBox;
  /** Where the printed part after the gap starts (x, page pixels; an estimate from the printed characters' width): digits right of it are print, not handwriting. */
  printedFrom: number;
  /** The width of a printed character on the line (pixels): how far off `printedFrom` may be. */
  charWidth: number;
}

/** What the engine's digit recogniser read in a spot. */
export interface HandReading {
  kind: HandSpotKind;
  /** The digits read, left to right ("" when nothing was read). */
  text: string;
  /** The least sure digit's probability (0..1). */
  confidence: number;
  /** Per digit: the first and second choice with their probabilities. */
  digits?: { char: string; p: number; second?: { char: string; p: number } }[];
  /** Where the digits were read, page pixels. */
  bbox?: LayoutBox;
  /** Pieces of ink in the gap the recogniser judged not to be digits (a digit it could not read, or a speck). */
  rejected?: number;
}

/** The band of the page the header sits in (fraction of the page height from the top). */
export const HEADER_BAND = 0.42;

const fold = foldSameLength;
/** "Số", "Số:", "số:" as OCR reads them ("S6:", "5ố:"): the word before the number. */
const SO_WORD = /^[s5$]s?[o0ô6][:.;]?$/;
/** "Số:" glued to what follows ("Số:574/UBND…"). */
const SO_GLUED = /^[s5$]s?[o0ô6][:.;]/;
/** "Số" glued to the handwriting with no colon between ("Số2wL", "sổ]Š1"): taken only as a line's first word, right before the printed tail. */
const SO_LOOSE = /^[s5$]s?[o0ô6]/;
/**
 * The printed tail of a number-symbol: State "/UBND-TTHC", "/QĐ-UBND", "/2024/NĐ-CP" (its type's
 * small print may be read in lower case before the body's capitals: "/pc-UBND"); Party "-NQ/TU".
 */
const STATE_TAIL = /\/\s*(?:[\p{Lu}Đ]|\p{Ll}{1,4}\s*[-\u2010-\u2015]\s*\p{Lu})/u;
const PARTY_TAIL = /[-\u2010-\u2015]\s*\p{Lu}[\p{L}]{0,5}\s*\//u;
/** A printed slash's width, in printed characters. */
const SLASH_WIDTH = 0.5;

/** Mean width of a printed character on the line, from its clearly read words (pixels). */
function charWidth(line: LayoutLine, skip: Set<LayoutWord>): number {
  let px = 0;
  let chars = 0;
  for (const w of line.words ?? []) {
    if (skip.has(w) || (w.confidence ?? 0) < 0.85) continue;
    const n = [...w.text].length;
    if (n < 3 || !/^\p{L}+[,.;:]?$/u.test(w.text)) continue;
    px += w.bbox.x1 - w.bbox.x0;
    chars += n;
  }
  if (chars >= 6) return px / chars;
  const h = line.bbox ? line.bbox.y1 - line.bbox.y0 : 40;
  return h * 0.55;
}

/** The box of a gap on a line between x0 and x1, a little taller than the line (handwriting rises above and dips below print). */
function gap(line: LayoutLine, x0: number, x1: number, pageWidth: number, pageHeight: number): LayoutBox | null {
  const b = line.bbox ?? unionOf(line.words ?? []);
  if (!b || x1 - x0 < 4) return null;
  const h = b.y1 - b.y0;
  return {
    x0: Math.max(0, Math.round(x0)),
    x1: Math.min(pageWidth, Math.round(x1)),
    y0: Math.max(0, Math.round(b.y0 - h * 0.45)),
    y1: Math.min(pageHeight, Math.round(b.y1 + h * 0.35)),
  };
}

function unionOf(words: LayoutWord[]): LayoutBox | null {
  if (!words.length) return null;
  return {
    x0: Math.min(...words.map((w) => w.bbox.x0)),
    y0: Math.min(...words.map((w) => w.bbox.y0)),
    x1: Math.max(...words.map((w) => w.bbox.x1)),
    y1: Math.max(...words.map((w) => w.bbox.y1)),
  };
}

/**
 * Where the printed character at `index` of a word starts, from the engine's own character
 * boxes: the "/" of a tail or the "t" of "tháng" that OCR glued to the handwriting before it.
 * Undefined when the engine gives none (or they do not spell the word): the caller estimates
 * from printed character widths. (Only where print starts after handwriting: the box of the
 * last printed character before it, "Số:" or "ngày", often swallows the handwriting's first
 * stroke.) The box of that character itself may swallow the handwriting's last stroke, too: a
 * "t" of "tháng" boxed over the "7" of a "27" before it, three characters wide. A box wider than
 * twice a printed character `cw` is not the character's own: it starts about one character
 * before the next character's box.
 */
function charStart(w: LayoutWord, index: number, cw: number): number | undefined {
  const at = charAt(w, index);
  if (!at || at.from !== index) return undefined;
  const { box, next } = at;
  return box.x1 - box.x0 > 2 * cw && next ? Math.max(box.x0, next.x0 - cw) : box.x0;
}

/** Where the engine's box of the character at `index` of a word ends (undefined without character boxes that spell the word). */
const charEnd = (w: LayoutWord, index: number): number | undefined => charAt(w, index)?.box.x1;

/** The engine's box holding the character at `index` of a word (where it starts in the text, and the next box), when its boxes spell the word. */
function charAt(w: LayoutWord, index: number): { box: NonNullable<LayoutWord['chars']>[number]; from: number; next?: NonNullable<LayoutWord['chars']>[number] } | undefined {
  const chars = w.chars;
  if (!chars?.length || chars.map((c) => c.text).join('') !== w.text) return undefined;
  let from = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (from + c.text.length > index) return { box: c, from, ...(chars[i + 1] ? { next: chars[i + 1]! } : {}) };
    from += c.text.length;
  }
  return undefined;
}

/** Where, in a word's box, the character at `index` starts, measured from the word's right end in printed characters of width `cw`. */
const fromRight = (w: LayoutWord, index: number, cw: number): number => Math.max(w.bbox.x0, w.bbox.x1 - ([...w.text.slice(index)].length) * cw);

/** A word's box this many times as wide as its characters holds more than the word (handwriting OCR did not read). */
const STRETCHED = 1.5;

/** The gap after "Số" on a header line, up to the printed symbol's tail. */
function numberSpot(line: LayoutLine, width: number, height: number): HandSpot | null {
  const words = line.words ?? [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const f = fold(w.text);
    const alone = SO_WORD.test(f);
    const glued = !alone ? (SO_GLUED.exec(f) ?? (i === 0 ? SO_LOOSE.exec(f) : null)) : null;
    if (!alone && !glued) continue;
    // The word holding the printed tail: this one (glued) or one of the next three (the next one after a loose "Số").
    const loose = !!glued && !SO_GLUED.test(f);
    for (let k = alone ? i + 1 : i; k < Math.min(words.length, i + 4); k++) {
      const t = words[k]!;
      // After a loose "Số", only handwriting read as junk may stand before the tail, no printed word.
      if (loose && k > i && /\p{L}{2}/u.test(words[k - 1]!.text) && k - 1 > i) break;
      // The tail starts at the first of a Party "-NQ/" or a State "/UBND": "-NQ/TU" holds both.
      // A State tail whose slash the handwriting swallowed ("4UBND-NNTN") starts at its capitals.
      const slashless = SLASHLESS_STATE_TAIL.exec(t.text);
      const tails = [STATE_TAIL.exec(t.text), PARTY_TAIL.exec(t.text), slashless].filter((m): m is RegExpExecArray => !!m);
      if (!tails.length) continue;
      const tail = tails.reduce((a, b) => (b.index < a.index ? b : a));
      const cw = charWidth(line, new Set([w, t]));
      // Glued: the gap starts after the printed "Số:", estimated from the characters' width, or where the engine boxed its last character when that is earlier.
      // Alone: the gap starts where "Số:" ends; where its box is half as wide again as its characters, OCR
      // stretched it over handwriting it did not read ("3875" read "75", its "38" under the box): after its characters.
      const chars = [...w.text].length * cw;
      // Alone, its colon boxed wider than a letter swallowed the first digit written against it ("Số:3" read "Số:"): the gap starts at the colon.
      const colon = alone ? charAt(w, w.text.length - 1) : undefined;
      const colonSwallowed = colon && /^[:.;]$/.test(colon.box.text) && colon.box.x1 - colon.box.x0 > cw ? colon.box.x0 + cw * 0.4 : Infinity;
      const left = alone
        ? Math.min(w.bbox.x1 - w.bbox.x0 > STRETCHED * chars ? w.bbox.x0 + chars : w.bbox.x1, colonSwallowed)
        : Math.min(w.bbox.x0 + glued![0].length * cw, charEnd(w, glued![0].length - 1) ?? Infinity);
      // A word that starts with the tail ("/CT-UBND") is boxed from its slash: exact. Glued to the handwriting ("16/CT-UBND"), estimated.
      const tailAt = charStart(t, tail.index, cw) ?? (tail.index === 0 && k > i ? t.bbox.x0 : fromRight(t, tail.index, cw * 1.1));
      // A swallowed slash stands half a character before the capitals: print too (read, it is a 1).
      const printedFrom = tail === slashless ? tailAt - cw * SLASH_WIDTH : tailAt;
      const box = gap(line, left + cw * 0.1, printedFrom + cw * 0.05, width, height);
      return box ? { kind: 'number', bbox: box, printedFrom, charWidth: cw } : null;
    }
    return null;
  }
  return null;
}

/**
 * The gap of a Số line whose "Số" OCR lost with the number (the handwriting over it): a line that
 * opens with a State tail, after a few marks at most ("/SNV-TCBC", "saV \Š /BC-UBND"). The gap runs
 * from its first mark, or 7 printed characters before the tail ("Số:" and a number), to the tail.
 */
function tailOnlySpot(line: LayoutLine, width: number, height: number): HandSpot | null {
  const words = line.words ?? [];
  // The tail's word (the line may go on into the right column: "saV \Š /BC-UBND Gia Lai, ngày …").
  const k = words.findIndex((w) => STATE_TAIL.exec(w.text)?.index === 0);
  if (k < 0) return null;
  const before = words.slice(0, k);
  // Marks only, as the header's Số line test has it.
  if (!onlyMarks(before.map((w) => w.text).join(' '))) return null;
  const t = words[k]!;
  // The tail's capitals are as wide as the line's printed characters, or wider (few clean words on such a line).
  const cw = Math.max(charWidth(line, new Set(words)), (t.bbox.x1 - t.bbox.x0) / Math.max(1, [...t.text].length));
  const left = before.length ? before[0]!.bbox.x0 : t.bbox.x0 - 7 * cw;
  const box = gap(line, left, t.bbox.x0 + cw * 0.05, width, height);
  return box ? { kind: 'number', bbox: box, printedFrom: t.bbox.x0, charWidth: cw } : null;
}

/** A "y" boxed this many times as wide as the other letters of its word holds more than the y; the y itself is this wide. */
const Y_STRETCHED = 1.45;
const Y_WIDTH = 1.2;
const NAM = /^n[a-z?]{1,2}m/;

/** The gaps after "ngày" (the day) and after "tháng" (the month) on the date line. */
function dateSpots(line: LayoutLine, width: number, height: number): HandSpot[] {
  const words = line.words ?? [];
  const out: HandSpot[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const f = fold(w.text);
    const ng = NGAY.exec(f);
    if (!ng) continue;
    // "tháng" in this word (glued: "ngàyØftháng") or one of the next three.
    let k = -1;
    let th: RegExpExecArray | null = null;
    const glued = THANG_FOLDED.exec(f.slice(ng.index + ng[0].length));
    if (glued) k = i;
    else {
      for (let j = i + 1; j < Math.min(words.length, i + 4); j++) {
        if ((th = THANG_FOLDED.exec(fold(words[j]!.text)))) {
          k = j;
          break;
        }
      }
      if (k < 0) continue;
    }
    const t = words[k]!;
    const cw = charWidth(line, new Set([w, t]));
    // From printed character widths, or the engine's box of the "y" when it ends sooner: a word that
    // holds the place as well ("Lắk,ngày93") has wider characters before "ngày" than the line's.
    const yIndex = ng.index + ng[0].length - 1;
    const yAt = charAt(w, yIndex);
    // The y's own box stretched over a stroke after it (a "1" written close: "ngày|5" boxed "y" + "?"):
    // wider than the word's other letters allow, the day starts a letter's width into it.
    const letterW = median((w.chars ?? []).filter((c) => c !== yAt?.box && /\p{L}/u.test(c.text)).map((c) => c.x1 - c.x0));
    const yStretched = yAt && yAt.from === yIndex && letterW > 0 && yAt.box.x1 - yAt.box.x0 > Y_STRETCHED * letterW ? yAt.box.x0 + Y_WIDTH * letterW : Infinity;
    const dayFrom = Math.min(w.bbox.x0 + [...w.text.slice(0, yIndex + 1)].length * cw, yAt?.box.x1 ?? Infinity, yStretched);
    const thangAt = glued ? ng.index + ng[0].length + glued.index : th!.index;
    // OCR often glues the handwritten day's last stroke to "tháng" ("“tháng", "7tháng"): the gap ends where the printed word starts.
    const dayTo = charStart(t, thangAt, cw) ?? (k === i || thangAt > 0 ? fromRight(t, thangAt, cw) : t.bbox.x0);
    const day = gap(line, dayFrom, dayTo, width, height);
    if (day) out.push({ kind: 'day', bbox: day, printedFrom: dayTo, charWidth: cw });
    // The month: after "tháng", before "năm".
    const thangEnd = (glued ? ng.index + ng[0].length + glued.index + glued[0].length : th!.index + th![0].length);
    const monthFrom = [...t.text].length > thangEnd ? fromRight(t, thangEnd, cw) : t.bbox.x1;
    const nam = words.slice(k + 1, k + 4).find((x) => NAM.test(fold(x.text)));
    if (nam) {
      const month = gap(line, monthFrom, nam.bbox.x0, width, height);
      if (month) out.push({ kind: 'month', bbox: month, printedFrom: nam.bbox.x0, charWidth: cw });
    }
    return out;
  }
  return out;
}

/**
 * The gaps on a page where handwritten digits are expected: after "Số" and in the date line,
 * only in the header band and above the body (the first line that opens it: "Kính gửi", "Căn
 * cứ …", a numbered section): a "số 30/2020/NĐ-CP" cited in the body is not the letter's number,
 * whatever the header's "Số" line read as. Top to bottom. Needs the lines' words with their
 * boxes; none without.
 */
export function handwritingSpots(page: { lines?: LayoutLine[]; width?: number; height?: number }): HandSpot[] {
  const { lines, width, height } = page;
  if (!lines?.length || !width || !height) return [];
  const boxed = lines.map((l) => ({ l, b: l.bbox ?? unionOf(l.words ?? []) })).filter((x): x is { l: LayoutLine; b: LayoutBox } => !!x.b);
  const bodyTop = Math.min(height * HEADER_BAND, ...boxed.filter((x) => opensBody({ index: 0, text: x.l.text, fold: fold(x.l.text) })).map((x) => x.b.y0));
  const out: HandSpot[] = [];
  let number = false;
  let date = false;
  const inHeader = boxed.sort((p, q) => p.b.y0 - q.b.y0).filter((x) => x.b.y0 < bodyTop);
  // A copy's Số lines (SAO Y: "Số: 45/SY-VP"), and the date on one or under it, are the copy's, not the document's.
  const copyLines = new Set(inHeader.filter(({ l }) => isCopyNumberLine(l.text)).map(({ l }) => l));
  let afterCopy = false;
  for (const { l, b } of inHeader) {
    const copy = copyLines.has(l);
    const copysDate = copy || afterCopy;
    afterCopy = copy;
    if (!number && !copy) {
      const s = numberSpot(l, width, height);
      if (s) {
        out.push(besideNeighbours(s, b, boxed));
        number = true;
      }
    }
    if (!date && !copysDate) {
      const ds = dateSpots(l, width, height);
      if (ds.length) {
        out.push(...ds.map((d) => besideNeighbours(d, b, boxed)));
        date = true;
      }
    }
  }
  // No "Số" read on any line: a line that is a State tail alone (findSymbol takes its letters the same way).
  for (const { l, b } of number ? [] : inHeader) {
    if (copyLines.has(l)) continue;
    const s = tailOnlySpot(l, width, height);
    if (s) {
      out.unshift(besideNeighbours(s, b, boxed));
      break;
    }
  }
  return out;
}

/**
 * A gap reaches above and below its line for the handwriting's loops and tails, but not into
 * the printed lines above and below it (the next line's "công bố" under a "299" joined its
 * tails and hid the digits): its box stops where a neighbour line's box starts, over the gap.
 */
function besideNeighbours(spot: HandSpot, own: LayoutBox, lines: { b: LayoutBox }[]): HandSpot {
  let { y0, y1 } = spot.bbox;
  for (const { b: o } of lines) {
    if (o === own || o.x1 <= spot.bbox.x0 || o.x0 >= spot.bbox.x1) continue;
    if (o.y0 >= own.y1) y1 = Math.min(y1, o.y0);
    else if (o.y1 <= own.y0) y0 = Math.max(y0, o.y1);
  }
  return y1 - y0 >= (own.y1 - own.y0) * 0.8 ? { ...spot, bbox: { ...spot.bbox, y0, y1 } } : spot;
}

// --- from readings to values ------------------------------------------------------------------

/** How sure a digit must be for the reading to be offered at all (below: null "handwritten"). */
export const HAND_MIN_P = 0.6;
/** The first choice of a day that falls within the days before the issuer signed needs this much. */
export const HAND_MIN_P_SIGNED = 0.35;
/** A digit's second choice, taken when the first cannot be (a date after the signing), needs this much. */
export const HAND_MIN_SECOND_P = 0.15;
/** A handwritten value is never given as sure: the clerk checks it against the page (the field is highlighted). */
export const HAND_MAX_CONFIDENCE = 0.85;
/** At most this sure when a mark in the gap was not read as a digit for sure (the reading may miss or misread a digit). */
const HAND_DOUBT_MAX_CONFIDENCE = 0.6;
const DOUBT_REASON = ', with a mark in the gap it could not read as a digit for sure';

export interface HandValue<T> {
  value: T;
  confidence: number;
  reason: string;
  bbox?: LayoutBox;
}

/** The handwritten number, 1–5 digits without a leading zero run longer than the number, or null with why. */
export function handwrittenNumber(r: HandReading | undefined): HandValue<string> | { value: null; reason: string } {
  if (!r || !r.text) return { value: null, reason: 'handwritten: the number after "Số" could not be read' };
  if (!/^\d{1,5}$/.test(r.text)) return { value: null, reason: 'handwritten: the number after "Số" could not be read' };
  if (r.confidence < HAND_MIN_P) return { value: null, reason: `handwritten: the number after "Số" is unclear (read "${r.text}", not sure)` };
  // A piece of ink the recogniser did not take for a digit may be a digit it could not read ("299" read "99").
  const doubt = (r.rejected ?? 0) > 0;
  return {
    value: String(Number(r.text)).padStart(Math.min(2, r.text.length), '0'),
    confidence: Math.min(doubt ? HAND_DOUBT_MAX_CONFIDENCE : HAND_MAX_CONFIDENCE, 0.55 + 0.3 * r.confidence),
    reason: `handwritten: read by the digit recogniser${doubt ? DOUBT_REASON : ''}; check it on the page`,
    ...(r.bbox ? { bbox: r.bbox } : {}),
  };
}

/**
 * Whether `text` (print OCR's reading of the same gap) is the recogniser's reading with at most
 * one digit taken as its second choice: the two readers then agree on it ("148" printed, the
 * recogniser "748" with "1" its second choice for the "7").
 */
export function withinSecondChoice(r: HandReading | undefined, text: string): boolean {
  const ds = r?.digits ?? [];
  if (!ds.length || ds.length !== text.length) return false;
  let swaps = 0;
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i]!;
    if (d.char === text[i]) continue;
    if (!d.second || d.second.char !== text[i] || d.second.p < MIN_AGREEING_SECOND_P) return false;
    swaps++;
  }
  return swaps <= 1;
}

/** How likely a digit's second choice must be to count as agreeing with print OCR's reading. */
export const MIN_AGREEING_SECOND_P = 0.02;

/** Candidate values of a reading: the first choices, then each digit swapped for its second choice. */
function candidates(r: HandReading): { text: string; p: number }[] {
  const out = [{ text: r.text, p: r.confidence }];
  const ds = r.digits ?? [];
  ds.forEach((d, i) => {
    if (!d.second || d.second.p < 0.1) return;
    const text = ds.map((x, j) => (j === i ? d.second!.char : x.char)).join('');
    out.push({ text, p: Math.min(...ds.map((x, j) => (j === i ? d.second!.p : x.p))) });
  });
  return out.filter((c) => /^\d{1,2}$/.test(c.text));
}

export interface DateBounds {
  /** Not after this day (ISO yyyy-mm-dd): today, or the issuer's signing day when it is earlier. */
  latest?: string;
  /** The issuer's signing day on a signed PDF (ISO): a document is dated on it or a few days before. */
  signedOn?: string;
}

/** How many days before its signing a document's date is vouched for by the signing (a reading there needs less of the recogniser's belief and is surer). A date further before is still possible (a copy signed weeks later): it stands on the reading alone. */
export const SIGNED_WINDOW_DAYS = 14;

const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/**
 * The document date from a handwritten day (and month, when the printed one is not readable)
 * and the printed year: the reading's candidates that make a real date within the bounds (not
 * after today nor after the issuer signed); the first choice when it fits the signing window,
 * else a second choice that alone fits it, else the first choice on the reading alone. Null with
 * why when none fits or the reading is unsure.
 */
export function handwrittenDate(
  day: HandReading | undefined,
  month: { printed: number | null; reading?: HandReading },
  year: number | null,
  bounds: DateBounds,
): HandValue<string> | { value: null; reason: string } {
  if (!year) return { value: null, reason: 'handwritten: the day or month could not be read (no year)' };
  if (!day || !day.text) return { value: null, reason: 'handwritten: the day or month could not be read' };
  const months: { m: number; p: number }[] = month.printed
    ? [{ m: month.printed, p: 1 }]
    : month.reading
      ? candidates(month.reading).map((c) => ({ m: Number(c.text), p: c.p }))
      : [];
  if (!months.length) return { value: null, reason: 'handwritten: the month could not be read' };
  // Hard bounds: not after today, not after the issuer signed. The days just before the signing
  // are where a document's date usually lies (the văn thư numbers and dates it, the issuer signs
  // the scan), but a copy signed weeks later (a re-publication) still has its own date.
  const allowed = (iso: string): boolean => !(bounds.latest && iso > bounds.latest) && !(bounds.signedOn && iso > bounds.signedOn);
  const nearSigning = (iso: string): boolean => !!bounds.signedOn && dayNumber(bounds.signedOn) - dayNumber(iso) <= SIGNED_WINDOW_DAYS;
  const fits = (iso: string): boolean => allowed(iso) && (!bounds.signedOn || nearSigning(iso));
  const options: { iso: string; p: number; first: boolean }[] = [];
  for (const d of candidates(day)) {
    for (const m of months) {
      const iso = calendarDate(year, m.m, Number(d.text));
      if (iso) options.push({ iso, p: Math.min(d.p, m.p), first: d.text === day.text && m.p === months[0]!.p });
    }
  }
  const fitting = options.filter((o) => fits(o.iso));
  const first = options.find((o) => o.first);
  // The first choice when it fits; else the one candidate that does (a second choice); else the
  // first choice long before the signing, with no signing window to vouch for it.
  const far = first && allowed(first.iso) && !fits(first.iso) && fitting.length !== 1 ? first : undefined;
  const chosen = first && fits(first.iso) ? first : fitting.length === 1 ? fitting[0] : far;
  if (!chosen) {
    const why = first && !allowed(first.iso) ? `handwritten: the day read (${first.iso}) is ${bounds.signedOn && first.iso > bounds.signedOn ? 'after the issuer signed' : 'not plausible'}` : 'handwritten: the day or month could not be read';
    return { value: null, reason: why };
  }
  const vouched = nearSigning(chosen.iso);
  // A second choice is taken only as the one candidate the bounds leave; it needs less of the recogniser's own belief.
  // Inside the few days before the issuer signed, a reading needs less of the recogniser's own belief.
  const minP = chosen.first ? (vouched ? HAND_MIN_P_SIGNED : HAND_MIN_P) : HAND_MIN_SECOND_P;
  if (chosen.p < minP) return { value: null, reason: `handwritten: the day is unclear (read ${chosen.iso}, not sure)` };
  // Agreeing with the signing window makes a reading surer; still a clerk's check (never ≥ 0.9).
  const base = vouched ? 0.6 : 0.5;
  // A mark in the day's gap the recogniser could not read as a digit for sure: the day may be misread.
  const doubt = (day.rejected ?? 0) > 0;
  const signing = vouched ? ', within the days before the issuer signed' : bounds.signedOn ? `, ${dayNumber(bounds.signedOn) - dayNumber(chosen.iso)} days before the issuer signed` : '';
  return {
    value: chosen.iso,
    confidence: Math.min(doubt ? HAND_DOUBT_MAX_CONFIDENCE : HAND_MAX_CONFIDENCE, base + 0.25 * chosen.p + (chosen.first ? 0 : -0.1)),
    reason: `handwritten: read by the digit recogniser${signing}${doubt ? DOUBT_REASON : ''}; check it on the page`,
    ...(day.bbox ? { bbox: day.bbox } : {}),
  };
}
