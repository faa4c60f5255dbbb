/**
 * Ranking of search hits: every query word must occur; a word in a heading field (number-symbol,
 * subject, issuer, type) counts more than one in the text; a form with the same diacritics as
 * the query counts more than a folded one; adjacent query words found as a pair add a phrase
 * bonus; a matching number-symbol outweighs everything else.
 */
import type { Posting } from './postings';
import type { QueryTerm } from './terms';

export interface TermHit {
  kind: 'word' | 'pair' | 'number';
  /** The query's own form of the term (NFC, lower case, one tone placement). */
  querySurface: string;
  posting: Posting;
}

const WEIGHT = { word: 1, pair: 1.5, number: 10 } as const;
const HEAD_BONUS = 1;
const EXACT_BONUS = 1;

/** True when the document has the term in exactly the query's form, diacritics included. */
export const isExact = (hit: Pick<TermHit, 'querySurface' | 'posting'>): boolean => hit.posting.surfaces.includes(hit.querySurface);

/** Score of one document for a query, from the postings of the terms it matched. */
export function scoreOf(hits: readonly TermHit[]): number {
  let score = 0;
  for (const h of hits) {
    score += WEIGHT[h.kind];
    if (h.posting.head) score += HEAD_BONUS * (h.kind === 'number' ? 0 : 1);
    if (h.kind !== 'number' && isExact(h)) score += EXACT_BONUS;
  }
  return Math.round(score * 1000) / 1000;
}

/** A document found by the driving term, with the terms it matched so far. */
export interface Candidate {
  posting: Posting;
  /** The secrecy rank whose list it came from. */
  rank: number;
  hits: TermHit[];
}

/** A candidate with the driving term's hit only. */
export const candidateOf = (driver: Pick<QueryTerm, 'kind' | 'surface'>, c: { posting: Posting; rank: number }): Candidate => ({
  ...c,
  hits: [{ kind: driver.kind, querySurface: driver.surface, posting: c.posting }],
});

/**
 * Keeps the candidates that have every other required term (`found`: per term key, the postings
 * found by order key) and adds the hits of those terms and of the pairs (a bonus, not required).
 */
export function withTerms(candidates: readonly Candidate[], terms: readonly QueryTerm[], found: ReadonlyMap<string, ReadonlyMap<string, Posting>>): Candidate[] {
  let alive = [...candidates];
  for (const t of terms) {
    const f = found.get(t.key)!;
    if (t.kind !== 'pair') alive = alive.filter((a) => f.has(a.posting.ok));
    for (const a of alive) {
      const p = f.get(a.posting.ok);
      if (p) a.hits.push({ kind: t.kind, querySurface: t.surface, posting: p });
    }
  }
  return alive;
}

/** A scored match, by order key. */
export interface Scored {
  ok: string;
  score: number;
}

export const scored = (c: Candidate): Scored => ({ ok: c.posting.ok, score: scoreOf(c.hits) });

/** Best first; equal scores newest first (order keys sort newest first). */
export const byScore = (a: Scored, b: Scored): number => b.score - a.score || (a.ok < b.ok ? -1 : 1);
