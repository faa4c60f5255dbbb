/**
 * The sender's queue handler (functions/exchange-sender.ts; embedded, local/plugins/exchange-sender.ts
 * feeds it the same SQS-shaped batches): each record names an outgoing message; one that should
 * be tried again is reported as a batch item failure and asked back after a backoff that doubles
 * with the delivery's attempts (the outbox's count, which survives restarts and re-drives), capped. After the last attempt the use case marks the delivery failed with why.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Exchange } from './app/exchange';
import type { DeliveryQueue } from './ports/delivery-queue';
import { backoffSeconds } from './domain/message';

export function senderHandler(exchange: Exchange, queue: DeliveryQueue, opts: { baseSeconds: number; maxSeconds?: number; log?: (line: string) => void }) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const attempt = Math.max(1, Number(record.attributes?.ApproximateReceiveCount ?? '1') || 1);
      try {
        const { messageId } = JSON.parse(record.body) as { messageId?: string };
        if (!messageId) continue;
        const outcome = await exchange.sending.deliver(messageId, attempt);
        if (outcome !== 'done') {
          await queue.retryAfter(record.receiptHandle, backoffSeconds(outcome.retry, opts.baseSeconds, opts.maxSeconds));
          failures.push({ itemIdentifier: record.messageId });
        }
      } catch (err) {
        opts.log?.(`exchange sender: ${record.messageId}: ${(err as Error).message}`);
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  };
}
