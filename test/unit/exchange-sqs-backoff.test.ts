/**
 * The cloud's delivery queue sets a failed message's visibility with SQS ChangeMessageVisibility
 * (the AWS SDK's real client, talking to a local HTTP endpoint that records what SQS would get),
 * for the backoff the sender asks: doubling with the delivery's attempts, capped, never past SQS's
 * 12 hours.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SQSClient } from '@aws-sdk/client-sqs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxStreamQueue, backoffSeconds } from '../../shared/exchange/index';

interface Seen { target: string; body: Record<string, unknown> }
let server: Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      seen.push({ target: String(req.headers['x-amz-target'] ?? ''), body: JSON.parse(raw || '{}') });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const queueUrl = () => `${base}/123456789012/exchange-delivery`;
const client = () => new SQSClient({ region: 'ap-southeast-1', endpoint: base, credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' } });

describe('exchange backoff in the cloud', () => {
  it('asks SQS to hide the failed message for the backoff of its attempt, on the configured queue', async () => {
    const q = new OutboxStreamQueue(queueUrl, client);
    const table = [
      { attempt: 1, expected: 2 },
      { attempt: 2, expected: 4 },
      { attempt: 5, expected: 32 },
      { attempt: 12, expected: 900 },
    ];
    for (const { attempt, expected } of table) {
      seen.length = 0;
      await q.retryAfter(`receipt-${attempt}`, backoffSeconds(attempt, 2, 900));
      expect(seen).toEqual([{ target: 'AmazonSQS.ChangeMessageVisibility', body: { QueueUrl: queueUrl(), ReceiptHandle: `receipt-${attempt}`, VisibilityTimeout: expected } }]);
    }
  });

  it('never asks for more than SQS allows (12 hours) nor less than zero, whatever the cap', async () => {
    const q = new OutboxStreamQueue(queueUrl, client);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 200_000 }), async (attempt, baseS, cap) => {
        seen.length = 0;
        await q.retryAfter('r', backoffSeconds(attempt, baseS, cap));
        const v = seen[0]!.body.VisibilityTimeout as number;
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(43_200);
        expect(v).toBeLessThanOrEqual(cap);
      }),
      { numRuns: 40 },
    );
  });

  it('reads the queue URL only when a retry is asked for (the API function never needs it)', async () => {
    let reads = 0;
    const q = new OutboxStreamQueue(() => (reads++, queueUrl()), client);
    await q.enqueue();
    expect(reads).toBe(0);
    await q.retryAfter('r', 3);
    expect(reads).toBe(1);
  });
});
