/**
 * A term's postings as the search use case reads them (ports/search-index.ts PostingList), from
 * its head item on the Search table: inline, or block by block, the block reads of one query
 * gathered into one batch read per turn of the event loop.
 */
import { blockFor, decodePostings, type BlockRef, type Posting } from '../domain/postings';
import { POSTING_BYTES } from '../domain/query-plan';
import type { PostingList } from '../ports/search-index';

/** A term's head as read: its count, version, and inline postings or block directory. */
export interface HeadItem {
  pk: string;
  n: number;
  v: number;
  inline?: string;
  blocks?: BlockRef[];
}

/** The key under which a loaded block is returned: the term's pk and the block's start. */
export const blockId = (pk: string, start: string): string => `${pk}|B#${start}`;

/**
 * Gathers the block reads that the term lists of one query ask for in the same turn of the
 * event loop into one batch read: a step of the search costs one round trip, not one per term.
 */
export class BlockLoader {
  private queue: { pk: string; start: string; resolve: (p: Posting[]) => void; reject: (e: unknown) => void }[] = [];

  constructor(private readonly read: (keys: { pk: string; start: string }[]) => Promise<Map<string, Posting[]>>) {}

  load(pk: string, start: string): Promise<Posting[]> {
    return new Promise((resolve, reject) => {
      if (!this.queue.length) setImmediate(() => void this.flush());
      this.queue.push({ pk, start, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0);
    try {
      const found = await this.read(batch);
      for (const b of batch) b.resolve(found.get(blockId(b.pk, b.start)) ?? []);
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }
}

/** One term's postings at one secrecy rank, read lazily: inline, or block by block. */
export class TermList implements PostingList {
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
