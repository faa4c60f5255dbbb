/**
 * The search outbox: every entry write leaves a marker in its own transaction; the marker's
 * stream record starts the indexing (functions/search-indexer.ts), which clears it; what indexing missed (the Search table unreachable — a real connection failure, to a port
 * where nothing listens) stays marked, and the sweep indexes it. Works in 2081 and on tables of its own.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { ulid } from 'ulid';
import { ensureTables } from '../../local/bootstrap';
import type { SearchIndex } from '../../shared/search/ports/search-index';
import { callerWith, incomingBody, outgoingBody, vnClock } from './registers-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const registers = await composed('registers');
const search = await composed('search');
const sweeper = await composed('search-sweeper');
const { useParts, officeParts } = await import('../support/parts');
const { dynamoRegisters } = await import('../support/dynamo-registers');
const { DynamoAuditLog } = await import('../../shared/audit/adapters/dynamo-audit-log');
const indexerFn = await composed('search-indexer');
const { startSearchIndexing } = await import('../../local/plugins/search-indexer');
const { EntryIndexer } = await import('../../shared/search/app/entry-indexing');
const { DynamoSearchIndex, SearchEngine } = await import('../../shared/search');
const { DynamoSearchOutbox, pendingIndexItem } = await import('../../shared/search/adapters/dynamo-search-outbox');
const { documentClient, dynamoClient } = await import('../../shared/platform/aws/dynamodb-client');
const { tableName } = await import('../../shared/platform/aws/tables');

const outbox = new DynamoSearchOutbox(documentClient(), tableName('Data'));
/** A search index whose DynamoDB is a port where nothing listens: every call fails to connect. */
const unreachableAt = (table: string) =>
  new SearchEngine(new DynamoSearchIndex(DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: 'http://127.0.0.1:9', region: 'ap-southeast-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' }, maxAttempts: 1 })), table));
const unreachableSearch = unreachableAt(tableName('Search'));
const isPending = async (id: string) => (await outbox.pending(new Date(Date.now() + 1000), 10_000)).some((p) => p.entryId === id);
const found = async (token: string, q: string, year: number) =>
  ((await invoke(search, { method: 'GET', path: '/v1/search', token, query: { q, year: String(year) } })).body.items as { id: string }[]).map((h) => h.id);

afterEach(() => useParts({}));

