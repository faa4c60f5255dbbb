import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import { callerFromClaims, canSee } from '../../shared/domain/identity';
import { JwtIdentityVerifier } from '../../shared/adapters/auth/jwt-verifier';
import { authenticate } from '../../shared/http/middleware/authenticate';
import { errorHandler } from '../../shared/http/middleware/error-handler';
import { hashSecret, newClientSecret, verifySecret } from '../../shared/adapters/auth/client-secret';
import { ensureKeys, signToken, type LocalKeys } from '../../local/keys';
import { findDemoUser, userClaims } from '../../local/demo-users';
import { LOCAL_ISSUER } from '../../local/paths';
import { defineRoute } from '../../shared/api/route';
import type { ClientRegistry, MachineClient } from '../../shared/ports/client-registry';
import { event, run } from '../support/middy';

describe('callerFromClaims', () => {
  it('reads Cognito groups as an array or as API Gateway’s flattened string', () => {
    expect(callerFromClaims({ sub: 's', 'cognito:groups': ['van-thu', 'unknown'] }).roles).toEqual(['van-thu']);
    expect(callerFromClaims({ sub: 's', 'cognito:groups': 'van-thu,chuyen-vien' }).roles).toEqual(['van-thu', 'chuyen-vien']);
  });
  it('defaults an unknown clearance to none and keeps org and dept', () => {
    const c = callerFromClaims({ sub: 's', 'custom:clearance': 'top', 'custom:orgId': 'o1', 'custom:dept': 'BTCTU' });
    expect(c).toMatchObject({ clearance: 'none', orgId: 'o1', dept: 'BTCTU' });
  });
  it('treats an access token with the reports scope and an organisation as don-vi, even without groups', () => {
    expect(callerFromClaims({ sub: 'c1', client_id: 'c1', scope: 'daumoi/reports', 'custom:orgId': 'o1' }).roles).toEqual(['don-vi']);
    expect(callerFromClaims({ sub: 'c1', client_id: 'c1', scope: 'daumoi/reports' }).roles).toEqual([]);
  });
  it('marks client-credentials tokens as machine clients', () => {
    expect(callerFromClaims({ sub: 'c1', client_id: 'c1', 'cognito:groups': ['don-vi'], 'custom:orgId': 'o1' }).clientId).toBe('c1');
    expect(callerFromClaims({ sub: 'u', client_id: 'web', 'cognito:username': 'vanthu' }).clientId).toBeUndefined();
  });
});

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
    verifier = JwtIdentityVerifier.local(LOCAL_ISSUER, JSON.parse(readFileSync(keys.jwksPath, 'utf8')));
  });

  it('gives the handler the caller of a valid token', async () => {
    const { res, seen } = await call(await signToken(keys, userClaims(findDemoUser('vanthu')!)));
    expect(res.statusCode).toBe(200);
    expect(seen?.caller).toMatchObject({ username: 'vanthu', roles: ['van-thu'], clearance: 'mat' });
  });
  it('answers 401 for no token, an expired one, one signed by another key, and garbage', async () => {
    const vanthu = userClaims(findDemoUser('vanthu')!);
    for (const t of [undefined, await signToken(keys, vanthu, -60), await signToken(otherKeys, vanthu), 'abc.def.ghi']) {
      const { res, body } = await call(t);
      expect(res.statusCode).toBe(401);
      expect(body.error.code).toBe('UNAUTHORIZED');
    }
  });
  it('answers 403 when the role is missing', async () => {
    const { res } = await call(await signToken(keys, userClaims(findDemoUser('chuyenvien')!)));
    expect(res.statusCode).toBe(403);
  });
  it('refuses a revoked machine client with 401 and accepts an active one', async () => {
    const claims = { sub: 'c1', client_id: 'c1', token_use: 'access' as const, 'cognito:groups': ['don-vi'], 'custom:orgId': 'org-a' };
    const token = await signToken(keys, claims);
    clients.set('c1', { clientId: 'c1', orgId: 'org-a', name: 'A', revoked: false, createdAt: '', scopes: [] });
    expect((await call(token, anyRoute)).res.statusCode).toBe(200);
    clients.set('c1', { ...clients.get('c1')!, revoked: true });
    expect((await call(token, anyRoute)).res.statusCode).toBe(401);
  });
});
