/**
 * Field extraction from the OCR text of a Party (or State) document (domain.md d): header
 * kind, tên cơ quan, số/ký hiệu, địa danh and date, tên loại and trích yếu, secrecy and
 * urgency stamps, signing block and nơi nhận. Pure: text in, fields with confidences out.
 *
 * Works on what OCR gives: two header columns merged into one line ("TỈNH ỦY X   ĐẢNG CỘNG
 * SẢN VIỆT NAM"), the recipients merged with the signing block, wrapped lines, misread
 * letters, and text without any diacritics. Matching is done on a folded twin of each line
 * (no diacritics, lower case, same length), values are cut from the original line.
 */
import type { Secrecy } from '../../../identity/domain/identity';
import type { Urgency } from '../../../office';
import type { ScanField, ScanFields } from '../model';
import { findNumberSymbols, isKnownBodyCode, isKnownTypeCode, type NumberSymbolMatch } from '../../../office';
import { foldDiacritics, stripDiacritics } from '../../../platform/text/vietnamese';
import { bestSubstringMatch, levenshtein, similarity } from './fuzzy';
import { matchSignerTitle, repairCapsPhrases, repairTextPhrases } from './repair';
import { readingOrderText, type LayoutLine } from './layout';
import { fixDigitRun, isTitleWord, isUpperWord, lettersFold, toLines, upperShare, wordTokens, type Line } from './lines';
import {
  COLLECTIVE_SIGNERS,
  DEFAULT_VOCABULARY,
  HEADER_PHRASES,
  OFFICE_HEAD_TITLES,
  PROVINCES,
  SIGNER_TITLES,
  PARTY_MOTTO,
  SECRECY_STAMPS,
  SIGNING_CAPACITIES,
  STATE_MOTTO,
  STATE_MOTTO_2,
  TEXT_PHRASES,
  URGENCY_STAMPS,
  type DocumentTypeName,
  type ExtractVocabulary,
} from './vocabulary';

export * from './vocabulary';
export { readingOrderLines, readingOrderText, type LayoutLine } from './layout';

export interface ExtractedFields {
  fields: ScanFields;
  /** Fields whose confidence is under `LOW_CONFIDENCE`: the clerk should check them. */
  lowConfidence: string[];
}

export type DocumentSystem = 'party' | 'state';

export interface ExtractOptions {
  vocabulary?: ExtractVocabulary;
  /** Fields under this confidence are listed in lowConfidence (default 0.7). */
  lowConfidence?: number;
  /** Dates after this are implausible (default: no check). */
  today?: Date;
}

export const LOW_CONFIDENCE = 0.7;

const field = <T>(value: T | null, confidence: number): ScanField<T> => ({ value, confidence: round(value === null ? confidence : confidence) });
const round = (x: number): number => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;

/** OCR output with its layout (the OcrEngine port's result has this shape): pages of lines with boxes. */
export interface OcrPagesInput {
  pages: { text: string; lines?: LayoutLine[] }[];
}

/** One document's text from OCR pages: each page in reading order from its boxes when it has them. */
export function textOfPages(input: OcrPagesInput): string {
  return input.pages.map((p) => (p.lines?.length ? readingOrderText(p.lines) : p.text)).join('\n\n');
}

/**
 * Extracts the fields of one document from its OCR text (all pages, in order), or from OCR
 * pages with their lines and boxes (put in reading order first).
 */
