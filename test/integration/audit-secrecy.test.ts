/**
 * The audit log keeps secrecy: an admin sees the events about what their clearance covers in
 * full; an event about an entry, draft or scan above it is a stub (sequence, hashes, time;
 * no actor, action, entity or content), and asking for that entity's history gives nothing, as
 * if it did not exist. The chain still verifies, and a problem on a hidden event says nothing
 * of it. The file works on tables of its own (it edits a sealed event to break the chain).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';

useEmbeddedEnv();
await (await import('../support/own-tables')).useOwnTables('audit-secrecy');

const { useOfficeRuntime, routeOf, setUpOffice, OFFICE_YEAR } = await import('../support/route-requests');
const { tokenWith } = await import('./registers-support');
const { officeParts } = await import('../support/parts');
const { documentClient } = await import('../../shared/platform/aws/dynamodb-client');
const { tableName } = await import('../../shared/platform/aws/tables');
import type { Office } from '../support/route-requests';

useOfficeRuntime();

let o: Office;
let topAdmin: string;
/** Entries are dated by the office clock (in OFFICE_YEAR); drafts' events by the real one. */
const MONTHS = [`${OFFICE_YEAR}-06`, new Date().toISOString().slice(0, 7)].map((m) => ({ from: `${m}-01`, to: `${m}-31`, limit: '200' }));
type Event = { eventId: string; seq?: number; hash?: string; entityId: string; entityType: string; action: string; before: unknown; after: unknown; redacted?: boolean; actor: { username: string } };

const list = async (token: string, query: Record<string, string>) => {
  const r = await o.call(routeOf('GET /v1/audit'), { path: '/v1/audit', query }, token);
  expect(r.status).toBe(200);
  return r.body.items as Event[];
};
/** Every event of the month, after the sealer has chained them. */
const sealedMonth = async (token: string) => {
  await officeParts().audit.seal(new Date(Date.now() + 5_000));
  return (await Promise.all(MONTHS.map((m) => list(token, m)))).flat();
};

beforeAll(async () => {
  o = await setUpOffice();
  topAdmin = await tokenWith('admin-tuyetmat', ['admin'], 'tuyet-mat');
}, 180_000);

describe('audit events and clearance', () => {
  it('an admin without clearance sees nothing of a secret entry, draft or their numbers; stubs keep the chain', async () => {
    const secret = [o.fx.secretIncomingId, o.fx.secretOutgoingId, o.fx.secretDraftId];
    const full = await sealedMonth(topAdmin);
    const aboutSecret = full.filter((e) => secret.includes(e.entityId));
    // The top admin sees them whole: a registration of each secret entry and the secret draft's submission.
    expect(new Set(aboutSecret.map((e) => e.entityId))).toEqual(new Set(secret));
    const secretNumbers = aboutSecret.flatMap((e) => [(e.after as { numberSymbol?: string } | null)?.numberSymbol]).filter((x): x is string => !!x);
    expect(secretNumbers.length).toBeGreaterThanOrEqual(2);

    const plain = await sealedMonth(o.tokens.admin!);
    const text = JSON.stringify(plain);
    for (const id of secret) expect(text).not.toContain(id);
    for (const n of secretNumbers) expect(text).not.toContain(n);
    // Same events, same order and chain positions; the secret ones are stubs with nothing of their subject.
    expect(plain.map((e) => e.eventId)).toEqual(full.map((e) => e.eventId));
    const stubs = plain.filter((e) => e.redacted === true);
    expect(stubs.map((e) => e.eventId).sort()).toEqual(aboutSecret.map((e) => e.eventId).sort());
    for (const s of stubs) {
      expect(s).toMatchObject({ before: null, after: null, entityId: 'redacted', entityType: 'redacted', action: 'redacted' });
      expect(s.actor.username).toBe('redacted');
      expect(s.seq).toEqual(expect.any(Number));
      expect(s.hash).toEqual(expect.any(String));
    }
    // What the admin may see stays whole.
    const visible = plain.find((e) => e.entityId === o.fx.incomingId)!;
    expect(visible).toMatchObject({ action: 'register.register', entityType: 'incoming-entry' });
    expect(visible.redacted).toBeUndefined();
  });

  it("asking for a hidden entity's history gives what a nonexistent entity gives: nothing", async () => {
    for (const id of [o.fx.secretIncomingId, o.fx.secretOutgoingId, o.fx.secretDraftId]) {
      expect(await list(o.tokens.admin!, { entityId: id })).toEqual([]);
      expect((await list(topAdmin, { entityId: id })).length).toBeGreaterThan(0);
    }
    expect(await list(o.tokens.admin!, { entityId: '01NOTHING0000000000000000' })).toEqual([]);
  });

  it('verify still finds a changed secret event, and says nothing of it to an admin without clearance', async () => {
    const full = await sealedMonth(topAdmin);
    const target = full.find((e) => e.entityId === o.fx.secretIncomingId && e.seq !== undefined)!;
    const db = documentClient();
    const key = await (async () => {
      const raw = await officeParts().audit.list({ entityId: target.entityId });
      const e = raw.items.find((x) => x.eventId === target.eventId)!;
      return { pk: `ENTITY#${e.entityId}`, sk: `${e.at}#${e.eventId}` };
    })();
    const before = target.after as Record<string, unknown>;
    await db.send(new UpdateCommand({ TableName: tableName('Audit'), Key: key, UpdateExpression: 'SET #a.#s = :s', ExpressionAttributeNames: { '#a': 'after', '#s': 'subject' }, ExpressionAttributeValues: { ':s': 'sửa trộm' } }));
    try {
      const plain = await o.call(routeOf('GET /v1/audit/verify'), { path: '/v1/audit/verify' }, o.tokens.admin);
      expect(plain.status).toBe(200);
      expect(plain.body.ok).toBe(false);
      expect(plain.body.problems).toContainEqual(expect.objectContaining({ seq: target.seq, kind: 'edited' }));
      const said = JSON.stringify(plain.body.problems);
      for (const leak of [target.eventId, target.entityId, String(before.numberSymbol), String(before.subject), 'sửa trộm']) expect(said).not.toContain(leak);
      const top = await o.call(routeOf('GET /v1/audit/verify'), { path: '/v1/audit/verify' }, topAdmin);
      expect(JSON.stringify(top.body.problems)).toContain(target.eventId);
    } finally {
      await db.send(new UpdateCommand({ TableName: tableName('Audit'), Key: key, UpdateExpression: 'SET #a.#s = :s', ExpressionAttributeNames: { '#a': 'after', '#s': 'subject' }, ExpressionAttributeValues: { ':s': before.subject } }));
    }
    const again = await o.call(routeOf('GET /v1/audit/verify'), { path: '/v1/audit/verify' }, o.tokens.admin);
    expect(again.body).toMatchObject({ ok: true, problems: [] });
  });
});
