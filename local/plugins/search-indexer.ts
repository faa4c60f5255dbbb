/**
 * Embedded stand-in for the search indexing function's event source: DynamoDB Local's stream of
 * the Data table, read as Lambda reads it, into the same handler (functions/search-indexer.ts).
 */
import type { EmbeddedPlugin } from './types';
import { tableName } from '../../shared/platform/aws/tables';
import { ENTRY_STREAM_BATCH, ENTRY_STREAM_FILTER, ENTRY_STREAM_WINDOW_SECONDS } from '../../shared/search/adapters/entry-stream';
import { startStreamPoller, type StreamPoller } from '../stream-poller';
import { embeddedEdge, type EmbeddedEdge } from '../edge';


let running: { poller: Promise<StreamPoller>; users: number } | undefined;

/**
 * Starts reading the Data table's stream into the indexing handler, or shares the reader this
 * process already runs (one per process, as one event source mapping per table): it stops when
 * its last user stops it.
 */
export async function startSearchIndexing(log?: (line: string) => void, edge: EmbeddedEdge = embeddedEdge()): Promise<StreamPoller> {
  if (!running) {
    const poller = import('../../functions/search-indexer').then(({ compose }) =>
      startStreamPoller({ table: tableName('Data'), handler: compose(edge), batchSize: ENTRY_STREAM_BATCH, batchWindowMs: ENTRY_STREAM_WINDOW_SECONDS * 1000, filters: [ENTRY_STREAM_FILTER], retryAttempts: 3, ...(log ? { log } : {}) }),
    );
    running = { poller, users: 0 };
    poller.catch(() => (running = undefined));
  }
  const shared = running;
  shared.users++;
  const poller = await shared.poller;
  let stopped = false;
  return {
    drained: () => poller.drained(),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (--shared.users === 0) {
        if (running === shared) running = undefined;
        await poller.stop();
      }
    },
  };
}

export const searchIndexerPlugin: EmbeddedPlugin = {
  name: 'search indexer (Data table stream)',
  async start(ctx) {
    const poller = await startSearchIndexing(ctx.log, ctx.edge);
    return { stop: () => poller.stop() };
  },
};
