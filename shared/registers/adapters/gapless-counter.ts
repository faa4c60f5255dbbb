/**
 * Gapless numbers on DynamoDB: the counter update (conditioned on the value last read) and the
 * items that use the number are written in ONE TransactWriteItems, so a number is taken if and
 * only if its entry is stored. Conflicts (another writer moved the counter, a transaction
 * conflict) are retried with jittered exponential backoff.
 *
 * Within one process, requests for the same counter queue up and are committed together
 * (group commit): while one transaction is in flight the next ones gather, and go as one
 * transaction taking consecutive numbers. Across processes (Lambda containers) the counter
 * condition keeps numbers unique and consecutive.
 */
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ThrottledError } from '../../platform/errors';
import type { ConditionOutcome, CounterJob, EntryNumbers } from '../ports/entry-numbers';

/** One TransactWriteItems element in the document client's shape. */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export type { ConditionOutcome, CounterJob } from '../ports/entry-numbers';

export interface GaplessCounterOptions {
  /** Most jobs in one transaction (DynamoDB allows 100 items per transaction). */
  maxBatch?: number;
  /** Attempts before giving up with 429. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Jobs that may wait for one counter in this process; one more is refused at once (429). */
  maxQueue?: number;
  /** How long a job may wait for its transaction; longer and it is refused (429) before anything is written. */
  maxWaitMs?: number;
}

interface Pending {
  job: CounterJob<unknown>;
  /** performance.now() when it was queued. */
  since: number;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface CounterState {
  queue: Pending[];
  running: boolean;
  /** Last value this process saw; undefined = read it. */
  last?: number;
}

const MAX_ITEMS = 100;

export const counterKey = (key: string) => ({ pk: `COUNTER#${key}`, sk: 'COUNTER' });

export class GaplessCounter implements EntryNumbers {
  private readonly counters = new Map<string, CounterState>();
  private readonly maxBatch: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxQueue: number;
  private readonly maxWaitMs: number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    opts: GaplessCounterOptions = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 25;
    this.maxAttempts = opts.maxAttempts ?? 80;
    this.baseDelayMs = opts.baseDelayMs ?? 4;
    this.maxDelayMs = opts.maxDelayMs ?? 250;
    this.maxQueue = opts.maxQueue ?? 1000;
    this.maxWaitMs = opts.maxWaitMs ?? 10_000;
  }

  /** Takes the next number of `key` for the job; resolves once the job's items are stored with it. */
  take<R>(key: string, job: CounterJob<R>): Promise<R> {
    if (job.size + 1 > MAX_ITEMS) throw new Error(`a counter job may write at most ${MAX_ITEMS - 1} items`);
    let state = this.counters.get(key);
    if (!state) this.counters.set(key, (state = { queue: [], running: false }));
    if (state.queue.length >= this.maxQueue) {
      return Promise.reject(new ThrottledError(`The register is busy: ${state.queue.length} registrations are waiting for a number; retry in a moment`, 1));
    }
    const since = performance.now();
    const promise = new Promise<R>((resolve, reject) => state!.queue.push({ job: job as CounterJob<unknown>, since, resolve: resolve as (v: unknown) => void, reject }));
    if (!state.running) void this.drain(key, state);
    return promise;
  }

