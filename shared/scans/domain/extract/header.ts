/**
 * The header zone's fields: the header kind (Party or State motto), số and ký hiệu (the
 * office's number-symbol parser, scored for being the document's own), and tên cơ quan.
 */
import { findNumberSymbols, type NumberSymbolMatch } from '../../../office';
import { bestSubstringMatch, levenshtein } from './fuzzy';
import { lettersFold, upperShare, type Line } from './lines';
import { foldDiacritics } from '../../../platform/text/vietnamese';
import { PARTY_MOTTO, STATE_MOTTO, STATE_MOTTO_2, YOUTH_MOTTO } from './vocabulary';
import type { DateHit } from './date';
import type { TitleHit } from './hits';
import { isCopyNumberLine, isCopySymbol } from './copy-marks';

export type DocumentSystem = 'party' | 'state';

// --- header kind -----------------------------------------------------------------------------

export interface MottoHit {
  line: number;
  start: number;
  end: number;
  score: number;
}

/** Where a motto sits on a line (fuzzy; OCR misreads a letter or two), or null. */
export function mottoOn(line: Line, motto: string, maxErr = 0.22): MottoHit | null {
  const f = line.fold;
  if (f.length < motto.length * 0.6) return null;
  // Compare on a letters-and-spaces view, keeping positions.
  const m = bestSubstringMatch(motto, f);
  if (m.distance / motto.length > maxErr) return null;
  return { line: line.index, start: m.start, end: m.end, score: 1 - m.distance / motto.length };
}

/** The family, from the motto on the top lines; `motto`: where the deciding motto was read. */
export function detectSystem(lines: Line[]): { value: DocumentSystem | null; confidence: number; motto?: MottoHit } {
  const top = lines.filter((l) => l.text).slice(0, 14);
  let party: MottoHit | null = null;
  let state: MottoHit | null = null;
  const better = (a: MottoHit | null, b: MottoHit | null): MottoHit | null => (b && (!a || b.score > a.score) ? b : a);
  for (const l of top) {
    party = better(party, mottoOn(l, PARTY_MOTTO));
    const second = mottoOn(l, STATE_MOTTO_2);
    state = better(better(state, mottoOn(l, STATE_MOTTO)), second && { ...second, score: second.score * 0.95 });
  }
  if (!party && !state) return { value: null, confidence: 0.3 };
  return (party?.score ?? 0) >= (state?.score ?? 0) ? { value: 'party', confidence: party!.score, motto: party! } : { value: 'state', confidence: state!.score, motto: state! };
}

// --- số, ký hiệu -------------------------------------------------------------------------------

export interface SymbolHit {
  line: number;
  match: NumberSymbolMatch;
  /** The number itself could not be read (written by hand after signature): only the symbol's letters are known. */
  unreadNumber?: boolean;
  /** A Party symbol's slash OCR lost or misread ("8-QĐiTU", "372-CV'ĐU") was put back: never sure. */
  slashMended?: boolean;
}

/**
 * A Party Số line whose slash OCR lost between the type and the body: after a type ending in its
 * small letter ("8-QĐiTU": the slash lost on a black-and-white scan; "13-QĐIHU": the i and the slash
 * read as one capital), or read as an apostrophe ("372-CV'ĐU"). The slash put back; the line as it was when there is none.
 */
