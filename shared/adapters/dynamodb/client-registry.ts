/** ClientRegistry on the Data table: item `CLIENT#<clientId>` / `CLIENT`. */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ClientRegistry, MachineClient } from '../../ports/client-registry';

export const clientKey = (clientId: string) => ({ pk: `CLIENT#${clientId}`, sk: 'CLIENT' });

export class DynamoClientRegistry implements ClientRegistry {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(clientId: string): Promise<MachineClient | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: clientKey(clientId), ConsistentRead: true }));
    if (!r.Item) return undefined;
    const { pk: _pk, sk: _sk, ...client } = r.Item;
    return client as MachineClient;
  }
}
