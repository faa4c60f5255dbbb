/**
 * The identity trust cases (test/support/trust/identity.ts) on an embedded office in this
 * process, as `npm run bench -- reliability` runs them: every case must hold.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmbedded, type Embedded } from '../../local/embedded';
import { run } from '../support/trust/identity';

let office: Embedded;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-trust-identity-'));
  office = await startEmbedded({ dataDir: dir, port: 0, inMemory: true, plugins: false });
});
afterAll(async () => {
  await office?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('holds every identity trust case', async () => {
  const results = await run({ url: office.url!, dataDir: dir });
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}`);
  expect(results.length).toBe(6);
  expect(results.filter((r) => !r.ok)).toEqual([]);
});
