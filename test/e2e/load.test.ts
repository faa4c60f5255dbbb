/**
 * Registration under load (issue 11 part 4): 200 clerks at once over HTTP into `npm start`; four
 * processes (as Lambda containers) × 50 at once into one DynamoDB Local; overload answered 429
 * with Retry-After; and the trust cases of the area, which the reliability bench prints.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startOffice, type Office } from '../support/e2e';
import { BEFORE_SWEEP_MS, gapProblem, httpBurst, multiProcessBurst, percentile, runTag, searchLags, watchSearch } from '../support/register-load';

describe('npm start under load', () => {
  let office: Office;
  let token: string;
  beforeAll(async () => {
    office = await startOffice();
    token = office.token('vanthu');
    // An office that has been up a moment: DynamoDB Local's JVM compiles its hot paths during the
    // first few hundred requests (a first burst on a cold one runs about twice as slow). The warm-up
    // numbers outgoing documents (3 × 50 at once), so the incoming register starts at 1 for the burst.
    for (let round = 0; round < 3; round++) {
      const tag = runTag();
      const ids = await Promise.all(
        Array.from({ length: 50 }, (_, k) =>
          fetch(`${office.url}/v1/registers/outgoing/entries`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ typeCode: 'CV', issuerCode: 'VPTU', subject: `V/v chuẩn bị hội nghị, đợt ${tag.toLowerCase()} số ${k}`, signer: 'Trần Thị B', secrecy: null }),
          }).then(async (r) => ((await r.json()) as { id: string }).id),
        ),
      );
      const watch = watchSearch(office.url, token, tag);
      await watch.until(ids, 15_000);
      watch.stop();
    }
  });
  afterAll(async () => {
    await office.stop();
    removeDir(office.dataDir);
  });

  // How soon search finds each entry is a figure of the machine (`npm run bench -- registers` prints
  // it against the 5 s goal); what this test holds is that indexing follows from each entry's own
  // change: every one is found before the sweep, SWEEP_AFTER_MS after its write, could have indexed it.
  it('200 clerks registering at once all get 201, numbered 1…200 with no gap or repeat, each found by search from its own change, before the sweep', async () => {
    const tag = runTag();
    const watch = watchSearch(office.url, token, tag);
    const burst = await httpBurst(office.url, token, 200, { tag });
    await watch.until(burst.ids, BEFORE_SWEEP_MS);
    watch.stop();
    const lags = searchLags(burst, watch.firstSeen);
    console.info(
      `200 at once: ${JSON.stringify(burst.statuses)} in ${burst.wallMs.toFixed(0)} ms, p50 ${percentile(burst.latencies, 50).toFixed(0)} ms, p95 ${percentile(burst.latencies, 95).toFixed(0)} ms; ` +
        `found by search after p50 ${percentile(lags, 50).toFixed(0)} ms, max ${Math.max(...lags).toFixed(0)} ms`,
    );
    expect(burst.others).toEqual([]);
    expect(burst.statuses).toEqual({ 201: 200 });
    expect(gapProblem(burst.numbers, 1)).toBeNull();
    expect(burst.numbers.length).toBe(200);
    expect(lags.filter((l) => !(l < BEFORE_SWEEP_MS))).toEqual([]);
  });
});

describe('overload', () => {
  it('is answered 429 with Retry-After, never 5xx, and a refused registration stores nothing', async () => {
    // A register queue of one waiting registration: 40 at once cannot all wait.
    const office = await startOffice({ env: { DAUMOI_REGISTER_QUEUE_LIMIT: '1' } });
    try {
      const token = office.token('vanthu');
      const burst = await httpBurst(office.url, token, 40, { tag: runTag() });
      console.info(`40 at once, queue limit 1: ${JSON.stringify(burst.statuses)}, Retry-After ${[...new Set(burst.retryAfter)].join(', ')}`);
      expect(burst.others).toEqual([]);
      expect(Object.keys(burst.statuses).sort()).toEqual(['201', '429']);
      for (const v of burst.retryAfter) expect(Number(v)).toBeGreaterThanOrEqual(1);
      expect(gapProblem(burst.numbers, 1)).toBeNull();
      const year = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 4);
      const counts = await fetch(`${office.url}/v1/registers/incoming/counts?year=${year}`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await counts.json()) as { total: number }).total).toBe(burst.statuses['201']);
    } finally {
      await office.stop();
      removeDir(office.dataDir);
    }
  });
});

describe('an embedded office in this process (one DynamoDB Local)', () => {
  let dir: string;
  let office: Awaited<ReturnType<typeof import('../../local/embedded').startEmbedded>>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-e2e-load-'));
    const { startEmbedded } = await import('../../local/embedded');
    // The gateway's functions composed with the test parts, so that the overload case's register store reaches them.
    const { composed } = await import('../support/parts');
    office = await startEmbedded({ dataDir: dir, inMemory: true, port: 0, plugins: false, handlers: composed });
  });
  afterAll(async () => {
    await office?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('4 processes × 50 registrations at once all succeed, numbered 1…200, no gap, no repeat', async () => {
    const burst = await multiProcessBurst(office.env, { processes: 4, perProcess: 50, year: 2091, tag: runTag() });
    console.info(`4 × 50: ${JSON.stringify(burst.statuses)} in ${burst.wallMs.toFixed(0)} ms, p95 ${percentile(burst.latencies, 95).toFixed(0)} ms`);
    expect(burst.others).toEqual([]);
    expect(burst.statuses).toEqual({ 201: 200 });
    expect(new Set(burst.ids).size).toBe(200);
    expect(gapProblem(burst.numbers, 1)).toBeNull();
  });

  it('trust cases, load: every case holds', async () => {
    const { run } = await import('../support/trust/load');
    const results = await run({ url: office.url!, dataDir: dir });
    for (const r of results) console.info(`${r.ok ? '✓' : '✗'} ${r.name}: ${r.detail}`);
    expect(results.length).toBe(3);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });
});