export function extractFields(input: string | OcrPagesInput, opts: ExtractOptions = {}): ExtractedFields {
  const text = typeof input === 'string' ? input : textOfPages(input);
  const vocab = opts.vocabulary ?? DEFAULT_VOCABULARY;
  const lines = toLines(text ?? '');
  const nonBlank = lines.filter((l) => l.text);
  if (!nonBlank.length) return finish(emptyFields(), opts);

  const system = detectSystem(lines);
  const symbol = findSymbol(lines);
  const dateLine = findDateLine(lines, symbol?.line ?? -1, opts.today);
  const title = findTitle(lines, vocab, Math.max(symbol?.line ?? -1, dateLine?.line ?? -1));
  const subject = findSubject(lines, title, symbol, dateLine);
  const headerEnd = headerZoneEnd(lines, title, subject, symbol, dateLine);
  const stamps = findStamps(lines, Math.max(headerEnd, (dateLine?.line ?? -1) + 1));
  const issuer = findIssuer(lines, symbol, dateLine, title);
  const footer = findFooter(lines, vocab, Math.max(headerEnd, subject?.end ?? 0));

  // Type code: the symbol's type and the tên loại should agree.
  let typeCode: ScanField<string>;
  const symType = symbol?.match.parsed.typeCode ?? null;
  const titleType = title?.type ?? null;
  if (symType && titleType) {
    const codes = [titleType.partyCode, ...(titleType.altCodes ?? []), ...(titleType.stateCode ? [titleType.stateCode] : [])];
    // Agreeing letters decide the spelling by the tên loại: "DA" under ĐỀ ÁN is ĐA, under DỰ ÁN it is DA.
    const agreeing = codes.find((c) => c === symType) ?? codes.find((c) => foldDiacritics(c) === foldDiacritics(symType));
    typeCode = agreeing ? field(agreeing, 0.97) : isKnownTypeCode(symType) ? field(symType, 0.6) : field(titleType.partyCode, 0.55);
  } else if (symType) {
    // Công văn carry no tên loại; others should have one.
    const cv = foldDiacritics(symType) === 'cv';
    typeCode = field(symType, isKnownTypeCode(symType) ? (cv ? 0.92 : 0.8) : 0.5);
  } else if (titleType) {
    typeCode = field(system.value === 'state' ? (titleType.stateCode ?? titleType.partyCode) : titleType.partyCode, 0.75);
  } else if (subject?.kind === 'vv') {
    typeCode = field('CV', 0.7);
  } else typeCode = field<string>(null, 0.3);

  let sym = symbol?.match.parsed ?? null;
  if (sym && typeCode.value && typeCode.value !== sym.typeCode && foldDiacritics(typeCode.value) === foldDiacritics(sym.typeCode)) {
    sym = { ...sym, typeCode: typeCode.value, canonical: sym.canonical.replace(sym.typeCode, typeCode.value) };
  }
  // The office's own body codes in their printed spelling ("DH" read without marks is "ĐH").
  if (sym && sym.form === 'party' && vocab.bodyCodes?.length) {
    const body = canonicalCodeIn(sym.bodyCode, vocab.bodyCodes);
    if (body !== sym.bodyCode) sym = { ...sym, bodyCode: body, canonical: `${sym.numberText}-${sym.typeCode}/${body}` };
  }
  const knownBody = (code: string) => isKnownBodyCode(code) || (vocab.bodyCodes ?? []).includes(code);
  const symConf = symbol
    ? (symbol.match.hasSoPrefix ? 0.93 : 0.7) * (isKnownTypeCode(sym!.typeCode) ? 1 : 0.8) * (knownBody(sym!.bodyCode) ? 1 : 0.85)
    : 0.2;

  const fields: ScanFields = {
    numberSymbol: field(sym?.canonical ?? null, symConf),
    typeCode,
    issuer: field(issuer?.name ?? null, issuer ? issuer.confidence : 0.3),
    issuerCode: field(sym?.bodyCode ?? null, sym ? symConf * (knownBody(sym.bodyCode) ? 1 : 0.8) : 0.2),
    place: field(dateLine?.place ?? null, dateLine?.place ? dateLine.placeConfidence : 0.3),
    documentDate: field(dateLine?.iso ?? null, dateLine ? dateLine.confidence : 0.2),
    subject: field(subject?.text ?? null, subject ? subject.confidence : 0.2),
    secrecy: field<Secrecy>(stamps.secrecy?.value ?? null, stamps.secrecy?.confidence ?? stamps.noneConfidence),
    urgency: field<Urgency>(stamps.urgency?.value ?? null, stamps.urgency?.confidence ?? stamps.noneConfidence),
    signer: field(footer.name?.value ?? null, footer.name?.confidence ?? 0.3),
    recipients: field(footer.recipients?.value ?? null, footer.recipients?.confidence ?? 0.3),
    issuerParent: field(issuer?.parent ?? null, issuer?.parent ? issuer.confidence * 0.9 : 0.5),
    signingCapacity: field(footer.capacity?.value ?? null, footer.capacity?.confidence ?? 0.5),
    signerTitle: field(footer.title?.value ?? null, footer.title?.confidence ?? 0.3),
    system: field(system.value, system.confidence),
  };
  repairHeaderMarks(fields, text, vocab);
  return finish(fields, opts);
}

const codeKey = (s: string): string => foldDiacritics(s).replace(/[^a-z0-9]/g, '');

/** A code written as one of `codes` spells it, part by part ("DH" → "ĐH", "DU-BCH" → "ĐU-BCH"); as read when none fits. */
function canonicalCodeIn(code: string, codes: readonly string[]): string {
  return code
    .split('-')
    .map((part) => (codes.includes(part) ? part : (codes.find((c) => codeKey(c) === codeKey(part)) ?? part)))
    .join('-');
}

/** Share of a text's letters that carry a Vietnamese mark (or are đ): ~0.4 for Vietnamese, 0 for Textract's output. */
function markedShare(text: string): number {
  let letters = 0;
  let marked = 0;
  for (const ch of text.normalize('NFC')) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (ch.normalize('NFD').length > 1 || ch === 'đ' || ch === 'Đ') marked++;
  }
  return letters ? marked / letters : 0;
}

const DEFAULT_HEADER_PHRASES = [...HEADER_PHRASES, ...PROVINCES];

/**
 * Writes the caps header fields (tên cơ quan, cấp trên, signing capacity, chức vụ) with the
 * marks of the vocabulary's phrases where OCR misread them. Text without marks (Textract)
 * keeps its bare letters: only the signer's title is matched, and given back bare.
 */
function repairHeaderMarks(fields: ScanFields, text: string, vocab: ExtractVocabulary): void {
  const marked = markedShare(text) >= 0.05;
  const phrases = vocab.headerPhrases ?? DEFAULT_HEADER_PHRASES;
  const update = (k: string, fn: (v: string) => string) => {
    const f = fields[k];
    if (f && typeof f.value === 'string' && f.value) fields[k] = { ...f, value: fn(f.value) };
  };
  if (marked) {
    // Running text: the marks of the domain's common words (a low-resolution scan misreads them).
    const textPhrases = vocab.textPhrases ?? TEXT_PHRASES;
    update('subject', (v) => repairTextPhrases(v, textPhrases));
    const r = fields.recipients;
    if (r && Array.isArray(r.value)) fields.recipients = { ...r, value: r.value.map((x) => repairTextPhrases(x, textPhrases)) };
    update('issuer', (v) => repairCapsPhrases(v, phrases));
    update('issuerParent', (v) => repairCapsPhrases(v, phrases));
    update('signingCapacity', (v) => {
      const m = /^(\S+\s+)(.+)$/.exec(v);
      return m ? m[1]! + repairCapsPhrases(m[2]!, phrases) : v;
    });
  }
  update('signerTitle', (v) => {
    // "Q. TRƯỞNG BAN": an acting head (quyền) keeps the "Q." before the title.
    const acting = /^Q\s*[.,·]\s*(?=\p{Lu})/u.exec(v);
    const rest = acting ? v.slice(acting[0].length) : v;
    const t = matchSignerTitle(rest, vocab.signerTitles ?? SIGNER_TITLES);
    if (t === null) return v;
    return (acting ? 'Q. ' : '') + (marked ? t : stripDiacritics(t));
  });
}

