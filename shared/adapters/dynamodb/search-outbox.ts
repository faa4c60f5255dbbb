/**
 * The search outbox on the Data table: `SEARCHPENDING#<shard>` / `<entry id>` items, one per
 * entry whose latest write is not yet indexed. The register store puts one in the transaction
 * of every entry write (`pendingIndexItem`); the indexer deletes it once the entry is indexed.
 * Four shards keep the markers of a busy register off one partition.
 */
import { DeleteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { RegisterEntry } from '../../domain/registers/model';
import type { PendingIndex, SearchOutbox } from '../../ports/search-outbox';
import type { TransactItem } from './gapless-counter';

const SHARDS = 4;
const MARKER_PREFIX = 'SEARCHPENDING#';
const shardOf = (entryId: string): number => entryId.charCodeAt(entryId.length - 1) % SHARDS;
const markerKey = (entryId: string) => ({ pk: `${MARKER_PREFIX}${shardOf(entryId)}`, sk: entryId });

/**
 * The Data table's stream records that start search indexing: a marker put (new or replaced).
 * A Lambda event filter (CDK: FilterCriteria.filter) so that the indexing function is invoked
 * for these records only; `markerOfRecord` applies the same test in the handler.
 */
export const MARKER_STREAM_FILTER = { eventName: ['INSERT', 'MODIFY'], dynamodb: { Keys: { pk: { S: [{ prefix: MARKER_PREFIX }] } } } };

/** The marker a stream record puts (NEW_IMAGE), or null for any other record. */
export function markerOfRecord(record: DynamoDBRecord): Omit<PendingIndex, 'at'> | null {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return null;
  const image = record.dynamodb?.NewImage;
  if (!image || !image.pk?.S?.startsWith(MARKER_PREFIX)) return null;
  const item = unmarshall(image as Record<string, never>) as Record<string, unknown>;
  const register = item.register;
  if (typeof item.entryId !== 'string' || (register !== 'incoming' && register !== 'outgoing')) return null;
  return { entryId: item.entryId, register, version: Number(item.version) };
}

/** The marker to write with an entry (unconditional: a newer write replaces an older marker). */
export function pendingIndexItem(table: string, entry: Pick<RegisterEntry, 'id' | 'register' | 'version'>): TransactItem {
  // Real time, not the office clock: the sweep's "older than" is about how long indexing has had.
  return { Put: { TableName: table, Item: { ...markerKey(entry.id), entryId: entry.id, register: entry.register, version: entry.version, at: new Date().toISOString() } } };
}

export class DynamoSearchOutbox implements SearchOutbox {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async pending(before: Date, limit: number): Promise<PendingIndex[]> {
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, shard) => this.shard(shard, before, limit)));
    return shards
      .flat()
      .sort((a, b) => a.at.localeCompare(b.at))
      .slice(0, limit);
  }

  async done(entryId: string, version: number): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: markerKey(entryId),
          ConditionExpression: 'attribute_exists(pk) AND #version <= :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': version },
        }),
      );
    } catch (err) {
      // Gone already, or a newer write recorded since: that one's indexing clears it.
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }

  private async shard(shard: number, before: Date, limit: number): Promise<PendingIndex[]> {
    const out: PendingIndex[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: '#at < :before',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':pk': `SEARCHPENDING#${shard}`, ':before': before.toISOString() },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of r.Items ?? []) out.push({ entryId: String(item.entryId), register: item.register as PendingIndex['register'], version: Number(item.version), at: String(item.at) });
      start = r.LastEvaluatedKey;
    } while (start && out.length < limit);
    return out;
  }
}
