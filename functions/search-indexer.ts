/**
 * Search indexing, fed by the Data table's stream: each record of a search-outbox marker (put in
 * the same transaction as every entry write) names an entry to (re)index. Cloud: a DynamoDB
 * Streams event source (filtered to marker puts, batches, bisect on error, retries, an SQS
 * on-failure destination); embedded: DynamoDB Local's stream read by local/plugins/search-indexer.ts,
 * which calls this same handler with the same event.
 *
 * The whole batch is indexed in one pass; entries that could not be indexed are reported as batch
 * item failures, so the stream retries from the first of them. What is still not indexed after
 * the retries keeps its marker, and the search sweeper indexes it.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { services } from '../shared/composition';
import { markerOfRecord } from '../shared/adapters/dynamodb/search-outbox';
import { publishMetrics } from '../shared/http/metrics';

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  /** The first record (sequence number) that names each entry: where a retry must start. */
  const firstRecord = new Map<string, string>();
  const marked: NonNullable<ReturnType<typeof markerOfRecord>>[] = [];
  for (const record of event.Records) {
    const m = markerOfRecord(record);
    if (!m) continue;
    if (!firstRecord.has(m.entryId)) firstRecord.set(m.entryId, record.dynamodb?.SequenceNumber ?? '');
    marked.push(m);
  }
  if (!marked.length) return { batchItemFailures: [] };
  const r = await services().indexer.indexPending(marked);
  publishMetrics();
  const failures = r.failed.map((id) => firstRecord.get(id)!).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
};
