/**
 * ClientRegistry on the Data table: item `CLIENT#<clientId>` / `CLIENT`, listed per organisation
 * by gsi1 (`ORG#<orgId>#CLIENTS` / `<createdAt>#<clientId>`).
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../platform/errors';
import type { ClientDirectory, MachineClient } from '../ports/client-registry';
import { stripKeys, writeTransaction } from '../../platform/aws/transactions';

export const clientKey = (clientId: string) => ({ pk: `CLIENT#${clientId}`, sk: 'CLIENT' });

export class DynamoClientRegistry implements ClientDirectory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(clientId: string): Promise<MachineClient | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: clientKey(clientId), ConsistentRead: true }));
    return r.Item ? stripKeys<MachineClient>(r.Item) : undefined;
  }

  async create(client: MachineClient, auditItem: unknown): Promise<void> {
    const item = { ...clientKey(client.clientId), gsi1pk: `ORG#${client.orgId}#CLIENTS`, gsi1sk: `${client.createdAt}#${client.clientId}`, ...client };
    const r = await writeTransaction(this.db, [{ Put: { TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }, auditItem]);
    if (!r.ok) throw new ConflictError(`Client ${client.clientId} already exists`);
  }

  async listByOrg(orgId: string): Promise<MachineClient[]> {
    const out: MachineClient[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(
        new QueryCommand({ TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `ORG#${orgId}#CLIENTS` }, ExclusiveStartKey: start }),
      );
      out.push(...(r.Items ?? []).map((i) => stripKeys<MachineClient>(i)));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async revoke(clientId: string, revokedAt: string, auditItem: unknown): Promise<MachineClient> {
    const r = await writeTransaction(this.db, [
      {
        Update: {
          TableName: this.table,
          Key: clientKey(clientId),
          UpdateExpression: 'SET revoked = :t, revokedAt = if_not_exists(revokedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':t': true, ':at': revokedAt },
        },
      },
      auditItem,
    ]);
    if (!r.ok) throw new NotFoundError(`No client ${clientId}`);
    return (await this.get(clientId))!;
  }
}
