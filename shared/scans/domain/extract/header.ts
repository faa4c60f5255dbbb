/**
 * The header zone's fields: the header kind (Party or State motto), số and ký hiệu (the
 * office's number-symbol parser, scored for being the document's own), and tên cơ quan.
 */
import { findNumberSymbols, isKnownBodyCode, isKnownTypeCode, type NumberSymbolMatch } from '../../../office';
import { bestSubstringMatch } from './fuzzy';
import { upperShare, type Line } from './lines';
import { PARTY_MOTTO, STATE_MOTTO, STATE_MOTTO_2 } from './vocabulary';
import type { DateHit } from './date';
import type { TitleHit } from './hits';

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

export function detectSystem(lines: Line[]): { value: DocumentSystem | null; confidence: number } {
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

export interface SymbolHit {
  line: number;
  match: NumberSymbolMatch;
}

export function findSymbol(lines: Line[]): SymbolHit | null {
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

// --- tên cơ quan -----------------------------------------------------------------------------------

export interface IssuerHit {
  name: string;
  parent: string | null;
  confidence: number;
}

export function findIssuer(lines: Line[], symbol: SymbolHit | null, date: DateHit | null, title: TitleHit | null): IssuerHit | null {
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
