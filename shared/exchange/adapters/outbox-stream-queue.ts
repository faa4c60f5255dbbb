/**
 * The cloud's delivery queue: the outbox write is the enqueue. An EventBridge Pipe reads the Data
 * table's stream and puts each new queued message (EXMSG#…, INSERT) on the SQS queue that feeds
 * functions/exchange-sender.ts (infra/constructs/exchange-delivery.ts), so a message is queued if
 * and only if its outbox record committed. A failed attempt comes back after the backoff the sender
 * asks for: the message's visibility is set with ChangeMessageVisibility (on that queue only, its
 * URL in DAUMOI_EXCHANGE_QUEUE_URL); after the last receive SQS moves it to the dead-letter queue.
 */
import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryQueue } from '../ports/delivery-queue';

/** SQS's longest visibility timeout (12 hours). */
export const SQS_MAX_VISIBILITY_SECONDS = 43_200;

export class OutboxStreamQueue implements DeliveryQueue {
  private client: SQSClient | undefined;

  /** `queueUrl` is read when a retry is first asked for (only the sender needs it). */
  constructor(
    private readonly queueUrl: () => string,
    private readonly makeClient: () => SQSClient = () => new SQSClient({}),
  ) {}

  async enqueue(): Promise<void> {}

  async retryAfter(receipt: string, seconds: number): Promise<void> {
    const visibility = Math.min(SQS_MAX_VISIBILITY_SECONDS, Math.max(0, Math.round(seconds)));
    this.client ??= this.makeClient();
    await this.client.send(new ChangeMessageVisibilityCommand({ QueueUrl: this.queueUrl(), ReceiptHandle: receipt, VisibilityTimeout: visibility }));
  }
}
