/**
 * `npm run bench -- reports [--orgs 50] [--per-org 10] [--periods 5]`: every organisation's client
 * submits its reports all at once over HTTP to the embedded office (gateway → Lambda handler →
 * DynamoDB Local), then the office's API is read back to prove that none was lost and none
 * duplicated. Each organisation spreads its submissions over `--periods` months, so the burst both
 * creates reports and races for their next version.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '../local/embedded';
import { findDemoUser, poolUser } from '../local/demo-users';
import { personAccessToken } from '../local/issuer';

interface Args {
  orgs: number;
  perOrg: number;
  periods: number;
}

function parseArgs(args: string[]): Args {
  const get = (flag: string, fallback: number) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  return { orgs: get('--orgs', 50), perOrg: get('--per-org', 10), periods: get('--periods', 5) };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-bench-reports-'));
  const office = await startEmbedded({ dataDir: dir, inMemory: true, port: 0, plugins: false });
  try {
    const url = office.url!;
    const admin = await personAccessToken(office.keys, poolUser(findDemoUser('admin')!));
    let networkRetries = 0;
    /**
     * One API call. A connection reset (the embedded server closing a kept-alive socket while the
     * event loop is busy) is retried as a real client would: with the same Idempotency-Key, so a
     * retry can never make a second record. Retries are counted and printed.
     */
    const call = async (method: string, p: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> => {
      for (let attempt = 1; ; attempt++) {
        try {
          const r = await fetch(`${url}${p}`, {
            method,
            headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
            body: body !== undefined ? JSON.stringify(body) : undefined,
          });
          return { status: r.status, body: (await r.json()) as any };
        } catch (err) {
          const code = ((err as Error).cause as { code?: string } | undefined)?.code;
          const safe = method === 'GET' || 'idempotency-key' in headers || !p.startsWith('/v1/reports');
          if (attempt >= 3 || code !== 'ECONNRESET' || !safe) throw err;
          networkRetries++;
        }
      }
    };

    // Periods that have ended, whatever today is: the months before the current one.
    const now = new Date();
    const periods = Array.from({ length: args.periods }, (_, i) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - i, 15));
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    });
    const TYPE = 'BC-THANG';
    const setupStart = performance.now();
    const t = await call('POST', '/v1/report-types', admin, {
      code: TYPE,
      name: 'Báo cáo tháng',
      period: 'monthly',
      dueDay: 5,
      dataSchema: { type: 'object', required: ['dangVien'], properties: { dangVien: { type: 'integer', minimum: 0 }, ketNapMoi: { type: 'integer', minimum: 0 } } },
    });
    if (t.status !== 201) throw new Error(`report type: ${t.status} ${JSON.stringify(t.body)}`);
    const orgIds = Array.from({ length: args.orgs }, (_, i) => `dv-${String(i + 1).padStart(3, '0')}`);
    const tokens = new Map<string, string>();
    await Promise.all(
      orgIds.map(async (id) => {
        const o = await call('POST', '/v1/orgs', admin, { id, name: `Chi bộ ${id}` }, { 'idempotency-key': `org-${id}` });
        if (o.status !== 201) throw new Error(`org ${id}: ${o.status} ${JSON.stringify(o.body)}`);
        const c = await call('POST', `/v1/orgs/${id}/clients`, admin);
        const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: c.body.clientId, client_secret: c.body.clientSecret });
        const tr = await fetch(`${url}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }).catch(() =>
          fetch(`${url}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }),
        );
        tokens.set(id, ((await tr.json()) as { access_token: string }).access_token);
      }),
    );
    console.log(`setup: ${args.orgs} organisations with a client each in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

    // The burst: every submission at once, each with its own Idempotency-Key.
    const jobs = orgIds.flatMap((org) =>
      Array.from({ length: args.perOrg }, (_, k) => ({ org, key: `${org}-${k}`, body: { reportType: TYPE, period: periods[k % periods.length]!, title: `Báo cáo ${org} lần ${k}`, data: { dangVien: 100 + k, ketNapMoi: k } } })),
    );
    const latencies: number[] = [];
    const t0 = performance.now();
    const receipts = await Promise.all(
      jobs.map(async (j) => {
        const s = performance.now();
        const r = await call('POST', '/v1/reports', tokens.get(j.org)!, j.body, { 'idempotency-key': j.key });
        latencies.push(performance.now() - s);
        return { ...j, ...r };
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const failed = receipts.filter((r) => r.status !== 201);

    // Replays of the first submission of every organisation: they must create nothing.
    const replays = await Promise.all(orgIds.map((org) => call('POST', '/v1/reports', tokens.get(org)!, jobs.find((j) => j.org === org)!.body, { 'idempotency-key': `${org}-0` })));

    // Read everything back through the office's API.
    const vanthu = await personAccessToken(office.keys, poolUser(findDemoUser('vanthu')!));
    const heads: { id: string; orgId: string; period: string; latestVersion: number }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: typeof heads; nextCursor: string | null } } = await call('GET', `/v1/reports?reportType=${TYPE}&limit=200${cursor ? `&cursor=${cursor}` : ''}`, vanthu);
      heads.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    let storedVersions = 0;
    let gaps = 0;
    for (const h of heads) {
      const full = await call('GET', `/v1/reports/${h.id}`, vanthu);
      const versions = (full.body.versions as { version: number }[]).map((v) => v.version);
      storedVersions += versions.length;
      if (versions.some((v, i) => v !== i + 1) || versions.length !== h.latestVersion) gaps++;
    }
    const pairs = new Set(receipts.filter((r) => r.status === 201).map((r) => `${r.body.id}#${r.body.version}`));
    const expectedHeads = args.orgs * Math.min(args.periods, args.perOrg);
    const lost = jobs.length - storedVersions;
    const duplicated = receipts.length - failed.length - pairs.size;
    const replayOk = replays.every((r, i) => r.status === 201 && r.body.id === receipts.find((x) => x.key === `${orgIds[i]}-0`)!.body.id && r.body.version === receipts.find((x) => x.key === `${orgIds[i]}-0`)!.body.version);

    latencies.sort((a, b) => a - b);
    console.log(`\nreports bench — ${jobs.length} submissions from ${args.orgs} organisations at once (${args.perOrg} each over ${args.periods} months), embedded over HTTP`);
    console.log(`  wall time            ${seconds.toFixed(2)} s`);
    console.log(`  submissions/s        ${(jobs.length / seconds).toFixed(1)}`);
    console.log(`  latency ms           p50 ${pct(latencies, 50).toFixed(0)}  p95 ${pct(latencies, 95).toFixed(0)}  max ${latencies[latencies.length - 1]!.toFixed(0)}`);
    console.log(`  answered 201         ${receipts.length - failed.length}/${jobs.length}${failed.length ? `  (others: ${[...new Set(failed.map((f) => `${f.status} ${f.body?.error?.code}`))].join(', ')})` : ''}`);
    console.log(`  reports stored       ${heads.length} (expected ${expectedHeads})`);
    console.log(`  versions stored      ${storedVersions} (expected ${jobs.length}); reports with a gap or repeat: ${gaps}`);
    console.log(`  lost                 ${lost}`);
    console.log(`  duplicated           ${duplicated}`);
    console.log(`  network retries      ${networkRetries} (connection resets, resent with the same Idempotency-Key)`);
    console.log(`  idempotent replays   ${replays.length} sent, ${replayOk ? 'all answered with the first receipt' : 'SOME MADE SOMETHING NEW'}`);
    const ok = failed.length === 0 && lost === 0 && duplicated === 0 && gaps === 0 && heads.length === expectedHeads && replayOk;
    console.log(ok ? '  result               OK: none lost, none duplicated' : '  result               FAILED');
    if (!ok) process.exitCode = 1;
  } finally {
    await office.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
