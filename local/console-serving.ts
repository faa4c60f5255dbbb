/**
 * The console in the embedded office: `web/dist` served at `/` with the SPA fallback (any other
 * page path answers index.html), `/config.json` (API URL, sign-in authority, client id) that the
 * app reads at start, and the security headers CloudFront adds in the cloud. The API stays under
 * `/v1`, sign-in under `/oauth2` and `/.well-known`: those never reach this.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import type { Extra } from './gateway';
import { LOCAL_WEB_CLIENT_ID } from './issuer';
import { REPO_ROOT } from './paths';
import { requestOrigin } from './authorization-code';

export const CONSOLE_DIST = path.join(REPO_ROOT, 'web', 'dist');

/** What the app reads at start (`web/src/config.ts`): the same keys CDK writes in the cloud. */
export interface ConsoleConfig {
  apiUrl: string;
  authority: string;
  clientId: string;
  /** The Cognito domain's logout endpoint in the cloud; absent embedded (sign-out is local). */
  logoutUrl?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A strict policy: the app's own scripts only; Cloudscape sets inline style attributes. */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** The policy with more origins the console may connect to (the storage its scans are PUT to). */
export const consoleCsp = (connect: readonly string[] = []) => (connect.length ? CONSOLE_CSP.replace("connect-src 'self'", `connect-src 'self' ${connect.join(' ')}`) : CONSOLE_CSP);

const securityHeaders = (csp: string) => ({
  'content-security-policy': csp,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
});

const NOT_CONSOLE = /^\/(v1|oauth2|_local|\.well-known)(\/|$)/;

/** `connect`: origins besides its own the console may connect to (the storage of presigned uploads). */
export function consoleEndpoint(opts: { dist?: string; connect?: readonly string[] } = {}): Extra {
  const dist = opts.dist ?? CONSOLE_DIST;
  const headers = securityHeaders(consoleCsp(opts.connect));
  const send = (req: http.IncomingMessage, res: http.ServerResponse, status: number, type: string, body: Buffer, cache: string) => sendWith(headers, req, res, status, type, body, cache);
  return async (req, _body, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (NOT_CONSOLE.test(url.pathname)) return false;
    if (url.pathname === '/config.json') {
      const origin = requestOrigin(req);
      const config: ConsoleConfig = { apiUrl: origin, authority: origin, clientId: LOCAL_WEB_CLIENT_ID };
      return send(req, res, 200, 'application/json', Buffer.from(JSON.stringify(config)), 'no-store');
    }
    let rel: string;
    try {
      rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    } catch {
      return send(req, res, 400, TYPES['.txt']!, Buffer.from('Đường dẫn không hợp lệ'), 'no-store');
    }
    const file = path.join(dist, rel);
    if (rel && file.startsWith(dist + path.sep) && existsSync(file) && statSync(file).isFile()) {
      const ext = path.extname(file);
      const immutable = rel.startsWith('assets' + path.sep) || rel.startsWith('assets/');
      return send(req, res, 200, TYPES[ext] ?? 'application/octet-stream', readFileSync(file), immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    // A missing asset is a 404; any other path is a page of the app (SPA routing).
    if (path.extname(rel) && rel !== 'index.html') return send(req, res, 404, TYPES['.txt']!, Buffer.from('Không tìm thấy'), 'no-store');
    const index = path.join(dist, 'index.html');
    if (!existsSync(index)) {
      const page = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Trang điều hành chưa được dựng</title><h1>Trang điều hành chưa được dựng</h1><p>Chạy <code>npm run build:web</code> (hoặc <code>npm start</code>, lệnh này tự dựng) rồi tải lại trang.</p></html>`;
      return send(req, res, 503, TYPES['.html']!, Buffer.from(page), 'no-store');
    }
    return send(req, res, 200, TYPES['.html']!, readFileSync(index), 'no-cache');
  };
}

function sendWith(headers: Record<string, string>, req: http.IncomingMessage, res: http.ServerResponse, status: number, type: string, body: Buffer, cache: string): true {
  res.writeHead(status, { 'content-type': type, 'content-length': String(body.length), 'cache-control': cache, ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
