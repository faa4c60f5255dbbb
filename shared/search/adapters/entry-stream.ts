/**
 * Register entries as the Data table's stream carries them: the record of every entry write
 * (`REGENTRY#<id>` / `ENTRY`, NEW_IMAGE) holds the entry as stored, so search indexing follows the
 * change itself without reading it back. `ENTRY_STREAM_FILTER` is the Lambda event filter (CDK:
 * FilterCriteria.filter) that invokes the indexing function for these records only;
 * `entryOfRecord` applies the same test in the handler (the embedded poller passes every record).
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { IncomingEntry, OutgoingEntry } from '../../registers';

const ENTRY_PREFIX = 'REGENTRY#';
/** Key and index attributes the store adds to an entry item (register-store.ts): not the entry's. */
const STORAGE_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'secrecyRank'];

/** Records per call of the indexing function (the cloud event source and the embedded poller alike). */
export const ENTRY_STREAM_BATCH = 500;
/** Once records arrive, how long more are gathered into the batch (Lambda's MaximumBatchingWindow), s. */
export const ENTRY_STREAM_WINDOW_SECONDS = 1;

export const ENTRY_STREAM_FILTER = { eventName: ['INSERT', 'MODIFY'], dynamodb: { Keys: { pk: { S: [{ prefix: ENTRY_PREFIX }] } } } };

/** The entry a stream record writes (NEW_IMAGE), or null for any other record. */
export function entryOfRecord(record: DynamoDBRecord): IncomingEntry | OutgoingEntry | null {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return null;
  const image = record.dynamodb?.NewImage;
  if (!image || !image.pk?.S?.startsWith(ENTRY_PREFIX) || image.sk?.S !== 'ENTRY') return null;
  const item = unmarshall(image as Record<string, never>) as Record<string, unknown>;
  for (const k of STORAGE_ATTRS) delete item[k];
  if (typeof item.id !== 'string' || (item.register !== 'incoming' && item.register !== 'outgoing') || typeof item.version !== 'number') return null;
  return item as unknown as IncomingEntry | OutgoingEntry;
}