function finish(fields: ScanFields, opts: ExtractOptions): ExtractedFields {
  const threshold = opts.lowConfidence ?? LOW_CONFIDENCE;
  const core = ['numberSymbol', 'typeCode', 'issuer', 'issuerCode', 'place', 'documentDate', 'subject', 'secrecy', 'urgency', 'signer', 'recipients'];
  const lowConfidence = core.filter((k) => (fields[k]?.confidence ?? 0) < threshold);
  return { fields, lowConfidence };
}

function emptyFields(): ScanFields {
  return {
    numberSymbol: field<string>(null, 0),
    typeCode: field<string>(null, 0),
    issuer: field<string>(null, 0),
    issuerCode: field<string>(null, 0),
    place: field<string>(null, 0),
    documentDate: field<string>(null, 0),
    subject: field<string>(null, 0),
    secrecy: field<Secrecy>(null, 0),
    urgency: field<Urgency>(null, 0),
    signer: field<string>(null, 0),
    recipients: field<string[]>(null, 0),
  };
}

// --- header kind -----------------------------------------------------------------------------

interface MottoHit {
  line: number;
  start: number;
  end: number;
  score: number;
}

/** Where a motto sits on a line (fuzzy; OCR misreads a letter or two), or null. */
function mottoOn(line: Line, motto: string, maxErr = 0.22): MottoHit | null {
  const f = line.fold;
  if (f.length < motto.length * 0.6) return null;
  // Compare on a letters-and-spaces view, keeping positions.
  const m = bestSubstringMatch(motto, f);
  if (m.distance / motto.length > maxErr) return null;
  return { line: line.index, start: m.start, end: m.end, score: 1 - m.distance / motto.length };
}

function detectSystem(lines: Line[]): { value: DocumentSystem | null; confidence: number } {
  const top = lines.filter((l) => l.text).slice(0, 14);
  let party = 0;
  let state = 0;
  for (const l of top) {
    party = Math.max(party, mottoOn(l, PARTY_MOTTO)?.score ?? 0);
    state = Math.max(state, mottoOn(l, STATE_MOTTO)?.score ?? 0, (mottoOn(l, STATE_MOTTO_2)?.score ?? 0) * 0.95);
  }
  if (!party && !state) return { value: null, confidence: 0.3 };
  return party >= state ? { value: 'party', confidence: party } : { value: 'state', confidence: state };
}

// --- số, ký hiệu -------------------------------------------------------------------------------

interface SymbolHit {
  line: number;
  match: NumberSymbolMatch;
}

function findSymbol(lines: Line[]): SymbolHit | null {
  const hits: (SymbolHit & { score: number })[] = [];
  const n = lines.length;
  for (const l of lines) {
    if (!l.text) continue;
    for (const m of findNumberSymbols(l.text)) {
      const prefixText = l.text.slice(m.index, m.index + 3);
      const upperSo = m.hasSoPrefix && /^[S5$]/.test(prefixText);
      let score = 0;
      if (m.hasSoPrefix) score += upperSo ? 4 : 1;
      // A "Số" at the start of a line (the left header column) is the document's own.
      if (m.index <= 2) score += 2;
      score -= (l.index / Math.max(1, n)) * 3;
      if (isKnownTypeCode(m.parsed.typeCode)) score += 1;
      if (isKnownBodyCode(m.parsed.bodyCode)) score += 0.5;
      // Cited in running text ("nghị quyết số 10-NQ/TU ngày …"): a lower-case "số" before it.
      if (/\bs[oốô]\s*$/i.test(l.fold.slice(Math.max(0, m.index - 4), m.index)) && !m.hasSoPrefix) score -= 1;
      hits.push({ line: l.index, match: m, score });
    }
  }
  if (!hits.length) return null;
  hits.sort((a, b) => b.score - a.score || a.line - b.line);
  return hits[0]!;
}

// --- địa danh, ngày tháng năm -------------------------------------------------------------------

interface DateHit {
  line: number;
  iso: string;
  place: string | null;
  confidence: number;
  placeConfidence: number;
  /** Where the date line (its place name, else "ngày") starts on its line (after any left-column text). */
  start: number;
}

