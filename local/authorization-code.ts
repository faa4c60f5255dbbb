/**
 * The embedded stand-in for Cognito's managed login, for people in a browser: OpenID discovery
 * (`/.well-known/openid-configuration`, `/.well-known/jwks.json`), `GET /oauth2/authorize` (a small
 * Vietnamese sign-in page), its form's `POST`, and the authorization-code (PKCE S256 only) and
 * refresh-token grants of `POST /oauth2/token`. The tokens are the ones the embedded issuer mints
 * for a person (local/issuer.ts `signIn`), so the console's code path is the one it has with
 * Cognito. Codes are single-use, live CODE_SECONDS and are bound to the client, the redirect URI
 * and the PKCE challenge; the only redirect URI is the console's own `/callback` on the origin
 * the browser reached. Codes and refresh tokens live in this process's memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import type { Clock } from '../shared/platform/clock';
import type { UserDirectory } from '../shared/identity/ports/user-directory';
import type { LocalKeys } from './keys';
import { LOCAL_WEB_CLIENT_ID, PERSON_TOKEN_SECONDS, signIn } from './issuer';
import { LOCAL_ISSUER } from './paths';
import { DEMO_PASSWORD } from './oauth';

/** How long an authorization code may be exchanged (Cognito's: 5 minutes). */
export const CODE_SECONDS = 300;
/** How long a refresh token renews tokens (Cognito's default: 30 days). */
export const REFRESH_SECONDS = 30 * 24 * 3600;
/** The console's path that receives the code. */
export const CALLBACK_PATH = '/callback';

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  username: string;
  nonce?: string;
  expiresAt: number;
}
interface RefreshGrant {
  clientId: string;
  username: string;
  authTime: number;
  expiresAt: number;
}

type Answer = { status: number; body: Record<string, unknown> };
const oauthError = (error: string, description: string, status = 400): Answer => ({ status, body: { error, error_description: description } });

/** The origin the browser reached this office at (the console's origin: it is served here). */
export function requestOrigin(req: http.IncomingMessage): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface AuthorizationCodeServer {
  /** Answers the endpoints above; false for any other request. */
  handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<boolean>;
  /** `POST /oauth2/token` with grant_type authorization_code or refresh_token. */
  token(form: URLSearchParams): Promise<Answer>;
}

