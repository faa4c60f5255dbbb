/**
 * ReminderStore on the Data table: `REMINDER#<type>#<period>` / `<orgId>#<scheduledAt>`. The
 * conditional put is what makes each reminder go out once, however often the job runs.
 */
import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReminderRecord, ReminderStore } from '../ports/reports';
import { stripKeys, writeTransaction } from '../../platform/aws/transactions';

type Ref = Pick<ReminderRecord, 'reportType' | 'period' | 'orgId' | 'scheduledAt'>;
const key = (r: Ref) => ({ pk: `REMINDER#${r.reportType}#${r.period}`, sk: `${r.orgId}#${r.scheduledAt}` });

export class DynamoReminderStore implements ReminderStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async claim(rec: ReminderRecord, auditItem: unknown, staleBefore: string): Promise<boolean> {
    // A failed delivery, or one a dead run left pending, may be claimed again; a sent one never.
    const r = await writeTransaction(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: { ...key(rec), ...rec },
          ConditionExpression: 'attribute_not_exists(pk) OR #s = :failed OR (#s = :pending AND createdAt < :stale)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':failed': 'failed', ':pending': 'pending', ':stale': staleBefore },
        },
      },
      auditItem,
    ]);
    return r.ok;
  }

  async settle(ref: Ref, outcome: Pick<ReminderRecord, 'status' | 'messageId' | 'error'>): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: key(ref),
        UpdateExpression: 'SET #s = :s, messageId = :m, #e = :e',
        ExpressionAttributeNames: { '#s': 'status', '#e': 'error' },
        ExpressionAttributeValues: { ':s': outcome.status, ':m': outcome.messageId ?? null, ':e': outcome.error ?? null },
      }),
    );
  }

  async list(reportType: string, period: string): Promise<ReminderRecord[]> {
    const out: ReminderRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(
        new QueryCommand({ TableName: this.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `REMINDER#${reportType}#${period}` }, ExclusiveStartKey: start }),
      );
      out.push(...(r.Items ?? []).map((i) => stripKeys<ReminderRecord>(i)));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
