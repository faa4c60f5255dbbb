/**
 * The embedded stand-in for a Lambda DynamoDB Streams event source (local/stream-poller.ts), on
 * DynamoDB Local's own stream: the event is shaped as Lambda's, a batch that reports item failures
 * is delivered again from the first failed record, and a batch that keeps failing is skipped after
 * its retries while the records after it still flow. Tables of its own.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';
import { ensureTables } from '../../local/bootstrap';

useEmbeddedEnv();
const { startStreamPoller } = await import('../../local/stream-poller');
const { documentClient, dynamoClient } = await import('../../shared/platform/aws/dynamodb-client');

const until = async (ok: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
};

describe('stream poller', () => {
  it('delivers Lambda-shaped batches, again from the first failed record, and skips a batch that keeps failing', async () => {
    const prefix = `sp${ulid().slice(-8).toLowerCase()}`;
    await ensureTables(dynamoClient(), prefix);
    const table = `${prefix}-Data`;
    const calls: DynamoDBStreamEvent[] = [];
    let mode: 'fail-second-once' | 'throw' | 'ok' = 'fail-second-once';
    const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
      calls.push(event);
      if (mode === 'fail-second-once' && event.Records.length >= 2) {
        mode = 'ok';
        return { batchItemFailures: [{ itemIdentifier: event.Records[1]!.dynamodb!.SequenceNumber! }] };
      }
      if (mode === 'throw' && event.Records.some((r) => r.dynamodb?.Keys?.pk?.S === 'poison')) throw new Error('cannot handle this one');
      return { batchItemFailures: [] };
    };
    const poller = await startStreamPoller({ table, handler, batchSize: 10, batchWindowMs: 300, pollMs: 50, retryAttempts: 2 });
    try {
      const put = (pk: string) => documentClient().send(new PutCommand({ TableName: table, Item: { pk, sk: 'X', n: 1 } }));
      await Promise.all(['a', 'b', 'c'].map(put));
      await until(() => calls.length >= 2);
      const keys = (e: DynamoDBStreamEvent) => e.Records.map((r) => r.dynamodb!.Keys!.pk!.S);
      expect(calls[0]!.Records[0]).toMatchObject({ eventSource: 'aws:dynamodb', eventName: 'INSERT', eventSourceARN: expect.stringContaining(table), dynamodb: { NewImage: { n: { N: '1' } }, StreamViewType: 'NEW_IMAGE' } });
      const first = keys(calls[0]!);
      expect([...first].sort()).toEqual(['a', 'b', 'c']);
      expect(keys(calls[1]!)).toEqual(first.slice(1)); // again from the failed record on

      mode = 'throw';
      const before = calls.length;
      await put('poison');
      await until(() => calls.length >= before + 3);
      await new Promise((r) => setTimeout(r, 500));
      expect(calls.length - before).toBe(3); // the first delivery and 2 retries, then skipped
      await put('after');
      await until(() => calls.some((e) => keys(e).includes('after')));
      expect(calls.at(-1)!.Records.map((r) => r.dynamodb!.Keys!.pk!.S)).toEqual(['after']);
    } finally {
      await poller.stop();
    }
  });

  it('hands the handler only the records its filter criteria match, in stream order, in batches of at most batchSize', async () => {
    const prefix = `sp${ulid().slice(-8).toLowerCase()}`;
    await ensureTables(dynamoClient(), prefix);
    const table = `${prefix}-Data`;
    const calls: DynamoDBStreamEvent[] = [];
    const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
      calls.push(event);
      return { batchItemFailures: [] };
    };
    const poller = await startStreamPoller({ table, handler, batchSize: 3, batchWindowMs: 200, pollMs: 50, filters: [{ eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: 'KEEP#' }] } } } }] });
    try {
      const kept: string[] = [];
      // One at a time, so that the stream's order is the order written.
      for (let i = 0; i < 24; i++) {
        const pk = i % 4 === 1 ? `KEEP#${String(i).padStart(2, '0')}` : `DROP#${i}`;
        if (pk.startsWith('KEEP#')) kept.push(pk);
        await documentClient().send(new PutCommand({ TableName: table, Item: { pk, sk: 'X', n: i } }));
      }
      // A change of a kept item is a MODIFY: not in the filter.
      await documentClient().send(new PutCommand({ TableName: table, Item: { pk: kept[0], sk: 'X', n: 99 } }));
      const seen = () => calls.flatMap((e) => e.Records.map((r) => r.dynamodb!.Keys!.pk!.S!));
      await until(() => seen().length >= kept.length);
      await poller.drained();
      expect(seen()).toEqual(kept);
      for (const e of calls) expect(e.Records.length).toBeLessThanOrEqual(3);
    } finally {
      await poller.stop();
    }
  });
});
