/**
 * The search outbox: every entry write leaves a marker in its own transaction; indexing clears
 * it; what indexing missed (the Search table unreachable — a real connection failure, to a port
 * where nothing listens) stays marked, and the sweeper (functions/search-sweeper.ts) indexes it.
 * Works in 2081 and 2082.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { incomingBody, outgoingBody, vnClock } from './registers-support';

useEmbeddedEnv();
const { handler: registers } = await import('../../functions/registers');
const { handler: search } = await import('../../functions/search');
const { handler: sweeper } = await import('../../functions/search-sweeper');
const { overrideServices } = await import('../../shared/composition');
const { DynamoSearchIndex } = await import('../../shared/adapters/dynamodb/search-index');
const { DynamoSearchOutbox } = await import('../../shared/adapters/dynamodb/search-outbox');
const { documentClient } = await import('../../shared/adapters/dynamodb/client');
const { tableName } = await import('../../shared/adapters/dynamodb/tables');

const outbox = new DynamoSearchOutbox(documentClient(), tableName('Data'));
const unreachableSearch = new DynamoSearchIndex(
  DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: 'http://127.0.0.1:9', region: 'ap-southeast-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' }, maxAttempts: 1 })),
  tableName('Search'),
);
const isPending = async (id: string) => (await outbox.pending(new Date(Date.now() + 1000), 10_000)).some((p) => p.entryId === id);
const found = async (token: string, q: string, year: number) =>
  ((await invoke(search, { method: 'GET', path: '/v1/search', token, query: { q, year: String(year) } })).body.items as { id: string }[]).map((h) => h.id);

afterEach(() => overrideServices({}));

describe('search outbox', () => {
  it('an entry indexed with its write leaves nothing pending', async () => {
    overrideServices({ clock: vnClock('2081-04-02T09:00:00') });
    const token = await tokenFor('vanthu');
    const r = await invoke(registers, { method: 'POST', path: '/v1/registers/incoming/entries', token, body: incomingBody('2081-04-01', { subject: 'về việc kiểm kê kho lưu trữ năm 2081' }) });
    expect(r.status).toBe(201);
    expect(await isPending(r.body.id)).toBe(false);
    expect(await found(token, 'kiem ke kho luu tru', 2081)).toContain(r.body.id);
  });

  it('an entry whose indexing failed stays pending, unsearchable, until the sweeper indexes it', async () => {
    overrideServices({ clock: vnClock('2082-04-02T09:00:00'), search: unreachableSearch });
    const token = await tokenFor('vanthu');
    const clerk = await tokenFor('vanthu');
    const incoming = await invoke(registers, { method: 'POST', path: '/v1/registers/incoming/entries', token, body: incomingBody('2082-04-01', { subject: 'về việc sửa chữa trụ sở đảng ủy xã Hòa Bình' }) });
    expect(incoming.status).toBe(201);
    const outgoing = await invoke(registers, { method: 'POST', path: '/v1/registers/outgoing/entries', token, body: outgoingBody({ subject: 'về chuyển đổi số trong công tác văn thư lưu trữ' }) });
    expect(outgoing.status).toBe(201);
    overrideServices({ clock: vnClock('2082-04-02T09:05:00') });

    expect(await isPending(incoming.body.id)).toBe(true);
    expect(await isPending(outgoing.body.id)).toBe(true);
    expect(await found(clerk, 'sua chua tru so', 2082)).not.toContain(incoming.body.id);

    // Not yet: the write's own indexing has SWEEP_AFTER_MS before the sweeper steps in.
    await sweeper();
    expect(await isPending(incoming.body.id)).toBe(true);

    const swept = await sweeper({ olderThanMs: 0 });
    expect(swept.indexed).toBeGreaterThanOrEqual(2);
    expect(swept.failed).toBe(0);
    expect(await isPending(incoming.body.id)).toBe(false);
    expect(await isPending(outgoing.body.id)).toBe(false);
    expect(await found(clerk, 'sua chua tru so', 2082)).toContain(incoming.body.id);
    expect(await found(clerk, 'chuyen doi so van thu', outgoing.body.year)).toContain(outgoing.body.id);
  });

  it('a marker of a newer change survives the indexing of an older version', async () => {
    overrideServices({ clock: vnClock('2081-05-02T09:00:00') });
    const token = await tokenFor('vanthu');
    const r = await invoke(registers, { method: 'POST', path: '/v1/registers/incoming/entries', token, body: incomingBody('2081-05-01') });
    expect(r.status).toBe(201);
    overrideServices({ clock: vnClock('2081-05-02T09:01:00'), search: unreachableSearch });
    const changed = await invoke(registers, {
      method: 'PATCH',
      path: `/v1/registers/incoming/entries/${r.body.id}`,
      token,
      headers: { 'If-Match': `"${r.body.version}"` },
      body: { handler: 'Nguyễn Thị Lan', status: 'assigned' },
    });
    expect(changed.status).toBe(200);
    expect(await isPending(r.body.id)).toBe(true);
    await outbox.done(r.body.id, r.body.version); // the first write's indexing, arriving late
    expect(await isPending(r.body.id)).toBe(true);
    await outbox.done(r.body.id, changed.body.version);
    expect(await isPending(r.body.id)).toBe(false);
  });
});

