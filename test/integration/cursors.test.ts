/**
 * Cursors (api.md: lists take an opaque `cursor`): a forged or stale cursor on any route that takes
 * one is a 400 that says the cursor is not valid — never a 500 — and a cursor cannot be pointed
 * at another query's keys (another register, year, entity, organisation or month). fast-check
 * sends random strings, random JSON objects in the cursor's encoding, and tampered copies of
 * real cursors to every route whose query schema has `cursor`. The file works on tables of its own.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';

useEmbeddedEnv();
await (await import('../support/own-tables')).useOwnTables('cursors');

const { useOfficeRuntime, routeKey, routeOf, setUpOffice, REQUESTS, OFFICE_YEAR } = await import('../support/route-requests');
const { ROUTES } = await import('../../shared/api/routes');
// Search indexing follows the Data table's stream, as in the office: this process reads it.
const { startSearchIndexing } = await import('../../local/plugins/search-indexer');
const indexing = await startSearchIndexing();
afterAll(() => indexing.stop());
const { EXPECTED } = await import('../support/authz-matrix');
import type { Office, RouteRequest } from '../support/route-requests';

useOfficeRuntime();

/** Every route whose query schema takes a cursor. */
const CURSOR_ROUTES = ROUTES.filter((r) => {
  const shape = (r.request?.query as { shape?: Record<string, unknown> } | undefined)?.shape;
  return !!shape && 'cursor' in shape;
}).map(routeKey);

let o: Office;
/** For each cursor route: who may call it and the request with a small page. */
const calls: Record<string, { token: string; req: RouteRequest }> = {};

/** The first identity the matrix allows on the route, preferring the one who sees most. */
function caller(key: string): string {
  // The specialist is the one with appraisals waiting.
  if (key === 'GET /v1/tasks') return o.tokens.chuyenvien!;
  const row = EXPECTED[key]!;
  const order = ['bithu', 'admin', 'chuyenvien', 'vanthu', 'chanhvp', 'client', 'bantochuc'] as const;
  const who = order.find((w) => row[w] === 'allowed')!;
  return o.tokens[who]!;
}

const send = (key: string, cursor: string | undefined, extra: Record<string, string> = {}) => {
  const { token, req } = calls[key]!;
  return o.call(routeOf(key), { ...req, query: { ...req.query, ...extra, ...(cursor !== undefined ? { cursor } : {}) } }, token);
};

beforeAll(async () => {
  o = await setUpOffice();
  // Enough of everything for a second page at limit 1: a second report period, a second audit
  // event on the incoming entry (its assignment).
  const r = await o.call(routeOf('POST /v1/reports'), { path: '/v1/reports', body: { reportType: o.fx.reportType, period: `${OFFICE_YEAR}-04`, title: 'Báo cáo tháng 4' } }, o.tokens.client);
  expect(r.status).toBe(201);
  const p = await o.call(routeOf('PATCH /v1/registers/incoming/entries/{id}'), { path: `/v1/registers/incoming/entries/${o.fx.incomingId}`, body: { version: 1, note: 'Chuyển xử lý' } }, o.tokens.chanhvp);
  expect(p.status).toBe(200);
  // Search indexing follows the registrations: wait until the entries are findable.
  for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((res) => setTimeout(res, 200))) {
    const found = await o.call(routeOf('GET /v1/search'), { path: '/v1/search', query: { q: 'kiểm tra', year: String(OFFICE_YEAR) } }, o.tokens.bithu);
    if (found.body.items?.length >= 2) break;
  }
  for (const key of CURSOR_ROUTES) {
    const base = await REQUESTS[key]!(o, 'plain');
    const query: Record<string, string> = { ...base.query, limit: '1' };
    if (key === 'GET /v1/reports') delete query.reportType;
    if (key === 'GET /v1/search') query.q = 'kiểm tra';
    calls[key] = { token: caller(key), req: { ...base, query } };
  }
}, 180_000);