describe('search outbox', () => {
  it('an entry is indexed from the stream and then leaves nothing pending', async () => {
    const indexing = await startSearchIndexing();
    try {
      useParts({ clock: vnClock('2081-04-02T09:00:00') });
      const token = await tokenFor('vanthu');
      const r = await invoke(registers, { method: 'POST', path: '/v1/registers/incoming/entries', token, body: incomingBody('2081-04-01', { subject: 'về việc kiểm kê kho lưu trữ năm 2081' }) });
      expect(r.status).toBe(201);
      await indexing.drained();
      expect(await isPending(r.body.id)).toBe(false);
      expect(await found(token, 'kiem ke kho luu tru', 2081)).toContain(r.body.id);
    } finally {
      await indexing.stop();
    }
  });

  it('the indexing function indexes the entries of a batch of stream records at once and reports those it could not index', async () => {
    useParts({ clock: vnClock('2081-06-02T09:00:00') });
    const token = await tokenFor('vanthu');
    const made = [];
    for (const subject of ['về việc tu bổ di tích đình làng Phú Hội', 'về việc tu bổ nhà văn hóa thôn Đông']) {
      const r = await invoke(registers, { method: 'POST', path: '/v1/registers/incoming/entries', token, body: incomingBody('2081-06-01', { subject }) });
      expect(r.status).toBe(201);
      made.push(r.body as { id: string; version: number });
    }
    // Stream records as Lambda delivers them: the entries as written (read back here with their
    // storage keys, as the stream's NEW_IMAGE has them), and records the filter would have left out.
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { marshall } = await import('@aws-sdk/util-dynamodb');
    const stored = async (id: string) => (await documentClient().send(new GetCommand({ TableName: tableName('Data'), Key: { pk: `REGENTRY#${id}`, sk: 'ENTRY' } }))).Item!;
    const record = (seq: number, item: Record<string, unknown>, eventName: 'INSERT' | 'MODIFY' | 'REMOVE' = 'INSERT') => ({
      eventID: String(seq),
      eventName,
      eventSource: 'aws:dynamodb',
      dynamodb: { SequenceNumber: String(seq), Keys: marshall({ pk: item.pk, sk: item.sk }), NewImage: marshall(item, { removeUndefinedValues: true }) },
    });
    const [a, b] = [await stored(made[0]!.id), await stored(made[1]!.id)];
    const event = {
      Records: [
        record(100, a),
        record(101, { pk: 'SEARCHPENDING#1', sk: made[0]!.id, entryId: made[0]!.id, register: 'incoming', version: 1 }),
        record(102, b, 'MODIFY'),
        record(103, a),
        record(104, { pk: 'COUNTER#incoming/2081', sk: 'COUNTER', last: 2 }),
      ],
    };
    useParts({ clock: vnClock('2081-06-02T09:00:00'), search: unreachableSearch });
    expect(await indexerFn(event as never)).toEqual({ batchItemFailures: [{ itemIdentifier: '100' }, { itemIdentifier: '102' }] });
    expect(await isPending(made[0]!.id)).toBe(true);
    useParts({ clock: vnClock('2081-06-02T09:00:00') });
    expect(await indexerFn(event as never)).toEqual({ batchItemFailures: [] });
    expect(await isPending(made[0]!.id)).toBe(false);
    expect(await isPending(made[1]!.id)).toBe(false);
    expect(await found(token, 'tu bo', 2081)).toEqual(expect.arrayContaining(made.map((m) => m.id)));
  });

  it('an entry whose indexing failed stays pending, unsearchable, until the sweep indexes it', async () => {
    // Tables of its own, so that the sweep sees only this test's markers.
    const prefix = `sob${ulid().slice(-8).toLowerCase()}`;
    await ensureTables(dynamoClient(), prefix);
    const clock = vnClock('2082-04-02T09:00:00');
    const store = dynamoRegisters({ db: documentClient(), table: `${prefix}-Data`, audit: new DynamoAuditLog(documentClient(), `${prefix}-Audit`), clock, config: () => officeParts().domainConfig });
    const working = new SearchEngine(new DynamoSearchIndex(documentClient(), `${prefix}-Search`));
    let search: SearchIndex = unreachableAt(`${prefix}-Search`);
    const own = new DynamoSearchOutbox(documentClient(), `${prefix}-Data`);
    const indexer = new EntryIndexer({ search: () => search, outbox: () => own, registers: () => registers, scanText: async () => null });
    const registers = store;
    const ctx = { actor: callerWith('vanthu', ['van-thu'], 'mat') };

    const { entry: incoming } = await registers.registerIncoming(
      { numberSymbol: '7-CV/VPTU', documentDate: '2082-04-01', issuer: 'Văn phòng Tỉnh ủy', typeCode: 'CV', subject: 'về việc sửa chữa trụ sở đảng ủy xã Hòa Bình', secrecy: null, urgency: null } as never,
      ctx,
    );
    const { entry: outgoing } = await registers.allocateOutgoing(outgoingBody({ subject: 'về chuyển đổi số trong công tác văn thư lưu trữ' }) as never, ctx);
    const pendingIds = async () => (await own.pending(new Date(Date.now() + 1000), 100)).map((p) => p.entryId).sort();
    expect(await pendingIds()).toEqual([incoming.id, outgoing.id].sort());
    // The stream's indexing, with the Search table unreachable: nothing indexed, both stay marked.
    const marked = (await own.pending(new Date(Date.now() + 1000), 100)).map(({ entryId, register, version }) => ({ entryId, register, version }));
    expect(await indexer.indexPending(marked)).toEqual({ indexed: 0, failed: expect.arrayContaining([incoming.id, outgoing.id]) });
    expect(await pendingIds()).toEqual([incoming.id, outgoing.id].sort());
    const hits = async (q: string) => (await working.search({ q, clearance: 'mat', limit: 10 })).items.map((h) => h.id);
    expect(await hits('sua chua tru so')).toEqual([]);

    // Not yet: the write's own indexing has SWEEP_AFTER_MS before the sweep steps in.
    search = working;
    expect(await indexer.sweep()).toEqual({ pending: 0, indexed: 0, failed: 0 });
    // With the Search table still unreachable, the sweep fails and the markers stay.
    search = unreachableAt(`${prefix}-Search`);
    expect(await indexer.sweep({ olderThanMs: 0 })).toEqual({ pending: 2, indexed: 0, failed: 2 });
    expect(await pendingIds()).toHaveLength(2);

    search = working;
    expect(await indexer.sweep({ olderThanMs: 0 })).toEqual({ pending: 2, indexed: 2, failed: 0 });
    expect(await pendingIds()).toEqual([]);
    expect(await hits('sua chua tru so')).toEqual([incoming.id]);
    expect(await hits('chuyen doi so van thu')).toEqual([outgoing.id]);

    // A marker without its entry (it cannot happen through the store, which writes both at once) is dropped.
    await documentClient().send(new PutCommand(pendingIndexItem(`${prefix}-Data`, { id: 'NO-SUCH-ENTRY', register: 'incoming', version: 1 }).Put as never));
    expect(await indexer.sweep({ olderThanMs: 0 })).toEqual({ pending: 1, indexed: 0, failed: 0 });
    expect(await pendingIds()).toEqual([]);
  });

  it('the sweeper function sweeps the office outbox', async () => {
    expect(await sweeper({ olderThanMs: 3_600_000 })).toEqual({ pending: expect.any(Number), indexed: expect.any(Number), failed: 0 });
  });

  it('a marker of a newer change survives the indexing of an older version', async () => {
    useParts({ clock: vnClock('2081-05-02T09:00:00') });
    const token = await tokenFor('vanthu');
    const r = await invoke(registers, { method: 'POST', path: '/v1/registers/incoming/entries', token, body: incomingBody('2081-05-01') });
    expect(r.status).toBe(201);
    useParts({ clock: vnClock('2081-05-02T09:01:00'), search: unreachableSearch });
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