const DATE_RE = /(?:^|[^a-z])ng[a-z?]{0,3}y?\s*[:.]?\s*([0-9oli|]{1,2})\s*[,.]?\s*th[a-z?]{1,3}g?\s*[:.]?\s*([0-9oli|]{1,2})\s*[,.]?\s*n[a-z?]{1,3}\s*[:.]?\s*([0-9oli|]{4})/;
// "ngày 3/2/2017" and "3-2-2017" forms after a place.
const DATE_NUMERIC_RE = /(?:^|[^a-z])ng[a-z?]{0,3}\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})/;

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1930 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function findDateLine(lines: Line[], symbolLine: number, today?: Date): DateHit | null {
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
function placeOf(before: string): string | null {
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

// --- tên loại ------------------------------------------------------------------------------------

interface TitleHit {
  line: number;
  type: DocumentTypeName;
  confidence: number;
}

function findTitle(lines: Line[], vocab: ExtractVocabulary, after: number): TitleHit | null {
  const names = vocab.types.map((t) => ({ t, f: foldDiacritics(t.name) }));
  const limit = Math.min(lines.length, Math.max(after + 12, Math.ceil(lines.length * 0.5)));
  let best: (TitleHit & { score: number }) | null = null;
  for (let i = Math.max(0, after - 1); i < limit; i++) {
    const l = lines[i]!;
    if (!l.text || l.text.length > 40) continue;
    if (upperShare(l.text) < 0.7) continue;
    const lf = lettersFold(l.fold);
    if (!lf) continue;
    for (const { t, f } of names) {
      // The whole line is the type name, perhaps with a stamp word merged before it.
      const cores = [lf, lf.replace(/^(?:(?:tuyet|toi|thuong)\s+)?(?:mat|khan)\s+|^hoa\s+toc\s+/, '')];
      for (const core of cores) {
        const sim = similarity(core, f);
        if (sim >= (f.length >= 8 ? 0.8 : 0.99)) {
          const score = sim - (i <= after ? 0.05 : 0);
          if (!best || score > best.score) best = { line: i, type: t, confidence: sim >= 0.99 ? 0.95 : 0.8, score };
        }
      }
    }
  }
  return best;
}

// --- trích yếu -----------------------------------------------------------------------------------

interface SubjectHit {
  text: string;
  confidence: number;
  kind: 'title' | 'vv' | 'bare';
  start: number;
  /** First line after the subject. */
  end: number;
}

const SEPARATOR = /^[\s\-–—_=~.*•·]{3,}$/;
const BODY_START = /^(?:[-+•]\s*)?(kinh gui|kinh trinh|can cu|thuc hien|ngay \d|dieu \d|dieu [ivx]+\b|chuong [ivx\d]|phan [ivx\d]|muc \d|[ivx]+\s*[-.]\s|\d+\s*[-.)]\s|a\s*[-.)]\s|trong boi canh|de nghi|noi nhan)/;
const VV_RE = /^\s*v\s*[/|l1i]\s*[vy]\b\.?\s*[:.]?\s*/;

/** A line without the number-symbols in it ("Nghị quyết số 12-NQ/TU" wrapped: "12-NQ/TU" is no caps line). */
function withoutSymbols(text: string): string {
  let out = text;
  for (const m of findNumberSymbols(text).reverse()) out = out.slice(0, m.index) + out.slice(m.index + m.length);
  return out.replace(/[^\p{L}]/gu, '') ? out : 'x';
}

function isStampLine(l: Line): boolean {
  const lf = lettersFold(l.fold);
  return /^(?:(?:tuyet|toi)\s+)?mat$|^(?:thuong\s+)?khan$|^hoa\s+toc$/.test(lf) && upperShare(l.text) > 0.6;
}

