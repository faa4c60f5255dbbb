/**
 * `npm run bench -- registers [--c 1,8,32,200] [--reps 3] [--procs 4x50]`: the path a clerk's
 * registration really takes — HTTP into `npm start` (a spawned office: gateway, JWT, middy chain,
 * the gapless transaction with its audit event and search marker), with search indexing following
 * from the Data table's stream in that office — at several concurrencies, and four processes
 * (as Lambda containers) × 50 at once into the same DynamoDB Local, each next to a bare
 * TransactWriteItems loop on that DynamoDB Local (the same four items — counter, entry, audit
 * event, uniqueness claim — with no reads, no conditions and no domain work), as a ratio.
 * Prints p50/p95 latency and, for the burst of 200, how long until each entry was found by search.
 *
 * Each rate is the median of `reps` runs, HTTP and bare taking turns so that neither always runs
 * on a warmer database; every HTTP run's số đến are checked consecutive, with no repeat.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { removeDir, startOffice, type Office } from '../test/support/e2e';
import { gapProblem, httpBurst, letter, multiProcessBurst, percentile, runTag, searchLags, watchSearch, type Burst } from '../test/support/register-load';
import { SEARCHABLE_GOAL_MS } from '../test/support/trust/load';

const TARGET_RATIO = 0.7;
const TARGET_P95_MS = 5000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const option = (args: string[], flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
/** Registrations per HTTP run at each concurrency (a burst of 200 is 200 at once). */
const runSize = (c: number) => Math.max(100, Math.min(300, c * 10));

/** The environment the handlers of the spawned office read (the office's own list), from what it printed and its data dir. */
async function officeEnv(office: Office): Promise<Record<string, string>> {
  const out = office.output();
  const dynamo = /DynamoDB Local on (http:\/\/\S+)/.exec(out)?.[1];
  const s3 = /s3rver on (http:\/\/\S+)/.exec(out)?.[1];
  if (!dynamo || !s3) throw new Error(`could not find the office's DynamoDB Local and s3rver in its output:\n${out.slice(0, 2000)}`);
  const { embeddedEnv } = await import('../local/embedded');
  return { ...embeddedEnv(dynamo, s3, `${office.dataDir}/keys/jwks.json`), POWERTOOLS_LOG_LEVEL: 'SILENT' };
}