export function authorizationCodeServer(opts: { keys: LocalKeys; users: UserDirectory; clock: Clock; password?: string }): AuthorizationCodeServer {
  const codes = new Map<string, CodeGrant>();
  const refreshTokens = new Map<string, RefreshGrant>();
  const password = opts.password ?? DEMO_PASSWORD;
  const nowSeconds = () => Math.floor(opts.clock.now().getTime() / 1000);
  const sweep = () => {
    const now = nowSeconds();
    for (const [k, v] of codes) if (v.expiresAt < now) codes.delete(k);
    for (const [k, v] of refreshTokens) if (v.expiresAt < now) refreshTokens.delete(k);
  };

  /** The authorization request's parameters, checked; an error page for what must not redirect. */
  function checkRequest(params: URLSearchParams, origin: string): { page: string } | { redirect: string } | { ok: Record<string, string> } {
    const clientId = params.get('client_id') ?? '';
    const redirectUri = params.get('redirect_uri') ?? '';
    if (clientId !== LOCAL_WEB_CLIENT_ID) return { page: 'Ứng dụng yêu cầu đăng nhập không được đăng ký với văn phòng (client_id không hợp lệ).' };
    if (redirectUri !== origin + CALLBACK_PATH) return { page: 'Địa chỉ chuyển hướng (redirect_uri) không được phép: chỉ trang điều hành của văn phòng này được nhận mã đăng nhập.' };
    const back = (error: string, description: string) => {
      const u = new URL(redirectUri);
      u.searchParams.set('error', error);
      u.searchParams.set('error_description', description);
      if (params.get('state')) u.searchParams.set('state', params.get('state')!);
      return { redirect: u.toString() };
    };
    if (params.get('response_type') !== 'code') return back('unsupported_response_type', 'only response_type=code');
    if (!/^[A-Za-z0-9_-]{43}$/.test(params.get('code_challenge') ?? '') || params.get('code_challenge_method') !== 'S256') {
      return back('invalid_request', 'PKCE is required: code_challenge (43 base64url characters) with code_challenge_method=S256');
    }
    const ok: Record<string, string> = {};
    for (const k of ['client_id', 'redirect_uri', 'response_type', 'code_challenge', 'code_challenge_method', 'state', 'nonce', 'scope']) {
      const v = params.get(k);
      if (v !== null) ok[k] = v;
    }
    return { ok };
  }

  function signInPage(fields: Record<string, string>, message?: string, username = ''): string {
    const hidden = Object.entries(fields)
      .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
      .join('');
    return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập — Văn phòng cấp ủy</title><style>
body{font-family:"Open Sans","Helvetica Neue",Roboto,Arial,sans-serif;background:#f2f3f3;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center;color:#16191f}
main{background:#fff;padding:32px 36px;border-radius:16px;box-shadow:0 1px 4px rgba(0,0,0,.2);width:340px}
h1{font-size:20px;margin:0 0 4px}p.sub{margin:0 0 20px;color:#5f6b7a;font-size:14px}
label{display:block;font-weight:700;font-size:14px;margin:14px 0 4px}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:8px 10px;border:1px solid #8c8c94;border-radius:8px;font-size:15px}
button{margin-top:22px;width:100%;padding:9px;border:0;border-radius:20px;background:#0972d3;color:#fff;font-weight:700;font-size:15px;cursor:pointer}
.err{background:#fff7f7;border:1px solid #d91515;color:#d91515;padding:8px 10px;border-radius:8px;font-size:14px}
</style></head><body><main><h1>Đăng nhập</h1><p class="sub">Hệ thống quản lý văn bản — Văn phòng cấp ủy</p>
${message ? `<div class="err" role="alert">${esc(message)}</div>` : ''}
<form method="post" action="/oauth2/authorize">${hidden}
<label for="username">Tên đăng nhập</label><input id="username" name="username" type="text" autocomplete="username" required autofocus value="${esc(username)}">
<label for="password">Mật khẩu</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button></form></main></body></html>`;
  }

  const html = (res: http.ServerResponse, status: number, page: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'" });
    res.end(page);
  };
  const errorPage = (message: string) =>
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không thể đăng nhập</title></head><body><main><h1>Không thể đăng nhập</h1><p role="alert">${esc(message)}</p></main></body></html>`;
  const redirect = (res: http.ServerResponse, location: string) => {
    res.writeHead(302, { location, 'cache-control': 'no-store' });
    res.end();
  };
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  async function token(form: URLSearchParams): Promise<Answer> {
    sweep();
    const grant = form.get('grant_type');
    const clientId = form.get('client_id') ?? '';
    if (grant === 'authorization_code') {
      const code = form.get('code') ?? '';
      const verifier = form.get('code_verifier') ?? '';
      if (!code || !clientId || !form.get('redirect_uri')) return oauthError('invalid_request', 'code, client_id and redirect_uri are required');
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return oauthError('invalid_request', 'code_verifier must be 43 to 128 characters [A-Za-z0-9._~-]');
      const g = codes.get(code);
      codes.delete(code); // single use, whatever the outcome
      if (!g || g.expiresAt < nowSeconds()) return oauthError('invalid_grant', 'the code is unknown, used or expired');
      if (g.clientId !== clientId) return oauthError('invalid_grant', 'the code was issued to another client');
      if (g.redirectUri !== form.get('redirect_uri')) return oauthError('invalid_grant', 'redirect_uri differs from the authorization request');
      if (s256(verifier) !== g.challenge) return oauthError('invalid_grant', 'code_verifier does not match the code challenge');
      const authTime = nowSeconds();
      const tokens = await signIn(opts.keys, opts.users, g.username, { ...(g.nonce ? { nonce: g.nonce } : {}), authTime });
      if (!tokens) return oauthError('invalid_grant', 'the user is disabled or gone');
      const refresh = randomBytes(48).toString('base64url');
      refreshTokens.set(refresh, { clientId, username: g.username, authTime, expiresAt: nowSeconds() + REFRESH_SECONDS });
      return { status: 200, body: { access_token: tokens.accessToken, id_token: tokens.idToken, refresh_token: refresh, token_type: 'Bearer', expires_in: PERSON_TOKEN_SECONDS } };
    }
    if (grant === 'refresh_token') {
      const refresh = form.get('refresh_token') ?? '';
      if (!refresh || !clientId) return oauthError('invalid_request', 'refresh_token and client_id are required');
      const g = refreshTokens.get(refresh);
      if (!g || g.expiresAt < nowSeconds() || g.clientId !== clientId) return oauthError('invalid_grant', 'the refresh token is unknown, revoked, expired or of another client');
      const tokens = await signIn(opts.keys, opts.users, g.username, { authTime: g.authTime });
      if (!tokens) {
        refreshTokens.delete(refresh);
        return oauthError('invalid_grant', 'the user is disabled or gone');
      }
      // Roles and clearance as the directory holds them now; the refresh token is kept (returned again).
      return { status: 200, body: { access_token: tokens.accessToken, id_token: tokens.idToken, refresh_token: refresh, token_type: 'Bearer', expires_in: PERSON_TOKEN_SECONDS } };
    }
    return oauthError('unsupported_grant_type', 'grant_type must be authorization_code, refresh_token or client_credentials');
  }

  async function handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = requestOrigin(req);
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      json(res, 200, {
        issuer: LOCAL_ISSUER,
        authorization_endpoint: `${origin}/oauth2/authorize`,
        token_endpoint: `${origin}/oauth2/token`,
        jwks_uri: `${origin}/.well-known/jwks.json`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
        code_challenge_methods_supported: ['S256'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid', 'aws.cognito.signin.user.admin'],
        token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
      });
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/.well-known/jwks.json') {
      json(res, 200, JSON.parse(readFileSync(opts.keys.jwksPath, 'utf8')));
      return true;
    }
    if (url.pathname !== '/oauth2/authorize') return false;
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, POST' });
      res.end();
      return true;
    }
    const params = req.method === 'GET' ? url.searchParams : new URLSearchParams(body.toString('utf8'));
    const checked = checkRequest(params, origin);
    if ('page' in checked) return html(res, 400, errorPage(checked.page)), true;
    if ('redirect' in checked) return redirect(res, checked.redirect), true;
    if (req.method === 'GET') return html(res, 200, signInPage(checked.ok)), true;
    const username = (params.get('username') ?? '').trim();
    const user = params.get('password') === password ? await opts.users.get(username) : undefined;
    if (!user || !user.enabled) return html(res, 401, signInPage(checked.ok, 'Tên đăng nhập hoặc mật khẩu không đúng.', username)), true;
    sweep();
    const code = randomBytes(32).toString('base64url');
    codes.set(code, {
      clientId: checked.ok.client_id!,
      redirectUri: checked.ok.redirect_uri!,
      challenge: checked.ok.code_challenge!,
      username: user.username,
      ...(checked.ok.nonce ? { nonce: checked.ok.nonce } : {}),
      expiresAt: nowSeconds() + CODE_SECONDS,
    });
    const back = new URL(checked.ok.redirect_uri!);
    back.searchParams.set('code', code);
    if (checked.ok.state) back.searchParams.set('state', checked.ok.state);
    redirect(res, back.toString());
    return true;
  }

  return { handle, token };
}
