/**
 * Scheduled (EventBridge, every minute): indexes the register entries whose own indexing failed
 * or never ran (the search outbox, see shared/search/app/entry-indexing.ts).
 */
import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, registersOf, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { scansModule } from '../shared/scans/index';
import { searchModule } from '../shared/search/index';
import { count, METRIC } from '../shared/platform/observability/metrics';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const registers = registersOf(platform, audit, given);
  const scans = given.scans ?? scansModule(platform, { audit, registers }).scans;
  const { indexer } = searchModule(platform, { registers, scanText: (id) => scans.textOf(id), ...(given.search ? { index: given.search } : {}) });
  return observed(async (event?: { olderThanMs?: number }): Promise<{ pending: number; indexed: number; failed: number }> => {
    const r = await indexer.sweep(typeof event?.olderThanMs === 'number' ? { olderThanMs: event.olderThanMs } : {});
    count(METRIC.searchSwept, r.indexed);
    count(METRIC.searchSweepFailed, r.failed);
    return r;
  });
}

export const handler = lazyHandler(() => compose(cloudEdge()));
