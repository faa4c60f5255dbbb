/**
 * What the console's "Việc của tôi" and the overview of the day ask the incoming register: the
 * entries assigned to one handler (`handler=`), and the counts of some days (`from`/`to` on
 * arrival dates), both within the caller's clearance. Years used by this file: 2052.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import type { IncomingEntry } from '../../shared/registers/domain/model';
import { incomingBody, useServices, vnClock } from './registers-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const handler = await composed('registers');

const IN = '/v1/registers/incoming/entries';
const tokens: Record<string, string> = {};
const clock = vnClock('2052-03-04T09:00:00');

beforeAll(async () => {
  for (const u of ['vanthu', 'chuyenvien', 'chuyenvien2', 'chanhvp']) tokens[u] = await tokenFor(u);
});
afterEach(() => useServices());

async function registerOn(wall: string, over: Record<string, unknown> = {}): Promise<IncomingEntry> {
  clock.set(wall);
  useServices({ clock });
  const r = await invoke(handler, { method: 'POST', path: IN, token: tokens.vanthu, body: incomingBody('2052-03-01', over) });
  expect(r.status).toBe(201);
  return r.body as IncomingEntry;
}
async function assign(e: IncomingEntry, to: string): Promise<void> {
  const r = await invoke(handler, { method: 'PATCH', path: `${IN}/${e.id}`, token: tokens.chanhvp, body: { version: e.version, handler: to } });
  expect(r.status).toBe(200);
}
const ids = (body: unknown) => (body as { items: IncomingEntry[] }).items.map((e) => e.id).sort();

describe('the console’s questions to the incoming register', () => {
  it('handler= lists exactly the entries assigned to that person, and never one above the caller’s clearance', async () => {
    const mine = await registerOn('2052-03-02T08:00:00');
    const theirs = await registerOn('2052-03-02T08:05:00');
    const secret = await registerOn('2052-03-02T08:10:00', { secrecy: 'mat' });
    await registerOn('2052-03-02T08:15:00');
    await assign(mine, 'chuyenvien');
    await assign(theirs, 'chuyenvien2');
    await assign(secret, 'chuyenvien2');
    clock.set('2052-03-04T09:00:00');

    const a = await invoke(handler, { method: 'GET', path: IN, token: tokens.chuyenvien, query: { year: '2052', handler: 'chuyenvien', limit: '200' } });
    expect(a.status).toBe(200);
    expect(ids(a.body)).toEqual([mine.id]);

    // chuyenvien2 holds no clearance: the Mật letter assigned to them is not in their answer.
    const b = await invoke(handler, { method: 'GET', path: IN, token: tokens.chuyenvien2, query: { year: '2052', handler: 'chuyenvien2', limit: '200' } });
    expect(ids(b.body)).toEqual([theirs.id]);
    const c = await invoke(handler, { method: 'GET', path: IN, token: tokens.chanhvp, query: { year: '2052', handler: 'chuyenvien2', limit: '200' } });
    expect(ids(c.body)).toEqual([theirs.id, secret.id].sort());

    const nobody = await invoke(handler, { method: 'GET', path: IN, token: tokens.chuyenvien, query: { year: '2052', handler: 'khong-ai', limit: '200' } });
    expect(ids(nobody.body)).toEqual([]);
  });

  it.each([[''], ['x'.repeat(1000)]])('a handler of %#: bad input is a 400, not a 5xx', async (h) => {
    const r = await invoke(handler, { method: 'GET', path: IN, token: tokens.chuyenvien, query: { year: '2052', handler: h } });
    expect(r.status).toBe(400);
  });

  it('counts of one day: the letters that arrived that day, within the caller’s clearance', async () => {
    const countsOf = async (token: string, query: Record<string, string>) => {
      const r = await invoke(handler, { method: 'GET', path: '/v1/registers/incoming/counts', token: tokens[token], query: { year: '2052', ...query } });
      expect(r.status).toBe(200);
      return r.body as { total: number };
    };
    const before = {
      day: (await countsOf('chuyenvien', { from: '2052-03-03', to: '2052-03-03' })).total,
      dayNone: (await countsOf('chuyenvien2', { from: '2052-03-03', to: '2052-03-03' })).total,
      year: (await countsOf('chuyenvien', {})).total,
      next: (await countsOf('chuyenvien', { from: '2052-03-04' })).total,
    };
    await registerOn('2052-03-03T10:00:00');
    await registerOn('2052-03-03T10:30:00', { secrecy: 'mat' });
    clock.set('2052-03-04T09:00:00');
    expect((await countsOf('chuyenvien', { from: '2052-03-03', to: '2052-03-03' })).total).toBe(before.day + 2);
    expect((await countsOf('chuyenvien2', { from: '2052-03-03', to: '2052-03-03' })).total).toBe(before.dayNone + 1);
    expect((await countsOf('chuyenvien', {})).total).toBe(before.year + 2);
    expect((await countsOf('chuyenvien', { from: '2052-03-04' })).total).toBe(before.next);
    const bad = await invoke(handler, { method: 'GET', path: '/v1/registers/incoming/counts', token: tokens.chuyenvien, query: { from: '03/03/2052' } });
    expect(bad.status).toBe(400);
  });
});
