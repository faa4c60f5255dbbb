/**
 * GET /v1/drafts and GET /v1/drafts/counts from the contract: office roles list every draft their
 * clearance covers, a drafting department its own (within its clearance), an organisation's client
 * none; newest first; `?status=`; `limit`/`cursor` paging with no draft twice or missed; nothing above
 * the caller's clearance, on any page or in any count. Drafts of every status and secrecy are put on
 * the real store (DynamoDB Local) as the workflow leaves them, and read through the drafts handler.
 * The file works on tables of its own, so the office-wide list and counts are exactly its drafts.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, useEmbeddedEnv } from '../support/integration';
import { craftedToken, draftsApi, startRunner, tokenFor, type DraftsApi } from '../support/drafts-api';
import { nqDraft } from '../support/drafts';
import type { Caller, Clearance, Secrecy } from '../../shared/platform/security';

useEmbeddedEnv();
await (await import('../support/own-tables')).useOwnTables('drafts-list');
const { officeParts } = await import('../support/parts');
const { DynamoDraftStore, DRAFT_STATUSES } = await import('../../shared/drafts/index');
const { newDraft } = await import('../../shared/drafts/domain/submission');
const { documentClient } = await import('../../shared/platform/aws/dynamodb-client');
const { tableName } = await import('../../shared/platform/aws/tables');
type Draft = import('../../shared/drafts/index').Draft;
type DraftInput = import('../../shared/drafts/index').DraftInput;
type DraftStatus = (typeof DRAFT_STATUSES)[number];

const SECRECIES: (Secrecy | null)[] = [null, 'mat', 'toi-mat', 'tuyet-mat'];
const LEVEL: Record<Clearance, number> = { none: 0, mat: 1, 'toi-mat': 2, 'tuyet-mat': 3 };
const level = (s: Secrecy | null) => LEVEL[s ?? 'none'];
/** The statuses a draft waits in (api.md: the workflow's steps before a final status). */
const OPEN: DraftStatus[] = ['precheck', 'appraisal', 'revision', 'approval'];

const run = randomUUID().slice(0, 8).toUpperCase();
const DEPT_A = `LA${run}`;
const DEPT_B = `LB${run}`;
let api: DraftsApi;
let handler: Parameters<typeof invoke>[0];
/** GET a path of the drafts API with a query. */
const get = (path: string, token: string, query: Record<string, string> = {}) => invoke(handler, { method: 'GET', path, token, query });
let store: InstanceType<typeof DynamoDraftStore>;
/** Every draft this file made, oldest first. */
const seeded: Draft[] = [];
const tokens: Record<string, string> = {};

const drafter = (dept: string): Caller & { dept: string } => ({ sub: `drafter-${dept}`, username: `drafter-${dept}`, roles: ['ban-tham-muu'], clearance: 'tuyet-mat', dept });

/** Puts a draft as the workflow leaves it in `status`, created `n` seconds after a base instant (so the order is known). */
async function seed(dept: string, status: DraftStatus, secrecy: Secrecy | null, n: number): Promise<Draft> {
  const at = new Date(Date.UTC(2026, 10, 1, 0, 0, n));
  const base = newDraft(`${run}-${String(n).padStart(3, '0')}`, { ...(nqDraft({ subject: `Dự thảo thử ${n} của ${dept}` }) as DraftInput), secrecy }, drafter(dept), at);
  const d: Draft = { ...base, status, pendingTask: null, ...(status === 'issued' ? { numberSymbol: `${n}-NQ/TU` } : {}) };
  await store.create(d, { actor: drafter(dept), action: 'draft.create', before: null, after: { id: d.id } });
  seeded.push(d);
  return d;
}

/** Every page of a list, each checked for its size; the items in order. */
async function allPages(token: string, query: Record<string, string> = {}, limit = 7): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 500; pages++) {
    const r = await get('/v1/drafts', token, { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...r.body.items);
    cursor = r.body.nextCursor ?? undefined;
    if (!cursor) return items;
  }
  throw new Error('more than 500 pages');
}

const ids = (items: { id: string }[]) => items.map((d) => d.id);
const newestFirst = (ds: Draft[]) => [...ds].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((d) => d.id);

