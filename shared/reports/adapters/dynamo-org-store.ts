/** OrgStore on the Data table: `ORG#<id>` / `ORG`, listed by gsi1 (`ORGS` / `<id>`). */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../platform/errors';
import type { Organisation } from '../domain/model';
import type { OrgStore } from '../ports/orgs';
import { decodeCursor, encodeCursor, GSI1_KEY } from '../../platform/aws/cursor';
import { stripKeys, writeTransaction } from '../../platform/aws/transactions';

const key = (id: string) => ({ pk: `ORG#${id}`, sk: 'ORG' });
const item = (o: Organisation) => ({ ...key(o.id), gsi1pk: 'ORGS', gsi1sk: o.id, ...o });

export class DynamoOrgStore implements OrgStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(org: Organisation, auditItem: unknown): Promise<void> {
    const r = await writeTransaction(this.db, [{ Put: { TableName: this.table, Item: item(org), ConditionExpression: 'attribute_not_exists(pk)' } }, auditItem]);
    if (!r.ok) throw new ConflictError(`An organisation with id ${org.id} already exists`, [{ path: 'body.id', message: 'taken' }], 'DUPLICATE');
  }

  async get(id: string): Promise<Organisation | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key(id), ConsistentRead: true }));
    return r.Item ? stripKeys<Organisation>(r.Item) : undefined;
  }

  async update(org: Organisation, expectedVersion: number, auditItem: unknown): Promise<void> {
    const r = await writeTransaction(this.db, [
      { Put: { TableName: this.table, Item: item(org), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } } },
      auditItem,
    ]);
    if (!r.ok) throw new ConflictError(`Organisation ${org.id} was changed meanwhile (version ${expectedVersion} is stale)`, [], 'STALE_VERSION');
  }

  async list(q: { limit: number; cursor?: string | undefined }) {
    const r = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'ORGS' },
        Limit: q.limit,
        ExclusiveStartKey: decodeCursor(q.cursor, { attrs: GSI1_KEY, equal: { gsi1pk: 'ORGS' } }),
      }),
    );
    return { items: (r.Items ?? []).map((i) => stripKeys<Organisation>(i)), nextCursor: encodeCursor(r.LastEvaluatedKey) };
  }

  async all(): Promise<Organisation[]> {
    const out: Organisation[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ limit: 500, cursor });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }
}