/** Isolated marks at the end of a line (a speck read as ' . : |). */
const TRAILING_MARKS = /(?:\s+[.,:;'`‘’|!~_*•·^°]{1,3})+$/u;

function cleanSubject(parts: string[]): string {
  let s = parts
    .map((p) => p.replace(TRAILING_MARKS, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/^[^\p{L}\p{N}]+/u, '');
  s = s.replace(/\s*[-–—]{3,}.*$/, '');
  // Isolated marks at the end (a speck read as ' or .) and the end punctuation.
  s = s.replace(TRAILING_MARKS, '').replace(/[\s|_~*•·,;:]+$/u, '');
  s = s.replace(VV_RE_ORIG, 'V/v ');
  return s.trim();
}
const VV_RE_ORIG = /^\s*[Vv]\s*[/|l1iI]\s*[vVyY]\b\.?\s*[:.]?\s*/;
/** OCR forms of an italic "V/v" at the start of a trích yếu under the number: "V", "Wx", "Vw", "V/y", "Viv". */
const VV_GARBLED = /^(?:[VW]\s*[/|\\lI1i.,]?\s*[vVwWxXyY]?)[.:]?\s+(?=\p{Ll})/u;
const fixVv = (s: string): string => (VV_GARBLED.test(s) ? s.replace(VV_GARBLED, 'V/v ') : s);

function findSubject(lines: Line[], title: TitleHit | null, symbol: SymbolHit | null, date: DateHit | null): SubjectHit | null {
  if (title) {
    const parts: string[] = [];
    let i = title.line + 1;
    while (i < lines.length && !lines[i]!.text) i++;
    const start = i;
    for (; i < lines.length && parts.length < 5; i++) {
      const l = lines[i]!;
      if (!l.text) break;
      if (SEPARATOR.test(l.text)) break;
      const lf = lettersFold(l.fold);
      if (parts.length && BODY_START.test(lf)) break;
      if (parts.length && /^[-+•]/.test(l.text)) break;
      // A long run of capitals after the subject is the issuing body above "Căn cứ" (QĐ, NQ).
      if (parts.length && upperShare(l.text) > 0.8 && l.text.length > 6) break;
      if (!parts.length && (BODY_START.test(lf) || upperShare(l.text) > 0.8)) break;
      parts.push(l.text);
      // A subject line ending with a full stop ends the subject.
      if (/[.!?]$/.test(l.text) && !/\.\.\.$/.test(l.text)) break;
    }
    if (parts.length) {
      const text = cleanSubject(parts);
      if (text) return { text, confidence: parts.length <= 3 ? 0.85 : 0.65, kind: 'title', start, end: i };
    }
  }
  // Công văn: "V/v …" (or a bare trích yếu) under the number.
  const from = symbol ? symbol.line : 0;
  const to = Math.min(lines.length, from + 10);
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    const m = VV_RE.exec(l.fold);
    let startCol = -1;
    if (m) startCol = 0;
    else {
      const k = l.fold.search(/(?:^|\s)v\s*[/|]\s*[vy]\s/);
      if (k >= 0 && i === from) startCol = k + (l.fold[k] === ' ' ? 1 : 0);
    }
    if (startCol < 0) continue;
    const parts = [l.text.slice(startCol)];
    let j = i + 1;
    for (; j < lines.length && parts.length < 4; j++) {
      const n = lines[j]!;
      if (!n.text || SEPARATOR.test(n.text) || isStampLine(n)) break;
      const nf = lettersFold(n.fold);
      if (BODY_START.test(nf) || /^[-+•]/.test(n.text)) break;
      if (upperShare(withoutSymbols(n.text)) > 0.8) break;
      if (DATE_RE.test(n.fold)) break;
      parts.push(n.text);
    }
    const text = fixVv(cleanSubject(parts));
    if (text.length > 4) return { text, confidence: 0.85, kind: 'vv', start: i, end: j };
  }
  // Bare trích yếu: the lines under Số, before "Kính gửi".
  if (symbol && !title) {
    const parts: string[] = [];
    let j = symbol.line + 1;
    for (; j < Math.min(lines.length, symbol.line + 7); j++) {
      const n = lines[j]!;
      if (!n.text) {
        if (parts.length) break;
        continue;
      }
      // The right column (motto, date line) may come between the số and the trích yếu.
      const isMotto = !parts.length && [PARTY_MOTTO, STATE_MOTTO, STATE_MOTTO_2].some((m) => mottoOn(n, m, 0.25));
      if (isStampLine(n) || (date && n.index === date.line) || isMotto) continue;
      const nf = lettersFold(n.fold);
      if (BODY_START.test(nf) || SEPARATOR.test(n.text) || upperShare(n.text) > 0.8) break;
      parts.push(n.text);
    }
    const fixed = fixVv(cleanSubject(parts));
    const text = fixed;
    if (text.length > 4) return { text, confidence: /^V\/v /.test(text) ? 0.7 : 0.55, kind: 'bare', start: symbol.line + 1, end: j };
  }
  return null;
}

function headerZoneEnd(lines: Line[], title: TitleHit | null, subject: SubjectHit | null, symbol: SymbolHit | null, date: DateHit | null): number {
  if (subject) return subject.end;
  if (title) return title.line + 1;
  const base = Math.max(symbol?.line ?? -1, date?.line ?? -1);
  if (base >= 0) return Math.min(lines.length, base + 4);
  return Math.min(lines.length, 15);
}

// --- mật, khẩn -------------------------------------------------------------------------------------

interface StampHits {
  secrecy: { value: Secrecy; confidence: number } | null;
  urgency: { value: Urgency; confidence: number } | null;
  noneConfidence: number;
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

function findStamps(lines: Line[], headerEnd: number): StampHits {
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
            secrecy = { value: s.value, confidence: isAlone(s.words) ? 0.95 : 0.8 };
            break;
          }
        }
      }
      if (!urgency) {
        for (const u of URGENCY_STAMPS) {
          if (two === u.words || (u.words.split(' ').length === 1 && one === u.words) || nearStamp(two, u.words)) {
            urgency = { value: u.value, confidence: isAlone(u.words) ? 0.95 : 0.8 };
            break;
          }
        }
      }
    }
  }
  return { secrecy, urgency, noneConfidence: 0.85 };
}

// --- tên cơ quan -----------------------------------------------------------------------------------

interface IssuerHit {
  name: string;
  parent: string | null;
  confidence: number;
}

function findIssuer(lines: Line[], symbol: SymbolHit | null, date: DateHit | null, title: TitleHit | null): IssuerHit | null {
  const stop = symbol ? symbol.line : date ? date.line : title ? title.line : Math.min(lines.length, 6);
  const parts: string[] = [];
  for (let i = 0; i < stop; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    let text = l.text;
    // Cut the right column's motto and date line out of the merged line.
    const cuts: [number, number][] = [];
    for (const motto of [PARTY_MOTTO, STATE_MOTTO, STATE_MOTTO_2]) {
      const hit = mottoOn(l, motto, 0.3);
      if (hit) cuts.push([hit.start, hit.end]);
    }
    if (date && date.line === i) cuts.push([date.start, text.length]);
    cuts.sort((a, b) => b[0] - a[0]);
    for (const [a, b] of cuts) text = text.slice(0, a) + ' ' + text.slice(b);
    text = text.replace(/\s+/g, ' ').trim();
    // The star under the body's name (read as *, ★, x, >*) separates it from the số.
    const letters = text.replace(/[^\p{L}]/gu, '');
    if (letters.length < 3) {
      // The star ends the name; specks and the motto's underline read as ": :", "|", "—" do not.
      if (parts.length && (letters.length || /[*★☆✱✲⁎∗]/u.test(text))) break;
      continue;
    }
    if (upperShare(text) < 0.75) continue;
    text = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '');
    // Drop short junk words at the ends (seal and border remnants).
    parts.push(text);
  }
  if (!parts.length) return null;
  if (parts.length === 1) return { name: parts[0]!, parent: null, confidence: 0.75 };
  return { name: parts.slice(1).join(' '), parent: parts[0]!, confidence: 0.75 };
}

