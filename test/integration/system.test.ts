import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const handler = await composed('system');

describe('system function', () => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor('vanthu');
  });

  it('answers health without a token', async () => {
    const r = await invoke(handler, { method: 'GET', path: '/v1/health' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', version: expect.any(String) });
  });

  it('returns the caller from the token', async () => {
    const r = await invoke(handler, { method: 'GET', path: '/v1/me', token });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ username: 'vanthu', roles: ['van-thu'], clearance: 'mat' });
  });

  it('rejects a missing, expired or garbage token with 401', async () => {
    const expired = await tokenFor('vanthu', { expired: true });
    for (const t of [undefined, expired, 'not-a-jwt']) {
      const r = await invoke(handler, { method: 'GET', path: '/v1/me', ...(t ? { token: t } : {}) });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('UNAUTHORIZED');
    }
  });

  it('serves an OpenAPI 3.1 document listing every route', async () => {
    const r = await invoke(handler, { method: 'GET', path: '/v1/openapi.json' });
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths)).toContain('/v1/me');
  });
});