export function mendPartySlash(text: string): string {
  return text
    .replace(/^(\S{0,3}\s*\d{1,5}\s*[-\u2010-\u2015]\s*(?:QĐi|CTr|TTr))(?=[\p{Lu}Đ])/u, '$1/')
    // The i and its slash read as one capital I (or l, 1, |): "13-QĐIHU". No Party body's code starts with I.
    .replace(/^(\S{0,3}\s*\d{1,5}\s*[-\u2010-\u2015]\s*QĐ)[Il1|](?=[\p{Lu}Đ]{2})/u, '$1i/')
    .replace(/^(\S{0,3}\s*\d{1,5}\s*[-\u2010-\u2015]\s*\p{Lu}[\p{L}]{0,4})['’‘`´](?=[\p{Lu}Đ])/u, '$1/');
}

/** "Số" (OCR forms included) opening a line: the document's own số/ký hiệu line. */
const SO_WORD = '[^\\p{L}\\p{N}]{0,2}[Ss5$]\\s*(?:s\\s*)?[ốôóòỏõọồổỗộớờởỡợoOơƠÔỐỒỔỖỘ06]';
const SO_AT_START = new RegExp(`^${SO_WORD}\\s*[:.;]?`, 'u');
/** A line opening with "Số" and then a colon or a digit: the Số line, however the rest reads ("SO TAI CHINH", a name read without its marks, is not). */
const SO_LINE = new RegExp(`^${SO_WORD}\\s*(?:[:.;]|\\d)`, 'u');
/** An incoming-receipt stamp ("CV ĐẾN Số …", "ĐẾN Số: … Ngày: …"): its number is the office's, not the letter's. */
const RECEIPT = /\b(?:den|cv\s*den|cong van den)\s*$/;

/**
 * Số/ký hiệu, read only in the header zone (lines before `zoneEnd`) and only after a "Số" that
 * opens its line (or, on a line merging the two header columns, after the issuer's capitals
 * with a capital S): a "số" in running text ("Nghị quyết số 19/NQ-CP", "Nghị quyết: Số 39/…")
 * cites another document. A "Số" line whose number the reader cannot make out (written by hand
 * after signature) still gives the symbol's letters, with `unreadNumber`.
 */
export function findSymbol(lines: Line[], zoneEnd: number = lines.length): SymbolHit | null {
  const end = Math.min(zoneEnd, lines.length);
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    // On the line that opens with "Số", a Party slash OCR lost is put back first.
    const mended = SO_AT_START.test(l.text) ? mendPartySlash(l.text) : l.text;
    for (const m of findNumberSymbols(mended)) {
      if (!m.hasSoPrefix || isCopySymbol(m)) continue;
      const before = l.text.slice(0, m.index);
      const beforeFold = l.fold.slice(0, m.index).trim();
      if (RECEIPT.test(beforeFold)) continue;
      const atStart = m.index <= 2;
      // Merged columns: "BAN CHỈ ĐẠO 138 Số: 04/QĐ-BCĐ" (capitals before a capital S).
      const afterIssuer = /^[S5$]/.test(l.text.slice(m.index, m.index + 1)) && upperShare(before) > 0.8 && /\p{L}{2}/u.test(before);
      if (atStart || afterIssuer) return { line: i, match: m, ...(mended !== l.text ? { slashMended: true } : {}) };
    }
    // A copy's Số line, whatever else of it reads: the document's own is further down.
    if (isCopyNumberLine(l.text)) continue;
    // A "Số" line with a number the reader cannot read: keep the symbol's letters.
    const so = SO_AT_START.exec(l.text);
    if (so && /[/]/.test(l.text) && !RECEIPT.test(l.fold.slice(0, so.index))) {
      // The tail starts at a slash before a capital ("/UBND-NNTN"); the handwriting before it may read as one too ("Số:/7 /UBND").
      const capTail = /\/\s*\p{Lu}/u.exec(l.text.slice(so[0].length));
      const slash = capTail ? so[0].length + capTail.index : l.text.indexOf('/', so[0].length);
      const numberPart = l.text.slice(so[0].length, slash).trim();
      // Small print read in lower case before the body's capitals ("/pc-UBND" for "/BC-UBND"): the
      // letters are the type's, their case OCR's error (the tên loại may mend the letters themselves).
      const tail = l.text
        .slice(slash)
        .replace(/^(\/\s*)(\p{Ll}{1,4})(?=\s*[-\u2010-\u2015]\s*\p{Lu})/u, (_m, a: string, b: string) => a + b.toUpperCase())
        // A capital whose small letter has the same shape ("/sKHĐT-TH" for "/SKHĐT-TH"): OCR's case, not a letter of its own.
        .replace(/^(\/\s*)([cosuvwxz])(?=\p{Lu})/u, (_m, a: string, b: string) => a + b.toUpperCase());
      // Party tails are "-TYPE/BODY" with the hyphen before the slash; State ones "/TYPE-BODY".
      const party = /[-\u2010-\u2015]\s*\p{Lu}[\p{L}]{0,5}\s*$/u.exec(numberPart);
      const probe = party ? `Số 1${numberPart.slice(party.index)}${tail}` : `Số: 1${tail}`;
      const m = findNumberSymbols(probe).find((x) => x.hasSoPrefix && x.index === 0);
      // (OCR's spaces do not count: "100B - NQ" is a number and its type.)
      if (m && numberPart.replace(/\s+/g, '').length <= 8) return unreadAt(i, m);
      // The Số line, not made out ("104B/2016/QĐ-UBND", an 8 read as a B): the number is unknown, and a
      // symbol on another line (a trích yếu's "số 1-KL/TW" wrapped to a line's start) is not the letter's.
      return null;
    }
    // A Số line whose handwritten number swallowed the slash ("Số: 4UBND-NNTN", the 4 written
    // against it): the State tail's letters right after the digits; the number unread.
    const glued = so && !RECEIPT.test(l.fold.slice(0, so.index)) ? GLUED_STATE_TAIL.exec(l.text.slice(so[0].length)) : null;
    if (glued) {
      const m = findNumberSymbols(`Số: 1/${glued[1]}`).find((x) => x.hasSoPrefix && x.index === 0);
      if (m) return unreadAt(i, m);
    }
  }
  // No "Số" read: a symbol opening a header line (the word lost to a speck), given as unsure.
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    const m = findNumberSymbols(l.text).find((x) => x.index <= 2 && !isCopySymbol(x));
    if (m && !RECEIPT.test(l.fold.slice(0, m.index))) return { line: i, match: m };
  }
  // Nor a symbol: a header line that is a State symbol's tail alone, after a few marks at most
  // ("/SNV-TCBC", "saV \Š /BC-UBND"), is the Số line whose "Số" and handwritten number OCR lost
  // (the handwriting written over the "Số:", a stamp): its letters, the number unread.
  for (let i = 0; i < end; i++) {
    const t = STATE_TAIL_ALONE.exec(lines[i]!.text);
    if (!t || !onlyMarks(t[1]!)) continue;
    const m = findNumberSymbols(`Số: 1${t[2]}`).find((x) => x.hasSoPrefix && x.index === 0 && !isCopySymbol(x));
    if (m) return unreadAt(i, m);
  }
  return null;
}

