/**
 * The search use case (GET /v1/search) and the index's writes. A query is parsed and planned by
 * the domain (domain/query-plan.ts, domain/ranking.ts); this orders the reads: the posting lists
 * of the ranks the caller's clearance covers only (nothing more secret is ever read), the
 * candidates of the rarest term checked against the others, every match ranked at once or the
 * lists walked newest first, and what each hit shows — its record's secrecy checked again.
 */
import { canSee } from '../../platform/security';
import { ValidationError } from '../../platform/errors';
import type { SearchDocument } from '../domain/document';
import { idOfOrderKey, type Posting } from '../domain/postings';
import {
  byRarity,
  checkByForwardIndex,
  DEFAULT_TUNING,
  decodeSearchCursor,
  encodeSearchCursor,
  firstStep,
  frontierOf,
  fullRankCost,
  hasFilters,
  nextStep,
  postingFilter,
  querySignature,
  ranksEveryMatch,
  readableRanks,
  type SearchTuning,
} from '../domain/query-plan';
import { byScore, candidateOf, scored, withTerms, type Candidate, type Scored } from '../domain/ranking';
import { snippetOf } from '../domain/snippet';
import { parseQuery, type QueryTerm } from '../domain/terms';
import type { IndexStore, PostingList, SearchHit, SearchIndex, SearchPage, SearchQuery } from '../ports/search-index';

export class SearchEngine implements SearchIndex {
  private readonly tuning: SearchTuning;

  constructor(
    private readonly store: IndexStore,
    tuning: Partial<SearchTuning> = {},
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
  }

  index(docs: readonly SearchDocument[]): Promise<void> {
    return this.store.index(docs);
  }

  remove(id: string): Promise<void> {
    return this.store.remove(id);
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const parsed = parseQuery(query.q);
    if (!parsed.required.length) throw new ValidationError('q must contain a word or a number-symbol', [{ path: 'query.q', message: 'no searchable word' }]);
    const signature = querySignature(query);
    const cursor = decodeSearchCursor(query.cursor, signature);
    const terms = [...parsed.required, ...parsed.pairs];
    // The clearance filter: only the ranks the caller may see are ever read.
    const lists = await this.store.postingLists(
      terms.map((t) => t.key),
      readableRanks(query.clearance),
    );
    const listsOf = (t: QueryTerm): PostingList[] => lists.get(t.key) ?? [];
    const df = (t: QueryTerm) => listsOf(t).reduce((s, l) => s + l.n, 0);
    if (parsed.required.some((t) => df(t) === 0)) return { items: [], nextCursor: null };
    const [driver, ...others] = byRarity(parsed.required, df);
    /** The terms checked against the driver's candidates: the other required ones, then the pairs (a bonus). */
    const rest = [...others, ...parsed.pairs];
    const keep = postingFilter(query);

    /** The hits among driver postings (in date order) that have every other required term. */
    const matchesOf = async (found: { posting: Posting; rank: number }[]): Promise<Scored[]> => {
      const alive = found.filter((c) => keep(c.posting)).map((c) => candidateOf(driver!, c));
      if (!alive.length || !rest.length) return alive.map(scored);
      return withTerms(alive, rest, await this.otherTerms(alive, rest, listsOf)).map(scored);
    };

    let page: Scored[];
    let nextCursor: string | null = null;
    const driverLists = listsOf(driver!);
    const driverPostings = df(driver!);
    const fullCost = fullRankCost(
      driverPostings,
      rest.reduce((sum, t) => sum + listsOf(t).reduce((s, l) => s + l.bytesForCandidates(driverPostings), 0), 0),
      rest.length,
    );
    if (ranksEveryMatch({ cursor, driverPostings, fullCost, tuning: this.tuning })) {
      // Few enough candidates: rank every match.
      const all = (await Promise.all(driverLists.map(async (l) => (await l.all()).map((posting) => ({ posting, rank: l.rank }))))).flat();
      const matches = (await matchesOf(all)).sort(byScore);
      const offset = cursor?.m === 'f' ? cursor.o : 0;
      page = matches.slice(offset, offset + query.limit);
      if (matches.length > offset + query.limit) nextCursor = encodeSearchCursor({ h: signature, m: 'f', o: offset + query.limit });
    } else {
      // Many candidates: walk them newest first; each page is ranked within itself.
      let after = cursor?.m === 'w' ? cursor.k : '';
      let stepSize = firstStep(this.tuning, terms.length, hasFilters(query), query.limit);
      const found: Scored[] = [];
      let scanned = 0;
      let exhausted = false;
      while (found.length < query.limit && scanned < this.tuning.windowBudget) {
        const parts = await Promise.all(driverLists.map(async (l) => ({ l, ...(await l.after(after, stepSize)) })));
        const open = parts.filter((p) => !p.exhausted);
        const frontier = frontierOf(parts);
        const step = parts
          .flatMap((p) => p.postings.filter((x) => x.ok <= frontier).map((posting) => ({ posting, rank: p.l.rank })))
          .sort((a, b) => (a.posting.ok < b.posting.ok ? -1 : 1));
        if (!step.length) {
          exhausted = true;
          break;
        }
        const matches = await matchesOf(step);
        const need = query.limit - found.length;
        found.push(...matches.slice(0, need));
        scanned += step.length;
        stepSize = nextStep(this.tuning, stepSize);
        after = matches.length >= need ? matches[need - 1]!.ok : step.at(-1)!.posting.ok;
        if (!open.length && matches.length <= need) {
          exhausted = true;
          break;
        }
      }
      page = found.sort(byScore);
      if (!exhausted) nextCursor = encodeSearchCursor({ h: signature, m: 'w', k: after });
    }

    const records = await this.store.displayRecords(page.map((p) => idOfOrderKey(p.ok)));
    const items: SearchHit[] = [];
    for (const p of page) {
      const r = records.get(idOfOrderKey(p.ok));
      // Defence in depth: the record's own secrecy is checked again before anything is shown.
      if (!r || !canSee(query.clearance, r.secrecy)) continue;
      items.push({
        id: r.id,
        register: r.register,
        numberSymbol: r.numberSymbol,
        subject: r.subject,
        documentDate: r.documentDate,
        score: p.score,
        snippet: snippetOf([r.subject, r.text, r.numberSymbol], parsed.words),
      });
    }
    return { items, nextCursor };
  }

