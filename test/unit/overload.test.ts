/**
 * Overload is answered 429 with Retry-After, never 503: the register's queue of waiting
 * registrations is bounded (length and wait), what does not fit is refused before anything is
 * written, and every 429 says when to retry — in the response and in the OpenAPI document.
 */
import { describe, expect, it } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { errorHandler } from '../../shared/platform/http/middleware/error-handler';
import { ThrottledError } from '../../shared/platform/errors';
import { GaplessCounter, type CounterJob } from '../../shared/registers/adapters/gapless-counter';
import { buildOpenApi } from '../../shared/api/openapi';
import { ROUTES } from '../../shared/api/routes';
import { event, run } from '../support/middy';

const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });

describe('429 responses', () => {
  it.each([
    ['the register busy, retry in 3 s', new ThrottledError('The register is busy', 3), '3'],
    ['DynamoDB throttling', Object.assign(new Error('x'), { name: 'ThrottlingException' }), '1'],
    ['a Lambda concurrency limit', Object.assign(new Error('x'), { name: 'TooManyRequestsException' }), '1'],
  ])('%s → 429 with Retry-After %s', async (_what, err, seconds) => {
    const fail = { before: async () => { throw err; } };
    const { res, body } = await run([errorHandler({ logger }), fail], event());
    expect(res.statusCode).toBe(429);
    expect(res.headers?.['retry-after']).toBe(seconds);
    expect(body.error.code).toBe('THROTTLED');
  });

  it('a dependency that cannot be reached is still 503, without Retry-After', async () => {
    const fail = { before: async () => { throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }); } };
    const { res } = await run([errorHandler({ logger }), fail], event());
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['retry-after']).toBeUndefined();
  });

  it('every route documents 429 with its Retry-After header', () => {
    const doc = buildOpenApi(ROUTES, 'test') as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>> };
    // The routes of the table (the token endpoint is Cognito's, not a route of the API).
    const routePaths = new Set(ROUTES.map((r) => r.path));
    const ops = Object.entries(doc.paths)
      .filter(([path]) => routePaths.has(path))
      .flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op] as const));
    expect(ops.length).toBe(ROUTES.length);
    for (const [name, op] of ops) {
      expect(op.responses['429'], name).toBeDefined();
      expect(op.responses['429']!.headers?.['Retry-After'], name).toMatchObject({ schema: { type: 'integer' } });
    }
  });
});

/** A DynamoDB client whose calls never answer: the counter's first read holds the queue. */
const stalled = { send: () => new Promise(() => undefined) } as unknown as DynamoDBDocumentClient;
const job = (): CounterJob<number> => ({ keys: [], size: 1, items: () => [], done: (n) => n, conditionFailed: async () => ({ retry: true }) });

describe('the register queue is bounded', () => {
  it('refuses at once, with 429, a registration that finds the queue full', async () => {
    const counter = new GaplessCounter(stalled, 'Data', { maxQueue: 3 });
    const waiting = Array.from({ length: 4 }, () => counter.take('incoming/2026', job()));
    // The first is in flight (its batch), three wait: the queue is full.
    const refused = counter.take('incoming/2026', job());
    await expect(refused).rejects.toBeInstanceOf(ThrottledError);
    await expect(refused).rejects.toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number) });
    void waiting;
  });

  it('refuses, before writing, a registration that waited longer than maxWaitMs', async () => {
    let sends = 0;
    let release!: () => void;
    const slow = {
      send: () => {
        sends++;
        return sends === 1 ? new Promise((r) => (release = () => r({ Item: { last: 0 } }))) : Promise.resolve({});
      },
    } as unknown as DynamoDBDocumentClient;
    const counter = new GaplessCounter(slow, 'Data', { maxWaitMs: 50, maxBatch: 1 });
    const first = counter.take('incoming/2026', job());
    const second = counter.take('incoming/2026', job());
    await new Promise((r) => setTimeout(r, 80));
    release();
    expect(await first).toBe(1);
    await expect(second).rejects.toBeInstanceOf(ThrottledError);
    expect(sends).toBe(2); // the first job's read and transaction; nothing for the refused one
  });
});
