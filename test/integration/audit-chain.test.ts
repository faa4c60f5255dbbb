/** The hash-chained audit log on DynamoDB Local: each kind of tampering is detected. */
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { ensureTables } from '../../local/bootstrap';
import { dynamoClient } from '../../shared/platform/aws/dynamodb-client';
import { documentClient } from '../../shared/platform/aws/dynamodb-client';
import { tableName } from '../../shared/platform/aws/tables';
import { DynamoAuditLog } from '../../shared/audit/adapters/dynamo-audit-log';
import { runTamperCase, TAMPER_CASES } from '../support/audit-tampering';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const handler = await composed('audit');
const db = documentClient();
const table = tableName('Audit');
const audit = new DynamoAuditLog(db, table);
const caller = { sub: 'user-admin', username: 'admin', roles: ['admin' as const], clearance: 'none' as const };
const later = () => new Date(Date.now() + 60_000);

/** Runs a tampering case: verify reports it, and the log verifies before it and after its undo. */
async function expectDetected(name: string) {
  const c = TAMPER_CASES.find((t) => t.name === name)!;
  const r = await runTamperCase(audit, db, table, c);
  expect(r.intactAround).toBe(true);
  expect(r.kinds).toContain(c.detectedAs);
  expect(r.detected).toBe(true);
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

  it('detects an edited event', () => expectDetected('an edited event'));
  it('detects a deleted event', () => expectDetected('an event deleted in the middle'));
  it('detects the last event deleted (through the chain head)', () => expectDetected('the last event deleted (found through the chain head)'));
  it('detects two events swapped in order', () => expectDetected('two events swapped in order'));

  it('lists a log without bounds over the months its sealed events span, newest first, and this month', async () => {
    // A log of its own (fresh tables): an old event, sealed; a new one, not yet sealed.
    const prefix = `aud${ulid().slice(-8).toLowerCase()}`;
    await ensureTables(dynamoClient(), prefix);
    const own = new DynamoAuditLog(db, `${prefix}-Audit`);
    const old = await own.record({ actor: caller, action: 'create', entityType: 'span', entityId: 'old', before: null, after: null, at: new Date('2024-02-10T03:00:00Z') });
    const mid = await own.record({ actor: caller, action: 'update', entityType: 'span', entityId: 'old', before: null, after: null, at: new Date('2025-07-10T03:00:00Z') });
    expect((await own.list({ limit: 10 })).items).toEqual([]); // nothing sealed: the walk covers this month only
    await own.seal(later());
    const fresh = await own.record({ actor: caller, action: 'update', entityType: 'span', entityId: 'new', before: null, after: null });
    const all = await own.list({ limit: 10 });
    expect(all.items.map((e) => e.eventId)).toEqual([fresh.eventId, mid.eventId, old.eventId]);
    expect(all.nextCursor).toBeNull();
    const first = await own.list({ limit: 2 });
    const rest = await own.list({ limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].map((e) => e.eventId)).toEqual([fresh.eventId, mid.eventId, old.eventId]);
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
