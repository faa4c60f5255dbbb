/** The hash-chained audit log on DynamoDB Local: each kind of tampering is detected. */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { tableName } from '../../shared/adapters/dynamodb/tables';
import { DynamoAuditLog } from '../../shared/adapters/dynamodb/audit-log';

useEmbeddedEnv();
const { handler } = await import('../../functions/audit');
const db = documentClient();
const table = tableName('Audit');
const audit = new DynamoAuditLog(db, table);
const caller = { sub: 'user-admin', username: 'admin', roles: ['admin' as const], clearance: 'none' as const };
const later = () => new Date(Date.now() + 60_000);

async function sealedEvent(seq: number) {
  const r = await db.send(
    new QueryCommand({ TableName: table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :c AND gsi2sk = :s', ExpressionAttributeValues: { ':c': 'CHAIN', ':s': String(seq).padStart(12, '0') } }),
  );
  return r.Items![0]!;
}

/** Runs a tampering, checks verify reports it, then undoes it so later cases start from an intact log. */
async function expectDetected(tamper: () => Promise<() => Promise<void>>, kind: string) {
  expect((await audit.verify()).ok).toBe(true);
  const undo = await tamper();
  const r = await audit.verify();
  expect(r.ok).toBe(false);
  expect(r.problems.map((p) => p.kind)).toContain(kind);
  await undo();
  expect((await audit.verify()).ok).toBe(true);
}

describe('audit hash chain on DynamoDB Local', () => {
  it('seals events in order and verifies an intact log', async () => {
    for (let i = 0; i < 6; i++) {
      await audit.record({ actor: caller, action: 'create', entityType: 'chain-test', entityId: `c-${ulid()}`, before: null, after: { i } });
    }
    const { sealed } = await audit.seal(later());
    expect(sealed).toBeGreaterThanOrEqual(6);
    const r = await audit.verify();
    expect(r).toMatchObject({ ok: true, problems: [], unsealed: 0 });
    expect(r.events).toBeGreaterThanOrEqual(6);
  });

  it('detects an edited event', async () => {
    await expectDetected(async () => {
      const e = await sealedEvent(2);
      await db.send(new UpdateCommand({ TableName: table, Key: { pk: e.pk, sk: e.sk }, UpdateExpression: 'SET #a = :a', ExpressionAttributeNames: { '#a': 'after' }, ExpressionAttributeValues: { ':a': { i: 999 } } }));
      return async () => void (await db.send(new PutCommand({ TableName: table, Item: e })));
    }, 'edited');
  });

  it('detects a deleted event', async () => {
    await expectDetected(async () => {
      const e = await sealedEvent(3);
      await db.send(new DeleteCommand({ TableName: table, Key: { pk: e.pk, sk: e.sk } }));
      return async () => void (await db.send(new PutCommand({ TableName: table, Item: e })));
    }, 'missing');
  });

  it('detects the last event deleted (through the chain head)', async () => {
    await expectDetected(async () => {
      const head = (await db.send(new GetCommand({ TableName: table, Key: { pk: 'CHAIN', sk: 'HEAD' } }))).Item!;
      const e = await sealedEvent(Number(head.seq));
      await db.send(new DeleteCommand({ TableName: table, Key: { pk: e.pk, sk: e.sk } }));
      return async () => void (await db.send(new PutCommand({ TableName: table, Item: e })));
    }, 'head-mismatch');
  });

  it('detects two events swapped in order', async () => {
    await expectDetected(async () => {
      const a = await sealedEvent(4);
      const b = await sealedEvent(5);
      const swap = (x: Record<string, unknown>, y: Record<string, unknown>) => ({ ...x, seq: y.seq, gsi2sk: y.gsi2sk, prevHash: y.prevHash, hash: y.hash });
      await db.send(new PutCommand({ TableName: table, Item: swap(a, b) }));
      await db.send(new PutCommand({ TableName: table, Item: swap(b, a) }));
      return async () => {
        await db.send(new PutCommand({ TableName: table, Item: a }));
        await db.send(new PutCommand({ TableName: table, Item: b }));
      };
    }, 'edited');
  });

  it('serves GET /v1/audit/verify and /v1/audit to admins only', async () => {
    const admin = await tokenFor('admin');
    const v = await invoke(handler, { method: 'GET', path: '/v1/audit/verify', token: admin });
    expect(v.status).toBe(200);
    expect(v.body.ok).toBe(true);
    const l = await invoke(handler, { method: 'GET', path: '/v1/audit', token: admin, query: { limit: '2' } });
    expect(l.status).toBe(200);
    expect(l.body.items).toHaveLength(2);
    expect(typeof l.body.nextCursor).toBe('string');
    const denied = await invoke(handler, { method: 'GET', path: '/v1/audit/verify', token: await tokenFor('vanthu') });
    expect(denied.status).toBe(403);
  });
});
