/**
 * The embedded sign-in for the console over HTTP: OpenID discovery, the sign-in page, and the
 * authorization-code (PKCE) and refresh-token grants of POST /oauth2/token, against the seeded
 * directory in DynamoDB Local. Tokens are checked with the API's own verifier.
 */
import { createHash, randomBytes } from 'node:crypto';
import type http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeJwt } from 'jose';
import { useEmbeddedEnv } from '../support/integration';
import { ensureKeys } from '../../local/keys';
import { createGateway } from '../../local/gateway';
import { embeddedEdge, movableClock } from '../../local/edge';
import { authorizationCodeServer, CODE_SECONDS } from '../../local/authorization-code';
import { tokenEndpoint } from '../../local/token-endpoint';
import { listenOn } from '../../local/listen';
import { LOCAL_WEB_CLIENT_ID } from '../../local/issuer';
import { platformFromEnv } from '../../shared/platform/platform';
import { auditModule } from '../../shared/audit/index';
import { clientRegistry } from '../../shared/identity/index';

const env = useEmbeddedEnv();
const clock = movableClock();
const edge = embeddedEdge();
let server: http.Server;
let base: string;

beforeAll(async () => {
  const keys = await ensureKeys(env.DAUMOI_LOCAL_JWKS!.replace(/\/keys\/jwks\.json$/, ''));
  const platform = platformFromEnv({ clock });
  const people = authorizationCodeServer({ keys, users: edge.users(platform, auditModule(platform)), clock, password: 'demo' });
  server = createGateway({ verifier: () => edge.verifier(), extras: [tokenEndpoint(keys, clientRegistry(platform), people), (req, body, res) => people.handle(req, body, res)] });
  base = (await listenOn(server, 0, '127.0.0.1')).url;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => clock.shift(null));

const callback = () => `${base}/callback`;
const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};
const authorizeParams = (challenge: string, extra: Record<string, string> = {}) => ({
  client_id: LOCAL_WEB_CLIENT_ID,
  redirect_uri: callback(),
  response_type: 'code',
  code_challenge: challenge,
  code_challenge_method: 'S256',
  state: 'st-1',
  nonce: 'n-1',
  scope: 'openid',
  ...extra,
});
const form = (body: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString(), redirect: 'manual' as const });

/** Signs in on the sign-in form; the redirect's code (or the answer when there is none). */
async function codeFor(username: string, challenge: string, password = 'demo') {
  const r = await fetch(`${base}/oauth2/authorize`, form({ ...authorizeParams(challenge), username, password }));
  const location = r.headers.get('location');
  return { status: r.status, location, code: location ? new URL(location).searchParams.get('code') : null, text: location ? '' : await r.text() };
}
async function token(body: Record<string, string>) {
  const r = await fetch(`${base}/oauth2/token`, form(body));
  return { status: r.status, body: (await r.json()) as Record<string, string> };
}
const exchange = (code: string, verifier: string, extra: Record<string, string> = {}) =>
  token({ grant_type: 'authorization_code', client_id: LOCAL_WEB_CLIENT_ID, code, code_verifier: verifier, redirect_uri: callback(), ...extra });

describe('OpenID discovery', () => {
  it('names the endpoints on the origin the browser reached, S256 only, and serves the keys that verify the tokens', async () => {
    const d = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(d).toMatchObject({ authorization_endpoint: `${base}/oauth2/authorize`, token_endpoint: `${base}/oauth2/token`, code_challenge_methods_supported: ['S256'] });
    const jwks = (await (await fetch(d.jwks_uri as string)).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const k of jwks.keys) expect(k.d, 'no private part').toBeUndefined();
  });
});

