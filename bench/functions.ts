/**
 * `npm run bench` (or `-- functions`): for each API function, the bundle size (minified, as CDK
 * builds it) and the time to import it and answer a first request, in a fresh Node process
 * each run, against embedded DynamoDB Local. The timed bundle is the function composed with the
 * embedded edge (`compose(createEmbeddedEdge())`, local/edge.ts) instead of the cloud's. Prints the median of several runs, and how many
 * AWS SDK packages (external, as in Lambda) the bundle loads at import; the others it loads on
 * first use (dynamic import).
 *
 * `npm run bench -- functions --why` also prints, per function, the largest packages in the
 * bundle (esbuild's metafile) and which SDK packages it loads at import and on first use.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { API_FUNCTIONS } from '../shared/platform/http/route';
import { ROUTES } from '../shared/api/routes';
import { startEmbedded } from '../local/embedded';
import { ensureKeys } from '../local/keys';
import { DEMO_USERS, poolUser } from '../local/demo-users';
import { personAccessToken } from '../local/issuer';
import { REPO_ROOT } from '../local/paths';

const RUNS = 5;
const SIZE_TARGET_KB = 500;
const COLD_TARGET_MS = 150;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Bundle {
  file: string;
  bytes: number;
  /** Bytes in the output per package (or per repository folder). */
  byPackage: [string, number][];
  /** External @aws-sdk/* packages imported statically (loaded at import) and dynamically (on first use). */
  sdkAtImport: string[];
  sdkOnUse: string[];
}

/** The same bundling CDK applies in infra/constructs/daumoi-function.ts (keepNames included: it costs ~30 KB). */
async function bundle(fn: string, outDir: string, entry = path.join(REPO_ROOT, 'functions', `${fn}.ts`), name = fn): Promise<Bundle> {
  const outfile = path.join(outDir, `${name}.mjs`);
  const r = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    keepNames: true,
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    banner: { js: "import { createRequire as __daumoiCreateRequire } from 'module'; const require = __daumoiCreateRequire(import.meta.url);" },
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  const out = r.metafile.outputs[path.relative(process.cwd(), outfile)] ?? Object.values(r.metafile.outputs)[0]!;
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 3).join('/');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
  }
  const sdk = (kind: 'static' | 'dynamic') => [
    ...new Set(out.imports.filter((i) => i.external && i.path.startsWith('@aws-sdk/') && (i.kind === 'dynamic-import') === (kind === 'dynamic')).map((i) => i.path)),
  ];
  const sdkAtImport = sdk('static');
  return {
    file: outfile,
    bytes: out.bytes,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]),
    sdkAtImport,
    sdkOnUse: sdk('dynamic').filter((p) => !sdkAtImport.includes(p)),
  };
}

/** A script that imports the bundle and answers one request, printing the elapsed milliseconds. */
function probeScript(bundleFile: string, event: unknown): string {
  return `
const t0 = performance.now();
const { compose, createEmbeddedEdge } = await import(${JSON.stringify(bundleFile)});
const handler = compose(createEmbeddedEdge());
const ctx = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 29000 };
const res = await handler(${JSON.stringify(event)}, ctx);
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, status: res.statusCode }));
`;
}

export async function run(args: string[] = []): Promise<void> {
  const why = args.includes('--why');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-bench-fn-'));
  const outDir = mkdtempSync(path.join(REPO_ROOT, '.bench-'));
  const office = await startEmbedded({ dataDir: dir, inMemory: true, plugins: false });
  try {
    const keys = await ensureKeys(dir);
    const rows: string[][] = [];
    const details: string[] = [];
    let ok = true;
    for (const fn of API_FUNCTIONS) {
      const routes = ROUTES.filter((r) => r.fn === fn);
      if (!routes.length) continue;
      // Bundles live inside the repository so that the external AWS SDK resolves from
      // node_modules, as it does from the Lambda runtime.
      const b = await bundle(fn, outDir);
      const { bytes } = b;
      // What is timed: the same function composed with the embedded edge.
      const entry = path.join(outDir, `${fn}.embedded.ts`);
      writeFileSync(entry, `export { compose } from ${JSON.stringify(path.join(REPO_ROOT, 'functions', `${fn}.ts`))};\nexport { createEmbeddedEdge } from ${JSON.stringify(path.join(REPO_ROOT, 'local', 'edge.ts'))};\n`);
      const { file } = await bundle(fn, outDir, entry, `${fn}.embedded`);
      const short = (p: string) => p.replace('@aws-sdk/', '');
      details.push(
        `${fn} (${(bytes / 1024).toFixed(0)} KB): ${b.byPackage
          .slice(0, 8)
          .map(([p, n]) => `${p} ${(n / 1024).toFixed(0)}`)
          .join(', ')}\n  SDK at import: ${b.sdkAtImport.map(short).join(', ') || '-'}\n  SDK on first use: ${b.sdkOnUse.map(short).join(', ') || '-'}`,
      );
      const route = routes.find((r) => r.method === 'GET') ?? routes[0]!;
      const user = DEMO_USERS.find((u) => !route.roles || route.roles.some((r) => u.roles.includes(r))) ?? DEMO_USERS[0]!;
      const token = await personAccessToken(keys, poolUser(user));
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
        // As in Lambda: the task root holds the bundle only, so config/domain.json comes from the copy inlined in it.
        const r = spawnSync(process.execPath, [probe], { env: { ...process.env, ...office.env, POWERTOOLS_LOG_LEVEL: 'SILENT', LAMBDA_TASK_ROOT: outDir }, encoding: 'utf8', cwd: REPO_ROOT });
        if (r.status !== 0) throw new Error(`${fn}: probe failed\n${r.stderr}`);
        const out = JSON.parse(r.stdout) as { ms: number; status: number };
        times.push(out.ms);
        status = out.status;
      }
      const kb = bytes / 1024;
      const ms = median(times);
      const pass = kb <= SIZE_TARGET_KB && ms <= COLD_TARGET_MS && status < 500;
      ok &&= pass;
      rows.push([fn, kb.toFixed(0), ms.toFixed(0), String(b.sdkAtImport.length), `${route.method} ${route.path} → ${status}`, pass ? 'ok' : 'OVER']);
    }
    const head = ['function', 'size KB (min)', `first request ms (median of ${RUNS})`, 'SDK pkgs at import', 'request', `target ≤${SIZE_TARGET_KB} KB, ≤${COLD_TARGET_MS} ms`];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
    console.log(line(head));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) console.log(line(r));
    console.log(ok ? '\nall functions within target' : '\nsome functions miss the target');
    if (why) console.log(`\nlargest packages in each bundle (KB), and the AWS SDK it loads:\n${details.join('\n')}`);
  } finally {
    await office.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}
