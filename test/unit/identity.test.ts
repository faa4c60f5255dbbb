import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import { canSee } from '../../shared/platform/security';
import { JwtIdentityVerifier } from '../../shared/identity/adapters/jwt-verifier';
import { authenticate } from '../../shared/identity/adapters/authenticate';
import { errorHandler } from '../../shared/platform/http/middleware/error-handler';
import { hashSecret, newClientSecret, verifySecret } from '../../shared/identity/adapters/client-secret';
import { ensureKeys, type LocalKeys } from '../../local/keys';
import { findDemoUser, poolUser } from '../../local/demo-users';
import { LOCAL_WEB_CLIENT_ID, machineAccessToken, personAccessToken, personIdToken } from '../../local/issuer';
import { LOCAL_ISSUER } from '../../local/paths';
import { defineRoute } from '../../shared/platform/http/route';
import type { ClientRegistry, MachineClient } from '../../shared/identity/ports/client-registry';
import { event, run } from '../support/middy';

describe('canSee', () => {
  it.each([
    ['none', null, true],
    ['none', 'mat', false],
    ['mat', 'mat', true],
    ['mat', 'toi-mat', false],
    ['toi-mat', 'mat', true],
    ['tuyet-mat', 'tuyet-mat', true],
  ] as const)('clearance %s, secrecy %s → %s', (c, s, expected) => {
    expect(canSee(c, s)).toBe(expected);
  });
});

describe('client secrets', () => {
  it('verifies the right secret and refuses another', async () => {
    const secret = newClientSecret();
    const stored = await hashSecret(secret);
    expect(stored).not.toContain(secret);
    expect(await verifySecret(secret, stored)).toBe(true);
    expect(await verifySecret(`${secret}x`, stored)).toBe(false);
    expect(await verifySecret(secret, 'garbage')).toBe(false);
  });
});

describe('authenticate middleware with the embedded issuer', () => {
  let keys: LocalKeys;
  let otherKeys: LocalKeys;
  let verifier: JwtIdentityVerifier;
  const clients = new Map<string, MachineClient>();
  const registry: ClientRegistry = { get: async (id) => clients.get(id) };
  const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
  const route = defineRoute({ operationId: 'x', method: 'GET', path: '/v1/x', fn: 'system', auth: 'user', roles: ['van-thu'], summary: '', tags: [], responses: {} });
  const anyRoute = { ...route, auth: 'any' as const, roles: undefined };
  const chain = () => [errorHandler({ logger }), authenticate({ verifier: () => verifier, clients: () => registry })];
  const call = (token: string | undefined, r = route) =>
    run(chain(), event(), { route: r, headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-keys-'));
    keys = await ensureKeys(dir);
    otherKeys = await ensureKeys(mkdtempSync(path.join(os.tmpdir(), 'daumoi-keys-')));
    verifier = JwtIdentityVerifier.local(LOCAL_ISSUER, JSON.parse(readFileSync(keys.jwksPath, 'utf8')), [LOCAL_WEB_CLIENT_ID]);
  });

  it('gives the handler the caller of a valid token', async () => {
    const { res, seen } = await call(await personAccessToken(keys, poolUser(findDemoUser('vanthu')!)));
    expect(res.statusCode).toBe(200);
    expect(seen?.caller).toMatchObject({ username: 'vanthu', roles: ['van-thu'], clearance: 'mat' });
  });
  it('answers 401 for no token, an expired one, one signed by another key, and garbage', async () => {
    const vanthu = poolUser(findDemoUser('vanthu')!);
    for (const t of [undefined, await personAccessToken(keys, vanthu, { expiresInSeconds: -60 }), await personAccessToken(otherKeys, vanthu), 'abc.def.ghi']) {
      const { res, body } = await call(t);
      expect(res.statusCode).toBe(401);
      expect(body.error.code).toBe('UNAUTHORIZED');
    }
  });
  it('answers 403 when the role is missing', async () => {
    const { res } = await call(await personAccessToken(keys, poolUser(findDemoUser('chuyenvien')!)));
    expect(res.statusCode).toBe(403);
  });
  it('refuses a revoked machine client with 401 and accepts an active one', async () => {
    clients.set('c1', { clientId: 'c1', orgId: 'org-a', name: 'A', revoked: false, createdAt: '', scopes: ['daumoi/reports'] });
    const token = await machineAccessToken(keys, registry, 'c1', ['daumoi/reports']);
    expect((await call(token, anyRoute)).res.statusCode).toBe(200);
    clients.set('c1', { ...clients.get('c1')!, revoked: true });
    expect((await call(token, anyRoute)).res.statusCode).toBe(401);
  });
  it('refuses an ID token, a person token from an unknown app client, and a machine token naming another organisation', async () => {
    const vanthu = poolUser(findDemoUser('vanthu')!);
    const id = await call(await personIdToken(keys, vanthu));
    expect(id.res.statusCode).toBe(401);
    expect(id.body.error.message).toMatch(/ID token/);
    const foreign = await call(await personAccessToken(keys, vanthu, { clientId: 'someotherappclient00000000' }));
    expect(foreign.res.statusCode).toBe(401);
    expect(foreign.body.error.message).toMatch(/app client/);
    clients.set('c2', { clientId: 'c2', orgId: 'org-b', name: 'B', revoked: false, createdAt: '', scopes: ['daumoi/reports'] });
    const token = await machineAccessToken(keys, registry, 'c2', ['daumoi/reports']);
    clients.set('c2', { ...clients.get('c2')!, orgId: 'org-c' });
    expect((await call(token, anyRoute)).res.statusCode).toBe(401);
  });
});