beforeAll(async () => {
  api = await draftsApi();
  handler = await (await import('../support/parts')).composed('drafts');
  store = new DynamoDraftStore(documentClient(), tableName('Data'), officeParts().audit);
  let n = 0;
  for (const status of DRAFT_STATUSES) for (const secrecy of SECRECIES) await seed(DEPT_A, status, secrecy, n++);
  for (const secrecy of SECRECIES) await seed(DEPT_B, 'appraisal', secrecy, n++);
  for (const u of ['admin', 'vanthu', 'chuyenvien', 'chuyenvien2', 'chanhvp', 'bithu', 'bantochuc']) tokens[u] = await tokenFor(u);
  for (const c of ['none', 'mat', 'toi-mat', 'tuyet-mat'] as const) tokens[`A-${c}`] = await craftedToken(`member-a-${c}-${run}`, ['ban-tham-muu'], { 'custom:clearance': c, 'custom:dept': DEPT_A });
  tokens.noDept = await craftedToken(`member-nodept-${run}`, ['ban-tham-muu'], { 'custom:clearance': 'tuyet-mat' });
}, 120_000);

describe('GET /v1/drafts: who sees what', () => {
  it.each([
    ['chuyenvien2', 'none'],
    ['chuyenvien', 'mat'],
    ['vanthu', 'mat'],
    ['chanhvp', 'toi-mat'],
    ['bithu', 'tuyet-mat'],
  ] as const)('%s (office role, clearance %s) lists every department’s drafts up to that clearance, newest first', async (who, clearance) => {
    const listed = await allPages(tokens[who]!, {}, 6);
    expect(ids(listed)).toEqual(newestFirst(seeded.filter((d) => level(d.secrecy) <= LEVEL[clearance])));
  });

  it.each(['none', 'mat', 'toi-mat', 'tuyet-mat'] as const)('a member of the drafting department (clearance %s) lists only that department’s drafts up to it', async (clearance) => {
    const listed = await allPages(tokens[`A-${clearance}`]!, {}, 5);
    expect(ids(listed)).toEqual(newestFirst(seeded.filter((d) => d.dept === DEPT_A && level(d.secrecy) <= LEVEL[clearance])));
  });

  it('a member of another department sees none of these, and a drafter with no department sees none at all', async () => {
    expect(await allPages(tokens.bantochuc!, {}, 200)).toEqual([]);
    expect(await allPages(tokens.noDept!)).toEqual([]);
  });

  it('no token is a 401', async () => {
    expect((await api.call('GET', '/v1/drafts', '')).status).toBe(401);
  });

  it('an item is the draft’s summary as GET /v1/drafts/{id} shows it, without its body or history', async () => {
    const [first] = await allPages(tokens['A-none']!, { status: 'issued' }, 1);
    const full = await api.get(first.id, tokens['A-none']!);
    for (const k of ['id', 'status', 'subject', 'typeCode', 'issuerCode', 'secrecy', 'urgency', 'dept', 'round', 'createdAt', 'createdBy', 'updatedAt', 'version', 'numberSymbol']) expect(first[k], k).toEqual(full[k]);
    expect(first).not.toHaveProperty('body');
    expect(first).not.toHaveProperty('history');
  });
});

