/**
 * Tên loại (the document type's heading) and trích yếu (the subject under it, or "V/v …" under
 * the number of a công văn, or a bare line there), and where the header zone ends.
 */
import { hasWrittenDate } from '../../../office';
import { findNumberSymbols } from '../../../office';
import { foldDiacritics } from '../../../platform/text/vietnamese';
import { similarity } from './fuzzy';
import { lettersFold, upperShare, type Line } from './lines';
import { PARTY_MOTTO, STATE_MOTTO, STATE_MOTTO_2, YOUTH_MOTTO, type DocumentTypeName, type ExtractVocabulary } from './vocabulary';
import type { TitleHit } from './hits';
import type { DateHit } from './date';
import { mottoOn, type SymbolHit } from './header';
import { isStampLine } from './stamps';

// --- tên loại ------------------------------------------------------------------------------------

export type { TitleHit } from './hits';

export function findTitle(lines: Line[], vocab: ExtractVocabulary, after: number): TitleHit | null {
  const names = vocab.types.map((t) => ({ t, f: foldDiacritics(t.name) }));
  // After the number (when the date line was not read) the right column, an e-copy's signature, a
  // receipt stamp and the marks may all come before the tên loại in reading order: up to 20 lines.
  const limit = Math.min(lines.length, Math.max(after + 20, Math.ceil(lines.length * 0.5)));
  let best: (TitleHit & { score: number }) | null = null;
  for (let i = Math.max(0, after - 1); i < limit; i++) {
    const l = lines[i]!;
    if (!l.text || l.text.length > 40) continue;
    if (upperShare(l.text) < 0.7) continue;
    const lf = lettersFold(l.fold);
    if (!lf) continue;
    for (const { t, f } of names) {
      // The whole line is the type name, perhaps with a stamp word merged before it.
      // Or a speck read as a short lower-case word before it ("nh QUYẾT ĐỊNH").
      const cores = [lf, lf.replace(/^(?:(?:tuyet|toi|thuong)\s+)?(?:mat|khan)\s+|^hoa\s+toc\s+/, ''), ...(/^\p{Ll}{1,2}\s/u.test(l.text) ? [lf.replace(/^[a-z]{1,2}\s+/, '')] : [])];
      for (const core of cores) {
        const sim = similarity(core, f);
        if (sim >= (f.length >= 8 ? 0.8 : 0.99)) {
          // A copy's form ("SAO Y", "BẢN SAO": an e-copy stamp at the top, the copy page at the end)
          // is not the tên loại of the document copied: any other tên loại read wins over it.
          const score = sim - (i <= after ? 0.05 : 0) - (t.partyCode === 'BS' ? 0.5 : 0);
          if (!best || score > best.score) best = { line: i, type: t, confidence: sim >= 0.99 ? 0.95 : 0.8, score };
        }
      }
    }
  }
  return best;
}

// --- trích yếu -----------------------------------------------------------------------------------

export interface SubjectHit {
  text: string;
  confidence: number;
  kind: 'title' | 'vv' | 'bare';
  start: number;
  /** First line after the subject. */
  end: number;
  /** The lines the text was read from. */
  lines: number[];
}

const SEPARATOR = /^[\s\-–—_=~.*•·]{3,}$/;
const BODY_START = /^(?:[-+•]\s*)?(kinh gui|kinh trinh|can cu|thuc hien|ngay \d|dieu \d|dieu [ivx]+\b|chuong [ivx\d]|phan [ivx\d]|muc \d|[ivx]+\s*[-.]\s|\d+\s*[-.)]\s|a\s*[-.)]\s|trong boi canh|de nghi|noi nhan)/;
/**
 * The line opens the body: body words written as a sentence (a capital: "Thực hiện chương
 * trình…"), a numbered section, "Kính gửi". In lower case ("thực hiện Nghị quyết…", "ngày
 * 12/12/2011, số …") the same words continue a trích yếu that wrapped.
 */
