/**
 * Gapless numbering under concurrency, against DynamoDB Local: số đến 1…200 for 200 concurrent
 * registrations (one process, then four "containers" contending on the counter), the new year
 * restarting at 1 in the office's time zone, and 100 concurrent NQ/TU allocations getting 1…100.
 * Years used by this file: 2036–2039, 2041.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { officeParts } from '../support/parts';
import type { IncomingEntry, OutgoingEntry } from '../../shared/registers/domain/model';
import { callerWith, counterValue, incomingBody, oneTo, otherContainer, outgoingBody, plainRegisters, testConfig, useServices, vnClock } from './registers-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const handler = await composed('registers');

const clerk = callerWith('vanthu', ['van-thu'], 'mat');
// The API's store without the search indexing wrapped around it (see plainRegisters).
const registers = plainRegisters();
let vanthu: string;
let bithu: string;

beforeAll(async () => {
  vanthu = await tokenFor('vanthu');
  bithu = await tokenFor('bithu');
});
afterEach(() => useServices());

async function listAll(path: string, query: Record<string, string>): Promise<unknown[]> {
  const items: unknown[] = [];
  let cursor: string | undefined;
  do {
    const r = await invoke(handler, { method: 'GET', path, token: bithu, query: { ...query, limit: '200', ...(cursor ? { cursor } : {}) } });
    expect(r.status).toBe(200);
    items.push(...r.body.items);
    cursor = r.body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

describe('incoming register: số đến under concurrency', () => {
  it('200 concurrent registrations through the API get exactly 1…200', async () => {
    useServices({ clock: vnClock('2039-03-10T09:00:00'), registers });
    const responses = await Promise.all(
      oneTo(200).map(() => invoke(handler, { method: 'POST', path: '/v1/registers/incoming/entries', token: vanthu, body: incomingBody('2039-03-09') })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
    const numbers = responses.map((r) => r.body.arrivalNumber as number).sort((a, b) => a - b);
    expect(numbers).toEqual(oneTo(200));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(200);
    expect(responses.every((r) => r.body.arrivalYear === 2039 && r.body.book === 'normal')).toBe(true);

    const listed = (await listAll('/v1/registers/incoming/entries', { year: '2039' })) as IncomingEntry[];
    expect(listed.map((e) => e.arrivalNumber)).toEqual(oneTo(200));
    expect(await counterValue('incoming/2039')).toBe(200);
  });

  it('200 registrations from four containers contending on one counter get exactly 1…200, each with its audit event', async () => {
    const clock = vnClock('2038-06-01T10:00:00');
    const containers = [0, 1, 2, 3].map(() => otherContainer(clock));
    const results = await Promise.all(oneTo(200).map((i) => containers[i % 4]!.registerIncoming(incomingBody('2038-05-30') as never, { actor: clerk, requestId: `r-${i - 1}` })));
    const numbers = results.map((r) => r.entry.arrivalNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(oneTo(200));
    expect(await counterValue('incoming/2038')).toBe(200);
    const audited = await Promise.all(results.map((r) => officeParts().audit.list({ entityId: r.entry.id })));
    expect(audited.map((a) => a.items.length)).toEqual(Array(200).fill(1));
    const event = audited.find((a) => a.items[0]!.entityId === results[7]!.entry.id)!.items[0]!;
    expect(event).toMatchObject({ action: 'register.register', before: null, after: { id: results[7]!.entry.id, arrivalNumber: results[7]!.entry.arrivalNumber }, requestId: 'r-7' });
  });

  it('restarts at 1 on 1 January in Asia/Ho_Chi_Minh (31/12 23:59 and 01/01 00:00 are the same UTC year)', async () => {
    const clock = vnClock('2036-12-31T23:59:00');
    useServices({ clock, registers });
    const register = () => invoke(handler, { method: 'POST', path: '/v1/registers/incoming/entries', token: vanthu, body: incomingBody('2036-12-30') });
    const old = [await register(), await register(), await register()];
    expect(old.map((r) => [r.body.arrivalYear, r.body.arrivalNumber, r.body.arrivalDate])).toEqual([
      [2036, 1, '2036-12-31'],
      [2036, 2, '2036-12-31'],
      [2036, 3, '2036-12-31'],
    ]);
    clock.set('2037-01-01T00:00:00');
    expect(clock.now().getUTCFullYear()).toBe(2036);
    const fresh = [await register(), await register()];
    expect(fresh.map((r) => [r.body.arrivalYear, r.body.arrivalNumber, r.body.arrivalDate])).toEqual([
      [2037, 1, '2037-01-01'],
      [2037, 2, '2037-01-01'],
    ]);
    expect(await counterValue('incoming/2036')).toBe(3);
    expect(await counterValue('incoming/2037')).toBe(2);
  });
});

describe('outgoing register: numbers per body, type and scope', () => {
  // A term opening in 2041 gives NQ/TU a sequence no other test touches.
  const config = testConfig((c) => c.numbering.terms.push({ id: '2041-2046', label: 'Nhiệm kỳ 2041–2046', start: '2041-01-02' }));

  it('100 concurrent allocations of NQ/TU (API and two more containers) get exactly 1…100', async () => {
    const clock = vnClock('2041-03-02T08:30:00');
    useServices({ clock, domainConfig: config, registers });
    const containers = [otherContainer(clock, config), otherContainer(clock, config)];
    const viaApi = async (): Promise<OutgoingEntry> => {
      const r = await invoke(handler, { method: 'POST', path: '/v1/registers/outgoing/entries', token: vanthu, body: outgoingBody() });
      apiStatuses.push(r.status);
      return r.body;
    };
    const apiStatuses: number[] = [];
    // Every third request through the API (this process's store), the others through two more containers.
    const results = await Promise.all(
      oneTo(100).map(async (i) => (i % 3 === 0 ? viaApi() : (await containers[i % 3 - 1]!.allocateOutgoing(outgoingBody() as never, { actor: clerk })).entry)),
    );
    expect(apiStatuses).toEqual(Array(33).fill(201));
    const byNumber = [...results].sort((a, b) => a.number - b.number);
    expect(byNumber.map((e) => e.number)).toEqual(oneTo(100));
    expect(byNumber.map((e) => e.numberSymbol)).toEqual(oneTo(100).map((n) => `${n}-NQ/TU`));
    expect(new Set(results.map((e) => e.scope.key))).toEqual(new Set(['TU/NQ/term-2041-2046']));
    expect(results[0]!.scope).toMatchObject({ kind: 'term', periodId: '2041-2046', label: 'Nhiệm kỳ 2041–2046' });
    expect(await counterValue('outgoing/TU/NQ/term-2041-2046')).toBe(100);
  });

  it('other types and bodies keep their own sequences; office letters restart each year', async () => {
    const clock = vnClock('2041-03-03T08:30:00');
    useServices({ clock, domainConfig: config, registers });
    const post = (body: Record<string, unknown>) => invoke(handler, { method: 'POST', path: '/v1/registers/outgoing/entries', token: vanthu, body: outgoingBody(body) });
    const ct = await post({ typeCode: 'CT' });
    expect(ct.status).toBe(201);
    expect(ct.body).toMatchObject({ number: 1, numberSymbol: '1-CT/TU', issuerId: 'tu-btv', issuerName: 'Ban Thường vụ Tỉnh ủy' });
    const cv = await post({ typeCode: 'CV', issuerCode: 'VPTU', issuerId: 'vptu' });
    expect(cv.body).toMatchObject({ numberSymbol: '1-CV/VPTU', scope: { kind: 'year', key: 'VPTU/CV/year-2041' } });
    const hd = await post({ typeCode: 'HD', issuerCode: 'VPTU' });
    expect(hd.body).toMatchObject({ numberSymbol: '1-HD/VPTU', scope: { kind: 'term' } });
    const nq = await post({});
    expect(nq.body.numberSymbol).toBe('101-NQ/TU');
  });
});
