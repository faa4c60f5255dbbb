/**
 * The Cognito UserDirectory against recorded response shapes (ListUsers, ListUsersInGroup,
 * AdminGetUser, AdminListGroupsForUser): the AWS call is an injected `send`; no network.
 */
import { describe, expect, it } from 'vitest';
import { CognitoUserDirectory } from '../../shared/identity/adapters/cognito-user-directory';
import type { AuditInput, AuditLog } from '../../shared/audit/ports/audit-log';
import type { Caller } from '../../shared/platform/security';

const POOL = 'ap-southeast-1_AbCdEf123';
const attrs = (o: Record<string, string>) => Object.entries(o).map(([Name, Value]) => ({ Name, Value }));
const when = new Date('2026-11-01T00:00:00Z');

/** A user pool of two people, answering as Cognito does. */
function pool() {
  const people: Record<string, { attrs: Record<string, string>; groups: string[]; enabled: boolean }> = {
    vanthu: { attrs: { sub: 's-1', email: 'vt@x.vn', 'custom:clearance': 'mat' }, groups: ['van-thu'], enabled: true },
    bantochuc: { attrs: { sub: 's-2', 'custom:dept': 'BTCTU' }, groups: ['ban-tham-muu', 'unknown-group'], enabled: false },
  };
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const send = async (cmd: { input: unknown }) => {
    const name = cmd.constructor.name.replace(/Command$/, '');
    const input = cmd.input as Record<string, unknown>;
    sent.push({ name, input });
    expect(input.UserPoolId).toBe(POOL);
    const u = people[String(input.Username)];
    switch (name) {
      case 'ListUsers':
        return { Users: Object.entries(people).map(([Username, p]) => ({ Username, Attributes: attrs(p.attrs), Enabled: p.enabled, UserStatus: 'CONFIRMED', UserCreateDate: when })) };
      case 'ListUsersInGroup':
        return { Users: Object.entries(people).filter(([, p]) => p.groups.includes(String(input.GroupName))).map(([Username, p]) => ({ Username, Attributes: attrs(p.attrs), Enabled: p.enabled })) };
      case 'AdminGetUser':
        if (!u) throw Object.assign(new Error('User does not exist.'), { name: 'UserNotFoundException' });
        return { Username: input.Username, UserAttributes: attrs(u.attrs), Enabled: u.enabled, UserStatus: 'CONFIRMED' };
      case 'AdminListGroupsForUser':
        return { Groups: u!.groups.map((GroupName) => ({ GroupName, UserPoolId: POOL })) };
      case 'AdminUpdateUserAttributes':
        for (const a of input.UserAttributes as { Name: string; Value: string }[]) u!.attrs[a.Name] = a.Value;
        return {};
      case 'AdminDeleteUserAttributes':
        for (const n of input.UserAttributeNames as string[]) delete u!.attrs[n];
        return {};
      case 'AdminAddUserToGroup':
        u!.groups.push(String(input.GroupName));
        return {};
      case 'AdminRemoveUserFromGroup':
        u!.groups = u!.groups.filter((g) => g !== input.GroupName);
        return {};
      case 'AdminUserGlobalSignOut':
        return {};
      default:
        throw new Error(`unexpected ${name}`);
    }
  };
  return { people, sent, send };
}

const audited: AuditInput[] = [];
const audit = { record: async (i: AuditInput) => (audited.push(i), {}) } as unknown as AuditLog;
const actor: Caller = { sub: 'a', username: 'admin', roles: ['admin'], clearance: 'none' };

describe('Cognito user directory', () => {
  it('lists people with their groups as roles and their custom attributes and e-mail', async () => {
    const p = pool();
    const dir = new CognitoUserDirectory(p.send as never, POOL, audit);
    expect(await dir.list()).toEqual([
      { username: 'bantochuc', sub: 's-2', roles: ['ban-tham-muu'], clearance: 'none', dept: 'BTCTU', enabled: false },
      { username: 'vanthu', sub: 's-1', roles: ['van-thu'], clearance: 'mat', email: 'vt@x.vn', enabled: true },
    ]);
  });

  it('gets one person, and undefined for an unknown one', async () => {
    const p = pool();
    const dir = new CognitoUserDirectory(p.send as never, POOL, audit);
    expect(await dir.get('vanthu')).toMatchObject({ roles: ['van-thu'], clearance: 'mat' });
    expect(await dir.get('nobody')).toBeUndefined();
  });

  it('records the audit event first, then sets attributes and groups, and signs the person out', async () => {
    const p = pool();
    const dir = new CognitoUserDirectory(p.send as never, POOL, audit);
    audited.length = 0;
    const input = { actor, action: 'user.update', entityType: 'user', entityId: 'bantochuc', before: null, after: null };
    const after = await dir.update('bantochuc', { roles: ['chuyen-vien'], clearance: 'mat', dept: null }, input);
    expect(audited).toEqual([input]);
    expect(after).toMatchObject({ roles: ['chuyen-vien'], clearance: 'mat' });
    expect(after.dept).toBeUndefined();
    const writes = p.sent.filter((s) => !/^(AdminGetUser|AdminListGroupsForUser)$/.test(s.name));
    expect(writes.map((s) => s.name)).toEqual(['AdminUpdateUserAttributes', 'AdminDeleteUserAttributes', 'AdminAddUserToGroup', 'AdminRemoveUserFromGroup', 'AdminUserGlobalSignOut']);
    expect(writes[0]!.input.UserAttributes).toEqual([{ Name: 'custom:clearance', Value: 'mat' }]);
  });

  it('refuses an unknown person with NotFound and records nothing', async () => {
    const p = pool();
    audited.length = 0;
    await expect(new CognitoUserDirectory(p.send as never, POOL, audit).update('nobody', { roles: [], clearance: 'none', dept: null }, {} as AuditInput)).rejects.toThrow(/No user/);
    expect(audited).toEqual([]);
  });
});

describe('Cognito user directory when Cognito fails half-way', () => {
  it('records a second event saying the change failed and what the person now holds, and throws', async () => {
    const p = pool();
    const failing = async (cmd: { input: unknown }) => {
      if (cmd.constructor.name === 'AdminAddUserToGroupCommand') throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
      return p.send(cmd);
    };
    audited.length = 0;
    const input = { actor, action: 'user.update', entityType: 'user', entityId: 'vanthu', before: { clearance: 'mat' }, after: { clearance: 'toi-mat' } };
    await expect(new CognitoUserDirectory(failing as never, POOL, audit).update('vanthu', { roles: ['van-thu', 'chuyen-vien'], clearance: 'toi-mat', dept: null }, input)).rejects.toThrow(/Rate exceeded/);
    expect(audited.map((a) => a.action)).toEqual(['user.update', 'user.update.failed']);
    expect(audited[1]!.after).toEqual({ roles: ['van-thu'], clearance: 'toi-mat', dept: null, error: 'TooManyRequestsException' });
  });
});
