/**
 * Search indexing, fed by the Data table's stream: each record of a register entry write holds the
 * entry as written (NEW_IMAGE), and the batch's entries are indexed at once, their search-outbox
 * markers (put in the same transaction as each write) cleared. Cloud: a DynamoDB Streams event
 * source (filtered to entry writes, batches, bisect on error, retries, an SQS on-failure
 * destination); embedded: DynamoDB Local's stream read by local/plugins/search-indexer.ts, which
 * calls this same handler with the same event.
 *
 * Entries that could not be indexed are reported as batch item failures, so the stream retries
 * from the first of them. What is still not indexed after the retries keeps its marker, and the
 * search sweeper indexes it.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { services } from '../shared/composition';
import { entryOfRecord } from '../shared/search/adapters/entry-stream';
import { publishMetrics } from '../shared/platform/observability/metrics';

const bySequence = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  /** The first record (sequence number) of each entry: where a retry must start. */
  const firstRecord = new Map<string, string>();
  const entries = [];
  for (const record of event.Records) {
    const entry = entryOfRecord(record);
    if (!entry) continue;
    if (!firstRecord.has(entry.id)) firstRecord.set(entry.id, record.dynamodb?.SequenceNumber ?? '0');
    entries.push(entry);
  }
  if (!entries.length) return { batchItemFailures: [] };
  const r = await services().indexer.indexEntries(entries);
  publishMetrics();
  return { batchItemFailures: r.failed.map((id) => firstRecord.get(id)!).sort(bySequence).map((itemIdentifier) => ({ itemIdentifier })) };
};