describe('cursors', () => {
  it('the routes that take a cursor are the ones expected', () => {
    expect(CURSOR_ROUTES.sort()).toEqual(
      [
        'GET /v1/assignments',
        'GET /v1/audit',
        'GET /v1/drafts',
        'GET /v1/exchange/inbox',
        'GET /v1/notifications/outbox',
        'GET /v1/orgs',
        'GET /v1/registers/incoming/entries',
        'GET /v1/registers/outgoing/entries',
        'GET /v1/reports',
        'GET /v1/search',
        'GET /v1/tasks',
      ].sort(),
    );
  });

  it('a random string, or random JSON in the cursor encoding, is a 400 naming the cursor on every route', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
    const forged = fc.oneof(
      fc.string({ minLength: 1, maxLength: 60 }),
      fc.base64String({ minLength: 4, maxLength: 80 }),
      fc.jsonValue().map(b64),
      fc.dictionary(fc.constantFrom('pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'month', 'key', 'k', 't', 'h', 'm', 'o'), fc.jsonValue()).map(b64),
      fc.constantFrom('-1', 'NaN', '9999999999999999999999', b64({ pk: 'CHAIN', sk: 'HEAD' }), b64({ month: '2020-01', key: { pk: 1 } }), b64({ t: 'NO-SUCH-TYPE', k: { gsi1pk: 1 } }), b64({ t: ' ' }), b64({ t: 'a/b' }), b64(null), b64([])),
    );
    for (const key of CURSOR_ROUTES) {
      await fc.assert(
        fc.asyncProperty(forged, async (cursor) => {
          const r = await send(key, cursor);
          expect(r.status, `${key} cursor=${JSON.stringify(cursor)} → ${r.status} ${JSON.stringify(r.body)}`).toBe(400);
          expect(JSON.stringify(r.body.error)).toMatch(/cursor/i);
        }),
        { numRuns: 25 },
      );
    }
  }, 300_000);

  it.each([
    ['a code with a space', { t: ' ' }],
    ['a code with a slash', { t: 'a/b' }],
    ['an empty code', { t: '' }],
    ['a code of no report type of the office (types are never deleted)', { t: 'NO-SUCH-TYPE' }],
  ])('GET /v1/reports: a walk cursor naming %s is a 400 naming the cursor', async (_name, forged) => {
    const r = await send('GET /v1/reports', Buffer.from(JSON.stringify(forged), 'utf8').toString('base64url'));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error)).toMatch(/cursor/i);
  });

  it('a real cursor works; tampered copies are a 400 or a page of the same list — never a 500', async () => {
    const real: Record<string, string> = {};
    for (const key of CURSOR_ROUTES.filter((k) => k !== 'GET /v1/notifications/outbox')) {
      const first = await send(key, undefined);
      expect(first.status, key).toBe(200);
      expect(first.body.nextCursor, `${key} has a second page`).toEqual(expect.any(String));
      real[key] = first.body.nextCursor;
      const second = await send(key, real[key]);
      expect(second.status, key).toBe(200);
    }
    const tamper = (cursor: string) =>
      fc.oneof(
        // One character changed.
        fc.nat({ max: cursor.length - 1 }).chain((i) => fc.constantFrom('A', 'z', '0', '_', '-').map((c) => cursor.slice(0, i) + c + cursor.slice(i + 1))),
        // Cut short, or lengthened.
        fc.nat({ max: cursor.length - 1 }).map((i) => cursor.slice(0, i + 1)),
        fc.string({ minLength: 1, maxLength: 8 }).map((s) => cursor + s),
        // Its JSON with one value (at any depth) replaced by anything, or one key dropped.
        fc.tuple(fc.nat(), fc.jsonValue(), fc.boolean()).map(([i, v, drop]) => {
          const json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
          const slots: [Record<string, unknown>, string][] = [];
          const walk = (x: unknown) => {
            if (x && typeof x === 'object') for (const [k, y] of Object.entries(x)) (slots.push([x as Record<string, unknown>, k]), walk(y));
          };
          walk(json);
          const slot = slots[i % Math.max(1, slots.length)];
          if (!slot) return Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
          if (drop) delete slot[0][slot[1]];
          else slot[0][slot[1]] = v;
          return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
        }),
      );
    for (const [key, cursor] of Object.entries(real)) {
      await fc.assert(
        fc.asyncProperty(tamper(cursor), async (t) => {
          const r = await send(key, t);
          expect([200, 400], `${key} cursor=${t} → ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
          if (r.status === 400) expect(JSON.stringify(r.body.error)).toMatch(/cursor/i);
        }),
        { numRuns: 30 },
      );
    }
  }, 300_000);

  it("a cursor of one query cannot read another query's keys", async () => {
    // The incoming register of another year, the outgoing register, an audit entity's history, another organisation's reports.
    const incoming = (await send('GET /v1/registers/incoming/entries', undefined)).body.nextCursor as string;
    const otherYear = await send('GET /v1/registers/incoming/entries', incoming, { year: String(OFFICE_YEAR - 1) });
    expect(otherYear.status).toBe(400);
    expect((await send('GET /v1/registers/outgoing/entries', incoming)).status).toBe(400);
    const audit = (await send('GET /v1/audit', undefined)).body.nextCursor as string;
    expect((await send('GET /v1/audit', audit, { entityId: o.fx.outgoingId })).status).toBe(400);
    const entityCursor = (await send('GET /v1/audit', undefined, { entityId: o.fx.incomingId })).body.nextCursor as string;
    expect((await send('GET /v1/audit', entityCursor, { entityId: o.fx.outgoingId })).status).toBe(400);
    const reports = (await send('GET /v1/reports', undefined)).body.nextCursor as string;
    const json = JSON.parse(Buffer.from(reports, 'base64url').toString('utf8')) as { k?: Record<string, unknown> };
    const otherOrg = { ...json, k: { ...json.k, gsi2pk: 'ORG#someone-else#REPORTS', gsi1pk: 'RTYPE#OTHER' } };
    const r = await send('GET /v1/reports', Buffer.from(JSON.stringify(otherOrg), 'utf8').toString('base64url'));
    expect(r.status).toBe(400);
  }, 120_000);
});
