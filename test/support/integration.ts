/**
 * For integration test files: applies the embedded environment from the global setup,
 * and makes tokens and API Gateway events to call handlers directly.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { ensureKeys } from '../../local/keys';
import { findDemoUser, poolUser } from '../../local/demo-users';
import { personAccessToken } from '../../local/issuer';
import { lambdaContext } from '../../local/gateway';
import { matchPath } from '../../shared/platform/http/route';
import { ROUTES } from '../../shared/api/routes';
import { assertDeclared } from './openapi-check';

export function useEmbeddedEnv(): Record<string, string> {
  const env = inject('embeddedEnv');
  Object.assign(process.env, env);
  return env;
}

/** A token for a seeded demo user, signed with the embedded key. */
export async function tokenFor(username: string, opts: { expired?: boolean } = {}): Promise<string> {
  const user = findDemoUser(username);
  if (!user) throw new Error(`no demo user ${username}`);
  const jwks = process.env.DAUMOI_LOCAL_JWKS!;
  const keys = await ensureKeys(jwks.replace(/\/keys\/jwks\.json$/, ''));
  return personAccessToken(keys, poolUser(user), opts.expired ? { expiresInSeconds: -60 } : {});
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- middy handlers take extra optional arguments
type Handler = (e: APIGatewayProxyEvent, c: Context & any) => Promise<APIGatewayProxyResult>;

/** Calls a handler with the event API Gateway would send for this request; the answer is checked against the OpenAPI document. */
export async function invoke(
  handler: Handler,
  req: { method: string; path: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; query?: Record<string, string> },
): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const route = ROUTES.find((r) => r.method === req.method && matchPath(r.path, req.path));
  if (!route) throw new Error(`no route ${req.method} ${req.path}`);
  const params = matchPath(route.path, req.path)!;
  const headers: Record<string, string> = { ...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...req.headers };
  if (req.token) headers.Authorization = `Bearer ${req.token}`;
  const requestId = randomUUID();
  const event = {
    resource: route.path,
    path: req.path,
    httpMethod: req.method,
    headers,
    multiValueHeaders: {},
    queryStringParameters: req.query ?? null,
    multiValueQueryStringParameters: null,
    pathParameters: Object.keys(params).length ? params : null,
    stageVariables: null,
    body: req.rawBody ?? (req.body !== undefined ? JSON.stringify(req.body) : null),
    isBase64Encoded: false,
    requestContext: { requestId, httpMethod: req.method, path: req.path, resourcePath: route.path } as APIGatewayProxyEvent['requestContext'],
  } as APIGatewayProxyEvent;
  const res = await handler(event, lambdaContext(route.fn, requestId));
  // Every answer a test receives must be what the OpenAPI document declares for it.
  assertDeclared({ method: req.method, path: req.path, status: res.statusCode, headers: res.headers ?? {}, text: res.isBase64Encoded ? undefined : (res.body ?? '') });
  const isJson = String(res.headers?.['content-type'] ?? '').includes('json');
  return { status: res.statusCode, body: isJson && res.body ? JSON.parse(res.body) : res.body, headers: res.headers ?? {} };
}