/**
 * A State letter's Số line read in the Party form, "n-TYPE/BODY", whose part after the slash is a
 * State tail ("số3-L /QĐ-UBND": the handwritten 394 read as "3-L"): no State number has a hyphen
 * before its slash ("-/" marks a Party symbol, "/-" a State one), so the number is the handwriting
 * misread; the State tail's letters stand, the number unread. Any other symbol is given back as it is.
 */
export function asStateSymbol(hit: SymbolHit): SymbolHit {
  const p = hit.match.parsed;
  if (p.form !== 'party' || !STATE_TAIL_BODY.test(p.bodyCode)) return hit;
  const m = findNumberSymbols(`Số: 1/${p.bodyCode}`).find((x) => x.hasSoPrefix && x.index === 0 && x.parsed.form === 'state');
  return m ? unreadAt(hit.line, m) : hit;
}
/** A Party symbol's "BODY" that is a State tail, "TYPE-BODY" ("QĐ-UBND", "KH-SNV"). */
const STATE_TAIL_BODY = /^\p{Lu}[\p{L}]{0,5}[-\u2010-\u2015]\p{Lu}/u;

/** The symbol's letters on line `i`, its number unread (written by hand, or lost). */
const unreadAt = (i: number, m: NumberSymbolMatch): SymbolHit => ({ line: i, match: { ...m, parsed: { ...m.parsed, number: Number.NaN, numberText: '' } }, unreadNumber: true });

/** A "Số" after a word ("Về Số2wL"): running text, not the Số line. */
const SO_AFTER_WORD = new RegExp(`\\S\\s+${SO_WORD}`, 'u');
/**
 * What may stand before a State tail opening a Số line whose "Số" and number OCR lost: marks
 * only (the handwriting read as junk), at most 12 characters, no word of four letters, and no
 * "Số" after a word (running text). The header's line test and the handwriting's gap share it.
 */
export const onlyMarks = (before: string): boolean => [...before].length <= 12 && !/\p{L}{4}/u.test(before) && !SO_AFTER_WORD.test(before);
/** A State tail after its type letters: "-BODY", perhaps "-UNIT" after it ("-UBND", "-SNV-TCBC"). */
const AFTER_TYPE = String.raw`\s*[-\u2010-\u2015]\s*\p{Lu}[\p{L}\d]{0,9}(?:\s*[-\u2010-\u2015]\s*\p{Lu}[\p{L}\d]{0,9})?`;
/**
 * A State tail whose slash the handwritten digits before it swallowed ("4UBND-NNTN",
 * "12QĐ-UBND", "3TTr-BKHCN"): capitals right after a digit (or a type code with its small letter,
 * TTr, CTr, QĐi). The header's Số line test and the handwriting's number gap share it.
 */
