/**
 * `npm run bench -- assignments [--count 20000] [--depts 40] [--requests 20]`: a year of assignments
 * (given evenly over its twelve months to 40 departments and three people in each, a tenth of them
 * Mật, most done on time, some late, some open or overdue, some extended) is imported into the
 * embedded office's DynamoDB Local with the module's own store (each assignment and the running totals and open rows the
 * stats read, as every write stores them; no history or audit), then `GET /v1/assignments/stats` is asked over HTTP (gateway → Lambda
 * handler → DynamoDB Local), for the year, a quarter and a month, by person and by department, and
 * the latencies printed. The year's answer is checked against the counts made while seeding.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { startEmbedded } from '../local/embedded';
import { findDemoUser, poolUser } from '../local/demo-users';
import { personAccessToken } from '../local/issuer';
import { platformFromEnv } from '../shared/platform/platform';
import { officeConfig, localDate } from '../shared/office/index';
import { DynamoAssignmentStore, type Assignment } from '../shared/assignments/index';

const arg = (args: string[], flag: string, fallback: number) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function run(argv: string[]): Promise<void> {
  const count = arg(argv, '--count', 20_000);
  const depts = arg(argv, '--depts', 40);
  const requests = arg(argv, '--requests', 20);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-bench-assignments-'));
  const office = await startEmbedded({ dataDir: dir, inMemory: true, port: 0, plugins: false });
  try {
    const platform = platformFromEnv();
    const store = new DynamoAssignmentStore(platform.db, platform.table('Data'));
    const tz = officeConfig().office.timeZone;
    const year = new Date().getUTCFullYear() - 1;
    const now = new Date();
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const deptCodes = Array.from({ length: depts }, (_, i) => `BAN${String(i + 1).padStart(2, '0')}`);
    const counts = () => ({ assigned: 0, doneOnTime: 0, doneLate: 0, open: 0, overdue: 0, extensions: 0 });
    /** What a reader cleared for Mật (chanhvp) must be told, and one who is not (chuyenvien2). */
    const expected = { cleared: counts(), plain: counts() };
    const by = { sub: 'user-chanhvp', username: 'chanhvp' };

    const make = (k: number): Assignment => {
      const assignedAt = new Date(Date.UTC(year, 0, 1, 2) + Math.floor((k / count) * 364 * 86_400_000));
      const dueAt = new Date(assignedAt.getTime() + (5 + Math.floor(rand() * 20)) * 86_400_000);
      const dept = deptCodes[k % depts]!;
      const assignee = rand() < 0.5 ? { dept } : { user: `cv-${dept.toLowerCase()}-${k % 3}` };
      const r = rand();
      const done = r < 0.8;
      const doneAt = done ? new Date(dueAt.getTime() + (r < 0.65 ? -1 : 2) * 86_400_000) : null;
      const extensions = rand() < 0.1 ? 1 : 0;
      const secrecy = rand() < 0.1 ? ('mat' as const) : null;
      for (const e of secrecy ? [expected.cleared] : [expected.cleared, expected.plain]) {
        e.assigned++;
        e.extensions += extensions;
        if (doneAt) e[doneAt <= dueAt ? 'doneOnTime' : 'doneLate']++;
        else {
          e.open++;
          if (now > dueAt) e.overdue++;
        }
      }
      const dueDate = localDate(dueAt, tz);
      return {
        id: ulid(assignedAt.getTime()),
        title: `Tham mưu giải quyết văn bản số ${k + 1}`,
        origin: { type: 'letter', ref: `entry-${k}`, letter: { entryId: `entry-${k}`, arrivalNumber: k + 1, arrivalDate: localDate(assignedAt, tz), issuer: 'Ban Tổ chức Tỉnh ủy', numberSymbol: `${k + 1}-CV/BTCTU`, documentDate: localDate(assignedAt, tz), typeName: 'Công văn', subject: `về việc số ${k + 1}` } },
        instruction: 'Giao chủ trì tham mưu, báo cáo kết quả',
        groupId: null,
        role: 'lead',
        assignee,
        assigneeDept: dept,
        cooperating: [],
        dueDate,
        dueAt: dueAt.toISOString(),
        originalDueDate: dueDate,
        secrecy,
        status: done ? 'done' : 'open',
        assignedAt: assignedAt.toISOString(),
        assignedDate: localDate(assignedAt, tz),
        assignedBy: by,
        doneAt: doneAt?.toISOString() ?? null,
        onTime: doneAt ? doneAt <= dueAt : null,
        result: done ? 'Đã giải quyết' : null,
        replyEntryId: null,
        progress: 'Đang tổng hợp ý kiến',
        extension: null,
        extensions,
        version: 2,
        updatedAt: assignedAt.toISOString(),
        updatedBy: by,
      };
    };

    const t0 = performance.now();
    const all = Array.from({ length: count }, (_, k) => make(k));
    await Promise.all(Array.from({ length: 4 }, (_, w) => store.importAll(all.filter((_a, k) => k % 4 === w))));
    console.log(`seeded ${count} assignments of ${year} over ${depts} departments in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const token = await personAccessToken(office.keys, poolUser(findDemoUser('chanhvp')!));
    const uncleared = await personAccessToken(office.keys, poolUser(findDemoUser('chuyenvien2')!));
    const ask = async (query: string, as = token) => {
      const s = performance.now();
      const r = await fetch(`${office.url}/v1/assignments/stats?${query}`, { headers: { authorization: `Bearer ${as}` } });
      const body = (await r.json()) as { items: Record<string, number>[] };
      if (r.status !== 200) throw new Error(`stats ${query}: ${r.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - s, body };
    };
    await ask(`period=${year}&by=dept`); // the function's cold start is not what is measured
    console.log(`\nassignments stats bench — ${count} assignments of one year, ${depts} departments, embedded over HTTP, ${requests} requests each`);
    let ok = true;
    const sums = (items: Record<string, number>[]) => Object.fromEntries(Object.keys(counts()).map((k) => [k, items.reduce((s, l) => s + (l[k] ?? 0), 0)]));
    const check = (who: string, items: Record<string, number>[], want: ReturnType<typeof counts>) => {
      const got = sums(items);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        console.log(`  counts for ${who} differ: got ${JSON.stringify(got)}, seeded ${JSON.stringify(want)}`);
        ok = false;
      }
    };
    for (const [label, query] of [
      ['year, by dept', `period=${year}&by=dept`],
      ['year, by user', `period=${year}&by=user`],
      ['quarter, by dept', `period=${year}-Q4&by=dept`],
      ['quarter, by user', `period=${year}-Q4&by=user`],
      ['month, by dept', `period=${year}-11&by=dept`],
      ['month, by user', `period=${year}-11&by=user`],
    ] as const) {
      const times: number[] = [];
      let last: Record<string, number>[] = [];
      for (let i = 0; i < requests; i++) {
        const r = await ask(query);
        times.push(r.ms);
        last = r.body.items;
      }
      times.sort((a, b) => a - b);
      console.log(`  ${label.padEnd(18)} p50 ${pct(times, 50).toFixed(0).padStart(5)} ms   p95 ${pct(times, 95).toFixed(0).padStart(5)} ms   max ${times[times.length - 1]!.toFixed(0).padStart(5)} ms   (${last.length} lines)`);
      if (pct(times, 95) > 1000) ok = false;
      if (label.startsWith('year')) {
        check('chanhvp (tối mật)', last, expected.cleared);
      }
    }
    const plain = await ask(`period=${year}&by=dept`, uncleared);
    check('chuyenvien2 (no clearance)', plain.body.items, expected.plain);
    console.log(`  year's totals        ${JSON.stringify(sums(plain.body.items))} without clearance, ${JSON.stringify(expected.cleared)} with Mật`);
    console.log(ok ? '  result             OK: every period in ≤ 1 s p95, counts of the year as seeded' : '  result             FAILED');
    if (!ok) process.exitCode = 1;
  } finally {
    await office.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
