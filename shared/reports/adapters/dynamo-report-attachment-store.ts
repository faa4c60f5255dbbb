/** AttachmentStore on the Data table: `ATTACH#<id>` / `ATTACH`. */
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../platform/errors';
import type { AttachmentRecord, AttachmentSeal, AttachmentStore } from '../ports/reports';
import { stripKeys, writeTransaction } from '../../platform/aws/transactions';

const key = (id: string) => ({ pk: `ATTACH#${id}`, sk: 'ATTACH' });

export class DynamoAttachmentStore implements AttachmentStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(rec: AttachmentRecord, auditItem: unknown): Promise<void> {
    const r = await writeTransaction(this.db, [{ Put: { TableName: this.table, Item: { ...key(rec.attachmentId), ...rec }, ConditionExpression: 'attribute_not_exists(pk)' } }, auditItem]);
    if (!r.ok) throw new ConflictError(`Attachment ${rec.attachmentId} already exists`);
  }

  async get(attachmentId: string): Promise<AttachmentRecord | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: key(attachmentId), ConsistentRead: true }));
    return r.Item ? stripKeys<AttachmentRecord>(r.Item) : undefined;
  }

  async seal(attachmentId: string, seal: AttachmentSeal): Promise<AttachmentRecord> {
    try {
      const r = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key(attachmentId),
          UpdateExpression: 'SET sealed = :s',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(sealed)',
          ExpressionAttributeValues: { ':s': seal },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return stripKeys<AttachmentRecord>(r.Attributes!);
    } catch (err) {
      if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
      const current = await this.get(attachmentId);
      if (!current) throw new ConflictError(`Attachment ${attachmentId} does not exist`);
      return current;
    }
  }
}