export const SLASHLESS_STATE_TAIL = new RegExp(`(?<=\\d)((?:\\p{Lu}[\\p{Lu}Đ]{1,4}|[CT]Tr|QĐi)${AFTER_TYPE})`, 'u');
/**
 * After "Số", a few digits (handwriting, perhaps after a mark or two OCR made of its first stroke:
 * "©57QĐ-UBND") and a slashless State tail, nothing else in the word.
 */
const GLUED_STATE_TAIL = new RegExp(`^\\s*[^\\s\\p{L}\\p{N}]{0,2}\\d{1,4}${SLASHLESS_STATE_TAIL.source}(?=\\s|$)`, 'u');
/** A line ending in a State symbol's tail ("/TYPE-BODY"), with at most 12 characters before it (marks, no word of four letters). */
const STATE_TAIL_ALONE = new RegExp(`^(.{0,12}?)\\s*(\\/\\s*\\p{Lu}[\\p{L}]{0,5}${AFTER_TYPE})\\s*$`, 'u');

/**
 * A State symbol whose type letters OCR misread, mended by the printed tên loại above the trích
 * yếu (large bold print, read surer than the small symbol): "148/TII-UBND" under TỜ TRÌNH is
 * 148/TTr-UBND, "589/TT-UBND" under TỜ TRÌNH too. The letters before the hyphen must be within
 * one edit of the tên loại's code (two for codes of three letters or more), case and marks
 * aside; otherwise null (a symbol that truly differs is left as read, and the two disagree).
 */
export function symbolMendedByTitle(parsed: NumberSymbolMatch['parsed'], titleCode: string): NumberSymbolMatch['parsed'] | null {
  if (parsed.form !== 'state' || parsed.typeCode === titleCode) return null;
  // "/X-Y": a công văn's shape reads X as the body and Y as its unit; a typed one X as the type.
  const m = /^(\d*)\/([\p{L}]{2,4})-([\p{L}\d]{2,})$/u.exec(parsed.canonical);
  if (!m) return null;
  const [, number, letters, rest] = m as unknown as [string, string, string, string];
  const norm = (x: string) => foldDiacritics(x).toLowerCase();
  const allowed = titleCode.length >= 3 ? 2 : 1;
  if (levenshtein(norm(letters!), norm(titleCode)) > allowed || norm(letters!) === norm(rest!)) return null;
  const { unit: _unit, ...typed } = parsed;
  return { ...typed, typeCode: titleCode, bodyCode: rest!, canonical: `${number}/${titleCode}-${rest}` };
}

// --- tên cơ quan -----------------------------------------------------------------------------------

export interface IssuerHit {
  name: string;
  parent: string | null;
  confidence: number;
  /** The lines the name was read from (the parent's excluded), and the parent's. */
  lines: number[];
  parentLines: number[];
}

/** The issuer column's text on one line: the motto and the date line cut out, or null when it is no name (blank, specks, lower case). */
function issuerText(l: Line, date: DateHit | null): { text: string; star: boolean } | null {
  let text = l.text;
  const cuts: [number, number][] = [];
  for (const motto of [PARTY_MOTTO, STATE_MOTTO, STATE_MOTTO_2, YOUTH_MOTTO]) {
    const hit = mottoOn(l, motto, 0.3);
    if (hit) cuts.push([hit.start, hit.end]);
  }
  if (date && date.line === l.index) cuts.push([date.start, text.length]);
  cuts.sort((a, b) => b[0] - a[0]);
  for (const [a, b] of cuts) text = text.slice(0, a) + ' ' + text.slice(b);
  text = text.replace(/\s+/g, ' ').trim();
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return { text: '', star: !!letters.length || /[*★☆✱✲⁎∗]/u.test(text) };
  if (upperShare(text) < 0.75) return null;
  return { text: text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, ''), star: false };
}

