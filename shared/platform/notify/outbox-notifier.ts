/**
 * The embedded Notifier: every message goes to an outbox in the Data table (`OUTBOX` / `<sentAt>#<id>`,
 * gsi1 `OUTBOX#<orgId>` / `<sentAt>#<id>`) instead of a mail server, and the API reads it back.
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Notification, Notifier, Outbox, SentNotification } from './notifier';
import type { Clock } from '../clock';
import { decodeCursor, encodeCursor, GSI1_KEY, TABLE_KEY } from '../aws/cursor';
import { stripKeys } from '../aws/transactions';

export class DynamoOutbox implements Notifier, Outbox {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
  ) {}

  async send(n: Notification): Promise<SentNotification> {
    const sent: SentNotification = { ...n, messageId: `outbox-${ulid()}`, sentAt: this.clock.now().toISOString(), status: n.to.length ? 'sent' : 'skipped' };
    const sk = `${sent.sentAt}#${sent.messageId}`;
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: 'OUTBOX', sk, ...(n.orgId ? { gsi1pk: `OUTBOX#${n.orgId}`, gsi1sk: sk } : {}), ...sent },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return sent;
  }

  async list(q: { orgId?: string | undefined; limit: number; cursor?: string | undefined }) {
    const r = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        ...(q.orgId
          ? { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `OUTBOX#${q.orgId}` } }
          : { KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'OUTBOX' } }),
        ScanIndexForward: false,
        Limit: q.limit,
        ExclusiveStartKey: q.orgId ? decodeCursor(q.cursor, { attrs: GSI1_KEY, equal: { gsi1pk: `OUTBOX#${q.orgId}` } }) : decodeCursor(q.cursor, { attrs: TABLE_KEY, equal: { pk: 'OUTBOX' } }),
      }),
    );
    return { items: (r.Items ?? []).map((i) => stripKeys<SentNotification>(i)), nextCursor: encodeCursor(r.LastEvaluatedKey) };
  }
}
