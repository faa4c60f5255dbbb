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
});