  /** The counter's current value as stored (0 when never used). */
  async current(key: string): Promise<number> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: counterKey(key), ConsistentRead: true }));
    return Number(r.Item?.last ?? 0);
  }

  private async drain(key: string, state: CounterState): Promise<void> {
    state.running = true;
    try {
      while (state.queue.length > 0) {
        const batch = this.nextBatch(state);
        try {
          await this.commit(key, state, batch);
        } catch (err) {
          // Whatever went wrong, no caller is left waiting (settled promises ignore this).
          state.last = undefined;
          batch.forEach((p) => p.reject(err));
        }
      }
    } finally {
      state.running = false;
    }
  }

  /**
   * Takes queued jobs in order while they fit one transaction and touch distinct items. Jobs that
   * waited longer than maxWaitMs are refused here, before anything of theirs is written.
   */
  private nextBatch(state: CounterState): Pending[] {
    const batch: Pending[] = [];
    const keys = new Set<string>();
    let items = 1;
    const now = performance.now();
    for (let i = 0; i < state.queue.length && batch.length < this.maxBatch; ) {
      const p = state.queue[i]!;
      if (now - p.since > this.maxWaitMs) {
        state.queue.splice(i, 1);
        p.reject(new ThrottledError(`The register is busy: a registration waited ${Math.round(now - p.since)} ms for its number and was not made; retry in a moment`, 2));
        continue;
      }
      if (items + p.job.size > MAX_ITEMS) break;
      if (p.job.keys.some((k) => keys.has(k))) {
        i++;
        continue;
      }
      p.job.keys.forEach((k) => keys.add(k));
      items += p.job.size;
      batch.push(p);
      state.queue.splice(i, 1);
    }
    return batch;
  }

  private async commit(key: string, state: CounterState, initial: Pending[]): Promise<void> {
    let batch = initial;
    for (let attempt = 0; batch.length > 0; attempt++) {
      if (attempt >= this.maxAttempts) {
        const err = new ThrottledError('The register is busy: too many registrations at once; retry in a moment');
        batch.forEach((p) => p.reject(err));
        return;
      }
      try {
        if (state.last === undefined) state.last = await this.current(key);
      } catch (err) {
        batch.forEach((p) => p.reject(err));
        return;
      }
      const prev = state.last;
      const jobItems = batch.map((p, i) => p.job.items(prev + i + 1) as TransactItem[]);
      const counterItem: TransactItem = {
        Update: {
          TableName: this.table,
          Key: counterKey(key),
          UpdateExpression: 'SET #last = :next, #updatedAt = :at',
          ConditionExpression: prev === 0 ? 'attribute_not_exists(pk)' : '#last = :prev',
          ExpressionAttributeNames: { '#last': 'last', '#updatedAt': 'updatedAt' },
          ExpressionAttributeValues: { ':next': prev + batch.length, ':at': new Date().toISOString(), ...(prev === 0 ? {} : { ':prev': prev }) },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      };
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: [counterItem, ...jobItems.flat()] }));
        state.last = prev + batch.length;
        batch.forEach((p, i) => settle(p, () => p.job.done(prev + i + 1)));
        return;
      } catch (err) {
        const e = err as { name?: string; CancellationReasons?: { Code?: string; Item?: Record<string, unknown> }[] };
        if (e.name === 'TransactionCanceledException' && e.CancellationReasons) {
          const reasons = e.CancellationReasons;
          // Jobs whose own items failed leave the batch and decide for themselves.
          const failed = new Map<Pending, number>();
          let offset = 1;
          batch.forEach((p, i) => {
            const n = jobItems[i]!.length;
            const idx = reasons.slice(offset, offset + n).findIndex((r) => r.Code === 'ConditionalCheckFailed');
            if (idx >= 0) failed.set(p, idx);
            offset += n;
          });
          if (reasons[0]?.Code === 'ConditionalCheckFailed') state.last = storedLast(reasons[0].Item);
          if (failed.size > 0) {
            batch = batch.filter((p) => !failed.has(p));
            const retry = await Promise.all([...failed].map(([p, idx]) => this.resolveFailure(p, idx)));
            batch.push(...retry.filter((p): p is Pending => p !== null));
            attempt--; // a job's own conflict is not contention
            continue;
          }
          const retryable = reasons.every((r) => ['None', 'ConditionalCheckFailed', 'TransactionConflict', 'ThrottlingError'].includes(r.Code ?? 'None'));
          if (!retryable) {
            if (batch.length > 1) {
              // Something in one job is invalid (e.g. too large): commit them one by one to isolate it.
              for (const p of batch) await this.commit(key, state, [p]);
              return;
            }
            batch.forEach((p) => p.reject(err));
            return;
          }
        } else if (!RETRYABLE.has(e.name ?? '')) {
          if (batch.length > 1 && e.name === 'ValidationException') {
            for (const p of batch) await this.commit(key, state, [p]);
            return;
          }
          batch.forEach((p) => p.reject(err));
          return;
        }
        await sleep(jitter(attempt, this.baseDelayMs, this.maxDelayMs));
      }
    }
  }

  private async resolveFailure(p: Pending, index: number): Promise<Pending | null> {
    try {
      const outcome = await p.job.conditionFailed(index);
      if ('retry' in outcome) return p;
      if ('error' in outcome) p.reject(outcome.error);
      else p.resolve(outcome.value);
    } catch (err) {
      p.reject(err);
    }
    return null;
  }
}

const RETRYABLE = new Set(['TransactionConflictException', 'TransactionInProgressException', 'ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

function settle(p: Pending, f: () => unknown): void {
  try {
    p.resolve(f());
  } catch (err) {
    p.reject(err);
  }
}

/** The counter value in a cancellation reason's ALL_OLD item (raw or unmarshalled); undefined = read again. */
function storedLast(item: Record<string, unknown> | undefined): number | undefined {
  const v = item?.last as { N?: string } | number | undefined;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && typeof v.N === 'string') return Number(v.N);
  return undefined;
}

/** Full jitter: a random delay up to the exponential bound. */
function jitter(attempt: number, base: number, cap: number): number {
  return Math.random() * Math.min(cap, base * 2 ** Math.min(attempt, 16));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
