/** The search module's public entry: what other modules and the composition may use. */
export { SearchEngine } from './app/search-engine';
export { EntryIndexer, SWEEP_AFTER_MS, type IndexResult, type SweepResult } from './app/entry-indexing';
export type { SearchHit, SearchIndex, SearchPage, SearchQuery, IndexStore } from './ports/search-index';
export type { SearchOutbox, PendingIndex } from './ports/search-outbox';
export type { SearchTuning } from './domain/query-plan';
export { searchDocumentOf, type SearchDocument } from './domain/document';
export { DynamoSearchIndex } from './adapters/dynamo-search-index';
export { DynamoSearchOutbox } from './adapters/dynamo-search-outbox';
export { entryOfRecord, ENTRY_STREAM_BATCH, ENTRY_STREAM_FILTER, ENTRY_STREAM_WINDOW_SECONDS } from './adapters/entry-stream';

import type { Platform } from '../platform/platform';
import type { Registers } from '../registers';
import type { SearchIndex } from './ports/search-index';
import { SearchEngine } from './app/search-engine';
import { DynamoSearchIndex } from './adapters/dynamo-search-index';
import { DynamoSearchOutbox } from './adapters/dynamo-search-outbox';
import { EntryIndexer } from './app/entry-indexing';

/** Search over the Search table (planning and ranking in the engine). */
export function searchIndex(platform: Platform): SearchIndex {
  return new SearchEngine(new DynamoSearchIndex(platform.db, platform.table('Search')));
}

/** The search outbox on the Data table: the registers mark each entry they write with it. */
export function searchOutbox(platform: Platform): DynamoSearchOutbox {
  return new DynamoSearchOutbox(platform.db, platform.table('Data'));
}

/** Indexes entries for search and sweeps the search outbox. */
export function searchModule(
  platform: Platform,
  ports: { registers: Registers; scanText: (scanId: string) => Promise<string | null>; index?: SearchIndex },
): { index: SearchIndex; indexer: EntryIndexer } {
  const index = ports.index ?? searchIndex(platform);
  const outbox = searchOutbox(platform);
  const indexer = new EntryIndexer({ search: () => index, outbox: () => outbox, registers: () => ports.registers, scanText: ports.scanText });
  return { index, indexer };
}
