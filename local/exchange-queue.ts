/**
 * The embedded stand-in for the exchange's SQS queue: jobs handed to the same sender handler in
 * SQS-shaped single-record batches, with ApproximateReceiveCount; a record the handler reports as
 * failed comes back after the delay it asked for (`retryAfter`, SQS's ChangeMessageVisibility), or
 * after the visibility timeout. In memory only: the outbox in DynamoDB is the truth, and on start
 * the plugin re-drives every message still queued there (so a `kill -9` loses nothing).
 */
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { DeliveryJob, DeliveryQueue } from '../shared/exchange/index';

type Consumer = (event: SQSEvent) => Promise<SQSBatchResponse | unknown>;

interface Pending {
  body: string;
  receives: number;
  timer?: NodeJS.Timeout;
  nextDelaySeconds?: number;
}

export class LocalDeliveryQueue implements DeliveryQueue {
  private consumer: Consumer | undefined;
  private readonly pending = new Map<string, Pending>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly visibilitySeconds = 30) {}

  /** Starts handing jobs to `consumer` (jobs enqueued before wait for it). */
  consume(consumer: Consumer): void {
    this.consumer = consumer;
    for (const id of this.pending.keys()) this.schedule(id, 0);
  }

  async stop(): Promise<void> {
    this.consumer = undefined;
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    await Promise.allSettled([...this.running]);
  }

  get size(): number {
    return this.pending.size;
  }

  async enqueue(jobs: DeliveryJob[]): Promise<void> {
    for (const job of jobs) {
      const id = randomUUID();
      this.pending.set(id, { body: JSON.stringify(job), receives: 0 });
      if (this.consumer) this.schedule(id, 0);
    }
  }

  async retryAfter(receipt: string, seconds: number): Promise<void> {
    const p = this.pending.get(receipt);
    if (p) p.nextDelaySeconds = seconds;
  }

  private schedule(id: string, delayMs: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    p.timer = setTimeout(() => {
      const run = this.run(id).finally(() => this.running.delete(run));
      this.running.add(run);
    }, delayMs);
    p.timer.unref();
  }

  private async run(id: string): Promise<void> {
    const p = this.pending.get(id);
    const consumer = this.consumer;
    if (!p || !consumer) return;
    p.receives++;
    p.nextDelaySeconds = undefined;
    let failed = true;
    try {
      const r = (await consumer({ Records: [{ messageId: id, receiptHandle: id, body: p.body, attributes: { ApproximateReceiveCount: String(p.receives) } } as never] })) as SQSBatchResponse | undefined;
      failed = !!r?.batchItemFailures?.some((f) => f.itemIdentifier === id);
    } catch {
      failed = true;
    }
    if (!this.pending.has(id)) return;
    if (failed) this.schedule(id, (p.nextDelaySeconds ?? this.visibilitySeconds) * 1000);
    else this.pending.delete(id);
  }
}
