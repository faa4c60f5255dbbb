/** The search module's public entry: the search index, and the indexer that keeps it in step with the registers. */
import type { Platform } from '../platform/platform';
import type { RegisterStore } from '../registers/ports/register-store';
import type { SearchIndex } from './ports/search-index';
import { DynamoSearchIndex } from './adapters/dynamo-search-index';
import { DynamoSearchOutbox } from './adapters/dynamo-search-outbox';
import { EntryIndexer } from './app/entry-indexing';

export type { SearchIndex } from './ports/search-index';

export function searchIndex(platform: Platform): SearchIndex {
  return new DynamoSearchIndex(platform.db, platform.table('Search'));
}

/** Indexes entries for search and sweeps the search outbox. */
export function searchModule(
  platform: Platform,
  ports: { registers: RegisterStore; scanText: (scanId: string) => Promise<string | null>; index?: SearchIndex },
): { index: SearchIndex; indexer: EntryIndexer } {
  const index = ports.index ?? searchIndex(platform);
  const outbox = new DynamoSearchOutbox(platform.db, platform.table('Data'));
  const indexer = new EntryIndexer({ search: () => index, outbox: () => outbox, registers: () => ports.registers, scanText: ports.scanText });
  return { index, indexer };
}
