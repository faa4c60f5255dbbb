/**
 * The search outbox on the Data table: `SEARCHPENDING#<shard>` / `<entry id>` items, one per
 * entry whose latest write is not yet indexed. The registers put one in the transaction
 * of every entry write (`prepare`, the registers' EntryOutbox); the indexer deletes it once the entry is indexed.
 * Four shards keep the markers of a busy register off one partition.
 */
import { DeleteCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RegisterEntry } from '../../registers';
import type { PendingIndex, SearchOutbox } from '../ports/search-outbox';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { EntryOutbox } from '../../registers';

/** One TransactWriteItems element in the document client's shape. */
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const SHARDS = 4;
const shardOf = (entryId: string): number => entryId.charCodeAt(entryId.length - 1) % SHARDS;
const markerKey = (entryId: string) => ({ pk: `SEARCHPENDING#${shardOf(entryId)}`, sk: entryId });

/** The marker to write with an entry (unconditional: a newer write replaces an older marker). */
export function pendingIndexItem(table: string, entry: Pick<RegisterEntry, 'id' | 'register' | 'version'>): TransactItem {
  // Real time, not the office clock: the sweep's "older than" is about how long indexing has had.
  return { Put: { TableName: table, Item: { ...markerKey(entry.id), entryId: entry.id, register: entry.register, version: entry.version, at: new Date().toISOString() } } };
}

export class DynamoSearchOutbox implements SearchOutbox, EntryOutbox {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  prepare(entry: Pick<RegisterEntry, 'id' | 'register' | 'version'>): { transactItem: TransactItem } {
    return { transactItem: pendingIndexItem(this.table, entry) };
  }

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

  /**
   * Deletes the markers of a batch, up to 100 per transaction (one call instead of one per entry);
   * a marker already gone is fine. When a newer write replaced a marker meanwhile, that group is
   * done one by one, leaving the newer marker.
   */
  async doneAll(indexed: readonly { entryId: string; version: number }[]): Promise<void> {
    const latest = [...new Map(indexed.map((x) => [x.entryId, x])).values()];
    for (let i = 0; i < latest.length; i += 100) {
      const group = latest.slice(i, i + 100);
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: group.map((x) => ({
              Delete: {
                TableName: this.table,
                Key: markerKey(x.entryId),
                ConditionExpression: 'attribute_not_exists(pk) OR #version <= :version',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':version': x.version },
              },
            })),
          }),
        );
      } catch (err) {
        const name = (err as Error).name;
        if (name !== 'TransactionCanceledException' && name !== 'TransactionConflictException') throw err;
        for (const x of group) await this.done(x.entryId, x.version);
      }
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
