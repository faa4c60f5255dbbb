/** The embedded office as a user starts it: `npm start`, then HTTP. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/api/routes';
import { REPO_ROOT } from '../../local/paths';
import { ensureKeys } from '../../local/keys';
import { findDemoUser, poolUser } from '../../local/demo-users';
import { personAccessToken } from '../../local/issuer';
import { removeDir, startOffice, type Office } from '../support/e2e';

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

describe('npm start', () => {
  let office: Office;
  let startedIn = 0;
  beforeAll(async () => {
    const t0 = Date.now();
    office = await startOffice();
    startedIn = Date.now() - t0;
  });
  afterAll(async () => {
    await office.stop();
    removeDir(office.dataDir);
  });

  it('answers 200 on /v1/health within 30 s', async () => {
    expect(startedIn).toBeLessThan(30_000);
    const r = await fetch(`${office.url}/v1/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'ok' });
  });

  it('prints the URL, how to get a token and a try-it block', () => {
    const out = office.output();
    expect(out).toContain(`${office.url}/v1`);
    expect(out).toContain('npm run --silent token -- vanthu');
    expect(out).toMatch(/curl -s .*\/v1\/me/);
  });

  it('gives /v1/me to a token from `npm run token -- vanthu`', async () => {
    const r = await fetch(`${office.url}/v1/me`, { headers: { authorization: `Bearer ${office.token('vanthu')}` } });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ username: 'vanthu', roles: ['van-thu'], clearance: 'mat' });
  });

  it("puts an administrator's change of a person's clearance into the person's next `npm run token`", async () => {
    const me = async (token: string) => (await (await fetch(`${office.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { clearance: string; roles: string[] };
    expect(await me(office.token('chuyenvien2'))).toMatchObject({ roles: ['chuyen-vien'], clearance: 'none' });
    const put = await fetch(`${office.url}/v1/users/chuyenvien2`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${office.token('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['chuyen-vien'], clearance: 'mat', dept: null, reason: 'Quyết định 9-QĐ/VPTU' }),
    });
    expect(put.status).toBe(200);
    expect(await me(office.token('chuyenvien2'))).toMatchObject({ roles: ['chuyen-vien'], clearance: 'mat' });
  });

  it('answers 401 without a token, with an expired token and with a token signed by another key', async () => {
    const elsewhere = await ensureKeys(mkdtempSync(path.join(os.tmpdir(), 'daumoi-other-')));
    const foreign = await personAccessToken(elsewhere, poolUser(findDemoUser('vanthu')!));
    for (const auth of [undefined, `Bearer ${office.token('vanthu', '--expired')}`, `Bearer ${foreign}`]) {
      const r = await fetch(`${office.url}/v1/me`, { headers: auth ? { authorization: auth } : {} });
      expect(r.status).toBe(401);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    }
  });

  it('answers 400, not 500, to a body that is not JSON', async () => {
    const route = ROUTES.find((r) => r.method === 'POST' && r.request?.body && !r.rawBody && !r.path.includes('{'));
    expect(route, 'a POST route with a JSON body').toBeDefined();
    const roles = route!.roles ?? ['admin'];
    const user = ['vanthu', 'admin', 'bantochuc', 'chuyenvien'].find((u) => roles.some((role) => findDemoUser(u)!.roles.includes(role)))!;
    const r = await fetch(`${office.url}${route!.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office.token(user)}`, 'content-type': 'application/json' },
      body: '{"subject": "Nghị quyết',
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('INVALID_JSON');
  });

  it('serves the OpenAPI document without a token', async () => {
    const r = await fetch(`${office.url}/v1/openapi.json`);
    expect(r.status).toBe(200);
    const doc = (await r.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    // Every route of the table, and the token endpoint organisation clients use.
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set([...ROUTES.map((x) => x.path), '/oauth2/token'])].sort());
  });
});

describe('npm start, stopping and starting again', () => {
  it('stops every child on Ctrl-C and reuses the data on the next start', async () => {
    const first = await startOffice();
    const token = first.token('chanhvp');
    const dynamoPort = Number(/DynamoDB Local on http:\/\/127\.0\.0\.1:(\d+)/.exec(first.output())![1]);
    const s3Port = Number(/s3rver on http:\/\/127\.0\.0\.1:(\d+)/.exec(first.output())![1]);
    expect(await portOpen(dynamoPort)).toBe(true);
    expect(await first.stop('SIGINT')).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(await portOpen(dynamoPort)).toBe(false);
    expect(await portOpen(s3Port)).toBe(false);
    expect(existsSync(path.join(first.dataDir, 'dynamodb', 'shared-local-instance.db'))).toBe(true);

    const second = await startOffice({ dataDir: first.dataDir });
    try {
      // Same signing key and same database: the earlier token still works.
      const r = await fetch(`${second.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(200);
    } finally {
      await second.stop();
      removeDir(first.dataDir);
    }
  });

  it('fails with a clear message when the port is taken', async () => {
    const blocker = net.createServer().listen(0);
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-port-'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), DAUMOI_DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    blocker.close();
    removeDir(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Port ${port} is already in use`);
  });

  it('fails with a clear message when Java is missing', () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'daumoi-nojava-'));
    mkdirSync(path.join(bin, 'bin'));
    symlinkSync(process.execPath, path.join(bin, 'bin', 'node'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PATH: path.join(bin, 'bin'), JAVA_HOME: '', PORT: '0', DAUMOI_DATA_DIR: bin },
      encoding: 'utf8',
      timeout: 60_000,
    });
    removeDir(bin);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Java was not found.*Java 17/);
  });
});
