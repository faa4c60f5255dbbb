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
