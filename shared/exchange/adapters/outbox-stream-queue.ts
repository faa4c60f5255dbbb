/**
 * The cloud's delivery queue: the outbox write is the enqueue. An EventBridge Pipe reads the Data
 * table's stream and puts each new queued message (EXMSG#…, INSERT) on the SQS queue that feeds
 * functions/exchange-sender.ts (infra/constructs/exchange-queue.ts), so a message is queued if and
 * only if its outbox record committed. A failed attempt comes back after the queue's visibility
 * timeout; after the last receive SQS moves it to the dead-letter queue.
 */
import type { DeliveryQueue } from '../ports/delivery-queue';

export class OutboxStreamQueue implements DeliveryQueue {
  async enqueue(): Promise<void> {}
  // Exponential backoff per message needs SQS ChangeMessageVisibility (@aws-sdk/client-sqs, not installed): the fixed timeout applies.
  async retryAfter(): Promise<void> {}
}
