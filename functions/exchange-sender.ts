/**
 * The exchange's sender: SQS batches of outgoing messages (packages, notices, recalls), each signed
 * and posted to its partner; and the Data table's stream of incoming entries written done, whose
 * 'handled' notice it queues (an entry made from an exchanged document).
 */
import type { DynamoDBStreamEvent, SQSEvent } from 'aws-lambda';
import { lazyHandler, observed } from '../shared/platform/lambda';
import type { Edge, Given } from '../shared/edge/compose';
import { exchangeOf } from '../shared/edge/exchange';
import { cloudEdge } from '../shared/edge/cloud';
import { doneEntriesHandler, senderHandler } from '../shared/exchange/sender';
import { EXCHANGE_ENV } from '../shared/exchange/index';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, exchange } = exchangeOf(edge, given);
  const seconds = (name: string, fallback: number) => Number(platform.env.optional(name, String(fallback))) || fallback;
  const backoff = { baseSeconds: seconds(EXCHANGE_ENV.backoffSeconds, 2), maxSeconds: seconds(EXCHANGE_ENV.backoffMaxSeconds, 900) };
  const send = senderHandler(exchange, edge.exchangeQueue(), backoff);
  const done = doneEntriesHandler(exchange);
  return observed((e: SQSEvent | DynamoDBStreamEvent) => (e.Records[0]?.eventSource === 'aws:dynamodb' ? done(e as DynamoDBStreamEvent) : send(e as SQSEvent)));
}

export const handler = lazyHandler((): ((e: SQSEvent | DynamoDBStreamEvent) => Promise<unknown>) => compose(cloudEdge()));