function startsBody(l: Line): boolean {
  if (!BODY_START.test(lettersFold(l.fold))) return false;
  const t = l.text.replace(/^[-+•\s]+/, '');
  if (/^[\dIVX]/.test(t) || /^a\s*[-.)]/.test(t)) return true;
  return !/^\p{Ll}/u.test(t);
}
const VV_RE = /^\s*v\s*[/|l1i]\s*[vy]\b\.?\s*[:.]?\s*/;
/** A line opening with "- 2030" after one ending in "2026" carries on a range ("giai đoạn 2026 - 2030" wrapped): no list item. */
/** An incoming-receipt stamp's line ("CV ĐẾN Số 2770 Ngày …", "ĐẾN"): stamped on the page, never part of a trích yếu. */
const RECEIPT_LINE = /^(?:cv\s+|cong van\s+)?den\b/;
const rangeGoesOn = (prev: string, line: string): boolean => /\d$/.test(prev.trim()) && /^[-–]\s*\d/.test(line);

/** A line without the number-symbols in it ("Nghị quyết số 12-NQ/TU" wrapped: "12-NQ/TU" is no caps line). */
function withoutSymbols(text: string): string {
  let out = text;
  for (const m of findNumberSymbols(text).reverse()) out = out.slice(0, m.index) + out.slice(m.index + m.length);
  return out.replace(/[^\p{L}]/gu, '') ? out : 'x';
}

