/**
 * Gapless numbers (số đến, số đi): a number is taken if and only if the items that use it are
 * written, in the same transaction (adapters/gapless-counter.ts on DynamoDB).
 */

/** What a job wants when one of its items fails its condition. */
export type ConditionOutcome<R> = { error: Error } | { value: R } | { retry: true };

export interface CounterJob<R> {
  /** Keys (pk|sk) of the items this job writes besides its entry; jobs sharing a key never go in one transaction. */
  keys: string[];
  /** Number of transaction items `items()` returns. */
  size: number;
  /** The items to write when the job gets number `n` (called again on every attempt). */
  items(n: number): unknown[];
  /** The job's result once its items are stored with number `n`. */
  done(n: number): R;
  /** Item `index` (of `items()`) failed its condition: reject, resolve with another value (a replay), or retry. */
  conditionFailed(index: number): Promise<ConditionOutcome<R>>;
}

export interface EntryNumbers {
  /** Takes the next number of counter `key` for the job, writing its items with it. */
  take<R>(key: string, job: CounterJob<R>): Promise<R>;
}
