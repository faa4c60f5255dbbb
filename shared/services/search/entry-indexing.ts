/**
 * Keeps the search index in step with the registers: every entry created or changed through
 * the RegisterStore is (re)indexed, with the OCR text of its scan when it was made from one.
 *
 * `withSearchIndexing` wraps the store the composition root builds, so every path that writes
 * an entry (the registers API, scan registration, issuance from the workflow) indexes it, and
 * the registers code needs no change. The entry is already committed when it is indexed: an
 * indexing failure is logged, never turned into a failed request (a retried create would
 * otherwise look like a duplicate). The register store leaves a marker in the search outbox
 * with every write (same transaction); indexing clears it, and `sweep` indexes what is still
 * marked after a while — the writes whose indexing failed or never ran.
 */
import { logger } from '../../http/logger';
import { count, METRIC } from '../../http/metrics';
import { NotFoundError } from '../../domain/errors';
import type { Caller } from '../../domain/identity';
import type { IncomingEntry, OutgoingEntry } from '../../domain/registers/model';
import { searchDocumentOf } from '../../domain/search/document';
import type { RegisterStore } from '../../ports/register-store';
import type { SearchIndex } from '../../ports/search-index';
import type { SearchOutbox } from '../../ports/search-outbox';

/** RegisterStore methods that create or change an entry, and where their result holds it. */
const WRITES = ['registerIncoming', 'allocateOutgoing', 'updateIncoming', 'voidOutgoing'] as const;

/** How long a write's own indexing has before the sweep takes it on. */
export const SWEEP_AFTER_MS = 30_000;
/** Entries one sweep indexes at most (the rest wait for the next). */
const SWEEP_LIMIT = 200;
/** The sweep reads entries of every secrecy level: it indexes them, and search filters by clearance. */
const SWEEPER: Caller = { sub: 'system:search-outbox', username: 'search-outbox', roles: [], clearance: 'tuyet-mat' };

type Entry = IncomingEntry | OutgoingEntry;
const isEntry = (v: unknown): v is Entry => !!v && typeof v === 'object' && 'id' in v && 'register' in v;

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
      /** The register store, unwrapped (reading entries back). */
      registers: () => RegisterStore;
      /** The OCR text of a scan, or null when none is kept. */
      scanText: (scanId: string) => Promise<string | null>;
    },
  ) {}

  /** Indexes an entry as it now is and clears its outbox marker. Returns false (and logs) when it could not. */
  async entryChanged(entry: Entry): Promise<boolean> {
    try {
      const scanId = entry.register === 'incoming' ? entry.scanId : null;
      const text = scanId ? await this.deps.scanText(scanId) : null;
      await this.deps.search().index([searchDocumentOf(entry, text)]);
      await this.deps.outbox().done(entry.id, entry.version);
      return true;
    } catch (err) {
      logger.error('search indexing failed; the entry is saved and will be indexed by the next sweep', { entryId: entry.id, error: (err as Error).message });
      count(METRIC.searchIndexingFailed);
      return false;
    }
  }

  /** Indexes the entries still marked `olderThanMs` after their write (default SWEEP_AFTER_MS). */
  async sweep(opts: { olderThanMs?: number; limit?: number } = {}): Promise<SweepResult> {
    const pending = await this.deps.outbox().pending(new Date(Date.now() - (opts.olderThanMs ?? SWEEP_AFTER_MS)), opts.limit ?? SWEEP_LIMIT);
    let indexed = 0;
    let failed = 0;
    for (const p of pending) {
      // Read now: the entry as it stands is what the index must hold, whichever write the marker names.
      let entry: Entry;
      try {
        entry = p.register === 'incoming' ? await this.deps.registers().getIncoming(p.entryId, SWEEPER) : await this.deps.registers().getOutgoing(p.entryId, SWEEPER);
      } catch (err) {
        if (err instanceof NotFoundError) {
          // A marker whose entry never committed cannot be: it is written in the entry's own transaction. Drop it.
          logger.warn('search outbox marker without its entry; dropped', { entryId: p.entryId });
          await this.deps.outbox().done(p.entryId, p.version);
        } else {
          logger.error('search sweep could not read an entry; it stays marked', { entryId: p.entryId, error: (err as Error).message });
          failed++;
        }
        continue;
      }
      if (await this.entryChanged(entry)) indexed++;
      else failed++;
    }
    if (pending.length) logger.info('search outbox swept', { pending: pending.length, indexed, failed });
    return { pending: pending.length, indexed, failed };
  }
}

/** The register store, with every entry it writes indexed for search. */
export function withSearchIndexing(store: RegisterStore, indexer: EntryIndexer): RegisterStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (!(WRITES as readonly (string | symbol)[]).includes(prop)) return value.bind(target);
      return async (...args: unknown[]) => {
        const result = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as unknown;
        const entry = isEntry(result) ? result : isEntry((result as { entry?: unknown })?.entry) ? (result as { entry: Entry }).entry : null;
        if (entry) await indexer.entryChanged(entry);
        return result;
      };
    },
  });
}
