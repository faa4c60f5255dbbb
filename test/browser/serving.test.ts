/**
 * The embedded office serving the console (local/console-serving.ts) over HTTP, on a built
 * console of its own: pages fall back to index.html, assets are served as files, config.json
 * names this origin, nothing outside the build is reachable, and the API keeps /v1.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../local/gateway';
import { consoleEndpoint } from '../../local/console-serving';
import { listenOn } from '../../local/listen';
import { LOCAL_WEB_CLIENT_ID } from '../../local/issuer';
import type { IdentityVerifier } from '../../shared/identity/ports/identity-verifier';

const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-dist-'));
const dist = path.join(dir, 'dist');
let server: http.Server;
let base: string;
const refuseAll: IdentityVerifier = { verify: () => Promise.reject(new Error('no tokens here')) };

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Bảng điều hành</title>');
  writeFileSync(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the build');
  server = createGateway({ verifier: () => refuseAll, extras: [consoleEndpoint({ dist })] });
  base = (await listenOn(server, 0, '127.0.0.1')).url;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('the console served by the embedded office', () => {
  it.each(['/', '/van-ban-den', '/van-ban-den/01ABC', '/callback?code=x&state=y', '/da-dang-xuat'])('answers the app for the page %s (SPA routing), with a strict CSP', async (p) => {
    const r = await fetch(base + p);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await r.text()).toContain('Bảng điều hành');
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(r.headers.get('x-frame-options')).toBe('DENY');
  });
  it('serves an asset as itself, cached for good, and a missing asset as 404 (not the app)', async () => {
    const r = await fetch(`${base}/assets/app-1.js`);
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(r.headers.get('cache-control')).toContain('immutable');
    expect(await r.text()).toBe('console.log(1)');
    expect((await fetch(`${base}/assets/app-2.js`)).status).toBe(404);
  });
  it('gives config.json for the origin the browser reached', async () => {
    const r = await fetch(`${base}/config.json`);
    expect(await r.json()).toEqual({ apiUrl: base, authority: base, clientId: LOCAL_WEB_CLIENT_ID });
  });
  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt'])('never serves a file outside the build (%s)', async (p) => {
    const r = await fetch(base + p);
    expect(await r.text()).not.toContain('outside the build');
  });
  it('leaves /v1 to the API (a JSON 404 or 401, never the app)', async () => {
    const unknown = await fetch(`${base}/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const me = await fetch(`${base}/v1/me`);
    expect(me.status).toBe(401);
  });
  it('says in Vietnamese that the console is not built when it is not', async () => {
    const bare = createGateway({ verifier: () => refuseAll, extras: [consoleEndpoint({ dist: path.join(dir, 'none') })] });
    const url = (await listenOn(bare, 0, '127.0.0.1')).url;
    try {
      const r = await fetch(`${url}/van-ban-den`);
      expect(r.status).toBe(503);
      expect(await r.text()).toContain('npm run build:web');
    } finally {
      bare.closeAllConnections();
      await new Promise((r) => bare.close(r));
    }
  });
});
