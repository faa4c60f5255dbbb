/** The exchange's sender: SQS batches of outgoing messages (packages, notices, recalls), each signed and posted to its partner. */
import type { SQSEvent } from 'aws-lambda';
import { lazyHandler, observed } from '../shared/platform/lambda';
import type { Edge, Given } from '../shared/edge/compose';
import { exchangeOf } from '../shared/edge/exchange';
import { cloudEdge } from '../shared/edge/cloud';
import { senderHandler } from '../shared/exchange/sender';
import { EXCHANGE_ENV } from '../shared/exchange/index';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, exchange } = exchangeOf(edge, given);
  const seconds = (name: string, fallback: number) => Number(platform.env.optional(name, String(fallback))) || fallback;
  const backoff = { baseSeconds: seconds(EXCHANGE_ENV.backoffSeconds, 2), maxSeconds: seconds(EXCHANGE_ENV.backoffMaxSeconds, 900) };
  return observed(senderHandler(exchange, edge.exchangeQueue(), backoff));
}

export const handler = lazyHandler((): ((e: SQSEvent) => Promise<unknown>) => compose(cloudEdge()));