describe('GET /v1/drafts: status and paging', () => {
  it('?status= lists the drafts in that status only, for each status and clearance (fast-check, any page size)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DRAFT_STATUSES), fc.constantFrom('none', 'mat', 'toi-mat', 'tuyet-mat' as const), fc.integer({ min: 1, max: 6 }), async (status, clearance, limit) => {
        const listed = await allPages(tokens[`A-${clearance}`]!, { status }, limit);
        expect(ids(listed)).toEqual(newestFirst(seeded.filter((d) => d.dept === DEPT_A && d.status === status && level(d.secrecy) <= LEVEL[clearance])));
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('pages of any size make the whole list, each draft once (fast-check)', async () => {
    const whole = ids(await allPages(tokens['A-tuyet-mat']!, {}, 200));
    expect(whole).toHaveLength(DRAFT_STATUSES.length * SECRECIES.length);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), async (limit) => {
        expect(ids(await allPages(tokens['A-tuyet-mat']!, {}, limit))).toEqual(whole);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it.each([
    ['an unknown status', { status: 'draft' }],
    ['a limit above 200', { limit: '201' }],
    ['a limit of 0', { limit: '0' }],
    ['a forged cursor', { cursor: 'bm90LWEtY3Vyc29y' }],
  ])('%s is a 400', async (_name, query) => {
    const r = await get('/v1/drafts', tokens.bithu!, query);
    expect(r.status).toBe(400);
  });

  it('a cursor of one list is a 400 on another (another department, or another status)', async () => {
    const first = await get('/v1/drafts', tokens['A-none']!, { limit: '1' });
    const cursor = first.body.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect((await get('/v1/drafts', tokens['A-none']!, { limit: '1', cursor })).status).toBe(200);
    expect((await get('/v1/drafts', tokens.bantochuc!, { limit: '1', cursor })).status).toBe(400);
    expect((await get('/v1/drafts', tokens['A-none']!, { limit: '1', status: 'approval', cursor })).status).toBe(400);
  });
});

describe('the lists follow the draft', () => {
  it('a draft that moves on leaves its old status’s list and joins the new one; a discarded draft leaves every list', async () => {
    const d = await seed(DEPT_B, 'precheck', null, 900);
    const inStatus = async (status: string) => ids(await allPages(tokens.chuyenvien2!, { status }, 200));
    expect(await inStatus('precheck')).toContain(d.id);
    await store.mutate(d.id, (cur) => ({ after: { ...cur, status: 'appraisal', version: cur.version + 1 }, value: null }));
    expect(await inStatus('precheck')).not.toContain(d.id);
    expect(await inStatus('appraisal')).toContain(d.id);
    const moved = (await store.get(d.id))!;
    await store.discard(moved, { actor: drafter(DEPT_B), action: 'draft.discard', before: { id: d.id }, after: null });
    seeded.splice(seeded.indexOf(d), 1);
    expect(ids(await allPages(tokens.chuyenvien2!, {}, 200))).not.toContain(d.id);
    expect(await inStatus('appraisal')).not.toContain(d.id);
  });
});

describe('GET /v1/drafts/counts', () => {
  it.each(['none', 'mat', 'toi-mat', 'tuyet-mat'] as const)('a department member (clearance %s) counts its department’s waiting drafts by status, nothing above the clearance', async (clearance) => {
    const r = await api.call('GET', '/v1/drafts/counts', tokens[`A-${clearance}`]!);
    expect(r.status).toBe(200);
    const expected = Object.fromEntries(OPEN.map((s) => [s, seeded.filter((d) => d.dept === DEPT_A && d.status === s && level(d.secrecy) <= LEVEL[clearance]).length]));
    expect(r.body).toEqual({ byStatus: expected, waiting: Object.values(expected).reduce((a, b) => a + b, 0) });
  });

  it.each([
    ['chuyenvien2', 'none'],
    ['vanthu', 'mat'],
    ['chanhvp', 'toi-mat'],
    ['bithu', 'tuyet-mat'],
  ] as const)('%s (office role, clearance %s) counts every department’s waiting drafts up to that clearance', async (who, clearance) => {
    const r = await api.call('GET', '/v1/drafts/counts', tokens[who]!);
    expect(r.status).toBe(200);
    const expected = Object.fromEntries(OPEN.map((s) => [s, seeded.filter((d) => d.status === s && level(d.secrecy) <= LEVEL[clearance]).length]));
    expect(r.body).toEqual({ byStatus: expected, waiting: Object.values(expected).reduce((a, b) => a + b, 0) });
  });

  it('a drafter with no department counts nothing', async () => {
    expect((await api.call('GET', '/v1/drafts/counts', tokens.noDept!)).body).toEqual({ byStatus: { precheck: 0, appraisal: 0, revision: 0, approval: 0 }, waiting: 0 });
  });
});

describe('submitted through the API', () => {
  let runner: Awaited<ReturnType<typeof startRunner>> | undefined;
  beforeAll(async () => {
    runner = await startRunner();
  });
  afterAll(async () => {
    await runner?.stop();
  });

  it('a draft submitted through the API is listed for its department and the office at once', async () => {
    const { id } = await api.create(tokens.bantochuc!, nqDraft());
    expect(ids(await allPages(tokens.bantochuc!, {}, 200))).toContain(id);
    expect(ids(await allPages(tokens.chuyenvien2!, {}, 200))).toContain(id);
  });
});
