/** Creates the tables (from the same declarations CDK uses) when missing, and seeds the demo users. */
import { CreateTableCommand, DescribeTableCommand, ListTablesCommand, UpdateTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLES } from '../shared/platform/aws/tables';
import { DEMO_USERS, demoEmail, poolUser } from './demo-users';
import { userItem, userKey } from '../shared/identity/adapters/dynamo-user-directory';
import type { Role } from '../shared/platform/security';

export function localTableNames(prefix = 'daumoi'): Record<string, string> {
  return Object.fromEntries(TABLES.map((t) => [t.envVar, `${prefix}-${t.name}`]));
}

export async function ensureTables(client: DynamoDBClient, prefix = 'daumoi'): Promise<void> {
  const existing = new Set<string>();
  let start: string | undefined;
  do {
    const r = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    for (const n of r.TableNames ?? []) existing.add(n);
    start = r.LastEvaluatedTableName;
  } while (start);
  for (const t of TABLES) {
    const name = `${prefix}-${t.name}`;
    if (existing.has(name)) {
      // A data directory made before the table had its stream: turn the stream on.
      if (t.stream) {
        const d = await client.send(new DescribeTableCommand({ TableName: name }));
        if (!d.Table?.StreamSpecification?.StreamEnabled) {
          await client.send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: t.stream } }));
        }
      }
      continue;
    }
    const keys = new Set([t.partitionKey, t.sortKey, ...t.globalIndexes.flatMap((g) => [g.partitionKey, g.sortKey])].filter((k): k is string => !!k));
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...keys].map((k) => ({ AttributeName: k, AttributeType: 'S' })),
        KeySchema: [{ AttributeName: t.partitionKey, KeyType: 'HASH' }, ...(t.sortKey ? [{ AttributeName: t.sortKey, KeyType: 'RANGE' as const }] : [])],
        ...(t.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: t.stream } } : {}),
        ...(t.globalIndexes.length
          ? {
              GlobalSecondaryIndexes: t.globalIndexes.map((g) => ({
                IndexName: g.name,
                KeySchema: [{ AttributeName: g.partitionKey, KeyType: 'HASH' as const }, ...(g.sortKey ? [{ AttributeName: g.sortKey, KeyType: 'RANGE' as const }] : [])],
                Projection: { ProjectionType: 'ALL' as const },
              })),
            }
          : {}),
      }),
    );
    await client.send(new DescribeTableCommand({ TableName: name }));
    if (t.ttlAttribute) {
      await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: t.ttlAttribute, Enabled: true } }));
    }
  }
}

/**
 * The demo users as directory entries (the embedded stand-in for the Cognito user pool), seeded
 * once: what an administrator later changes through PUT /v1/users/{username} stays across restarts.
 */
export async function seedUsers(db: DynamoDBDocumentClient, dataTable: string): Promise<void> {
  for (const u of DEMO_USERS) {
    const p = poolUser(u);
    const item = { ...userItem({ username: p.username, sub: p.sub, roles: p.roles as Role[], clearance: u.clearance, ...(u.dept ? { dept: u.dept } : {}), email: demoEmail(u.username), enabled: true }), name: u.name, seeded: true };
    try {
      // Items of older data directories (no `seeded` flag, not listed) are replaced once.
      await db.send(new PutCommand({ TableName: dataTable, Item: item, ConditionExpression: 'attribute_not_exists(pk) OR attribute_not_exists(seeded)' }));
    } catch (err) {
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
      // Seeded before the directory held e-mail addresses: the address is added, nothing else changed.
      await db.send(new UpdateCommand({ TableName: dataTable, Key: userKey(u.username), UpdateExpression: 'SET email = if_not_exists(email, :e)', ExpressionAttributeValues: { ':e': demoEmail(u.username) } }));
    }
  }
}
