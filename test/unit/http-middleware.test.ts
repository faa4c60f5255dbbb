import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Logger } from '@aws-lambda-powertools/logger';
import { errorHandler, classify } from '../../shared/platform/http/middleware/error-handler';
import { jsonBody } from '../../shared/platform/http/middleware/json-body';
import { validate } from '../../shared/platform/http/middleware/validate';
import { resolveRoute } from '../../shared/platform/http/middleware/resolve-route';
import { idempotencyKey } from '../../shared/platform/http/middleware/idempotency';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../shared/platform/errors';
import { defineRoute, type Route } from '../../shared/platform/http/route';
import { event, run } from '../support/middy';

const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
const route: Route = defineRoute({
  operationId: 'createThing',
  method: 'POST',
  path: '/v1/things',
  fn: 'system',
  auth: 'user',
  summary: 'test',
  tags: [],
  idempotent: true,
  request: { body: z.object({ name: z.string().min(1).max(5), count: z.number().int() }), query: z.object({ limit: z.coerce.number().max(10).optional() }) },
  responses: { 201: { description: 'ok' } },
});
const headers = { 'content-type': 'application/json' };

describe('error handler', () => {
  it.each([
    [new ValidationError('bad', [{ path: 'body.x', message: 'nope' }]), 400, 'VALIDATION_FAILED'],
    [new ForbiddenError('no'), 403, 'FORBIDDEN'],
    [new NotFoundError('gone'), 404, 'NOT_FOUND'],
    [new ConflictError('stale', [], 'STALE_VERSION'), 409, 'STALE_VERSION'],
    [Object.assign(new Error('x'), { name: 'IdempotencyValidationError' }), 409, 'IDEMPOTENCY_KEY_REUSED'],
    [Object.assign(new Error('x'), { name: 'ThrottlingException' }), 429, 'THROTTLED'],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 503, 'SERVICE_UNAVAILABLE'],
    [new TypeError("Cannot read properties of undefined (reading 'x')"), 500, 'INTERNAL'],
  ])('maps %s to %i', (err, status, code) => {
    expect(classify(err)).toMatchObject({ status, code });
  });

  it('hides the internals of a 500 and gives the request id', async () => {
    const boom = { before: async () => { throw new Error('secret table name daumoi-Data leaked'); } };
    const { res, body } = await run([errorHandler({ logger }), boom], event());
    expect(res.statusCode).toBe(500);
    expect(body).toEqual({ error: { code: 'INTERNAL', message: 'Internal error', requestId: 'req-1' } });
    expect(res.body).not.toContain('daumoi-Data');
  });

  it('returns the details of a domain error', async () => {
    const fail = { before: async () => { throw new ValidationError('subject too long', [{ path: 'body.subject', message: 'max 1000' }]); } };
    const { res, body } = await run([errorHandler({ logger }), fail], event());
    expect(res.statusCode).toBe(400);
    expect(body.error).toEqual({ code: 'VALIDATION_FAILED', message: 'subject too long', details: [{ path: 'body.subject', message: 'max 1000' }] });
  });
});

describe('resolve route', () => {
  it('finds the route by method and resource and lower-cases header names', async () => {
    const { seen } = await run([resolveRoute([route])], event({ headers: { 'X-Thing': 'a' } }));
    expect(seen?.route?.operationId).toBe('createThing');
    expect(seen?.headers).toEqual({ 'x-thing': 'a' });
  });
  it('answers 404 for an unknown route', async () => {
    const { res } = await run([errorHandler({ logger }), resolveRoute([route])], event({ resource: '/v1/other', path: '/v1/other' }));
    expect(res.statusCode).toBe(404);
  });
});

describe('json body', () => {
  const chain = [errorHandler({ logger }), jsonBody({ maxBytes: 100 })];
  it('parses JSON and normalises text to NFC', async () => {
    const decomposed = 'Nghi\u0323 quyê\u0301t';
    const { seen } = await run(chain, event({ body: JSON.stringify({ name: decomposed }) }), { route, headers });
    expect(seen?.body).toEqual({ name: 'Nghị quyết' });
    expect((seen?.body as { name: string }).name).toBe('Nghị quyết'.normalize('NFC'));
  });
  it('parses a base64 body', async () => {
    const { seen } = await run(chain, event({ body: Buffer.from('{"a":1}').toString('base64'), isBase64Encoded: true }), { route, headers });
    expect(seen?.body).toEqual({ a: 1 });
  });
  it('rejects a body that is not JSON with 400', async () => {
    const { res, body } = await run(chain, event({ body: '{"name": ' }), { route, headers });
    expect(res.statusCode).toBe(400);
    expect(body.error.code).toBe('INVALID_JSON');
  });
  it('rejects another content type with 415 and an oversized body with 413', async () => {
    expect((await run(chain, event({ body: 'a=1' }), { route, headers: { 'content-type': 'text/plain' } })).res.statusCode).toBe(415);
    expect((await run(chain, event({ body: JSON.stringify({ x: 'y'.repeat(200) }) }), { route, headers })).res.statusCode).toBe(413);
  });
});

describe('validate', () => {
  const chain = [errorHandler({ logger }), validate()];
  it('passes the parsed values on', async () => {
    const { seen } = await run(chain, event({ queryStringParameters: { limit: '5' } }), { route, body: { name: 'abc', count: 2 } });
    expect(seen?.body).toEqual({ name: 'abc', count: 2 });
    expect(seen?.query).toEqual({ limit: 5 });
  });
  it('lists every problem with its path', async () => {
    const { res, body } = await run(chain, event({ queryStringParameters: { limit: '50' } }), { route, body: { name: 'toolong', count: 1.5 } });
    expect(res.statusCode).toBe(400);
    const paths = body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['body.count', 'body.name', 'query.limit']);
  });
  it('requires a body when the route has a body schema', async () => {
    const { res, body } = await run(chain, event(), { route, body: undefined });
    expect(res.statusCode).toBe(400);
    expect(body.error.details[0].path).toBe('body');
  });
});

describe('idempotency key', () => {
  const caller = { sub: 'user-1', username: 'u', roles: [], clearance: 'none' as const };
  it('scopes the key to the operation and the caller', async () => {
    const ev = event();
    await run([idempotencyKey()], ev, { route, caller, headers: { 'idempotency-key': 'abc-123' } });
    expect((ev as unknown as Record<string, unknown>).daumoiIdempotencyKey).toBe('createThing#user-1#abc-123');
  });
  it('leaves requests without the header alone', async () => {
    const ev = event();
    await run([idempotencyKey()], ev, { route, caller, headers: {} });
    expect((ev as unknown as Record<string, unknown>).daumoiIdempotencyKey).toBeUndefined();
  });
  it('rejects a malformed key', async () => {
    const { res } = await run([errorHandler({ logger }), idempotencyKey()], event(), { route, caller, headers: { 'idempotency-key': 'x'.repeat(200) } });
    expect(res.statusCode).toBe(400);
  });
});
