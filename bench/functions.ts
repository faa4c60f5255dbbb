/**
 * `npm run bench` (or `-- functions`): for each API function, the bundle size (minified, as CDK
 * builds it) and the time to import it and answer a first request, in a fresh Node process
 * each run, against embedded DynamoDB Local. Prints the median of several runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { API_FUNCTIONS } from '../shared/api/route';
import { ROUTES } from '../shared/api/routes/index';
import { startEmbedded } from '../local/embedded';
import { ensureKeys, signToken } from '../local/keys';
import { DEMO_USERS, userClaims } from '../local/demo-users';
import { REPO_ROOT } from '../local/paths';

const RUNS = 5;
const SIZE_TARGET_KB = 500;
const COLD_TARGET_MS = 150;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The same bundling CDK applies in infra/constructs/daumoi-function.ts. */
async function bundle(fn: string, outDir: string): Promise<{ file: string; bytes: number }> {
  const outfile = path.join(outDir, `${fn}.mjs`);
  const r = await esbuild.build({
    entryPoints: [path.join(REPO_ROOT, 'functions', `${fn}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    banner: { js: "import { createRequire as __daumoiCreateRequire } from 'module'; const require = __daumoiCreateRequire(import.meta.url);" },
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  return { file: outfile, bytes: r.metafile.outputs[path.relative(process.cwd(), outfile)]?.bytes ?? Object.values(r.metafile.outputs)[0]!.bytes };
}

/** A script that imports the bundle and answers one request, printing the elapsed milliseconds. */
function probeScript(bundleFile: string, event: unknown): string {
  return `
const t0 = performance.now();
const { handler } = await import(${JSON.stringify(bundleFile)});
const ctx = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 29000 };
const res = await handler(${JSON.stringify(event)}, ctx);
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, status: res.statusCode }));
`;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-bench-fn-'));
  const outDir = mkdtempSync(path.join(REPO_ROOT, '.bench-'));
  const office = await startEmbedded({ dataDir: dir, inMemory: true, plugins: false });
  try {
    const keys = await ensureKeys(dir);
    const rows: string[][] = [];
    let ok = true;
    for (const fn of API_FUNCTIONS) {
      const routes = ROUTES.filter((r) => r.fn === fn);
      if (!routes.length) continue;
      // Bundles live inside the repository so that the external AWS SDK resolves from
      // node_modules, as it does from the Lambda runtime.
      const { file, bytes } = await bundle(fn, outDir);
      const route = routes.find((r) => r.method === 'GET') ?? routes[0]!;
      const user = DEMO_USERS.find((u) => !route.roles || route.roles.some((r) => u.roles.includes(r))) ?? DEMO_USERS[0]!;
      const token = await signToken(keys, userClaims(user));
      const pathParams = Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, 'bench']));
      const event = {
        resource: route.path,
        path: route.path.replace(/\{(\w+)\}/g, 'bench'),
        httpMethod: route.method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        queryStringParameters: null,
        pathParameters: Object.keys(pathParams).length ? pathParams : null,
        body: route.method === 'GET' ? null : '{}',
        isBase64Encoded: false,
        requestContext: { requestId: 'bench' },
      };
      const probe = path.join(outDir, `${fn}.probe.mjs`);
      writeFileSync(probe, probeScript(file, event));
      const times: number[] = [];
      let status = 0;
      for (let i = 0; i < RUNS; i++) {
        const r = spawnSync(process.execPath, [probe], { env: { ...process.env, ...office.env, POWERTOOLS_LOG_LEVEL: 'SILENT' }, encoding: 'utf8', cwd: REPO_ROOT });
        if (r.status !== 0) throw new Error(`${fn}: probe failed\n${r.stderr}`);
        const out = JSON.parse(r.stdout) as { ms: number; status: number };
        times.push(out.ms);
        status = out.status;
      }
      const kb = bytes / 1024;
      const ms = median(times);
      const pass = kb <= SIZE_TARGET_KB && ms <= COLD_TARGET_MS && status < 500;
      ok &&= pass;
      rows.push([fn, kb.toFixed(0), ms.toFixed(0), `${route.method} ${route.path} → ${status}`, pass ? 'ok' : 'OVER']);
    }
    const head = ['function', 'size KB (min)', `first request ms (median of ${RUNS})`, 'request', `target ≤${SIZE_TARGET_KB} KB, ≤${COLD_TARGET_MS} ms`];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
    console.log(line(head));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) console.log(line(r));
    console.log(ok ? '\nall functions within target' : '\nsome functions miss the target');
  } finally {
    await office.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}