  /**
   * The postings of the other terms for these candidates, per term key: looked up in the terms'
   * posting blocks, or in the candidates' own term lists when that reads fewer bytes (few
   * candidates scattered over long lists).
   */
  private async otherTerms(alive: readonly Candidate[], rest: readonly QueryTerm[], listsOf: (t: QueryTerm) => PostingList[]): Promise<Map<string, Map<string, Posting>>> {
    const byRank = new Map<number, string[]>();
    for (const a of alive) {
      const list = byRank.get(a.rank);
      if (list) list.push(a.posting.ok);
      else byRank.set(a.rank, [a.posting.ok]);
    }
    const blockBytes = rest.reduce((sum, t) => sum + listsOf(t).reduce((s, l) => s + l.bytesToLookup(byRank.get(l.rank) ?? []), 0), 0);
    if (checkByForwardIndex(alive.length, blockBytes)) {
      const fwd = await this.store.forwardTerms(alive.map((a) => idOfOrderKey(a.posting.ok)));
      const found = new Map(rest.map((t) => [t.key, new Map<string, Posting>()]));
      for (const a of alive) {
        for (const ft of fwd.get(idOfOrderKey(a.posting.ok)) ?? []) {
          found.get(ft.key)?.set(a.posting.ok, { ...a.posting, head: ft.head, surfaces: ft.surfaces });
        }
      }
      return found;
    }
    return new Map(
      await Promise.all(
        rest.map(async (t) => {
          const maps = await Promise.all(listsOf(t).map((l) => l.lookup(byRank.get(l.rank) ?? [])));
          return [t.key, new Map(maps.flatMap((m) => [...m]))] as const;
        }),
      ),
    );
  }
}
