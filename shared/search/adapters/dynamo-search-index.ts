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
 * It stores and reads; the search use case (app/search-engine.ts) plans the query and asks for
 * the ranks the caller's clearance covers only: postings of more secret documents are never read. Every write to a term goes through its head's version in one
 * transaction, so concurrent indexers cannot lose each other's postings.
 */
import { BatchGetCommand, BatchWriteCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CLEARANCES, type Secrecy } from '../../platform/security';
import type { SearchDocument } from '../domain/document';
import {
  applyChanges,
  blockFor,
  decodeBlockRefs,
  decodeForward,
  decodePostings,
  encodeBlockRefs,
  encodeForward,
  encodePostings,
  INLINE_MAX,
  orderKey,
  splitBlock,
  type BlockRef,
  type ForwardTerm,
  type Posting,
} from '../domain/postings';
import { documentTerms, foldedOfKey } from '../domain/terms';
import type { DisplayRecord, IndexStore, PostingList } from '../ports/search-index';
import { BlockLoader, TermList, type HeadItem } from './dynamo-posting-lists';
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
/** Text kept with a document for its snippet. */
const SNIPPET_SOURCE_CHARS = 6000;
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


export class DynamoSearchIndex implements IndexStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

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

  // --- reading (for the search use case, app/search-engine.ts) ------------------------------

  async postingLists(termKeys: readonly string[], ranks: readonly number[]): Promise<Map<string, PostingList[]>> {
    const heads = headsFrom(
      await this.getItems<StoredHead>(
        termKeys.flatMap((key) => ranks.map((r) => ({ pk: termPk(r, key), sk: HEAD_SK }))),
        undefined,
        false,
      ),
    );
    const loader = new BlockLoader((keys) => this.loadBlocks(keys));
    const lists = new Map<string, PostingList[]>();
    for (const key of termKeys) {
      lists.set(
        key,
        ranks.flatMap((r) => {
          const head = heads.get(`${termPk(r, key)}|${HEAD_SK}`);
          return head ? [new TermList(loader, head, foldedOfKey(key))] : [];
        }),
      );
    }
    return lists;
  }

  async forwardTerms(ids: readonly string[]): Promise<Map<string, ForwardTerm[]>> {
    const records = await this.docRecords([...ids], 'terms', false);
    return new Map([...records].map(([id, r]) => [id, decodeForward(r.terms)]));
  }

  async displayRecords(ids: readonly string[]): Promise<Map<string, DisplayRecord>> {
    return this.docRecords([...ids], DISPLAY_ATTRS.replace('id, ', ''), false);
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

/** Expression attribute names for the reserved words a projection uses. */
function projectionNames(projection: string): Record<string, string> | undefined {
  const names = Object.fromEntries([...projection.matchAll(/#(\w+)/g)].map((m) => [`#${m[1]}`, m[1]!]));
  return Object.keys(names).length ? names : undefined;
}
