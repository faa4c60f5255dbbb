/** The first-signing claim as a conditional write on the Data table (`DOCUMENT#<entryId>` / `SIGNING`). */
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SigningClaims } from '../ports/signing-claims';

const claimKey = (entryId: string) => ({ pk: `DOCUMENT#${entryId}`, sk: 'SIGNING' });

export class DynamoSigningClaims implements SigningClaims {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async claim(entryId: string, now: Date, leaseMs: number): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...claimKey(entryId), claimedAt: now.toISOString(), leaseUntil: new Date(now.getTime() + leaseMs).toISOString() },
          ConditionExpression: 'attribute_not_exists(pk) OR leaseUntil < :now',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        }),
      );
      return true;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return false;
      throw err;
    }
  }

  async release(entryId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: claimKey(entryId) }));
  }
}
