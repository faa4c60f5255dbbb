/**
 * The inverted index on the Search table.
 *
 * Items (pk / sk):
 * - `K#<rank>#<term>` / `#`: a term's head, per secrecy rank (0 none … 3 tuyệt mật): how many
 *   documents have it (`n`), a version (`v`) every change of the term checks and bumps, and
 *   either its postings inline (short lists) or the list of its blocks.
 * - `K#<rank>#<term>` / `B#<start>`: a block of postings whose order keys are ≥ start.
 * - `D#<id>` / `#`: the indexed document: what a hit shows, and its terms (the forward index),
 *   used to take it out of the index when it changes and to check a few candidates cheaply.
 *
 * Reading only the ranks a caller's clearance covers is the clearance filter: postings of more
 * secret documents are never read. Every write to a term goes through its head's version in one
 * transaction, so concurrent indexers cannot lose each other's postings.
 */
import { BatchGetCommand, BatchWriteCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { canSee, CLEARANCES, type Secrecy } from '../../identity/domain/identity';
import { ValidationError } from '../../platform/errors';
import type { SearchDocument } from '../domain/document';
import {
  applyChanges,
  blockFor,
  dateOfOrderKey,
  decodeBlockRefs,
  decodeForward,
  decodePostings,
  encodeBlockRefs,
  encodeForward,
  encodePostings,
  idOfOrderKey,
  INLINE_MAX,
  orderKey,
  splitBlock,
  type BlockRef,
  type Posting,
} from '../domain/postings';
import { documentTerms, foldedOfKey, parseQuery, type QueryTerm } from '../domain/terms';
import { scoreOf, type TermHit } from '../domain/ranking';
import { snippetOf } from '../domain/snippet';
import type { SearchHit, SearchIndex, SearchPage, SearchQuery } from '../ports/search-index';
import { inParallel } from '../../platform/concurrency';

const HEAD_SK = '#';
const DOC_SK = '#';
const blockSk = (start: string) => `B#${start}`;
const termPk = (rank: number, key: string) => `K#${rank}#${key}`;
const keyOfPk = (pk: string) => pk.slice(pk.indexOf('#', 2) + 1);
const docPk = (id: string) => `D#${id}`;

/** Documents handled per round of writes (bounds memory and transaction sizes). */
const DOCS_PER_ROUND = 5000;
const TX_MAX_ITEMS = 100;
const TX_MAX_BYTES = 3_000_000;
/**
 * Every match is ranked when the rarest required term has at most this many postings and
 * checking them against the other terms reads at most FULL_RANK_BYTES; otherwise pages go in
 * date order, each ranked within itself.
 */
const FULL_RANK_LIMIT = 2500;
const FULL_RANK_BYTES = 300_000;
/** Driver postings read per step in date-order mode (the first step reads a few per wanted hit and it grows), and at most per page. */
const WINDOW_STEP = 2000;
const WINDOW_BUDGET = 20_000;
/** Text kept with a document for its snippet. */
const SNIPPET_SOURCE_CHARS = 6000;
/** Rough size of a posting and of a document's forward index, to choose the cheaper way to check candidates. */
const POSTING_BYTES = 45;
const FORWARD_BYTES = 1200;
const DISPLAY_ATTRS = 'id, register, numberSymbol, subject, documentDate, secrecy, #text';

const rankOf = (s: Secrecy | null | undefined): number => (s ? CLEARANCES.indexOf(s) : 0);

/** A term's head as stored: the block directory packed in `dir` (see encodeBlockRefs). */
interface StoredHead {
  pk: string;
  n: number;
  v: number;
  inline?: string;
  dir?: string;
}

interface HeadItem {
  pk: string;
  n: number;
  v: number;
  inline?: string;
  blocks?: BlockRef[];
}

const headOf = (h: StoredHead | undefined): HeadItem | undefined =>
  h && { pk: h.pk, n: h.n, v: h.v, ...(h.inline !== undefined ? { inline: h.inline } : {}), ...(h.dir !== undefined ? { blocks: decodeBlockRefs(h.dir) } : {}) };

/** Reads term heads and unpacks their block directories. */
const headsFrom = (items: Map<string, StoredHead>): Map<string, HeadItem> => new Map([...items].map(([k, v]) => [k, headOf(v)!]));

interface DocRecord {
  id: string;
  register: SearchDocument['register'];
  numberSymbol: string | null;
  subject: string;
  documentDate: string;
  secrecy: Secrecy | null;
  rank: number;
  ok: string;
  /** The forward index: every term of the document (see encodeForward). */
  terms: string;
  text: string | null;
}

interface Change {
  add: Posting[];
  remove: string[];
}

type TxItem = Record<string, unknown>;


const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

function hashOf(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Tuning of the read path (tests lower them to exercise both ways of answering). */
export interface SearchTuning {
  /** Postings of the rarest required term up to which every match may be ranked; above it, pages go in date order. */
  fullRankLimit: number;
  /** Bytes that ranking every match may read at most. */
  fullRankBytes: number;
  /** Most driver postings read per step in date-order mode, and at most per page. */
  windowStep: number;
  windowBudget: number;
}

export class DynamoSearchIndex implements SearchIndex {
  private readonly tuning: SearchTuning;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    tuning: Partial<SearchTuning> = {},
  ) {
    this.tuning = { fullRankLimit: FULL_RANK_LIMIT, fullRankBytes: FULL_RANK_BYTES, windowStep: WINDOW_STEP, windowBudget: WINDOW_BUDGET, ...tuning };
  }

  // --- writing ------------------------------------------------------------------------------

  async index(docs: readonly SearchDocument[]): Promise<void> {
    // In index order, a bulk load appends to the end of each posting list instead of rewriting it.
    const latest = [...new Map(docs.map((d) => [d.id, d])).values()].sort((a, b) => (orderKey(a.documentDate, a.id) < orderKey(b.documentDate, b.id) ? -1 : 1));
    for (const round of chunks(latest, DOCS_PER_ROUND)) {
      const before = await this.docRecords(round.map((d) => d.id), 'terms, #rank, ok');
      const changes = new Map<string, Change>();
      const change = (pk: string): Change => {
        let c = changes.get(pk);
        if (!c) changes.set(pk, (c = { add: [], remove: [] }));
        return c;
      };
      const records: DocRecord[] = [];
      for (const doc of round) {
        const rank = rankOf(doc.secrecy);
        const ok = orderKey(doc.documentDate, doc.id);
        const terms = documentTerms(doc);
        const old = before.get(doc.id);
        if (old) {
          for (const { key } of decodeForward(old.terms)) if (old.rank !== rank || old.ok !== ok || !terms.has(key)) change(termPk(old.rank, key)).remove.push(old.ok);
        }
        for (const [key, t] of terms) {
          change(termPk(rank, key)).add.push({
            ok,
            head: t.head,
            surfaces: [...t.surfaces],
            register: doc.register,
            year: doc.year,
            typeCode: doc.typeCode ?? '',
            issuerCode: doc.issuerCode ?? '',
          });
        }
        records.push({
          id: doc.id,
          register: doc.register,
          numberSymbol: doc.numberSymbol,
          subject: doc.subject,
          documentDate: doc.documentDate,
          secrecy: doc.secrecy,
          rank,
          ok,
          terms: encodeForward([...terms].map(([key, t]) => ({ key, head: t.head, surfaces: [...t.surfaces] }))),
          text: doc.text ? doc.text.slice(0, SNIPPET_SOURCE_CHARS) : null,
        });
      }
      await this.applyTermChanges(changes);
      await this.writeRecords(records.map((r) => ({ PutRequest: { Item: { pk: docPk(r.id), sk: DOC_SK, ...r } } })));
    }
  }

  async remove(id: string): Promise<void> {
    const old = (await this.docRecords([id], 'terms, #rank, ok')).get(id);
    if (!old) return;
    await this.applyTermChanges(new Map(decodeForward(old.terms).map(({ key }) => [termPk(old.rank, key), { add: [], remove: [old.ok] }])));
    await this.writeRecords([{ DeleteRequest: { Key: { pk: docPk(id), sk: DOC_SK } } }]);
  }

  private async writeRecords(requests: Record<string, unknown>[]): Promise<void> {
    await inParallel(chunks(requests, 25), 4, async (batch) => {
      let pending: Record<string, unknown>[] | undefined = batch;
      for (let attempt = 0; pending?.length; attempt++) {
        const r = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending as never } }));
        pending = r.UnprocessedItems?.[this.table] as Record<string, unknown>[] | undefined;
        if (pending?.length) await new Promise((res) => setTimeout(res, Math.min(1000, 25 * 2 ** attempt)));
      }
    });
  }

  /**
   * Applies postings changes to terms. Each term's changes commit with its head's version; terms
   * whose transaction lost a race (or that were too big for one round) are read again and retried.
   */
  private async applyTermChanges(changes: Map<string, Change>): Promise<void> {
    let pending = new Map(changes);
    // Terms that lost a race are retried one per transaction, so that one conflict holds up no other term.
    const solo = new Set<string>();
    for (let round = 0; pending.size; round++) {
      if (round > 50) throw new Error(`search index: ${pending.size} terms could not be written after ${round} rounds`);
      const heads = headsFrom(await this.getItems<StoredHead>([...pending.keys()].map((pk) => ({ pk, sk: HEAD_SK }))));
      const blockKeys: { pk: string; sk: string }[] = [];
      for (const [pk, c] of pending) {
        const head = heads.get(`${pk}|${HEAD_SK}`);
        if (!head?.blocks) continue;
        const touched = new Set([...c.add.map((p) => blockFor(head.blocks!, p.ok)), ...c.remove.map((ok) => blockFor(head.blocks!, ok))]);
        for (const i of touched) blockKeys.push({ pk, sk: blockSk(head.blocks[i]!.start) });
      }
      const blocks = await this.getItems<{ p?: string }>(blockKeys);
      const groups: { pks: string[]; items: TxItem[]; bytes: number }[] = [];
      const deferred = new Map<string, Change>();
      for (const [pk, c] of pending) {
        const planned = this.planTerm(pk, heads.get(`${pk}|${HEAD_SK}`), blocks, c);
        if (planned.deferred) deferred.set(pk, planned.deferred);
        if (planned.items.length) groups.push({ pks: [pk], items: planned.items, bytes: planned.bytes });
      }
      const transactions: { pks: string[]; items: TxItem[] }[] = [];
      let current = { pks: [] as string[], items: [] as TxItem[], bytes: 0 };
      for (const g of groups) {
        if (solo.has(g.pks[0]!)) {
          transactions.push(g);
          continue;
        }
        if (current.items.length && (current.items.length + g.items.length > TX_MAX_ITEMS || current.bytes + g.bytes > TX_MAX_BYTES)) {
          transactions.push(current);
          current = { pks: [], items: [], bytes: 0 };
        }
        current.pks.push(...g.pks);
        current.items.push(...g.items);
        current.bytes += g.bytes;
      }
      if (current.items.length) transactions.push(current);
      const lost: string[] = [];
      await inParallel(transactions, 4, async (tx) => {
        try {
          await this.db.send(new TransactWriteCommand({ TransactItems: tx.items as never }));
        } catch (err) {
          const name = (err as Error).name;
          if (name !== 'TransactionCanceledException' && name !== 'TransactionConflictException') throw err;
          lost.push(...tx.pks);
        }
      });
      const next = new Map<string, Change>(deferred);
      for (const pk of lost) {
        next.set(pk, pending.get(pk)!);
        solo.add(pk);
      }
      if (lost.length) await new Promise((r) => setTimeout(r, 10 + Math.random() * 25 * Math.min(round + 1, 8)));
      pending = next;
    }
  }

  /** The writes that apply one term's changes, conditioned on its head's version. */
  private planTerm(pk: string, head: HeadItem | undefined, blocks: Map<string, { p?: string }>, c: Change): { items: TxItem[]; bytes: number; deferred?: Change } {
    const same = foldedOfKey(keyOfPk(pk));
    const headCondition = head
      ? { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': head.v } }
      : { ConditionExpression: 'attribute_not_exists(pk)' };
    const v = (head?.v ?? 0) + 1;
    const put = (item: Record<string, unknown>, condition?: Record<string, unknown>): TxItem => ({ Put: { TableName: this.table, Item: item, ...condition } });
    const del = (sk: string, condition?: Record<string, unknown>): TxItem => ({ Delete: { TableName: this.table, Key: { pk, sk }, ...condition } });
    let bytes = 0;
    const packed = (list: Posting[]) => {
      const s = encodePostings(list, same);
      bytes += Buffer.byteLength(s) + 100;
      return s;
    };

    if (!head?.blocks) {
      const list = applyChanges(decodePostings(head?.inline, same), c.add, c.remove);
      if (!list.length) return { items: head ? [del(HEAD_SK, headCondition)] : [], bytes: 100 };
      if (list.length <= INLINE_MAX) return { items: [put({ pk, sk: HEAD_SK, n: list.length, v, inline: packed(list) }, headCondition)], bytes };
      const pieces = splitBlock('', list);
      const items = pieces.map((b) => put({ pk, sk: blockSk(b.start), n: b.postings.length, p: packed(b.postings) }));
      items.push(put({ pk, sk: HEAD_SK, n: list.length, v, dir: encodeBlockRefs(pieces.map((b) => ({ start: b.start, n: b.postings.length }))) }, headCondition));
      return { items, bytes };
    }

    const refs = head.blocks;
    const perBlock = new Map<number, Change>();
    const at = (i: number) => {
      let pc = perBlock.get(i);
      if (!pc) perBlock.set(i, (pc = { add: [], remove: [] }));
      return pc;
    };
    for (const p of c.add) at(blockFor(refs, p.ok)).add.push(p);
    for (const ok of c.remove) at(blockFor(refs, ok)).remove.push(ok);
    // Keep a transaction within its limits: blocks beyond the budget wait for the next round.
    const order = [...perBlock.keys()].sort((a, b) => a - b);
    const now = order.slice(0, 40);
    let deferred: Change | undefined;
    if (order.length > now.length) {
      deferred = { add: [], remove: [] };
      for (const i of order.slice(now.length)) {
        deferred.add.push(...perBlock.get(i)!.add);
        deferred.remove.push(...perBlock.get(i)!.remove);
      }
    }
    const items: TxItem[] = [];
    const newRefs: (BlockRef | BlockRef[])[] = refs.map((r) => r);
    for (const i of now) {
      const ref = refs[i]!;
      const stored = blocks.get(`${pk}|${blockSk(ref.start)}`);
      const pc = perBlock.get(i)!;
      const list = applyChanges(decodePostings(stored?.p, same), pc.add, pc.remove);
      if (!list.length && i > 0) {
        items.push(del(blockSk(ref.start)));
        newRefs[i] = [];
        continue;
      }
      const pieces = list.length ? splitBlock(ref.start, list) : [{ start: ref.start, postings: [] }];
      for (const b of pieces) items.push(put({ pk, sk: blockSk(b.start), n: b.postings.length, p: packed(b.postings) }));
      newRefs[i] = pieces.map((b) => ({ start: b.start, n: b.postings.length }));
    }
    const flat = newRefs.flat();
    const total = flat.reduce((s, r) => s + r.n, 0);
    if (total === 0) {
      // Only the first block can be left (empty): the term is gone.
      return { items: [...items.filter((it) => !('Put' in it)), del(blockSk('')), del(HEAD_SK, headCondition)], bytes, ...(deferred ? { deferred } : {}) };
    }
    items.push(put({ pk, sk: HEAD_SK, n: total, v, dir: encodeBlockRefs(flat) }, headCondition));
    return { items, bytes, ...(deferred ? { deferred } : {}) };
  }

  // --- reading ------------------------------------------------------------------------------

  private async getItems<T>(keys: { pk: string; sk: string }[], projection?: string, consistent = true): Promise<Map<string, T & { pk: string; sk: string }>> {
    const out = new Map<string, T & { pk: string; sk: string }>();
    const unique = [...new Map(keys.map((k) => [`${k.pk}|${k.sk}`, k])).values()];
    await inParallel(chunks(unique, 100), 6, async (batch) => {
      let pending: Record<string, unknown>[] | undefined = batch;
      for (let attempt = 0; pending?.length; attempt++) {
        const r = await this.db.send(
          new BatchGetCommand({
            RequestItems: {
              [this.table]: {
                Keys: pending,
                ConsistentRead: consistent,
                ...(projection ? { ProjectionExpression: `pk, sk, ${projection}`, ExpressionAttributeNames: projectionNames(projection) } : {}),
              },
            },
          }),
        );
        for (const item of r.Responses?.[this.table] ?? []) out.set(`${item.pk}|${item.sk}`, item as T & { pk: string; sk: string });
        pending = r.UnprocessedKeys?.[this.table]?.Keys as Record<string, unknown>[] | undefined;
        if (pending?.length) await new Promise((res) => setTimeout(res, Math.min(1000, 25 * 2 ** attempt)));
      }
    });
    return out;
  }

  /** Document records by id, with the attributes named (the id is always read). */
  async docRecords(ids: string[], attrs: string, consistent = true): Promise<Map<string, DocRecord>> {
    const items = await this.getItems<DocRecord>(
      ids.map((id) => ({ pk: docPk(id), sk: DOC_SK })),
      `id, ${attrs}`,
      consistent,
    );
    return new Map([...items.values()].map((r) => [r.id, r]));
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const parsed = parseQuery(query.q);
    if (!parsed.required.length) throw new ValidationError('q must contain a word or a number-symbol', [{ path: 'query.q', message: 'no searchable word' }]);
    const signature = hashOf(JSON.stringify([query.q, query.clearance, query.register, query.year, query.typeCode, query.issuerCode, query.from, query.to]));
    const cursor = decodeSearchCursor(query.cursor, signature);
    // The clearance filter: only the ranks the caller may see are ever read.
    const ranks = Array.from({ length: CLEARANCES.indexOf(query.clearance) + 1 }, (_, i) => i);
    const terms = [...parsed.required, ...parsed.pairs];
    const heads = headsFrom(
      await this.getItems<StoredHead>(
        terms.flatMap((t) => ranks.map((r) => ({ pk: termPk(r, t.key), sk: HEAD_SK }))),
        undefined,
        false,
      ),
    );
    const loader = new BlockLoader(this);
    const lists = new Map<string, TermList[]>();
    for (const t of terms) {
      lists.set(
        t.key,
        ranks.flatMap((r) => {
          const head = heads.get(`${termPk(r, t.key)}|${HEAD_SK}`);
          return head ? [new TermList(loader, head, foldedOfKey(t.key))] : [];
        }),
      );
    }
    const df = (t: QueryTerm) => lists.get(t.key)!.reduce((s, l) => s + l.n, 0);
    if (parsed.required.some((t) => df(t) === 0)) return { items: [], nextCursor: null };
    const [driver, ...others] = [...parsed.required].sort((a, b) => df(a) - df(b));
    /** The terms checked against the driver's candidates: the other required ones, then the pairs (a bonus). */
    const rest = [...others, ...parsed.pairs];
    const keep = (p: Posting): boolean => {
      if (query.register && p.register !== query.register) return false;
      if (query.year !== undefined && p.year !== query.year) return false;
      if (query.typeCode && p.typeCode.toLowerCase() !== query.typeCode.normalize('NFC').toLowerCase()) return false;
      if (query.issuerCode && p.issuerCode.toLowerCase() !== query.issuerCode.normalize('NFC').toLowerCase()) return false;
      const date = dateOfOrderKey(p.ok);
      if (query.from && (!date || date < query.from)) return false;
      if (query.to && (!date || date > query.to)) return false;
      return true;
    };

    /** The hits among driver postings (in date order) that have every other required term. */
    const matchesOf = async (candidates: { posting: Posting; rank: number }[]) => {
      let alive = candidates.filter((c) => keep(c.posting)).map((c) => ({ ...c, hits: [{ kind: driver!.kind, querySurface: driver!.surface, posting: c.posting }] as TermHit[] }));
      if (!alive.length || !rest.length) return alive.map((a) => ({ ok: a.posting.ok, score: scoreOf(a.hits) }));
      // Check the other terms in their posting blocks, or in the candidates' own term lists when
      // that reads fewer bytes (few candidates scattered over long lists).
      const byRank = new Map<number, string[]>();
      for (const a of alive) {
        const list = byRank.get(a.rank);
        if (list) list.push(a.posting.ok);
        else byRank.set(a.rank, [a.posting.ok]);
      }
      const blockBytes = rest.reduce((sum, t) => sum + lists.get(t.key)!.reduce((s, l) => s + l.bytesToLookup(byRank.get(l.rank) ?? []), 0), 0);
      let found: Map<string, Map<string, Posting>>;
      if (alive.length * FORWARD_BYTES < blockBytes) {
        const fwd = await this.docRecords(alive.map((a) => idOfOrderKey(a.posting.ok)), 'terms', false);
        found = new Map(rest.map((t) => [t.key, new Map<string, Posting>()]));
        for (const a of alive) {
          for (const ft of decodeForward(fwd.get(idOfOrderKey(a.posting.ok))?.terms)) {
            found.get(ft.key)?.set(a.posting.ok, { ...a.posting, head: ft.head, surfaces: ft.surfaces });
          }
        }
      } else {
        found = new Map(
          await Promise.all(
            rest.map(async (t) => {
              const maps = await Promise.all(lists.get(t.key)!.map((l) => l.lookup(byRank.get(l.rank) ?? [])));
              return [t.key, new Map(maps.flatMap((m) => [...m]))] as const;
            }),
          ),
        );
      }
      for (const t of rest) {
        const f = found.get(t.key)!;
        if (t.kind !== 'pair') alive = alive.filter((a) => f.has(a.posting.ok));
        for (const a of alive) {
          const p = f.get(a.posting.ok);
          if (p) a.hits.push({ kind: t.kind, querySurface: t.surface, posting: p });
        }
      }
      return alive.map((a) => ({ ok: a.posting.ok, score: scoreOf(a.hits) }));
    };

    const byScore = (a: { ok: string; score: number }, b: { ok: string; score: number }) => b.score - a.score || (a.ok < b.ok ? -1 : 1);
    let page: { ok: string; score: number }[];
    let nextCursor: string | null = null;
    const driverLists = lists.get(driver!.key)!;
    // What ranking every match would read: the driver's postings, and for the other terms the
    // cheaper of their blocks (at most one per candidate) or the candidates' own term lists.
    const fullCost =
      df(driver!) * POSTING_BYTES +
      Math.min(
        rest.reduce((sum, t) => sum + lists.get(t.key)!.reduce((s, l) => s + l.bytesForCandidates(df(driver!)), 0), 0),
        rest.length ? df(driver!) * FORWARD_BYTES : 0,
      );
    if (cursor?.m === 'f' || (!cursor && df(driver!) <= this.tuning.fullRankLimit && fullCost <= this.tuning.fullRankBytes)) {
      // Few enough candidates: rank every match.
      const all = (await Promise.all(driverLists.map(async (l) => (await l.all()).map((posting) => ({ posting, rank: l.rank }))))).flat();
      const matches = (await matchesOf(all)).sort(byScore);
      const offset = cursor?.m === 'f' ? cursor.o : 0;
      page = matches.slice(offset, offset + query.limit);
      if (matches.length > offset + query.limit) nextCursor = encodeSearchCursor({ h: signature, m: 'f', o: offset + query.limit });
    } else {
      // Many candidates: walk them newest first; each page is ranked within itself.
      let after = cursor?.m === 'w' ? cursor.k : '';
      // A one-term query without filters matches every posting: read just a page of them.
      const filtered = query.register || query.year !== undefined || query.typeCode || query.issuerCode || query.from || query.to;
      // Start with a few candidates per wanted hit; read four times more each step that falls short.
      let stepSize = Math.min(this.tuning.windowStep, terms.length === 1 && !filtered ? query.limit : 2 * query.limit);
      const found: { ok: string; score: number }[] = [];
      let scanned = 0;
      let exhausted = false;
      while (found.length < query.limit && scanned < this.tuning.windowBudget) {
        const parts = await Promise.all(driverLists.map(async (l) => ({ l, ...(await l.after(after, stepSize)) })));
        const open = parts.filter((p) => !p.exhausted);
        const frontier = open.length ? open.map((p) => p.postings.at(-1)?.ok ?? '\uffff').sort()[0]! : '\uffff';
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
        stepSize = Math.min(this.tuning.windowStep, stepSize * 4);
        after = matches.length >= need ? matches[need - 1]!.ok : step.at(-1)!.posting.ok;
        if (!open.length && matches.length <= need) {
          exhausted = true;
          break;
        }
      }
      page = found.sort(byScore);
      if (!exhausted) nextCursor = encodeSearchCursor({ h: signature, m: 'w', k: after });
    }

    const records = await this.docRecords(page.map((p) => idOfOrderKey(p.ok)), DISPLAY_ATTRS.replace('id, ', ''), false);
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

  /** Reads posting blocks, any number of terms at once. */
  async loadBlocks(keys: { pk: string; start: string }[]): Promise<Map<string, Posting[]>> {
    const items = await this.getItems<{ p?: string }>(
      keys.map((k) => ({ pk: k.pk, sk: blockSk(k.start) })),
      undefined,
      false,
    );
    return new Map(keys.map((k) => [`${k.pk}|${blockSk(k.start)}`, decodePostings(items.get(`${k.pk}|${blockSk(k.start)}`)?.p, foldedOfKey(keyOfPk(k.pk)))]));
  }
}

/**
 * Gathers the block reads that the term lists of one query ask for in the same turn of the
 * event loop into one batch read: a step of the search costs one round trip, not one per term.
 */
class BlockLoader {
  private queue: { pk: string; start: string; resolve: (p: Posting[]) => void; reject: (e: unknown) => void }[] = [];

  constructor(private readonly index: DynamoSearchIndex) {}

  load(pk: string, start: string): Promise<Posting[]> {
    return new Promise((resolve, reject) => {
      if (!this.queue.length) setImmediate(() => void this.flush());
      this.queue.push({ pk, start, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0);
    try {
      const found = await this.index.loadBlocks(batch);
      for (const b of batch) b.resolve(found.get(`${b.pk}|${blockSk(b.start)}`) ?? []);
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }
}

/** One term's postings at one secrecy rank, read lazily: inline, or block by block. */
class TermList {
  readonly n: number;
  readonly rank: number;
  private readonly blocks: Map<string, Posting[]> = new Map();
  private readonly inline: Posting[] | null;

  constructor(
    private readonly loader: BlockLoader,
    private readonly head: HeadItem,
    same: string,
  ) {
    this.n = head.n;
    this.rank = Number(head.pk.split('#')[1]);
    this.inline = head.blocks ? null : decodePostings(head.inline, same);
  }

  private async load(indices: number[]): Promise<void> {
    const refs = this.head.blocks!;
    const missing = [...new Set(indices)].map((i) => refs[i]!.start).filter((s) => !this.blocks.has(s));
    const lists = await Promise.all(missing.map((s) => this.loader.load(this.head.pk, s)));
    missing.forEach((s, i) => this.blocks.set(s, lists[i]!));
  }

  async all(): Promise<Posting[]> {
    if (this.inline) return this.inline;
    const refs = this.head.blocks!;
    await this.load(refs.map((_, i) => i));
    return refs.flatMap((r) => this.blocks.get(r.start) ?? []);
  }

  /** Postings after an order key, at least `min` of them unless the list ends first. */
  async after(afterOk: string, min: number): Promise<{ postings: Posting[]; exhausted: boolean }> {
    if (this.inline) return { postings: this.inline.filter((p) => p.ok > afterOk), exhausted: true };
    const refs = this.head.blocks!;
    const out: Posting[] = [];
    let i = afterOk ? blockFor(refs, afterOk) : 0;
    while (i < refs.length && out.length < min) {
      // Enough blocks for the postings still wanted, judged by their counts.
      const batch: number[] = [];
      for (let j = i, want = min - out.length; j < refs.length && want > 0 && batch.length < 8; j++) {
        batch.push(j);
        want -= refs[j]!.n;
      }
      await this.load(batch);
      for (const j of batch) {
        if (out.length >= min) break;
        out.push(...(this.blocks.get(refs[j]!.start) ?? []).filter((p) => p.ok > afterOk));
        i = j + 1;
      }
    }
    return { postings: out, exhausted: i >= refs.length };
  }

  /** About how many bytes looking up `count` candidates spread over the list would read (at most all its blocks). */
  bytesForCandidates(count: number): number {
    if (this.inline) return 0;
    const refs = this.head.blocks!;
    return Math.min(refs.length, count) * (this.n / refs.length) * POSTING_BYTES;
  }

  /** About how many bytes `lookup` would read for these order keys. */
  bytesToLookup(oks: string[]): number {
    if (this.inline || !oks.length) return 0;
    const refs = this.head.blocks!;
    const needed = new Set(oks.map((ok) => blockFor(refs, ok)));
    return [...needed].reduce((s, i) => s + (this.blocks.has(refs[i]!.start) ? 0 : refs[i]!.n * POSTING_BYTES), 0);
  }

  /** The postings of these documents (by order key) that this list has. */
  async lookup(oks: string[]): Promise<Map<string, Posting>> {
    if (!oks.length) return new Map();
    const found = new Map<string, Posting>();
    if (this.inline) {
      const want = new Set(oks);
      for (const p of this.inline) if (want.has(p.ok)) found.set(p.ok, p);
      return found;
    }
    const refs = this.head.blocks!;
    const byBlock = new Map<number, Set<string>>();
    for (const ok of oks) {
      const i = blockFor(refs, ok);
      let s = byBlock.get(i);
      if (!s) byBlock.set(i, (s = new Set()));
      s.add(ok);
    }
    await this.load([...byBlock.keys()]);
    for (const [i, want] of byBlock) for (const p of this.blocks.get(refs[i]!.start) ?? []) if (want.has(p.ok)) found.set(p.ok, p);
    return found;
  }
}

/** Expression attribute names for the reserved words a projection uses. */
function projectionNames(projection: string): Record<string, string> | undefined {
  const names = Object.fromEntries([...projection.matchAll(/#(\w+)/g)].map((m) => [`#${m[1]}`, m[1]!]));
  return Object.keys(names).length ? names : undefined;
}

type SearchCursor = { h: string; m: 'f'; o: number } | { h: string; m: 'w'; k: string };

function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

function decodeSearchCursor(cursor: string | undefined, signature: string): SearchCursor | undefined {
  if (!cursor) return undefined;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as SearchCursor;
    if (c.h === signature && ((c.m === 'f' && Number.isInteger(c.o) && c.o >= 0) || (c.m === 'w' && typeof c.k === 'string'))) return c;
  } catch {
    /* fall through */
  }
  throw new ValidationError('cursor is not valid for this search', [{ path: 'query.cursor', message: 'not a cursor returned by this search' }]);
}
