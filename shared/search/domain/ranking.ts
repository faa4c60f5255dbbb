/**
 * Ranking of search hits: every query word must occur; a word in a heading field (number-symbol,
 * subject, issuer, type) counts more than one in the text; a form with the same diacritics as
 * the query counts more than a folded one; adjacent query words found as a pair add a phrase
 * bonus; a matching number-symbol outweighs everything else.
 */
import type { Posting } from './postings';

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
