/**
 * The embedded UserDirectory on the Data table: item `USER#<username>` / `USER`, listed by gsi1
 * (`USERS` / username). Seeded from local/demo-users.ts at the first start; the embedded token
 * issuer reads it at every sign-in, so a change takes effect at the next token, as with Cognito.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { CLEARANCES, ROLES, type Clearance, type Role } from '../../platform/security';
import type { AuditLog, AuditInput } from '../../audit';
import type { DirectoryUser, UserChange, UserDirectory } from '../ports/user-directory';
import { writeTransaction } from '../../platform/aws/transactions';

export const userKey = (username: string) => ({ pk: `USER#${username}`, sk: 'USER' });
export const USERS_INDEX_PK = 'USERS';

/** The stored item of a user (what the bootstrap seeds). */
export function userItem(u: DirectoryUser & { name?: string }): Record<string, unknown> {
  return { ...userKey(u.username), gsi1pk: USERS_INDEX_PK, gsi1sk: u.username, ...u };
}

function fromItem(i: Record<string, unknown>): DirectoryUser {
  const roles = (Array.isArray(i.roles) ? i.roles : []).filter((r): r is Role => (ROLES as readonly string[]).includes(r as string));
  const clearance = (CLEARANCES as readonly string[]).includes(i.clearance as string) ? (i.clearance as Clearance) : 'none';
  return {
    username: String(i.username),
    sub: String(i.sub ?? `user-${String(i.username)}`),
    roles,
    clearance,
    ...(typeof i.dept === 'string' && i.dept ? { dept: i.dept } : {}),
    ...(typeof i.orgId === 'string' && i.orgId ? { orgId: i.orgId } : {}),
    ...(typeof i.email === 'string' && i.email ? { email: i.email } : {}),
    enabled: i.enabled !== false,
  };
}

export class DynamoUserDirectory implements UserDirectory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<DirectoryUser[]> {
    const out: DirectoryUser[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(
        new QueryCommand({ TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': USERS_INDEX_PK }, ExclusiveStartKey: start }),
      );
      out.push(...(r.Items ?? []).map(fromItem));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async get(username: string): Promise<DirectoryUser | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: userKey(username), ConsistentRead: true }));
    return r.Item ? fromItem(r.Item) : undefined;
  }

  async update(username: string, change: UserChange, audit: AuditInput): Promise<DirectoryUser> {
    const set = ['#roles = :r', '#clearance = :c'];
    const values: Record<string, unknown> = { ':r': change.roles, ':c': change.clearance };
    if (change.dept !== null) {
      set.push('#dept = :d');
      values[':d'] = change.dept;
    }
    const r = await writeTransaction(this.db, [
      {
        Update: {
          TableName: this.table,
          Key: userKey(username),
          UpdateExpression: `SET ${set.join(', ')}${change.dept === null ? ' REMOVE #dept' : ''}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#roles': 'roles', '#clearance': 'clearance', '#dept': 'dept' },
          ExpressionAttributeValues: values,
        },
      },
      this.audit.prepare(audit).transactItem,
    ]);
    if (!r.ok && r.reasons[0] === 'ConditionalCheckFailed') throw new NotFoundError(`No user ${username}`);
    if (!r.ok) throw new ConflictError(`User ${username} is being changed by another request: try again`);
    return (await this.get(username))!;
  }
}