describe('GET /oauth2/authorize', () => {
  it('shows the Vietnamese sign-in form (Tên đăng nhập, Mật khẩu, Đăng nhập) for a valid request', async () => {
    const r = await fetch(`${base}/oauth2/authorize?${new URLSearchParams(authorizeParams(pkce().challenge))}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toMatch(/<label for="username">Tên đăng nhập<\/label>/);
    expect(html).toMatch(/<label for="password">Mật khẩu<\/label>/);
    expect(html).toMatch(/<button type="submit">Đăng nhập<\/button>/);
  });
  it.each([
    ['another origin', { redirect_uri: 'http://evil.example/callback' }],
    ['another path of this origin', { redirect_uri: 'PATH:/elsewhere' }],
    ['an unknown client', { client_id: 'someoneelse0000000000000000' }],
  ])('never redirects to %s: 400 page, no Location', async (_name, bad) => {
    const extra = Object.fromEntries(Object.entries(bad).map(([k, v]) => [k, v.replace('PATH:', base)]));
    const r = await fetch(`${base}/oauth2/authorize?${new URLSearchParams(authorizeParams(pkce().challenge, extra))}`, { redirect: 'manual' });
    expect(r.status).toBe(400);
    expect(r.headers.get('location')).toBeNull();
  });
  it.each([
    ['no PKCE challenge', { code_challenge: '' }, 'invalid_request'],
    ['the plain method', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['an implicit-flow response type', { response_type: 'token' }, 'unsupported_response_type'],
  ])('with %s sends the error back to the console with the state', async (_name, bad, error) => {
    const r = await fetch(`${base}/oauth2/authorize?${new URLSearchParams(authorizeParams(pkce().challenge, bad))}`, { redirect: 'manual' });
    expect(r.status).toBe(302);
    const to = new URL(r.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(callback());
    expect(to.searchParams.get('error')).toBe(error);
    expect(to.searchParams.get('state')).toBe('st-1');
    expect(to.searchParams.get('code')).toBeNull();
  });
  it('refuses a wrong password or an unknown user with the form again (401) and no code', async () => {
    for (const [u, p] of [['vanthu', 'wrong'], ['nobody', 'demo'], ['vanthu', '']]) {
      const r = await codeFor(u!, pkce().challenge, p);
      expect(r.status).toBe(401);
      expect(r.code).toBeNull();
      expect(r.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
  });
});

describe('POST /oauth2/token: authorization code with PKCE', () => {
  it('gives the person’s tokens for the right verifier: an access token the API accepts, an ID token with the nonce, a refresh token', async () => {
    const { verifier, challenge } = pkce();
    const c = await codeFor('vanthu', challenge);
    expect(c.status).toBe(302);
    expect(new URL(c.location!).searchParams.get('state')).toBe('st-1');
    const r = await exchange(c.code!, verifier);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const caller = await edge.verifier().verify(r.body.access_token!);
    expect(caller).toMatchObject({ username: 'vanthu', roles: ['van-thu'], clearance: 'mat' });
    // Cognito's access token shape: client_id and username, no aud; the ID token is refused by the API.
    expect(decodeJwt(r.body.access_token!)).toMatchObject({ token_use: 'access', client_id: LOCAL_WEB_CLIENT_ID, username: 'vanthu' });
    expect(decodeJwt(r.body.id_token!)).toMatchObject({ token_use: 'id', aud: LOCAL_WEB_CLIENT_ID, nonce: 'n-1', 'cognito:username': 'vanthu' });
    await expect(edge.verifier().verify(r.body.id_token!)).rejects.toThrow();
    expect(r.body.refresh_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });
  it('refuses a wrong verifier (invalid_grant), and the code is spent: the right verifier afterwards is refused too', async () => {
    const { verifier, challenge } = pkce();
    const c = await codeFor('vanthu', challenge);
    const wrong = await exchange(c.code!, pkce().verifier);
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await exchange(c.code!, verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
  it('takes a code once: a reused code is invalid_grant', async () => {
    const { verifier, challenge } = pkce();
    const c = await codeFor('chuyenvien', challenge);
    expect((await exchange(c.code!, verifier)).status).toBe(200);
    expect(await exchange(c.code!, verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
  it.each([
    ['another redirect_uri', { redirect_uri: 'REL:/other' }],
    ['another client', { client_id: 'someoneelse0000000000000000' }],
  ])('refuses the code with %s (invalid_grant)', async (_n, bad) => {
    const { verifier, challenge } = pkce();
    const c = await codeFor('vanthu', challenge);
    const extra = Object.fromEntries(Object.entries(bad).map(([k, v]) => [k, v.replace('REL:', base)]));
    expect(await exchange(c.code!, verifier, extra)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
  it(`refuses a code older than ${CODE_SECONDS} s (invalid_grant), and takes one just younger`, async () => {
    const a = pkce();
    const b = pkce();
    const old = await codeFor('vanthu', a.challenge);
    const young = await codeFor('vanthu', b.challenge);
    clock.shift((CODE_SECONDS - 5) * 1000);
    expect((await exchange(young.code!, b.verifier)).status).toBe(200);
    clock.shift((CODE_SECONDS + 2) * 1000);
    expect(await exchange(old.code!, a.verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
  it.each([
    ['no code', { code: '' }],
    ['a verifier too short for PKCE', { code_verifier: 'short' }],
    ['no redirect_uri', { redirect_uri: '' }],
  ])('answers a request with %s as invalid_request (400)', async (_n, bad) => {
    const { verifier, challenge } = pkce();
    const c = await codeFor('vanthu', challenge);
    expect(await exchange(c.code!, verifier, bad)).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });
});

describe('POST /oauth2/token: refresh token', () => {
  it('renews the tokens with the sign-in’s auth_time (what oidc-client-ts checks) and the person as the directory holds them', async () => {
    const { verifier, challenge } = pkce();
    const first = (await exchange((await codeFor('chuyenvien2', challenge)).code!, verifier)).body;
    clock.shift(90 * 60 * 1000); // after the access token's hour, as the console renews it
    const r = await token({ grant_type: 'refresh_token', client_id: LOCAL_WEB_CLIENT_ID, refresh_token: first.refresh_token! });
    expect(r.status).toBe(200);
    expect(r.body.access_token).not.toBe(first.access_token);
    expect(decodeJwt(r.body.id_token!).auth_time).toBe(decodeJwt(first.id_token!).auth_time);
    expect(await edge.verifier().verify(r.body.access_token!)).toMatchObject({ username: 'chuyenvien2', clearance: 'none' });
  });
  it('refuses an unknown refresh token, or one of another client (invalid_grant)', async () => {
    const { verifier, challenge } = pkce();
    const t = (await exchange((await codeFor('vanthu', challenge)).code!, verifier)).body;
    expect(await token({ grant_type: 'refresh_token', client_id: LOCAL_WEB_CLIENT_ID, refresh_token: 'not-a-token' })).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await token({ grant_type: 'refresh_token', client_id: 'someoneelse0000000000000000', refresh_token: t.refresh_token! })).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});

describe('bad requests get OAuth error bodies, never a 5xx', () => {
  it('for any form posted to the token and authorize endpoints', async () => {
    const field = fc.oneof(fc.constantFrom('', 'authorization_code', 'refresh_token', 'client_credentials', LOCAL_WEB_CLIENT_ID, 'S256', 'vanthu', 'demo'), fc.string({ maxLength: 60 }));
    const keys = fc.constantFrom('grant_type', 'client_id', 'code', 'code_verifier', 'redirect_uri', 'refresh_token', 'client_secret', 'response_type', 'code_challenge', 'code_challenge_method', 'username', 'password', 'state');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(keys, field), fc.boolean(), async (body, toToken) => {
        const r = await fetch(`${base}/oauth2/${toToken ? 'token' : 'authorize'}`, form(body));
        expect(r.status).toBeLessThan(500);
        if (toToken && r.status >= 400) expect(((await r.json()) as { error: string }).error).toMatch(/^(invalid_request|invalid_grant|invalid_client|unsupported_grant_type|invalid_scope)$/);
        else await r.arrayBuffer();
      }),
      { numRuns: 150 },
    );
  });
});