/** Isolated marks at the end of a line (a speck read as ' . : |). */
const TRAILING_MARKS = /(?:\s+[.,:;'`‘’|!~_*•·^°]{1,3})+$/u;

function cleanSubject(parts: string[]): string {
  let s = parts
    .map((p) => p.replace(TRAILING_MARKS, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  // A trích yếu printed in quotes ("V/v …", as the Đoàn's letters have it) loses its opening mark here, its closing one below.
  const quoted = /^[^\p{L}\p{N}]*["“”„]/u.test(s);
  s = s.replace(/^[^\p{L}\p{N}]+/u, '');
  s = s.replace(/\s*[-–—]{3,}.*$/, '');
  if (quoted) s = s.replace(/["“”]\s*$/u, '');
  // Isolated marks at the end (a speck read as ' or .) and the end punctuation.
  s = s.replace(TRAILING_MARKS, '').replace(/[\s|_~*•·,;:]+$/u, '');
  s = s.replace(VV_RE_ORIG, 'V/v ');
  return s.trim();
}
const VV_RE_ORIG = /^\s*[Vv]\s*[/|l1iI]\s*[vVyY]\b\.?\s*[:.]?\s*/;
/** OCR forms of an italic "V/v" at the start of a trích yếu under the number: "V", "Wx", "Vw", "V/y", "Viv". */
const VV_GARBLED = /^(?:[VW]\s*[/|\\lI1i.,]?\s*[vVwWxXyY]?)[.:]?\s+(?=\p{Ll})/u;
const fixVv = (s: string): string => (VV_GARBLED.test(s) ? s.replace(VV_GARBLED, 'V/v ') : s);

/** A caps line under the tên loại naming who adopted the document: "CỦA …", a plenum, a congress, a session. */
const ADOPTED_BY = /^(?:cua|hoi nghi|dai hoi|ky hop)\b/;

export function findSubject(lines: Line[], title: TitleHit | null, symbol: SymbolHit | null, date: Pick<DateHit, 'line'> | null): SubjectHit | null {
  if (title) {
    const parts: string[] = [];
    const from: number[] = [];
    let i = title.line + 1;
    while (i < lines.length && !lines[i]!.text) i++;
    // Who adopted it, in capitals between the tên loại and the trích yếu ("CỦA BỘ CHÍNH TRỊ", "HỘI NGHỊ LẦN
    // THỨ TÁM" / "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII", "CỦA BAN THƯỜNG VỤ TỈNH ỦY"): not the subject.
    if (i < lines.length && upperShare(lines[i]!.text) > 0.8 && ADOPTED_BY.test(lettersFold(lines[i]!.fold))) {
      for (let k = 0; k < 3 && i < lines.length && lines[i]!.text && upperShare(withoutSymbols(lines[i]!.text)) > 0.8; k++) i++;
      while (i < lines.length && !lines[i]!.text) i++;
    }
    const start = i;
    for (; i < lines.length && parts.length < 5; i++) {
      const l = lines[i]!;
      if (!l.text) break;
      if (SEPARATOR.test(l.text)) break;
      if (parts.length && startsBody(l)) break;
      if (parts.length && /^[-+•]/.test(l.text) && !rangeGoesOn(parts[parts.length - 1]!, l.text)) break;
      // A long run of capitals after the subject is the issuing body above "Căn cứ" (QĐ, NQ).
      // (A number-symbol the trích yếu cites, wrapped onto a line of its own, is no caps line: "45-KL/TW".)
      if (parts.length && upperShare(withoutSymbols(l.text)) > 0.8 && l.text.length > 6) break;
      if (!parts.length && (startsBody(l) || upperShare(l.text) > 0.8)) break;
      parts.push(l.text);
      from.push(i);
      // A subject line ending with a full stop ends the subject.
      if (/[.!?]$/.test(l.text) && !/\.\.\.$/.test(l.text)) break;
    }
    if (parts.length) {
      const text = cleanSubject(parts);
      if (text) return { text, confidence: parts.length <= 3 ? 0.85 : 0.65, kind: 'title', start, end: i, lines: from };
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
    const read = [i];
    let j = i + 1;
    for (; j < lines.length && parts.length < 4; j++) {
      const n = lines[j]!;
      if (!n.text || SEPARATOR.test(n.text) || isStampLine(n) || RECEIPT_LINE.test(lettersFold(n.fold))) break;
      // Body words in lower case ("thực hiện Kết luận …") carry on a wrapped V/v; written as a sentence they open the body.
      if (startsBody(n) || (/^[-+•]/.test(n.text) && !rangeGoesOn(parts[parts.length - 1]!, n.text))) break;
      if (upperShare(withoutSymbols(n.text)) > 0.8) break;
      if (hasWrittenDate(n.fold)) break;
      parts.push(n.text);
      read.push(j);
    }
    const text = fixVv(cleanSubject(parts));
    if (text.length > 4) return { text, confidence: 0.85, kind: 'vv', start: i, end: j, lines: read };
  }
  // Bare trích yếu: the lines under Số, before "Kính gửi".
  if (symbol && !title) {
    const parts: string[] = [];
    const from: number[] = [];
    let j = symbol.line + 1;
    for (; j < Math.min(lines.length, symbol.line + 7); j++) {
      const n = lines[j]!;
      if (!n.text) {
        if (parts.length) break;
        continue;
      }
      // The right column (motto, date line) may come between the số and the trích yếu.
      const isMotto = !parts.length && [PARTY_MOTTO, STATE_MOTTO, STATE_MOTTO_2, YOUTH_MOTTO].some((m) => mottoOn(n, m, 0.25));
      if (isStampLine(n) || (date && n.index === date.line) || isMotto) continue;
      const nf = lettersFold(n.fold);
      if (BODY_START.test(nf) || SEPARATOR.test(n.text) || upperShare(n.text) > 0.8 || RECEIPT_LINE.test(nf)) break;
      parts.push(n.text);
      from.push(j);
    }
    const fixed = fixVv(cleanSubject(parts));
    const text = fixed;
    if (text.length > 4) return { text, confidence: /^V\/v /.test(text) ? 0.7 : 0.55, kind: 'bare', start: symbol.line + 1, end: j, lines: from };
  }
  return null;
}

export function headerZoneEnd(lines: Line[], title: TitleHit | null, subject: SubjectHit | null, symbol: SymbolHit | null, date: DateHit | null): number {
  if (subject) return subject.end;
  if (title) return title.line + 1;
  const base = Math.max(symbol?.line ?? -1, date?.line ?? -1);
  if (base >= 0) return Math.min(lines.length, base + 4);
  return Math.min(lines.length, 15);
}
