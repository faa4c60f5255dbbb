/** ReportTypeStore on the Data table: `RTYPE#<code>` / `RTYPE`, listed by gsi1 (`RTYPES` / `<code>`). The data schema is kept as JSON text. */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../platform/errors';
import type { ReportType } from '../domain/model';
import type { ReportTypeStore } from '../ports/reports';
import { stripKeys, writeTransaction } from '../../platform/aws/transactions';

const key = (code: string) => ({ pk: `RTYPE#${code}`, sk: 'RTYPE' });

function toItem(t: ReportType): Record<string, unknown> {
  const { dataSchema, ...rest } = t;
  return { ...key(t.code), gsi1pk: 'RTYPES', gsi1sk: t.code, ...rest, ...(dataSchema ? { dataSchemaJson: JSON.stringify(dataSchema) } : {}) };
}

function fromItem(item: Record<string, unknown>): ReportType {
  const { dataSchemaJson, ...rest } = stripKeys<Record<string, unknown>>(item);
  return { ...(rest as unknown as ReportType), ...(typeof dataSchemaJson === 'string' ? { dataSchema: JSON.parse(dataSchemaJson) as Record<string, unknown> } : {}) };
}

export class DynamoReportTypeStore implements ReportTypeStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(type: ReportType, auditItem: unknown): Promise<void> {
    const r = await writeTransaction(this.db, [{ Put: { TableName: this.table, Item: toItem(type), ConditionExpression: 'attribute_not_exists(pk)' } }, auditItem]);
    if (!r.ok) throw new ConflictError(`A report type with code ${type.code} already exists`, [{ path: 'body.code', message: 'taken' }], 'DUPLICATE');
  }

  async get(code: string): Promise<ReportType | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key(code), ConsistentRead: true }));
    return r.Item ? fromItem(r.Item) : undefined;
  }

  async update(type: ReportType, expectedVersion: number, auditItem: unknown): Promise<void> {
    const r = await writeTransaction(this.db, [
      { Put: { TableName: this.table, Item: toItem(type), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } } },
      auditItem,
    ]);
    if (!r.ok) throw new ConflictError(`Report type ${type.code} was changed meanwhile (version ${expectedVersion} is stale)`, [], 'STALE_VERSION');
  }

  async all(): Promise<ReportType[]> {
    const out: ReportType[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(
        new QueryCommand({ TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'RTYPES' }, ExclusiveStartKey: start }),
      );
      out.push(...(r.Items ?? []).map(fromItem));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
