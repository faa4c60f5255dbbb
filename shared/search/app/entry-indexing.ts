/**
 * Keeps the search index in step with the registers: every entry created or changed is
 * (re)indexed, with the OCR text of its scan when it was made from one.
 *
 * Indexing is not on the request path. Every entry write (the registers API, scan registration,
 * issuance from the workflow) puts a marker in the search outbox in its own transaction; the
 * entry's own change record on the Data table's stream starts the indexing (functions/search-indexer.ts:
 * DynamoDB Streams → Lambda in the cloud, DynamoDB Local's stream → the same handler embedded).
 * `indexEntries` indexes a batch of entries in one pass over the index (their shared terms written
 * once, not once per entry) and clears their markers; `sweep` reads back and indexes what is still
 * marked after a while — what a stopped stream, an outage of the Search table or a failed batch
 * missed.
 */
import { logger } from '../../platform/observability/logger';
import { count, METRIC } from '../../platform/observability/metrics';
import { NotFoundError } from '../../platform/errors';
import type { Caller } from '../../platform/security';
import type { IncomingEntryView, OutgoingEntry } from '../../registers';
import { searchDocumentOf } from '../domain/document';
import type { Registers } from '../../registers';
import type { PendingIndex } from '../ports/search-outbox';
import type { SearchIndex } from '../ports/search-index';
import type { SearchOutbox } from '../ports/search-outbox';
import { inParallel } from '../../platform/concurrency';

/** How long a write's own indexing has before the sweep takes it on. */
export const SWEEP_AFTER_MS = 30_000;
/** Entries one sweep indexes at most (the rest wait for the next). */
const SWEEP_LIMIT = 200;
/** The sweep reads entries of every secrecy level: it indexes them, and search filters by clearance. */
const SWEEPER: Caller = { sub: 'system:search-outbox', username: 'search-outbox', roles: [], clearance: 'tuyet-mat' };

/** An entry as written (its stream record) or as read back (without the store's own fields). */
type Entry = IncomingEntryView | OutgoingEntry;
/** Reads and marker deletions in flight at once while a batch is indexed. */
const PARALLEL = 16;

export interface IndexResult {
  indexed: number;
  /** Ids of the entries that could not be indexed (they stay marked). */
  failed: string[];
}

export interface SweepResult {
  /** Entries found marked. */
  pending: number;
  indexed: number;
  failed: number;
}

export class EntryIndexer {
  constructor(
    private readonly deps: {
      search: () => SearchIndex;
      outbox: () => SearchOutbox;
      /** The register store (reading entries back). */
      registers: () => Registers;
      /** The OCR text of a scan, or null when none is kept. */
      scanText: (scanId: string) => Promise<string | null>;
    },
  ) {}

  /** Indexes an entry as it now is and clears its outbox marker. Returns false (and logs) when it could not. */
  async entryChanged(entry: Entry, scanText?: string | null): Promise<boolean> {
    try {
      const scanId = entry.register === 'incoming' ? entry.scanId : null;
      const text = scanText !== undefined ? scanText : scanId ? await this.deps.scanText(scanId) : null;
      await this.deps.search().index([searchDocumentOf(entry, text)]);
      await this.deps.outbox().done(entry.id, entry.version);
      return true;
    } catch (err) {
      logger.error('search indexing failed; the entry is saved and will be indexed by the next sweep', { entryId: entry.id, error: (err as Error).message });
      count(METRIC.searchIndexingFailed);
      return false;
    }
  }

  /**
   * Indexes entries as written (their stream records), in one pass over the index for the whole
   * batch, and clears their markers. A batch that fails is retried entry by entry, so one bad entry
   * holds up no other; the ids of those that still fail are returned (they stay marked).
   */
  async indexEntries(written: readonly Entry[]): Promise<IndexResult> {
    // The latest version of each entry in the batch.
    const latest = new Map<string, Entry>();
    for (const e of written) if ((latest.get(e.id)?.version ?? -1) < e.version) latest.set(e.id, e);
    const failed = new Set<string>();
    const ready: { entry: Entry; text: string | null }[] = [];
    await inParallel([...latest.values()], PARALLEL, async (entry) => {
      try {
        const scanId = entry.register === 'incoming' ? entry.scanId : null;
        ready.push({ entry, text: scanId ? await this.deps.scanText(scanId) : null });
      } catch (err) {
        logger.error('search indexing could not read the text of an entry’s scan; it stays marked', { entryId: entry.id, error: (err as Error).message });
        failed.add(entry.id);
      }
    });
    let indexed = 0;
    try {
      await this.deps.search().index(ready.map((r) => searchDocumentOf(r.entry, r.text)));
      await this.deps.outbox().doneAll(ready.map((r) => ({ entryId: r.entry.id, version: r.entry.version })));
      indexed = ready.length;
    } catch (err) {
      if (ready.length > 1) logger.warn('search indexing of a batch failed; indexing its entries one by one', { entries: ready.length, error: (err as Error).message });
      for (const r of ready) {
        if (await this.entryChanged(r.entry, r.text)) indexed++;
        else failed.add(r.entry.id);
      }
    }
    return { indexed, failed: [...failed] };
  }

  /** Indexes the marked entries as they now stand (read back), as `indexEntries` does. */
  async indexPending(marked: readonly Pick<PendingIndex, 'entryId' | 'register' | 'version'>[]): Promise<IndexResult> {
    const latest = [...new Map(marked.map((m) => [m.entryId, m])).values()];
    const failed: string[] = [];
    const entries: Entry[] = [];
    await inParallel(latest, PARALLEL, async (p) => {
      // Read now: the entry as it stands is what the index must hold, whichever write the marker names.
      try {
        entries.push(p.register === 'incoming' ? await this.deps.registers().getIncoming(p.entryId, SWEEPER) : await this.deps.registers().getOutgoing(p.entryId, SWEEPER));
      } catch (err) {
        if (err instanceof NotFoundError) {
          // A marker whose entry never committed cannot be: it is written in the entry's own transaction. Drop it.
          logger.warn('search outbox marker without its entry; dropped', { entryId: p.entryId });
          await this.deps.outbox().done(p.entryId, p.version);
        } else {
          logger.error('search indexing could not read an entry; it stays marked', { entryId: p.entryId, error: (err as Error).message });
          failed.push(p.entryId);
        }
      }
    });
    const r = await this.indexEntries(entries);
    return { indexed: r.indexed, failed: [...failed, ...r.failed] };
  }

  /** Indexes the entries still marked `olderThanMs` after their write (default SWEEP_AFTER_MS). */
  async sweep(opts: { olderThanMs?: number; limit?: number } = {}): Promise<SweepResult> {
    const pending = await this.deps.outbox().pending(new Date(Date.now() - (opts.olderThanMs ?? SWEEP_AFTER_MS)), opts.limit ?? SWEEP_LIMIT);
    const r = pending.length ? await this.indexPending(pending) : { indexed: 0, failed: [] };
    if (pending.length) logger.info('search outbox swept', { pending: pending.length, indexed: r.indexed, failed: r.failed.length });
    return { pending: pending.length, indexed: r.indexed, failed: r.failed.length };
  }
}

