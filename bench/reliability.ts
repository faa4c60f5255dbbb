/**
 * `npm run bench -- reliability [--runs body,query,headers,params] [--seed N] [--no-faults] [--no-trust]`:
 * the reliability figures of issue 7 on an embedded office of its own (DynamoDB Local on disk,
 * s3rver, the HTTP gateway, the workflow runner in this process):
 *
 * - routes × identities checked by the authorization matrix, and its failures;
 * - fuzz cases run on every write route (and the read routes' query strings), 5xx seen,
 *   rejected requests that stored something;
 * - audit tampering cases (edit, delete in the middle, delete the last, reorder) detected;
 * - fault scenarios passed: DynamoDB Local stopped under load, the OCR worker killed mid-page,
 *   s3rver down when an upload URL is asked for;
 * - the trust cases of issue 11 (test/support/trust/<area>.ts: identity, secrecy, limits, load),
 *   each printed with its figures.
 *
 * The checks are the tests' own (test/support/authz-run.ts, fuzz.ts, audit-tampering.ts, faults.ts).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TrustArea, TrustResult } from '../test/support/trust/types';

function option(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

const n = (x: number) => x.toLocaleString('en-US');

export async function run(args: string[]): Promise<void> {
  // The handlers log every refused request; the figures are what this bench prints.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  const { startEmbedded } = await import('../local/embedded');
  const { startLocalWorkflow } = await import('../local/workflow/start');
  const { useParts } = await import('../test/support/parts');
  const { documentClient } = await import('../shared/platform/aws/dynamodb-client');
  const { tableName } = await import('../shared/platform/aws/tables');
  const { DynamoAuditLog } = await import('../shared/audit/adapters/dynamo-audit-log');
  const { ROUTES } = await import('../shared/api/routes');
  const { IDENTITIES } = await import('../test/support/authz-matrix');
  const { officeClock, setUpOffice } = await import('../test/support/route-requests');
  const { describeFailures, matrixCoverage, runAuthzMatrix } = await import('../test/support/authz-run');
  const { CASE_KINDS, runFuzz, writeRoutes } = await import('../test/support/fuzz');
  const { runTamperCase, TAMPER_CASES } = await import('../test/support/audit-tampering');
  const { dynamoOutageUnderLoad, ocrWorkerKilledMidPage, s3DownOnUploadUrl } = await import('../test/support/faults');

  const runsArg = option(args, '--runs')?.split(',').map(Number);
  const runs = runsArg ? Object.fromEntries(CASE_KINDS.map((k, i) => [k, runsArg[i] ?? runsArg[0]!])) : undefined;
  const seed = option(args, '--seed') !== undefined ? Number(option(args, '--seed')) : undefined;

  const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-reliability-'));
  // The gateway's functions composed with the test parts (the trust cases replace the register store).
  const office = await startEmbedded({ dataDir: dir, port: 0, plugins: false, handlers: (await import('../test/support/parts')).composed });
  const t0 = Date.now();
  const secs = (t: number) => `${((Date.now() - t) / 1000).toFixed(0)} s`;
  try {
    console.log('reliability — embedded office (DynamoDB Local on disk, s3rver, HTTP gateway)\n');

    // 1. Authorization matrix.
    useParts({ clock: officeClock() });
    const runner = await startLocalWorkflow({ tickMs: 25 });
    let t = Date.now();
    const o = await setUpOffice();
    const coverage = matrixCoverage();
    const { grid, extra } = await runAuthzMatrix(o);
    const matrixFailures = [...coverage.unlisted, ...coverage.stale, ...describeFailures([...grid, ...extra])];
    console.log(`authorization matrix (${secs(t)})`);
    console.log(`  routes × identities checked     ${ROUTES.length} × ${IDENTITIES.length} = ${n(grid.length)}, plus ${extra.length} in-operation cases (clearance, handler, department, organisation, revoked client)`);
    console.log(`  failures                        ${matrixFailures.length}`);
    for (const f of matrixFailures) console.log(`    ${f}`);

    // 2. Fuzzing the write routes.
    t = Date.now();
    const fuzz = await runFuzz(o, { ...(runs ? { runs } : {}), ...(seed !== undefined ? { seed } : {}) });
    console.log(`\nfuzzing (${secs(t)})`);
    const fuzzed = (routes: { method: string; path: string }[]) => routes.filter((r) => fuzz.perRoute[`${r.method} ${r.path}`]).length;
    const writes = writeRoutes();
    const reads = ROUTES.filter((r) => r.method === 'GET');
    console.log(`  fuzz cases run                  ${n(fuzz.cases)} on ${fuzzed(writes)} of ${writes.length} write routes (${n(fuzz.accepted)} accepted, ${n(fuzz.rejected)} rejected)`);
    console.log(`                                  + ${n(fuzz.readCases)} on the query strings and path parameters of ${fuzzed(reads)} of ${reads.length} read routes`);
    console.log(`  statuses                        ${Object.entries(fuzz.statuses).map(([s, c]) => `${s}: ${n(c)}`).join(', ')}`);
    console.log(`  5xx seen                        ${fuzz.serverErrors.length}`);
    console.log(`  rejected that stored something  ${fuzz.storedByRejected.length}${fuzz.unconfirmed ? ` (${fuzz.unconfirmed} count changes after a rejected case were not reproduced by replaying it on quiet tables: background workflow writes)` : ''}`);
    for (const f of [...fuzz.serverErrors, ...fuzz.storedByRejected, ...fuzz.propertyFailures]) console.log(`    ${f}`);
    await runner.stop();
    useParts({});

    // 3. Tampering with the audit log.
    t = Date.now();
    const audit = new DynamoAuditLog(documentClient(), tableName('Audit'));
    await audit.seal(new Date(Date.now() + 60_000));
    const tampering = [];
    for (const c of TAMPER_CASES) tampering.push(await runTamperCase(audit, documentClient(), tableName('Audit'), c));
    const verified = await audit.verify();
    console.log(`\naudit tampering (${secs(t)}; chain of ${n(verified.events)} events)`);
    console.log(`  cases detected                  ${tampering.filter((r) => r.detected && r.intactAround).length} of ${tampering.length}`);
    for (const r of tampering) console.log(`    ${r.detected ? '✓' : '✗'} ${r.name}: verify reports ${r.kinds.join(', ') || 'nothing'}${r.intactAround ? '' : ' (the log did not verify before or after)'}`);

    // 4. Trust (issue 11): every area module in test/support/trust/, the same cases its tests assert.
    if (!args.includes('--no-trust')) {
      t = Date.now();
      const trustDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'support', 'trust');
      const results: TrustResult[] = [];
      for (const file of readdirSync(trustDir).filter((f) => f.endsWith('.ts') && f !== 'types.ts').sort()) {
        const mod = (await import(pathToFileURL(path.join(trustDir, file)).href)) as { run: TrustArea };
        try {
          results.push(...(await mod.run({ url: office.url!, dataDir: dir })));
        } catch (err) {
          results.push({ area: file.replace(/\.ts$/, ''), name: 'could not run', ok: false, detail: (err as Error).stack ?? String(err) });
        }
        useParts({});
      }
      console.log(`\ntrust cases (${secs(t)})`);
      console.log(`  passed                          ${results.filter((r) => r.ok).length} of ${results.length}`);
      for (const r of results) console.log(`    ${r.ok ? '✓' : '✗'} ${r.area}: ${r.name} — ${r.detail}`);
    }

    // 5. Faults.
    if (!args.includes('--no-faults')) {
      t = Date.now();
      const faults = [await dynamoOutageUnderLoad(office), await ocrWorkerKilledMidPage(office), await s3DownOnUploadUrl(office, dir)];
      console.log(`\nfault scenarios (${secs(t)})`);
      console.log(`  passed                          ${faults.filter((f) => f.passed).length} of ${faults.length}`);
      for (const f of faults) {
        console.log(`    ${f.passed ? '✓' : '✗'} ${f.name}`);
        for (const line of f.lines) console.log(`        ${line}`);
      }
    }
    console.log(`\ntotal ${secs(t0)}`);
  } finally {
    await office.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
