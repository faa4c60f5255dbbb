/**
 * Search indexing, fed by the Data table's stream: each record of a register entry write holds the
 * entry as written (NEW_IMAGE), and the batch's entries are indexed at once, their search-outbox
 * markers (put in the same transaction as each write) cleared. Cloud: a DynamoDB Streams event
 * source (filtered to entry writes, batches, bisect on error, retries, an SQS on-failure
 * destination); embedded: DynamoDB Local's stream read by local/plugins/search-indexer.ts, which
 * calls this same handler with the same event.
 *
 * Entries that could not be indexed are reported as batch item failures, so the stream retries
 * from the first of them (shared/search/stream.ts). What is still not indexed after the retries
 * keeps its marker, and the search sweeper indexes it.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, registersOf, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { scansModule } from '../shared/scans/index';
import { searchModule } from '../shared/search/index';
import { indexStreamBatch } from '../shared/search/stream';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const registers = registersOf(platform, audit, given);
  const scans = given.scans ?? scansModule(platform, { audit, registers }).scans;
  const { indexer } = searchModule(platform, { registers, scanText: (id) => scans.textOf(id), ...(given.search ? { index: given.search } : {}) });
  return observed((event: DynamoDBStreamEvent) => indexStreamBatch(indexer, event));
}

export const handler = lazyHandler(() => compose(cloudEdge()));
