/**
 * The queue that carries outgoing messages to the sender (functions/exchange-sender.ts). Cloud: SQS
 * with a dead-letter queue; embedded: a local queue re-driven from the outbox on start. The
 * outbox (ExchangeStore) is the truth: the queue only says "send this one now".
 */
export interface DeliveryJob {
  messageId: string;
}

export interface DeliveryQueue {
  enqueue(jobs: DeliveryJob[]): Promise<void>;
  /** The message being handled (its receipt) comes back after `seconds` (SQS: its visibility timeout). */
  retryAfter(receipt: string, seconds: number): Promise<void>;
}
