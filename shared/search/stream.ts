/**
 * The search indexer's batch (functions/search-indexer.ts): the register entries of a Data table
 * stream batch, indexed at once; the entries that could not be are reported as batch item
 * failures, from the first record of each, so that the stream retries from there.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { entryOfRecord } from './adapters/entry-stream';
import type { EntryIndexer } from './app/entry-indexing';

const bySequence = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

export async function indexStreamBatch(indexer: EntryIndexer, event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
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
  const r = await indexer.indexEntries(entries);
  return { batchItemFailures: r.failed.map((id) => firstRecord.get(id)!).sort(bySequence).map((itemIdentifier) => ({ itemIdentifier })) };
}
