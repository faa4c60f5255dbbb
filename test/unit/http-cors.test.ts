/**
 * The console in the cloud is served from another origin than the API (CloudFront vs API Gateway):
 * a browser reads an answer only when it allows the console's origin. Every answer of the API's
 * chain, errors included, allows exactly the configured origin and never echoes another; with no
 * origin configured (embedded: the console and the API share an origin) there is no CORS header.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { httpHandler, type ChainAuth } from '../../shared/platform/http/api-handler';
import { defineRoute } from '../../shared/platform/http/route';
import { UnauthorizedError } from '../../shared/platform/errors';

const CONSOLE = 'https://d111111abcdef8.cloudfront.net';
const route = defineRoute({ operationId: 'ping', method: 'GET', path: '/v1/ping', fn: 'system', auth: 'user', summary: 'ping', tags: ['t'], responses: { 200: { description: 'ok' } } });
const auth = (signedIn: boolean): ChainAuth => ({
  authenticate: {
    before: async () => {
      if (!signedIn) throw new UnauthorizedError('no token');
    },
  },
  idempotencyTable: () => 'unused',
});
const event = (origin?: string) =>
  ({ httpMethod: 'GET', path: '/v1/ping', resource: '/v1/ping', headers: origin ? { Origin: origin } : {}, queryStringParameters: null, pathParameters: null, body: null, isBase64Encoded: false, requestContext: { requestId: 'r1' } }) as unknown as APIGatewayProxyEvent;
const call = async (signedIn: boolean, origin?: string): Promise<APIGatewayProxyResult> =>
  (await httpHandler('system', [route], { ping: async () => ({ pong: true }) }, auth(signedIn))(event(origin), { functionName: 'system', awsRequestId: 'r1' } as never)) as APIGatewayProxyResult;
const allowed = (r: APIGatewayProxyResult) => Object.entries(r.headers ?? {}).find(([k]) => k.toLowerCase() === 'access-control-allow-origin')?.[1];

const saved = process.env.DAUMOI_CONSOLE_ORIGIN;
afterEach(() => {
  if (saved === undefined) delete process.env.DAUMOI_CONSOLE_ORIGIN;
  else process.env.DAUMOI_CONSOLE_ORIGIN = saved;
});

describe('CORS for the console in the cloud', () => {
  it.each([
    ['an answer', true, 200],
    ['an error (401)', false, 401],
  ])('allows the console\'s origin on %s', async (_what, signedIn, status) => {
    process.env.DAUMOI_CONSOLE_ORIGIN = CONSOLE;
    const r = await call(signedIn, CONSOLE);
    expect(r.statusCode).toBe(status);
    expect(allowed(r)).toBe(CONSOLE);
  });

  it.each(['https://evil.example', 'null', CONSOLE.replace('https', 'http')])('never allows another origin (%s)', async (origin) => {
    process.env.DAUMOI_CONSOLE_ORIGIN = CONSOLE;
    const r = await call(true, origin);
    expect(allowed(r)).not.toBe(origin);
  });

  it('sends no CORS header when no console origin is configured (embedded: one origin)', async () => {
    delete process.env.DAUMOI_CONSOLE_ORIGIN;
    const r = await call(true, CONSOLE);
    expect(r.statusCode).toBe(200);
    expect(allowed(r)).toBeUndefined();
  });
});