// --- chữ ký, nơi nhận -----------------------------------------------------------------------------

interface FooterHits {
  capacity: { value: string; confidence: number } | null;
  title: { value: string; confidence: number } | null;
  name: { value: string; confidence: number } | null;
  recipients: { value: string[]; confidence: number } | null;
}

/** The trailing run of ALL-CAPS words of a string (the right column merged onto a line). */
function trailingUpperRun(s: string): { text: string; start: number } | null {
  const toks = wordTokens(s);
  let i = toks.length - 1;
  // Skip one or two junk tokens (single letters, stray marks) at the very end.
  while (i >= 0 && toks[i]!.text.length <= 1 && !isUpperWord(toks[i]!.text)) i--;
  let j = i;
  while (j >= 0 && isUpperWord(toks[j]!.text) && !/\d/.test(toks[j]!.text)) j--;
  if (j === i) return null;
  const first = toks[j + 1]!;
  const last = toks[i]!;
  return { text: s.slice(first.start, last.end), start: first.start };
}

function capacityOn(l: Line): { printed: string; words: string; start: number } | null {
  const toks = wordTokens(l.text);
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    // "TM." / "KT." (State style): the dot is outside the word token.
    const f = foldDiacritics(t.text) + (l.text[t.end] === '.' ? '.' : '');
    let printed: string | null = null;
    let next = k + 1;
    for (const c of SIGNING_CAPACITIES) {
      if (c.pattern.test(f)) {
        printed = c.printed;
        break;
      }
    }
    // "T / M" read as three tokens.
    if (!printed && k + 1 < toks.length && /^[tk]$/.test(f)) {
      const joined = `${f}/${foldDiacritics(toks[k + 1]!.text)}`;
      for (const c of SIGNING_CAPACITIES) {
        if (c.pattern.test(joined)) {
          printed = c.printed;
          next = k + 2;
          break;
        }
      }
    }
    if (!printed) continue;
    if (!/^[TKtk]/.test(t.text) || !isUpperWord(t.text.replace(/[^\p{L}]/gu, '') || 'x')) continue;
    const words: string[] = [];
    let end = -1;
    for (let j = next; j < toks.length; j++) {
      if (!isUpperWord(toks[j]!.text) || /\d/.test(toks[j]!.text)) break;
      words.push(toks[j]!.text);
      end = toks[j]!.end;
    }
    if (!words.length) continue;
    return { printed, words: l.text.slice(toks[next]!.start, end), start: t.start };
  }
  return null;
}

function titleWordsMatch(folded: string, vocab: ExtractVocabulary): number {
  let best = 0;
  const squashed = folded.replace(/ /g, '');
  for (const w of vocab.titleWords) {
    // OCR drops the space in "BÍTHƯ": compare without spaces too.
    if (folded === w || squashed === w.replace(/ /g, '')) best = Math.max(best, 1);
    else if (folded.endsWith(` ${w}`) || folded.startsWith(`${w} `)) best = Math.max(best, 0.7);
  }
  return best;
}

/** Puts back the spaces OCR dropped in a known title ("BÍTHƯ" → "BÍ THƯ"). */
function respaceTitle(title: string, vocab: ExtractVocabulary): string {
  const letters = [...title].filter((c) => /[\p{L}\p{M}]/u.test(c));
  const folded = foldDiacritics(letters.join(''));
  for (const w of vocab.titleWords) {
    if (w.replace(/ /g, '') !== folded || lettersFold(foldDiacritics(title)) === w) continue;
    let out = '';
    let k = 0;
    for (const part of w.split(' ')) {
      out += (out ? ' ' : '') + letters.slice(k, k + part.length).join('');
      k += part.length;
    }
    return out;
  }
  return title;
}