/** A line naming a place alone ("TỈNH QUẢNG NGÃI", "HUYỆN BÌNH SƠN"): it ends the name above it. */
const PLACE_LINE = /^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b/;
/** …but a place's Party committee or Youth Union is a body of its own ("TỈNH ỦY QUẢNG NGÃI", "HUYỆN ĐOÀN BÌNH SƠN"). */
const PLACE_COMMITTEE = /^(tinh|huyen|quan|thanh|thi|xa|phuong) (uy|doan)\b/;

export function findIssuer(lines: Line[], symbol: SymbolHit | null, date: DateHit | null, title: TitleHit | null): IssuerHit | null {
  let parts: string[] = [];
  // The line each part was read from (two for "ỦY BAN NHÂN DÂN" + "TỈNH …" joined).
  let from: number[][] = [];
  if (symbol) {
    // The issuer sits right above the Số line: walk up while the lines are its capitals.
    for (let i = symbol.line - 1; i >= 0 && parts.length < 3; i--) {
      const l = lines[i]!;
      if (!l.text) {
        if (parts.length) break;
        continue;
      }
      const t = issuerText(l, date);
      // The rule under the name read as a short lower-case word ("nai", "—-"), below the name: not the name, no end of it.
      if (!t && !parts.length && /^[^\p{L}]*\p{L}{1,4}[^\p{L}]*$/u.test(l.text.trim())) continue;
      if (!t) break;
      if (!t.text) {
        // Blank after cutting the motto, or the star under the name.
        if (t.star && parts.length) break;
        continue;
      }
      parts.unshift(t.text);
      from.unshift([i]);
    }
    const sameLine = lines[symbol.line]!.text.slice(0, symbol.match.index);
    if (!parts.length && upperShare(sameLine) > 0.8 && sameLine.replace(/[^\p{L}]/gu, '').length >= 3) {
      parts.push(sameLine.trim());
      from.push([symbol.line]);
    }
  } else {
    const stop = date ? date.line : title ? title.line : Math.min(lines.length, 6);
    for (let i = 0; i < stop; i++) {
      // The Số line ends the issuer's column even when its symbol could not be read ("Số7/2 IBUSTC").
      if (parts.length && SO_LINE.test(lines[i]!.text)) break;
      const t = issuerText(lines[i]!, date);
      if (!t) continue;
      if (!t.text) {
        if (parts.length && t.star) break;
        continue;
      }
      parts.push(t.text);
      from.push([i]);
    }
  }
  // A long name wrapped at its conjunction is one name ("BỘ GIÁO DỤC" / "VÀ ĐÀO TẠO", "SỞ NÔNG NGHIỆP VÀ" /
  // "MÔI TRƯỜNG", "BỘ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH"); a body under another starts a line of its own.
  for (let j = parts.length - 2; j >= 0; j--) {
    const a = foldDiacritics(parts[j]!).trim();
    const b = foldDiacritics(parts[j + 1]!).trim();
    if (!(/(?:\bva|[,\-\u2013])$/.test(a) || /^va\b/.test(b))) continue;
    parts.splice(j, 2, `${parts[j]} ${parts[j + 1]}`);
    from.splice(j, 2, [...from[j]!, ...from[j + 1]!]);
  }
  // A body's kind over its place is one name: "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NGÃI", "TÒA ÁN NHÂN DÂN",
  // "KHO BẠC NHÀ NƯỚC", "ỦY BAN MTTQ VIỆT NAM" over theirs; also when an organ of it stands below
  // ("BAN THƯỜNG TRỰC": the name, the body its parent). A place's line alone never names an issuer.
  for (let k = parts.length - 2; k >= 0; k--) {
    const place = lettersFold(foldDiacritics(parts[k + 1]!));
    if (!PLACE_LINE.test(place) || PLACE_COMMITTEE.test(place)) continue;
    parts = [...parts.slice(0, k), `${parts[k]} ${parts[k + 1]}`, ...parts.slice(k + 2)];
    from = [...from.slice(0, k), [...from[k]!, ...from[k + 1]!], ...from.slice(k + 2)];
  }
  if (!parts.length) return null;
  if (parts.length === 1) return { name: parts[0]!, parent: null, confidence: 0.75, lines: from[0]!, parentLines: [] };
  return { name: parts.slice(1).join(' '), parent: parts[0]!, confidence: 0.75, lines: from.slice(1).flat(), parentLines: from[0]! };
}
