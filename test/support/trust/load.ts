/**
 * Trust cases, area "load" (issue 11 part 4): many clerks registering at once over HTTP into the
 * office on ctx.url — every one answered 201, the số đến gapless with no repeat, each entry found
 * by search through its own change (the stream), before the sweep would have taken it; how many
 * within the 5 s goal is printed, a figure, not a pass mark — and real overload answered 429 with Retry-After,
 * never 503, with nothing stored for a refused request.
 *
 * Runs in the process of the office (officeParts() points at it). Search indexing follows the Data
 * table's stream: this starts the stream reader of this process for its duration if the office
 * runs without plugins (it is shared with the office's own when there is one).
 */
import { ensureKeys } from '../../../local/keys';
import { personAccessToken } from '../../../local/issuer';
import { findDemoUser, poolUser } from '../../../local/demo-users';
import { startSearchIndexing } from '../../../local/plugins/search-indexer';
import { useParts, officeParts } from '../parts';
import { dynamoRegisters } from '../dynamo-registers';
import { GaplessCounter } from '../../../shared/registers';
import { tableName } from '../../../shared/platform/aws/tables';
import { SWEEP_AFTER_MS } from '../../../shared/search/index';
import { BEFORE_SWEEP_MS, gapProblem, httpBurst, officeToday, percentile, runTag, searchLags, watchSearch } from '../register-load';
import type { TrustArea, TrustResult } from './types';
import { incomingYear } from '../store-counts';

/** Clerks registering at once. */
export const LOAD_CLERKS = 200;
/** The goal for how long a registered entry stays unsearchable (printed: a figure of the machine, not a pass mark). */
export const SEARCHABLE_GOAL_MS = 5000;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;


/** Problems with the numbering of a whole register year: per book, 1…N with no gap or repeat. */
async function registerYearProblem(year: number): Promise<string | null> {
  const byBook = new Map<string, number[]>();
  for (const e of await incomingYear(year)) byBook.set(e.book, [...(byBook.get(e.book) ?? []), e.arrivalNumber]);
  for (const [book, numbers] of byBook) {
    const p = gapProblem(numbers, 1);
    if (p) return `book ${book}: ${p}`;
  }
  return null;
}

export const run: TrustArea = async (ctx) => {
  const results: TrustResult[] = [];
  const token = await personAccessToken(await ensureKeys(ctx.dataDir), poolUser(findDemoUser('vanthu')!));
  const year = Number(officeToday().slice(0, 4));
  const indexing = await startSearchIndexing();
  try {
    // 1. Many clerks at once, and search following.
    const tag = runTag();
    const watch = watchSearch(ctx.url, token, tag);
    const burst = await httpBurst(ctx.url, token, LOAD_CLERKS, { tag });
    // Found before the sweep could have indexed it (SWEEP_AFTER_MS after the write): indexed from the stream.
    await watch.until(burst.ids, BEFORE_SWEEP_MS);
    watch.stop();
    const created = burst.statuses['201'] ?? 0;
    const gaps = gapProblem(burst.numbers) ?? (await registerYearProblem(year));
    results.push({
      area: 'load',
      name: `${LOAD_CLERKS} clerks register at once over HTTP`,
      ok: created === LOAD_CLERKS && gaps === null,
      detail:
        `${Object.entries(burst.statuses).map(([k, v]) => `${v} × ${k}`).join(', ')} in ${s(burst.wallMs)}; ` +
        `p50 ${s(percentile(burst.latencies, 50))}, p95 ${s(percentile(burst.latencies, 95))}; ` +
        `số đến ${Math.min(...burst.numbers)}…${Math.max(...burst.numbers)}, ${gaps ?? 'gapless, no repeat (whole register year checked)'}` +
        (burst.others.length ? `; e.g. ${burst.others[0]}` : ''),
    });
    const lags = searchLags(burst, watch.firstSeen);
    const unswept = lags.filter((l) => l < BEFORE_SWEEP_MS).length;
    const inGoal = lags.filter((l) => l <= SEARCHABLE_GOAL_MS).length;
    results.push({
      area: 'load',
      name: `each of the ${LOAD_CLERKS} entries is found by search from its own change, before the sweep (${SWEEP_AFTER_MS / 1000} s) would take it`,
      ok: burst.ids.length === LOAD_CLERKS && unswept === LOAD_CLERKS,
      detail: `${unswept} of ${burst.ids.length} before the sweep, ${inGoal} within the ${SEARCHABLE_GOAL_MS / 1000} s goal; after its 201 each was found in p50 ${s(percentile(lags, 50))}, p95 ${s(percentile(lags, 95))}, max ${Number.isFinite(Math.max(...lags)) ? s(Math.max(...lags)) : 'never'}`,
    });

    // 2. Real overload: a register whose queue holds one waiting registration (as DAUMOI_REGISTER_QUEUE_LIMIT=1 would make it).
    const before = (await incomingYear(year)).length;
    useParts({
      registers: dynamoRegisters({
        db: officeParts().db,
        table: tableName('Data'),
        audit: officeParts().audit,
        clock: { now: () => officeParts().clock.now() },
        config: () => officeParts().domainConfig,
        counter: new GaplessCounter(officeParts().db, tableName('Data'), { maxQueue: 1 }),
      }),
    });
    let flood;
    try {
      flood = await httpBurst(ctx.url, token, 60, { tag: runTag() });
    } finally {
      useParts({});
    }
    const after = (await incomingYear(year)).length;
    const refused = flood.statuses['429'] ?? 0;
    const ok201 = flood.statuses['201'] ?? 0;
    const fivexx = Object.entries(flood.statuses).filter(([k]) => Number(k) >= 500);
    const retryAfterOk = flood.retryAfter.every((v) => v !== null && Number(v) >= 1);
    const floodGaps = (ok201 ? gapProblem(flood.numbers) : null) ?? (await registerYearProblem(year));
    results.push({
      area: 'load',
      name: 'overload (a register queue of 1, 60 at once) is answered 429 with Retry-After, never 5xx, and a refused request stores nothing',
      ok: refused > 0 && retryAfterOk && fivexx.length === 0 && ok201 + refused === 60 && after - before === ok201 && floodGaps === null,
      detail:
        `${Object.entries(flood.statuses).map(([k, v]) => `${v} × ${k}`).join(', ')}; Retry-After ${[...new Set(flood.retryAfter)].join(', ') || 'none'}; ` +
        `entries stored ${after - before} (= the 201s: ${after - before === ok201}); numbering ${floodGaps ?? 'gapless'}` +
        (flood.others.length ? `; e.g. ${flood.others[0]}` : ''),
    });
  } finally {
    await indexing.stop();
  }
  return results;
};