export async function run(argv: string[]): Promise<void> {
  const concurrency = (option(argv, '--c') ?? '1,8,32,200').split(',').map(Number);
  const reps = Number(option(argv, '--reps') ?? 3);
  const [procs, perProc] = (option(argv, '--procs') ?? '4x50').split('x').map(Number) as [number, number];

  const office = await startOffice({ env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
  try {
    const token = office.token('vanthu');
    // This process talks to the office's DynamoDB Local for the bare loop (and the child processes do too).
    const env = await officeEnv(office);
    Object.assign(process.env, env);
    const { documentClient } = await import('../shared/platform/aws/dynamodb-client');
    const { tableName } = await import('../shared/platform/aws/tables');
    const db = documentClient();
    const { DynamoSearchOutbox } = await import('../shared/search/adapters/dynamo-search-outbox');
    const outbox = new DynamoSearchOutbox(db, tableName('Data'));
    /** Waits until indexing has caught up with every earlier registration (no search marker left). */
    const indexingCaughtUp = async () => {
      const t0 = performance.now();
      while ((await outbox.pending(new Date(Date.now() + 60_000), 1)).length && performance.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 200));
      return performance.now() - t0;
    };

    const sample = { ...letter('TBARE', 0, '2026-06-14'), arrivalNumber: 0, register: 'incoming', book: 'normal', version: 1, createdBy: 'vanthu', status: 'registered' };
    const bareItems = (run: string, i: number) => {
      const id = `${run}-${i}`;
      const at = new Date().toISOString();
      const entry = { ...sample, id, arrivalNumber: i + 1 };
      return [
        { Update: { TableName: tableName('Data'), Key: { pk: `COUNTER#bare-${run}`, sk: 'COUNTER' }, UpdateExpression: 'ADD #last :one', ExpressionAttributeNames: { '#last': 'last' }, ExpressionAttributeValues: { ':one': 1 } } },
        { Put: { TableName: tableName('Data'), Item: { pk: `BAREENTRY#${id}`, sk: 'ENTRY', gsi1pk: `BARE#${run}`, gsi1sk: String(i).padStart(9, '0'), secrecyRank: 0, ...entry } } },
        {
          Put: {
            TableName: tableName('Audit'),
            Item: { pk: `BENCH#${id}`, sk: `${at}#${id}`, gsi1pk: `BENCH#${at.slice(0, 7)}`, gsi1sk: `${at}#${id}`, eventId: id, at, actor: 'vanthu', action: 'register.register', entityType: 'incoming-entry', entityId: id, before: null, after: entry },
          },
        },
        { Put: { TableName: tableName('Data'), Item: { pk: `REGUNIQUE#bench#${id}`, sk: 'UNIQUE', entryId: id, register: 'incoming', secrecyRank: 0, createdAt: at } } },
      ];
    };
    /** `n` bare transactions, `c` at a time; per second, and latencies. */
    const bare = async (n: number, c: number): Promise<{ rate: number; latencies: number[] }> => {
      const run = `r${Date.now()}-${c}-${Math.floor(Math.random() * 1e6)}`;
      const latencies: number[] = [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: Math.min(c, n) }, async () => {
          while (next < n) {
            const i = next++;
            const t = performance.now();
            for (;;) {
              try {
                await db.send(new TransactWriteCommand({ TransactItems: bareItems(run, i) as never }));
                break;
              } catch (err) {
                if ((err as Error).name !== 'TransactionCanceledException' && (err as Error).name !== 'TransactionConflictException') throw err;
              }
            }
            latencies.push(performance.now() - t);
          }
        }),
      );
      return { rate: n / ((performance.now() - t0) / 1000), latencies };
    };
    const http = async (n: number, c: number): Promise<Burst & { rate: number }> => {
      const b = await httpBurst(office.url, token, n, { tag: runTag(), concurrency: c });
      if (b.statuses['201'] !== n) throw new Error(`registrations failed at concurrency ${c}: ${JSON.stringify(b.statuses)} ${b.others[0] ?? ''}`);
      const gap = gapProblem(b.numbers);
      if (gap) throw new Error(`numbering at concurrency ${c}: ${gap}`);
      return { ...b, rate: n / (b.wallMs / 1000) };
    };

    // Warm up: the office's handlers and DynamoDB Local's JVM (its first few hundred requests run slower).
    await http(200, 8);
    await bare(200, 8);

    console.log(`\nregisters bench — HTTP into npm start (indexing from the stream, audit in the transaction), DynamoDB Local on disk, median of ${reps}\n`);
    console.log('case              │ bare TWI/s │ HTTP reg/s  ratio │ HTTP p50    p95 │ bare p95');
    console.log('──────────────────┼────────────┼───────────────────┼─────────────────┼─────────');
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const row = (name: string, b: number, a: number, lat: number[], bareLat: number[]) =>
      console.log(`${name.padEnd(17)} │ ${b.toFixed(1).padStart(10)} │ ${a.toFixed(1).padStart(10)}  ${(a / b).toFixed(2).padStart(5)} │ ${ms(percentile(lat, 50)).padStart(7)} ${ms(percentile(lat, 95)).padStart(7)} │ ${ms(percentile(bareLat, 95)).padStart(7)}`);
    const ratios: Record<number, number> = {};
    const p95s: Record<number, number> = {};
    let burst200: (Burst & { rate: number }) | undefined;
    let lags: number[] = [];
    let caughtUpMs = 0;
    for (const c of concurrency) {
      const n = c >= 200 ? c : runSize(c);
      const bareRates: number[] = [];
      const httpRates: number[] = [];
      const lat: number[] = [];
      const bareLat: number[] = [];
      for (let rep = 0; rep < reps; rep++) {
        const doBare = async () => {
          const r = await bare(n, c);
          bareRates.push(r.rate);
          bareLat.push(...r.latencies);
        };
        const doHttp = async () => {
          let b: Burst;
          if (c >= 200 && rep === reps - 1) {
            // The last burst: watch search meanwhile, to see when each entry becomes findable, once
            // indexing has caught up with the runs before (the bare loop's conflicts slow it down).
            caughtUpMs = await indexingCaughtUp();
            const tag = runTag();
            const w = watchSearch(office.url, token, tag);
            b = await httpBurst(office.url, token, n, { tag, concurrency: c });
            if (b.statuses['201'] !== n) throw new Error(`registrations failed at concurrency ${c}: ${JSON.stringify(b.statuses)} ${b.others[0] ?? ''}`);
            const gap = gapProblem(b.numbers);
            if (gap) throw new Error(`numbering at concurrency ${c}: ${gap}`);
            await w.until(b.ids, 30_000);
            w.stop();
            lags = searchLags(b, w.firstSeen);
            burst200 = { ...b, rate: n / (b.wallMs / 1000) };
          } else b = await http(n, c);
          httpRates.push(n / (b.wallMs / 1000));
          lat.push(...b.latencies);
        };
        if (rep % 2 === 0) {
          await doBare();
          await doHttp();
        } else {
          await doHttp();
          await doBare();
        }
      }
      ratios[c] = median(httpRates) / median(bareRates);
      p95s[c] = percentile(lat, 95);
      row(`${c} at a time`, median(bareRates), median(httpRates), lat, bareLat);
    }

    // Several processes (Lambda containers), each with its own composition, into one DynamoDB Local.
    {
      const n = procs * perProc;
      const bareRates: number[] = [];
      const rates: number[] = [];
      const lat: number[] = [];
      const bareLat: number[] = [];
      for (let rep = 0; rep < reps; rep++) {
        const b = await multiProcessBurst(env, { processes: procs, perProcess: perProc, year: 2090 + rep, tag: runTag() });
        if (b.statuses['201'] !== n) throw new Error(`multi-process registrations failed: ${JSON.stringify(b.statuses)} ${b.others[0] ?? ''}`);
        const gap = gapProblem(b.numbers, 1) ?? (new Set(b.ids).size === n ? null : 'repeated ids');
        if (gap) throw new Error(`multi-process numbering: ${gap}`);
        rates.push(n / (b.wallMs / 1000));
        lat.push(...b.latencies);
        const r = await bare(n, n);
        bareRates.push(r.rate);
        bareLat.push(...r.latencies);
      }
      row(`${procs} procs × ${perProc}`, median(bareRates), median(rates), lat, bareLat);
      console.log(`  (each process: its own composition, warm, calling the registers handler; every run numbered 1…${n}, no repeat)`);
    }

    console.log('');
    if (burst200 && lags.length) {
      const found = lags.filter(Number.isFinite);
      console.log(
        `search: of the last burst of ${burst200.ids.length}, ${found.length} found by search; after its 201 each was found in p50 ${ms(percentile(found, 50))}, p95 ${ms(percentile(found, 95))}, ` +
          `the last ${Number.isFinite(Math.max(...lags)) ? ms(Math.max(...lags)) : 'never (30 s)'} after its own 201 ` +
          `(the burst started once indexing had caught up with the runs before: waited ${ms(caughtUpMs)})`,
      );
      const inGoal = lags.filter((l) => l <= SEARCHABLE_GOAL_MS).length;
      console.log(`search within ${SEARCHABLE_GOAL_MS / 1000} s of the 201: ${inGoal} of ${lags.length} (goal: all) — ${inGoal === lags.length ? 'met' : 'NOT met'}`);
    }
    if (ratios[32] !== undefined) console.log(`ratio at 32: ${ratios[32].toFixed(2)} (goal ≥ ${TARGET_RATIO}) — ${ratios[32] >= TARGET_RATIO ? 'met' : 'NOT met'}`);
    if (p95s[200] !== undefined) console.log(`p95 at 200 at once: ${ms(p95s[200])} (goal ≤ ${TARGET_P95_MS} ms) — ${p95s[200] <= TARGET_P95_MS ? 'met' : 'NOT met'}`);
    console.log('every HTTP run: all 201, số đến consecutive with no repeat\n');
  } finally {
    await office.stop();
    removeDir(office.dataDir);
  }
}
