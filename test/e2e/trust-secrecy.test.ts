/**
 * The secrecy trust cases (test/support/trust/secrecy.ts), the same that
 * `npm run bench -- reliability` prints, run against an embedded office started in this process
 * (DynamoDB Local, s3rver, the HTTP gateway): every case must hold.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrustContext } from '../support/trust/types';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-trust-secrecy-'));
let office: { url?: string; stop(): Promise<void> };

beforeAll(async () => {
  const { startEmbedded } = await import('../../local/embedded');
  office = await startEmbedded({ dataDir, port: 0, plugins: false, inMemory: true });
}, 120_000);
afterAll(async () => {
  await office?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('trust: secrecy', () => {
  it('every secrecy case holds (scan relink, audit redaction, quarantine versions, duplicate leak, CSV injection, forged cursor)', async () => {
    const { run } = await import('../support/trust/secrecy');
    const ctx: TrustContext = { url: office.url!, dataDir };
    const results = await run(ctx);
    for (const r of results) console.info(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}`);
    expect(results.map((r) => r.name)).toHaveLength(6);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  }, 180_000);
});
