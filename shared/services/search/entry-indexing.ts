/**
 * Keeps the search index in step with the registers: every entry created or changed through
 * the RegisterStore is (re)indexed, with the OCR text of its scan when it was made from one.
 *
 * `withSearchIndexing` wraps the store the composition root builds, so every path that writes
 * an entry (the registers API, scan registration, issuance from the workflow) indexes it, and
 * the registers code needs no change. The entry is already committed when it is indexed: an
 * indexing failure is logged, never turned into a failed request (a retried create would
 * otherwise look like a duplicate).
 */
import { logger } from '../../http/logger';
import type { IncomingEntry, OutgoingEntry } from '../../domain/registers/model';
import { searchDocumentOf } from '../../domain/search/document';
import type { RegisterStore } from '../../ports/register-store';
import type { SearchIndex } from '../../ports/search-index';

/** RegisterStore methods that create or change an entry, and where their result holds it. */
const WRITES = ['registerIncoming', 'allocateOutgoing', 'updateIncoming', 'voidOutgoing'] as const;

type Entry = IncomingEntry | OutgoingEntry;
const isEntry = (v: unknown): v is Entry => !!v && typeof v === 'object' && 'id' in v && 'register' in v;

export class EntryIndexer {
  constructor(
    private readonly deps: {
      search: () => SearchIndex;
      /** The OCR text of a scan, or null when none is kept. */
      scanText: (scanId: string) => Promise<string | null>;
    },
  ) {}

  /** Indexes an entry as it now is. Returns false (and logs) when it could not. */
  async entryChanged(entry: Entry): Promise<boolean> {
    try {
      const scanId = entry.register === 'incoming' ? entry.scanId : null;
      const text = scanId ? await this.deps.scanText(scanId) : null;
      await this.deps.search().index([searchDocumentOf(entry, text)]);
      return true;
    } catch (err) {
      logger.error('search indexing failed; the entry is saved but not yet searchable', { entryId: entry.id, error: (err as Error).message });
      return false;
    }
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
