/**
 * The embedded API Gateway: turns each HTTP request into the REST API proxy event the cloud
 * sends (resource, path parameters, query, headers, base64 body for binary, request id,
 * authorizer claims) and calls the same Lambda handler the cloud runs.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { decodeJwt } from 'jose';
import { ROUTES } from '../shared/api/routes';
import { matchPath, type ApiFunction, type Route } from '../shared/platform/http/route';
import type { IdentityVerifier } from '../shared/identity/ports/identity-verifier';
import { errorResult } from '../shared/platform/http/response';
import type { Edge } from '../shared/edge/edge';
import { embeddedEdge } from './edge';

export type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** Extra endpoints outside the route table (the token endpoint, test hooks). Return false to pass. */
export type Extra = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => Promise<boolean>;

const TEXT_TYPES = /^(application\/(json|[\w.+-]*\+json|x-www-form-urlencoded|xml)|text\/)/i;
const handlers = new Map<ApiFunction, Promise<Handler>>();

/** Loads `functions/<fn>.ts` once, as Lambda would on a cold start, and composes it with the embedded edge. */
export function loadHandler(fn: ApiFunction, edge: Edge = embeddedEdge()): Promise<Handler> {
  let h = handlers.get(fn);
  if (!h) {
    h = import(`../functions/${fn}.ts`).then((m: { compose: (edge: Edge) => Handler }) => m.compose(edge));
    handlers.set(fn, h);
  }
  return h;
}

export function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | { allowed: string[] } | null {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return allowed.length ? { allowed } : null;
}

export function lambdaContext(fn: string, requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `daumoi-${fn}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:daumoi-${fn}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/daumoi-${fn}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 29_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export function buildEvent(req: http.IncomingMessage, url: URL, body: Buffer, route: Route, params: Record<string, string>, claims: Record<string, unknown> | null, requestId: string): APIGatewayProxyEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const k = req.rawHeaders[i]!;
    const v = req.rawHeaders[i + 1]!;
    headers[k] = v;
    (multiValueHeaders[k] ??= []).push(v);
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) {
    query[k] = v;
    (multiQuery[k] ??= []).push(v);
  }
  const contentType = String(req.headers['content-type'] ?? '');
  const isBinary = body.length > 0 && !TEXT_TYPES.test(contentType);
  return {
    resource: route.path,
    path: url.pathname,
    httpMethod: route.method,
    headers,
    multiValueHeaders,
    queryStringParameters: Object.keys(query).length ? query : null,
    multiValueQueryStringParameters: Object.keys(multiQuery).length ? multiQuery : null,
    pathParameters: Object.keys(params).length ? params : null,
    stageVariables: null,
    body: body.length ? (isBinary ? body.toString('base64') : body.toString('utf8')) : null,
    isBase64Encoded: isBinary,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      stage: 'v1',
      protocol: 'HTTP/1.1',
      httpMethod: route.method,
      path: url.pathname,
      resourceId: route.operationId,
      resourcePath: route.path,
      requestId,
      requestTimeEpoch: Date.now(),
      authorizer: claims ? { claims } : null,
      identity: { sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: String(req.headers['user-agent'] ?? '') } as APIGatewayProxyEvent['requestContext']['identity'],
    },
  };
}

function send(res: http.ServerResponse, r: APIGatewayProxyResult, requestId: string): void {
  const headers: Record<string, string> = { 'x-request-id': requestId };
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k] = String(v);
  res.writeHead(r.statusCode, headers);
  res.end(r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** API Gateway's payload limit is 10 MB. */
const MAX_BODY = 10 * 1024 * 1024;

/** `handlers`: how a route's function is had (default: `loadHandler`, composed with the embedded edge). */
export function createGateway(opts: { verifier: () => IdentityVerifier; extras?: Extra[]; handlers?: (fn: ApiFunction) => Promise<Handler> }): http.Server {
  const handlerOf = opts.handlers ?? ((fn: ApiFunction) => loadHandler(fn));
  const server = http.createServer(async (req, res) => {
    const requestId = randomUUID();
    try {
      const body = await readBody(req, MAX_BODY);
      if (body === null) return send(res, errorResult(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${MAX_BODY} bytes`), requestId);
      for (const extra of opts.extras ?? []) if (await extra(req, body, res)) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      const found = findRoute(req.method ?? 'GET', url.pathname);
      if (!found) return send(res, errorResult(404, 'NOT_FOUND', `No route ${req.method} ${url.pathname}`), requestId);
      if ('allowed' in found) return send(res, { ...errorResult(405, 'METHOD_NOT_ALLOWED', `Use ${found.allowed.join(', ')}`), headers: { allow: found.allowed.join(', ') } }, requestId);
      const { route, params } = found;
      let claims: Record<string, unknown> | null = null;
      if (route.auth !== 'none') {
        // The Cognito authorizer's part: reject before the function runs, pass the claims on.
        const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
        if (!m) return send(res, errorResult(401, 'UNAUTHORIZED', 'No bearer token'), requestId);
        try {
          await opts.verifier().verify(m[1]!);
        } catch (err) {
          return send(res, errorResult(401, 'UNAUTHORIZED', (err as Error).message), requestId);
        }
        claims = decodeJwt(m[1]!) as Record<string, unknown>;
      }
      const handler = await handlerOf(route.fn);
      const event = buildEvent(req, url, body, route, params, claims, requestId);
      send(res, await handler(event, lambdaContext(route.fn, requestId)), requestId);
    } catch (err) {
      console.error(`[gateway] ${req.method} ${req.url} failed`, err);
      if (!res.headersSent) send(res, errorResult(500, 'INTERNAL', 'Internal error', undefined, requestId), requestId);
    }
  });
  // Idle connections are kept longer than clients keep theirs (undici: 4 s; API Gateway's edge: far longer): with Node's
  // 5 s, a client whose event loop was busy past 4 s (a test running a CLI synchronously) reused a socket the server was
  // closing at that moment, and its request failed with "other side closed".
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
