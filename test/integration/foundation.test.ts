import { describe, expect, it } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';
import { ulid } from 'ulid';
import { useEmbeddedEnv } from '../support/integration';
import { event, run } from '../support/middy';
import { defineRoute } from '../../shared/platform/http/route';
import { errorHandler } from '../../shared/platform/http/middleware/error-handler';
import { idempotency, idempotencyKey } from '../../shared/platform/http/middleware/idempotency';
import { dynamoClient, documentClient } from '../../shared/platform/aws/dynamodb-client';
import { tableName } from '../../shared/platform/aws/tables';
import { DynamoAuditLog } from '../../shared/audit/adapters/dynamo-audit-log';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { DaumoiContext } from '../../shared/platform/http/types';
import { lambdaContext } from '../../local/gateway';
import { toProxyResult } from '../../shared/platform/http/response';

useEmbeddedEnv();
const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
const caller = { sub: `user-${ulid()}`, username: 'vanthu', roles: ['van-thu' as const], clearance: 'mat' as const };

describe('Idempotency-Key on DynamoDB Local (Powertools)', () => {
  const route = defineRoute({
    operationId: 'createCounter',
    method: 'POST',
    path: '/v1/counters',
    fn: 'system',
    auth: 'user',
    idempotent: true,
    summary: '',
    tags: [],
    request: { body: z.object({ n: z.number() }) },
    responses: {},
  });
  let created = 0;
  const handler = middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext>(async () => toProxyResult({ status: 201, body: { id: ++created } }))
    .use(errorHandler({ logger }))
    .use({ before: async (r) => void (r.context.daumoi = { route, caller, headers: Object.fromEntries(Object.entries(r.event.headers).map(([k, v]) => [k.toLowerCase(), v!])) }) })
    .use(idempotencyKey())
    .use(idempotency({ tableName: tableName('Idempotency'), client: dynamoClient() }));
  const call = (key: string | undefined, body: string) =>
    handler(event({ body, headers: key ? { 'Idempotency-Key': key } : {} }), lambdaContext('system', ulid()) as DaumoiContext);

  it('returns the first response for the same key and body, and creates nothing new', async () => {
    const key = ulid();
    const first = await call(key, '{"n":1}');
    const second = await call(key, '{"n":1}');
    expect(first.statusCode).toBe(201);
    expect(second).toEqual(first);
    expect(created).toBe(1);
  });
  it('answers 409 for the same key with another body', async () => {
    const key = ulid();
    await call(key, '{"n":1}');
    const before = created;
    const other = await call(key, '{"n":2}');
    expect(other.statusCode).toBe(409);
    expect(JSON.parse(other.body).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(created).toBe(before);
  });
  it('runs every request without a key', async () => {
    const before = created;
    await call(undefined, '{"n":1}');
    await call(undefined, '{"n":1}');
    expect(created).toBe(before + 2);
  });
  it('does not cache an error: a retry after a failure runs again', async () => {
    let fail = true;
    const flaky = middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext>(async () => {
      if (fail) throw new Error('transient');
      return toProxyResult({ status: 201, body: { ok: true } });
    })
      .use(errorHandler({ logger }))
      .use({ before: async (r) => void (r.context.daumoi = { route, caller, headers: { 'idempotency-key': 'flaky-1' } }) })
      .use(idempotencyKey())
      .use(idempotency({ tableName: tableName('Idempotency'), client: dynamoClient() }));
    expect((await flaky(event({ body: '{"n":1}' }), lambdaContext('system', ulid()) as DaumoiContext)).statusCode).toBe(500);
    fail = false;
    expect((await flaky(event({ body: '{"n":1}' }), lambdaContext('system', ulid()) as DaumoiContext)).statusCode).toBe(201);
  });
});

describe('DynamoDB audit log', () => {
  const audit = new DynamoAuditLog(documentClient(), tableName('Audit'));
  it('records who, what, when, the entity and before/after, and lists them by entity and by time', async () => {
    const entityId = `e-${ulid()}`;
    const at1 = new Date('2026-03-01T02:00:00Z');
    const at2 = new Date('2026-04-02T02:00:00Z');
    await audit.record({ actor: caller, action: 'create', entityType: 'thing', entityId, before: null, after: { v: 1 }, requestId: 'r1', at: at1 });
    await audit.record({ actor: caller, action: 'update', entityType: 'thing', entityId, before: { v: 1 }, after: { v: 2 }, requestId: 'r2', at: at2 });
    const byEntity = await audit.list({ entityId });
    expect(byEntity.items.map((e) => [e.action, e.before, e.after, e.actor.username, e.at])).toEqual([
      ['create', null, { v: 1 }, 'vanthu', at1.toISOString()],
      ['update', { v: 1 }, { v: 2 }, 'vanthu', at2.toISOString()],
    ]);
    const byTime = await audit.list({ from: '2026-04-01', to: '2026-04-30' });
    expect(byTime.items.filter((e) => e.entityId === entityId).map((e) => e.action)).toEqual(['update']);
  });
  it('lists the office-wide log newest first, page by page across months, without losing or repeating an event', async () => {
    // 2031 is this test's own year: seven events in four months, with empty months between.
    const ats = ['2031-01-05', '2031-01-20', '2031-03-02', '2031-03-03', '2031-03-04', '2031-08-10', '2031-12-31'].map((d) => new Date(`${d}T03:00:00Z`));
    const recorded = [];
    for (const at of ats) recorded.push(await audit.record({ actor: caller, action: 'touch', entityType: 'thing', entityId: `m-${ulid()}`, before: null, after: null, at }));
    const newestFirst = recorded.map((e) => e.eventId).reverse();
    for (const limit of [1, 2, 3, 7, 50]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await audit.list({ from: '2031-01-01', to: '2031-12-31', limit, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((e) => e.eventId));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 20);
      expect(seen, `limit ${limit}`).toEqual(newestFirst);
    }
  });

  it('adds its event to a transaction as a conditional put', () => {
    const { transactItem, event: ev } = audit.prepare({ actor: caller, action: 'void', entityType: 'x', entityId: 'x1', before: 1, after: 2 });
    expect(transactItem).toMatchObject({ Put: { TableName: tableName('Audit'), Item: { entityId: 'x1', eventId: ev.eventId } } });
  });
});
