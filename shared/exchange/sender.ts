/**
 * The sender's queue handler (functions/exchange-sender.ts; embedded, local/plugins/exchange-sender.ts
 * feeds it the same SQS-shaped batches): each record names an outgoing message; one that should
 * be tried again is reported as a batch item failure and asked back after a backoff that doubles
 * with the delivery's attempts (the outbox's count, which survives restarts and re-drives), capped. After the last attempt the use case marks the delivery failed with why.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
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

/**
 * The Data table's stream records of an incoming entry written done (Lambda's event filter; the
 * embedded poller passes every record, so `doneEntryOf` applies the same test).
 */
export const DONE_ENTRY_FILTER = { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { pk: { S: [{ prefix: 'REGENTRY#' }] }, register: { S: ['incoming'] }, status: { S: ['done'] } } } };

export function doneEntryOf(record: DynamoDBRecord): { id: string; register: string; status: string; doneAt: string | null } | null {
  const image = record.dynamodb?.NewImage;
  if ((record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') || !image?.pk?.S?.startsWith('REGENTRY#') || image.sk?.S !== 'ENTRY') return null;
  const e = unmarshall(image as Record<string, never>) as { id?: unknown; register?: unknown; status?: unknown; doneAt?: unknown };
  if (typeof e.id !== 'string' || e.register !== 'incoming' || e.status !== 'done') return null;
  return { id: e.id, register: e.register, status: e.status, doneAt: typeof e.doneAt === 'string' ? e.doneAt : null };
}

/** An entry made from an exchanged document is done: its 'handled' notice goes back (once); a record that fails is retried from it. */
export function doneEntriesHandler(exchange: Exchange, log?: (line: string) => void) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      const entry = doneEntryOf(record);
      if (!entry) continue;
      try {
        await exchange.receiving.entryWritten(entry);
      } catch (err) {
        log?.(`exchange handled notice: ${entry.id}: ${(err as Error).message}`);
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  };
}
