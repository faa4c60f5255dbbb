/** Item counts of the tables a request may write (Scan with Select COUNT), to prove a rejected request stored nothing. */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { dynamoClient } from '../../shared/platform/aws/dynamodb-client';
import { tableName } from '../../shared/platform/aws/tables';
import { officeParts } from './parts';
import type { Caller } from '../../shared/platform/security';
import type { IncomingEntryView } from '../../shared/registers';

export const COUNTED_TABLES = ['Data', 'Search', 'Audit'] as const;
export type StoreCounts = Record<(typeof COUNTED_TABLES)[number], number>;

async function countItems(table: string): Promise<number> {
  let n = 0;
  let start: Record<string, never> | undefined;
  do {
    const r = await dynamoClient().send(new ScanCommand({ TableName: table, Select: 'COUNT', ConsistentRead: true, ExclusiveStartKey: start }));
    n += r.Count ?? 0;
    start = r.LastEvaluatedKey as typeof start;
  } while (start);
  return n;
}

export async function storeCounts(): Promise<StoreCounts> {
  const counts = await Promise.all(COUNTED_TABLES.map((t) => countItems(tableName(t))));
  return Object.fromEntries(COUNTED_TABLES.map((t, i) => [t, counts[i]!])) as StoreCounts;
}

/** The tables whose count differs, as `Data +1`; empty when none. */
export function countChanges(before: StoreCounts, after: StoreCounts): string[] {
  return COUNTED_TABLES.filter((t) => before[t] !== after[t]).map((t) => `${t} ${after[t] - before[t] > 0 ? '+' : ''}${after[t] - before[t]}`);
}

/**
 * Counts once nothing writes any more: background work (a draft's workflow steps) settles
 * within a few ticks; three equal readings in a row end the wait.
 */
export async function settledCounts(opts: { gapMs?: number; timeoutMs?: number } = {}): Promise<StoreCounts> {
  const gap = opts.gapMs ?? 60;
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  let last = await storeCounts();
  let same = 1;
  while (same < 3 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, gap));
    const now = await storeCounts();
    same = countChanges(last, now).length ? 1 : same + 1;
    last = now;
  }
  return last;
}

/** Reads registers for checks: every book and secrecy level. */
const AUDITOR: Caller = { sub: 'system:checks', username: 'checks', roles: ['van-thu'], clearance: 'tuyet-mat' };

/** Every entry of an incoming register year (all books, every secrecy), in số đến order. */
export async function incomingYear(year: number): Promise<IncomingEntryView[]> {
  const out: IncomingEntryView[] = [];
  let cursor: string | undefined;
  do {
    const page = await officeParts().registers.listIncoming({ year, limit: 200, ...(cursor ? { cursor } : {}) }, AUDITOR);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
