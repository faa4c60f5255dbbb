/**
 * Embedded stand-in for the search indexing function's event source: DynamoDB Local's stream of
 * the Data table, read as Lambda reads it, into the same handler (functions/search-indexer.ts).
 */
import type { EmbeddedPlugin } from '../plugins';
import { tableName } from '../../shared/adapters/dynamodb/tables';
import { startStreamPoller, type StreamPoller } from '../stream-poller';

/** The same batching as the cloud event source (infra/stacks/api-stack.ts). */
export const SEARCH_STREAM_BATCH = 100;

export async function startSearchIndexing(log?: (line: string) => void): Promise<StreamPoller> {
  const { handler } = await import('../../functions/search-indexer');
  return startStreamPoller({ table: tableName('Data'), handler, batchSize: SEARCH_STREAM_BATCH, retryAttempts: 3, ...(log ? { log } : {}) });
}

export const searchIndexerPlugin: EmbeddedPlugin = {
  name: 'search indexer (Data table stream)',
  async start(ctx) {
    const poller = await startSearchIndexing(ctx.log);
    return { stop: () => poller.stop() };
  },
};
