/**
 * The limits trust cases (test/support/trust/limits.ts), the same the reliability bench prints,
 * against this run's embedded office with its HTTP gateway listening as `npm start` does.
 */
import path from 'node:path';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';

useEmbeddedEnv();
const { createGateway } = await import('../../local/gateway');
const { gatewayHost, listenOn } = await import('../../local/listen');
const { officeParts } = await import('../support/parts');
const { run } = await import('../support/trust/limits');

let server: http.Server;
let url: string;

beforeAll(async () => {
  server = createGateway({ verifier: () => officeParts().identity });
  url = (await listenOn(server, 0, gatewayHost(undefined, {}))).url;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('limits on what a client can send (trust cases)', () => {
  it('every case holds', async () => {
    const dataDir = path.dirname(path.dirname(process.env.DAUMOI_LOCAL_JWKS!));
    const results = await run({ url, dataDir });
    for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.detail}`);
    expect(results.map((r) => r.name)).toHaveLength(10);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  }, 180_000);
});