/** A token that is no word of a recipient: marks, letters mixed with digits (s3, J8), a lone letter. */
const junkToken = (t: string): boolean =>
  /[^\p{L}\p{M}\p{N}()/,.;:'’"“”-]/u.test(t) || (/\p{L}/u.test(t) && /\d/.test(t) && !/^\d+[/-]\d+/.test(t)) || (/^\p{L}$/u.test(t) && !/^[A-ZĐ]$/.test(t));

/** Drops junk tokens (seal and signature remnants read as text) from the end of a recipient. */
function trimJunkTail(s: string): string {
  let out = s.trim();
  for (let guard = 0; guard < 8; guard++) {
    const m = /\s+(\S+)$/.exec(out);
    if (!m) break;
    const tok = m[1]!.replace(/[,;.:]+$/, '');
    if (tok && !junkToken(tok) && /[\p{L}\p{N}]/u.test(tok)) break;
    out = out.slice(0, m.index).trim();
  }
  return out;
}

function nameOn(l: Line, vocab: ExtractVocabulary): { value: string; score: number } | null {
  if (!l.text) return null;
  let text = l.text;
  let merged = false;
  if (/^[-–—•+~_]/.test(text)) {
    // A recipient line with the name merged after it ("- Văn phòng Tỉnh ủy,   Vũ Hữu Việt").
    const m = /^.*[,;.]\s+(?=\S)/.exec(text);
    if (!m) return null;
    text = text.slice(m[0].length);
    merged = true;
  }
  const toks = wordTokens(text);
  let i = toks.length - 1;
  // Junk after the name (seal or signature remnants): short tokens that are not title case.
  let skipped = 0;
  while (i >= 0 && !isTitleWord(toks[i]!.text) && skipped < 2 && toks[i]!.text.length <= 3) {
    i--;
    skipped++;
  }
  let j = i;
  while (j >= 0 && isTitleWord(toks[j]!.text)) j--;
  const run = toks.slice(j + 1, i + 1);
  if (run.length < 2 || run.length > 6) return null;
  // Not a name when more text sits before the run on the line (a sentence), except junk.
  const before = text.slice(0, run[0]!.start).replace(/[^\p{L}]/gu, '');
  if (before.length > 3) return null;
  const fam = vocab.familyNames.includes(foldDiacritics(run[0]!.text));
  if (merged && !fam) return null;
  let score = fam ? 2 : 1;
  if (run.length >= 3 && run.length <= 4) score += 0.5;
  score -= skipped * 0.3 + (merged ? 0.2 : 0);
  return { value: text.slice(run[0]!.start, run[run.length - 1]!.end), score };
}

function findFooter(lines: Line[], vocab: ExtractVocabulary, bodyFrom: number): FooterHits {
  const out: FooterHits = { capacity: null, title: null, name: null, recipients: null };
  // "Nơi nhận:" (OCR: "Noi nhan", "Nơi nhân").
  let noiNhan = -1;
  let noiNhanEnd = 0;
  for (let i = lines.length - 1; i >= bodyFrom; i--) {
    // "Nơi nhận:" (OCR: "Noi nhan", "Nơi nhân", "N “nhận:" with the first word garbled).
    const m = /(?:^|\s)n[o0]i\s*nh[a-z]{1,2}n\s*[:;.]?/.exec(lines[i]!.fold) ?? /^.{0,6}?(?<![a-z])nh[a-z]{1,2}n\s*:/.exec(lines[i]!.fold);
    if (m && m.index <= 3) {
      noiNhan = i;
      noiNhanEnd = m.index + m[0].length;
      break;
    }
  }
  // Signing capacity in the footer (after the body), usually right of "Nơi nhận".
  const footFrom = Math.max(bodyFrom, noiNhan >= 0 ? noiNhan - 3 : lines.length - 25);
  let capLine = -1;
  for (let i = footFrom; i < lines.length; i++) {
    const c = capacityOn(lines[i]!);
    if (c) {
      out.capacity = { value: `${c.printed} ${c.words}`, confidence: 0.9 };
      capLine = i;
      break;
    }
  }
  // Signer's title: the caps run on the line after the capacity, else a known title in the footer.
  let titleLine = -1;
  const titleFrom = capLine >= 0 ? capLine + 1 : Math.max(bodyFrom, noiNhan >= 0 ? noiNhan - 3 : lines.length - 20);
  for (let i = titleFrom; i < Math.min(lines.length, titleFrom + (capLine >= 0 ? 3 : 30)); i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    const run = trailingUpperRun(l.text.replace(/[\s:;.,|!]+$/, ''));
    if (!run) continue;
    const f = lettersFold(foldDiacritics(run.text));
    const known = titleWordsMatch(f, vocab);
    if (capLine < 0 && !known) continue;
    if (f.split(' ').length < 1 || run.text.replace(/[^\p{L}]/gu, '').length < 3) continue;
    if (/^noi nhan/.test(f)) continue;
    out.title = { value: respaceTitle(run.text, vocab), confidence: known ? 0.9 : 0.7 };
    titleLine = i;
    break;
  }
  // A seal over "T/M" or "K/T" leaves the collective's name alone above the title ("BAN THƯỜNG VỤ"):
  // collectives sign T/M, the office head for the standing board T/L (36-HD). Inferred, so less sure.
  if (!out.capacity && titleLine > footFrom) {
    const titleFold = out.title ? lettersFold(foldDiacritics(out.title.value)) : '';
    for (let i = titleLine - 1; i >= Math.max(footFrom, titleLine - 3) && !out.capacity; i--) {
      const run = trailingUpperRun(lines[i]!.text.replace(/[\s:;.,|!]+$/, ''));
      if (!run) continue;
      const toks = wordTokens(run.text);
      // Remnants of the hidden "T/M" before the name: one or two short tokens.
      for (let skip = 0; skip <= Math.min(2, toks.length - 1) && !out.capacity; skip++) {
        if (skip && toks[skip - 1]!.text.replace(/[^\p{L}]/gu, '').length > 2) break;
        const body = run.text.slice(toks[skip]!.start);
        if (!(vocab.collectiveSigners ?? COLLECTIVE_SIGNERS).includes(lettersFold(foldDiacritics(body)))) continue;
        const onBehalf = OFFICE_HEAD_TITLES.includes(titleFold) ? 'T/L' : 'T/M';
        out.capacity = { value: `${onBehalf} ${body}`, confidence: 0.55 };
      }
    }
  }
  // A seal over "K/T" (and often over "PHÓ") leaves the head's title above the deputy's: "TRƯỞNG BAN"
  // then "TRƯỞNG BAN", "HÓ TRƯỞNG BAN" or "PHÓ TRƯỞNG BAN". A deputy signs K/T for the head (36-HD).
  // Inferred, so less sure.
  if (!out.capacity && out.title && titleLine >= 0) {
    const marked = markedShare(lines.slice(titleLine).map((l) => l.text).join(' ')) >= 0.05;
    const canon = matchSignerTitle(out.title.value, vocab.signerTitles ?? SIGNER_TITLES) ?? out.title.value;
    const head = marked ? canon : stripDiacritics(canon);
    const headKey = lettersFold(foldDiacritics(head)).replace(/ /g, '');
    for (let i = titleLine + 1; i < Math.min(lines.length, titleLine + 3) && headKey.length >= 4; i++) {
      const run = trailingUpperRun(lines[i]!.text.replace(/[\s:;.,|!]+$/, ''));
      if (!run) continue;
      const key = lettersFold(foldDiacritics(run.text)).replace(/ /g, '');
      if (!key.endsWith(headKey)) continue;
      const extra = key.slice(0, key.length - headKey.length);
      if (extra && levenshtein(extra, 'pho') > 1) continue;
      out.capacity = { value: `K/T ${head}`, confidence: 0.55 };
      out.title = { value: `${marked ? 'PHÓ' : 'PHO'} ${head}`, confidence: 0.55 };
      titleLine = i;
      break;
    }
  }
  // Name: a title-case run of 2–6 words below the title (from the bottom up, family names first).
  const nameFrom = titleLine >= 0 ? titleLine + 1 : capLine >= 0 ? capLine + 1 : Math.max(bodyFrom, lines.length - 12);
  let bestName: { value: string; score: number; line: number } | null = null;
  for (let i = nameFrom; i < lines.length; i++) {
    const n = nameOn(lines[i]!, vocab);
    if (n && (!bestName || n.score > bestName.score)) bestName = { ...n, line: i };
  }
  if (bestName) out.name = { value: bestName.value, confidence: bestName.score >= 2 ? 0.85 : 0.6 };

  // Recipients: the "- …" items after "Nơi nhận:".
  if (noiNhan >= 0) {
    const items: string[] = [];
    let open = false; // the last item has not ended (no , ; . yet): a wrapped line continues it
    for (let i = noiNhan + 1; i < lines.length; i++) {
      const l = lines[i]!;
      if (!l.text) continue;
      if (bestName && i === bestName.line && !/^[-–—•+~]/.test(l.text)) break;
      const dash = /^[-–—•+~*·]\s*/.exec(l.text);
      let body: string;
      if (dash) body = l.text.slice(dash[0].length);
      else if (open) body = l.text;
      else if (i === noiNhan + 1 && /^\p{L}/u.test(l.text) && !isUpperWord(wordTokens(l.text)[0]?.text ?? '')) body = l.text; // dash lost
      else continue;
      body = stripMergedRight(body, out, vocab);
      // The archive item ("Lưu …") is the last: it ends at its full stop, whatever follows.
      const archiveEnd = /^(l[uư]u\b[^.]*\.)/iu.exec(body);
      if (archiveEnd && /^luu\b/.test(foldDiacritics(body))) body = archiveEnd[1]!;
      const endsWithStop = /[,;.]\s*$/.test(body);
      body = trimJunkTail(body);
      if (endsWithStop && !/[,;.]\s*$/.test(body)) body += ',';
      if (!body) continue;
      const ended = /[,;.]\s*$/.test(body);
      let clean = body.replace(/[\s,;.:]+$/u, '').trim();
      // "(để b/c" whose ")" the seal or a speck took: close a short trailing parenthesis.
      if (ended && /\([^()]{1,12}$/u.test(clean)) clean += ')';
      if (!clean) continue;
      if (dash || !open) items.push(clean);
      else items[items.length - 1] = `${items[items.length - 1]} ${clean}`;
      open = !ended;
      if (/\.\s*$/.test(body) && /^luu\b/.test(foldDiacritics(items[items.length - 1]!))) break;
    }
    // The text on the "Nơi nhận:" line itself is the right column (capacity), not an item.
    void noiNhanEnd;
    if (items.length) out.recipients = { value: items, confidence: 0.8 };
  }
  return out;
}

/** Removes the signing block's text merged onto a recipient line ("- Như trên, PHÓ CHỦ NHIỆM"). */
function stripMergedRight(body: string, footer: FooterHits, vocab: ExtractVocabulary): string {
  let s = body.replace(/\s+[|!]+(?=\s|$)/g, ' ').trim();
  const archive = /^luu\b/.test(foldDiacritics(s));
  // 1. A trailing run of capitals: the capacity or title of the right column.
  const run = trailingUpperRun(s.replace(/[\s:;.,|!]+$/, ''));
  if (run && run.start > 0) {
    const f = lettersFold(foldDiacritics(run.text));
    const signing =
      titleWordsMatch(f, vocab) > 0 ||
      (footer.title && f === lettersFold(foldDiacritics(footer.title.value))) ||
      (footer.capacity && f === lettersFold(foldDiacritics(footer.capacity.value))) ||
      SIGNING_CAPACITIES.some((c) => c.pattern.test(foldDiacritics(wordTokens(run.text)[0]?.text ?? '')));
    const words = wordTokens(run.text).length;
    if (signing || (!archive && words >= 2 && run.text.replace(/[^\p{L}]/gu, '').length >= 4)) s = s.slice(0, run.start).trim();
  }
  // 2. After the item's own punctuation: junk, or the signer's name.
  const m = /^(.*[,;.])\s+(.+)$/.exec(s);
  if (m) {
    const tail = m[2]!;
    const toks = wordTokens(tail);
    const nameLike = toks.length >= 2 && toks.every((t) => isTitleWord(t.text)) && (footer.name ? tail.includes(footer.name.value) : false);
    const junk = !archive && (tail.replace(/[^\p{L}]/gu, '').length <= 3 || tail.split(/\s+/).every((t) => junkToken(t.replace(/[,;.:]+$/, '')) || t.replace(/[,;.:]+$/, '').length <= 3));
    if (nameLike || junk) s = m[1]!;
  }
  return s;
}
