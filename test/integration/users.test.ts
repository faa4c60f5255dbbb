/**
 * People administration (api.md, "People (admin)") through the real handler on DynamoDB Local:
 * an administrator lists people and sets roles, clearance and department with a reason, every
 * change audited; nobody changes their own; the change is in the person's next token.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { uniqueSuffix } from '../support/reports';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const users = await composed('users');
const system = await composed('system');
const { officeParts } = await import('../support/parts');
const { tableName } = await import('../../shared/platform/aws/tables');
const { userItem } = await import('../../shared/identity/adapters/dynamo-user-directory');
const { ensureKeys } = await import('../../local/keys');
const { signIn } = await import('../../local/issuer');

const sfx = uniqueSuffix();
/** People of this test file only (other files use the demo users). */
const clerk = `clerk-${sfx}`;
const drafter = `drafter-${sfx}`;
let admin: string;

const keys = () => ensureKeys(process.env.DAUMOI_LOCAL_JWKS!.replace(/\/keys\/jwks\.json$/, ''));
const put = (username: string, body: unknown, token = admin) => invoke(users, { method: 'PUT', path: `/v1/users/${username}`, token, body });
const current = async (username: string) => (await officeParts().users.get(username))!;

beforeAll(async () => {
  admin = await tokenFor('admin');
  for (const [username, roles, dept] of [
    [clerk, ['van-thu'], undefined],
    [drafter, ['ban-tham-muu'], 'BTCTU'],
  ] as const) {
    await officeParts().db.send(new PutCommand({ TableName: tableName('Data'), Item: userItem({ username, sub: `user-${username}`, roles: [...roles], clearance: 'none', ...(dept ? { dept } : {}), enabled: true }) }));
  }
});

describe('GET /v1/users', () => {
  it("lists the office's people with roles, clearance, department and enabled", async () => {
    const r = await invoke(users, { method: 'GET', path: '/v1/users', token: admin });
    expect(r.status).toBe(200);
    expect(r.body.nextCursor).toBeNull();
    const byName = new Map((r.body.items as { username: string }[]).map((u) => [u.username, u]));
    expect(byName.get('vanthu')).toEqual({ username: 'vanthu', roles: ['van-thu'], clearance: 'mat', dept: null, enabled: true });
    expect(byName.get('bantochuc')).toEqual({ username: 'bantochuc', roles: ['ban-tham-muu'], clearance: 'none', dept: 'BTCTU', enabled: true });
    expect(byName.get(drafter)).toEqual({ username: drafter, roles: ['ban-tham-muu'], clearance: 'none', dept: 'BTCTU', enabled: true });
  });
  it('is for administrators only', async () => {
    for (const u of ['vanthu', 'chanhvp', 'bithu']) expect((await invoke(users, { method: 'GET', path: '/v1/users', token: await tokenFor(u) })).status).toBe(403);
  });
});

describe('PUT /v1/users/{username}', () => {
  it('sets roles, clearance and department, audited with who, before, after and why', async () => {
    const reason = `Quyết định 12-QĐ/VPTU cấp độ mật ${sfx}`;
    const r = await put(clerk, { roles: ['van-thu', 'chuyen-vien'], clearance: 'toi-mat', dept: 'VPTU', reason });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ username: clerk, roles: ['van-thu', 'chuyen-vien'], clearance: 'toi-mat', dept: 'VPTU', enabled: true });
    expect(await current(clerk)).toMatchObject({ roles: ['van-thu', 'chuyen-vien'], clearance: 'toi-mat', dept: 'VPTU' });
    const events = (await officeParts().audit.list({ entityId: clerk })).items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'user.update',
      entityType: 'user',
      entityId: clerk,
      actor: { username: 'admin', roles: ['admin'] },
      before: { roles: ['van-thu'], clearance: 'none', dept: null },
      after: { roles: ['van-thu', 'chuyen-vien'], clearance: 'toi-mat', dept: 'VPTU', reason },
    });
    // A null department removes it.
    expect((await put(clerk, { roles: ['van-thu'], clearance: 'mat', dept: null, reason: 'Chuyển công tác' })).body).toEqual({ username: clerk, roles: ['van-thu'], clearance: 'mat', dept: null, enabled: true });
    expect((await current(clerk)).dept).toBeUndefined();
  });

  it('takes effect at the next token, as with Cognito', async () => {
    const before = await signIn(await keys(), officeParts().users, drafter);
    const me = async (t: string) => (await invoke(system, { method: 'GET', path: '/v1/me', token: t })).body;
    expect(await me(before!.accessToken)).toMatchObject({ username: drafter, clearance: 'none', dept: 'BTCTU' });
    expect((await put(drafter, { roles: ['ban-tham-muu'], clearance: 'mat', dept: 'BTGDVTU', reason: 'Quyết định 7-QĐ/TU' })).status).toBe(200);
    const after = await signIn(await keys(), officeParts().users, drafter);
    expect(await me(after!.accessToken)).toMatchObject({ username: drafter, roles: ['ban-tham-muu'], clearance: 'mat', dept: 'BTGDVTU' });
  });

  it.each([
    ['no reason', { roles: ['van-thu'], clearance: 'mat', dept: null }, 'body.reason'],
    ['an empty reason', { roles: ['van-thu'], clearance: 'mat', dept: null, reason: '  ' }, 'body.reason'],
    ['an unknown role', { roles: ['root'], clearance: 'mat', dept: null, reason: 'x x x' }, 'body.roles'],
    ['the organisation-client role', { roles: ['don-vi'], clearance: 'mat', dept: null, reason: 'x x x' }, 'body.roles'],
    ['a role twice', { roles: ['van-thu', 'van-thu'], clearance: 'mat', dept: null, reason: 'x x x' }, 'body.roles'],
    ['an unknown clearance', { roles: ['van-thu'], clearance: 'top-secret', dept: null, reason: 'x x x' }, 'body.clearance'],
    ['no clearance', { roles: ['van-thu'], dept: null, reason: 'x x x' }, 'body.clearance'],
    ['an organisation (not settable here)', { roles: ['van-thu'], clearance: 'mat', dept: null, reason: 'x x x', orgId: 'xa-a' }, 'body'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_name, body, field) => {
    const was = await current(clerk);
    const r = await put(clerk, body);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error.details)).toContain(field);
    expect(await current(clerk)).toEqual(was);
  });

  it('answers 404 for an unknown person', async () => {
    const r = await put(`nobody-${sfx}`, { roles: ['van-thu'], clearance: 'mat', dept: null, reason: 'x x x' });
    expect(r.status).toBe(404);
    expect((await officeParts().audit.list({ entityId: `nobody-${sfx}` })).items).toHaveLength(0);
  });

  it('refuses anyone changing their own roles or clearance: an administrator (four eyes) and everybody else', async () => {
    const self = await put('admin', { roles: ['admin'], clearance: 'tuyet-mat', dept: null, reason: 'tự nâng' });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('SELF_CHANGE');
    expect((await current('admin')).clearance).toBe('none');
    for (const u of ['chuyenvien2', 'vanthu', 'chanhvp']) {
      const r = await put(u, { roles: ['admin'], clearance: 'tuyet-mat', dept: null, reason: 'tự nâng' }, await tokenFor(u));
      expect(r.status).toBe(403);
    }
    expect(await current('chuyenvien2')).toMatchObject({ roles: ['chuyen-vien'], clearance: 'none' });
  });
});
