/**
 * Scheduled (EventBridge, every minute): indexes the register entries whose own indexing failed
 * or never ran (the search outbox, see shared/search/app/entry-indexing.ts).
 */
import { services } from '../shared/composition';
import { count, METRIC, publishMetrics } from '../shared/platform/observability/metrics';

export const handler = async (event?: { olderThanMs?: number }): Promise<{ pending: number; indexed: number; failed: number }> => {
  const r = await services().indexer.sweep(typeof event?.olderThanMs === 'number' ? { olderThanMs: event.olderThanMs } : {});
  count(METRIC.searchSwept, r.indexed);
  count(METRIC.searchSweepFailed, r.failed);
  publishMetrics();
  return r;
};
