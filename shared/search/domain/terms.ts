/**
 * The terms of the inverted index, for documents and for queries: Vietnamese syllables folded
 * (NFC, one tone placement, no diacritics, đ→d, lower case), adjacent syllables as two-syllable
 * terms, and the number-symbol as one term. Each term keeps the forms it had (the surfaces), so
 * that a match with the query's own diacritics can rank higher.
 */
import { foldDiacritics, normaliseTonePlacement } from '../../platform/text/vietnamese';
import type { SearchDocument } from './document';

/** `w:` a syllable, `b:` two adjacent syllables, `n:` a number-symbol. */
export type TermKind = 'word' | 'pair' | 'number';
const PREFIX: Record<TermKind, string> = { word: 'w:', pair: 'b:', number: 'n:' };

export const termKey = (kind: TermKind, folded: string): string => `${PREFIX[kind]}${folded}`;
/** The folded text of a term key: also the surface that is not stored twice. */
export const foldedOfKey = (key: string): string => key.slice(2);

export interface DocumentTerm {
  head: boolean;
  surfaces: Set<string>;
}

/** Text read from a document beyond this length is not indexed (a very long scan). */
export const MAX_INDEXED_TEXT = 40_000;

interface Token {
  surface: string;
  folded: string;
  /** A break (sentence end, colon, semicolon, bracket, blank line) comes before this token. */
  breakBefore: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[.;:!?()[\]{}"“”…]|\n\s*\n/gu;

/** A syllable as the index keeps its form: NFC, new-style tone placement (hoà → hòa), lower case. */
const surfaceOf = (syllable: string): string => normaliseTonePlacement(syllable).toLowerCase();
/** A syllable folded: no diacritics, đ→d, lower case. */
const foldSyllable = (surface: string): string => foldDiacritics(surface);

/** The syllables of a text, with the breaks that two-syllable terms do not cross. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let pendingBreak = true;
  for (const m of text.normalize('NFC').matchAll(TOKEN)) {
    const t = m[0];
    if (!/[\p{L}\p{N}]/u.test(t[0]!)) {
      pendingBreak = true;
      continue;
    }
    const surface = surfaceOf(t);
    out.push({ surface, folded: foldSyllable(surface), breakBefore: pendingBreak });
    pendingBreak = false;
  }
  return out;
}

const PARTY_NUMBER = /(\d{1,5})\s*-\s*([\p{L}]{1,6})\s*\/\s*([\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*)/u;
const STATE_NUMBER = /(\d{1,6})\s*\/\s*(?:(\d{4})\s*\/\s*)?([\p{L}]+)\s*-\s*([\p{L}\d]+(?:-[\p{L}\d]+)*)/u;

/** The number-symbol in a text ("Số 141-KL/ĐUK", "45/2024/NĐ-CP"), folded without blanks, with where it was found. */
export function findNumberSymbol(text: string): { canonical: string; index: number; length: number } | null {
  const s = text.normalize('NFC');
  const m = PARTY_NUMBER.exec(s) ?? STATE_NUMBER.exec(s);
  if (!m) return null;
  return { canonical: canonicalNumberSymbol(m[0]), index: m.index, length: m[0].length };
}

/** A number-symbol as one comparable term: folded, lower case, no blanks, no leading zeros. */
export function canonicalNumberSymbol(s: string): string {
  return tokenizeLoose(s)
    .replace(/\s+/g, '')
    .replace(/^0+(?=\d)/, '');
}

const tokenizeLoose = (s: string): string =>
  s
    .normalize('NFC')
    .split(/([\p{L}]+)/u)
    .map((part) => (/^\p{L}+$/u.test(part) ? foldSyllable(surfaceOf(part)) : part))
    .join('');

function addTerm(terms: Map<string, DocumentTerm>, key: string, surface: string, head: boolean): void {
  const t = terms.get(key);
  if (t) {
    t.head ||= head;
    t.surfaces.add(surface);
  } else terms.set(key, { head, surfaces: new Set([surface]) });
}

function addText(terms: Map<string, DocumentTerm>, text: string | null | undefined, head: boolean): void {
  if (!text) return;
  const tokens = tokenize(text);
  tokens.forEach((tok, i) => {
    addTerm(terms, termKey('word', tok.folded), tok.surface, head);
    const prev = tokens[i - 1];
    if (prev && !tok.breakBefore) addTerm(terms, termKey('pair', `${prev.folded} ${tok.folded}`), `${prev.surface} ${tok.surface}`, head);
  });
}

/** Every term of a document, with the heading flag and the forms it takes there. */
export function documentTerms(doc: SearchDocument): Map<string, DocumentTerm> {
  const terms = new Map<string, DocumentTerm>();
  if (doc.numberSymbol) {
    const found = findNumberSymbol(doc.numberSymbol);
    const canonical = found?.canonical ?? canonicalNumberSymbol(doc.numberSymbol);
    if (canonical) addTerm(terms, termKey('number', canonical), canonical, true);
  }
  for (const head of [doc.numberSymbol, doc.typeName, doc.subject, doc.issuer]) addText(terms, head, true);
  for (const other of doc.other) addText(terms, other, false);
  addText(terms, doc.text ? doc.text.slice(0, MAX_INDEXED_TEXT) : null, false);
  return terms;
}

export interface QueryTerm {
  kind: TermKind;
  key: string;
  /** The query's form of the term, to recognise an exact-diacritic match. */
  surface: string;
}

export interface ParsedQuery {
  /** Terms every hit must have: the syllables and the number-symbol. */
  required: QueryTerm[];
  /** Two-syllable terms: a hit that has them ranks higher. */
  pairs: QueryTerm[];
  /** The folded syllables, for the snippet. */
  words: string[];
}

/** Most syllables a query may have. */
export const MAX_QUERY_WORDS = 12;

/** Parses a query: a number-symbol anywhere in it is one term; the rest are syllables and their pairs. */
export function parseQuery(q: string): ParsedQuery {
  let rest = q.normalize('NFC');
  const required: QueryTerm[] = [];
  const number = findNumberSymbol(rest);
  if (number) {
    required.push({ kind: 'number', key: termKey('number', number.canonical), surface: number.canonical });
    rest = `${rest.slice(0, number.index)} . ${rest.slice(number.index + number.length)}`;
  }
  const tokens = tokenize(rest).slice(0, MAX_QUERY_WORDS);
  const seen = new Set(required.map((t) => t.key));
  const pairs: QueryTerm[] = [];
  tokens.forEach((tok, i) => {
    const key = termKey('word', tok.folded);
    if (!seen.has(key)) {
      seen.add(key);
      required.push({ kind: 'word', key, surface: tok.surface });
    }
    const prev = tokens[i - 1];
    if (prev && !tok.breakBefore) {
      const pairKey = termKey('pair', `${prev.folded} ${tok.folded}`);
      if (!seen.has(pairKey)) {
        seen.add(pairKey);
        pairs.push({ kind: 'pair', key: pairKey, surface: `${prev.surface} ${tok.surface}` });
      }
    }
  });
  return { required, pairs, words: tokens.map((t) => t.folded) };
}
