/**
 * The cloud UserDirectory: the Cognito user pool. Roles are groups, clearance / department /
 * organisation are custom attributes that only these administrator calls (IAM, limited to the
 * pool) can write: no app client has write access to a custom attribute (infra/stacks/api-stack.ts).
 * The SDK is loaded on first use.
 */
import type {
  AdminAddUserToGroupCommand,
  AdminDeleteUserAttributesCommand,
  AdminGetUserCommandOutput,
  AdminListGroupsForUserCommandOutput,
  AttributeType,
  CognitoIdentityProviderClient,
  ListUsersCommandOutput,
  ListUsersInGroupCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { NotFoundError } from '../../platform/errors';
import { CLEARANCES, ROLES, type Clearance, type Role } from '../../platform/security';
import type { AuditLog, AuditInput } from '../../audit';
import type { DirectoryUser, UserChange, UserDirectory } from '../ports/user-directory';
import { lazily } from '../../platform/aws/lazy';

const cognitoSdk = lazily(() => import('@aws-sdk/client-cognito-identity-provider'));

/** Sends one Cognito command (the SDK client's `send`, or a recorded stand-in in tests). */
export type CognitoUsersSend = (command: AdminAddUserToGroupCommand | AdminDeleteUserAttributesCommand | { input: unknown }) => Promise<unknown>;

const attr = (attrs: AttributeType[] | undefined, name: string) => attrs?.find((a) => a.Name === name)?.Value || undefined;

function toUser(username: string, attrs: AttributeType[] | undefined, enabled: boolean | undefined, groups: string[]): DirectoryUser {
  const clearanceRaw = attr(attrs, 'custom:clearance') ?? 'none';
  const dept = attr(attrs, 'custom:dept');
  const orgId = attr(attrs, 'custom:orgId');
  const email = attr(attrs, 'email');
  return {
    username,
    sub: attr(attrs, 'sub') ?? username,
    roles: groups.filter((g): g is Role => (ROLES as readonly string[]).includes(g) && g !== 'don-vi'),
    clearance: (CLEARANCES as readonly string[]).includes(clearanceRaw) ? (clearanceRaw as Clearance) : 'none',
    ...(dept ? { dept } : {}),
    ...(orgId ? { orgId } : {}),
    ...(email ? { email } : {}),
    enabled: enabled !== false,
  };
}

export class CognitoUserDirectory implements UserDirectory {
  constructor(
    private readonly send: CognitoUsersSend,
    private readonly userPoolId: string,
    private readonly audit: AuditLog,
  ) {}

  static create(userPoolId: string, audit: AuditLog): CognitoUserDirectory {
    const client = lazily(async (): Promise<CognitoIdentityProviderClient> => new (await cognitoSdk()).CognitoIdentityProviderClient({}));
    return new CognitoUserDirectory(async (c) => (await client()).send(c as never), userPoolId, audit);
  }

  async list(): Promise<DirectoryUser[]> {
    const sdk = await cognitoSdk();
    // Groups per role (seven calls), not groups per user (one call per person).
    const rolesOf = new Map<string, string[]>();
    for (const role of ROLES) {
      let next: string | undefined;
      do {
        const r = (await this.send(new sdk.ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName: role, Limit: 60, NextToken: next }))) as ListUsersInGroupCommandOutput;
        for (const u of r.Users ?? []) if (u.Username) rolesOf.set(u.Username, [...(rolesOf.get(u.Username) ?? []), role]);
        next = r.NextToken;
      } while (next);
    }
    const out: DirectoryUser[] = [];
    let token: string | undefined;
    do {
      const r = (await this.send(new sdk.ListUsersCommand({ UserPoolId: this.userPoolId, Limit: 60, PaginationToken: token }))) as ListUsersCommandOutput;
      for (const u of r.Users ?? []) if (u.Username) out.push(toUser(u.Username, u.Attributes, u.Enabled, rolesOf.get(u.Username) ?? []));
      token = r.PaginationToken;
    } while (token);
    return out.sort((a, b) => a.username.localeCompare(b.username));
  }

  async get(username: string): Promise<DirectoryUser | undefined> {
    const sdk = await cognitoSdk();
    let user: AdminGetUserCommandOutput;
    try {
      user = (await this.send(new sdk.AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }))) as AdminGetUserCommandOutput;
    } catch (err) {
      if ((err as { name?: string }).name === 'UserNotFoundException') return undefined;
      throw err;
    }
    const groups: string[] = [];
    let next: string | undefined;
    do {
      const r = (await this.send(new sdk.AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: username, Limit: 60, NextToken: next }))) as AdminListGroupsForUserCommandOutput;
      groups.push(...(r.Groups ?? []).map((g) => g.GroupName ?? '').filter(Boolean));
      next = r.NextToken;
    } while (next);
    return toUser(user.Username ?? username, user.UserAttributes, user.Enabled, groups);
  }

  async update(username: string, change: UserChange, audit: AuditInput): Promise<DirectoryUser> {
    const before = await this.get(username);
    if (!before) throw new NotFoundError(`No user ${username}`);
    const sdk = await cognitoSdk();
    // Cognito and the audit table cannot share a transaction: the event is stored first, so a
    // change is never made without its audit event (a failure after it leaves an event for a
    // change that did not happen, and the answer is an error the administrator sees).
    await this.audit.record(audit);
    const Pool = { UserPoolId: this.userPoolId, Username: username };
    try {
      await this.send(
        new sdk.AdminUpdateUserAttributesCommand({
          ...Pool,
          UserAttributes: [{ Name: 'custom:clearance', Value: change.clearance }, ...(change.dept !== null ? [{ Name: 'custom:dept', Value: change.dept }] : [])],
        }),
      );
      if (change.dept === null && before.dept) await this.send(new sdk.AdminDeleteUserAttributesCommand({ ...Pool, UserAttributeNames: ['custom:dept'] }));
      for (const role of change.roles) if (!before.roles.includes(role)) await this.send(new sdk.AdminAddUserToGroupCommand({ ...Pool, GroupName: role }));
      for (const role of before.roles) if (!change.roles.includes(role)) await this.send(new sdk.AdminRemoveUserFromGroupCommand({ ...Pool, GroupName: role }));
      // Refresh tokens stop working: the person signs in again and gets a token with the new claims
      // (access tokens already issued expire within the hour).
      await this.send(new sdk.AdminUserGlobalSignOutCommand(Pool));
    } catch (err) {
      // The log then says the change did not (wholly) happen, and what the person now holds.
      const now = await this.get(username).catch(() => undefined);
      await this.audit.record({ ...audit, action: `${audit.action}.failed`, before: audit.after, after: now ? { roles: now.roles, clearance: now.clearance, dept: now.dept ?? null, error: (err as Error).name } : { error: (err as Error).name } });
      throw err;
    }
    return (await this.get(username))!;
  }
}

/** The IAM actions this adapter calls, on the user pool only. */
export const USER_DIRECTORY_ACTIONS = [
  'cognito-idp:ListUsers',
  'cognito-idp:ListUsersInGroup',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDeleteUserAttributes',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminUserGlobalSignOut',
];
