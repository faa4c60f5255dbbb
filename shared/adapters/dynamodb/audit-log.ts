/** AuditLog on DynamoDB: one item per event, keyed by entity; a GSI by month lists events by time. */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { AuditEvent, AuditInput, AuditLog } from '../../ports/audit-log';
import { decodeCursor, encodeCursor } from './cursor';

export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  prepare(input: AuditInput) {
    const at = (input.at ?? new Date()).toISOString();
    const event: AuditEvent = {
      eventId: ulid(),
      at,
      actor: { sub: input.actor.sub, username: input.actor.username, roles: [...input.actor.roles] },
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: input.before ?? null,
      after: input.after ?? null,
      ...(input.requestId ? { requestId: input.requestId } : {}),
    };
    const item = {
      pk: `ENTITY#${event.entityId}`,
      sk: `${event.at}#${event.eventId}`,
      gsi1pk: `MONTH#${event.at.slice(0, 7)}`,
      gsi1sk: `${event.at}#${event.eventId}`,
      ...event,
    };
    return {
      event,
      transactItem: { Put: { TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
    };
  }

  async record(input: AuditInput): Promise<AuditEvent> {
    const { event, transactItem } = this.prepare(input);
    await this.db.send(new PutCommand((transactItem as { Put: ConstructorParameters<typeof PutCommand>[0] }).Put));
    return event;
  }

  async list(q: { entityId?: string; from?: string; to?: string; limit?: number; cursor?: string }) {
    const limit = q.limit ?? 50;
    const from = q.from ?? '0000';
    const to = q.to ? `${q.to}\uffff` : '\uffff';
    if (q.entityId) {
      const r = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': `ENTITY#${q.entityId}`, ':from': from, ':to': to },
          Limit: limit,
          ExclusiveStartKey: decodeCursor(q.cursor),
        }),
      );
      return { items: (r.Items ?? []).map(strip), nextCursor: encodeCursor(r.LastEvaluatedKey) };
    }
    // Walk the months between from and to (newest data volumes are small per month).
    const start = decodeCursor(q.cursor) as { month?: string; key?: Record<string, unknown> } | undefined;
    const lastMonth = (q.to ?? new Date().toISOString()).slice(0, 7);
    let month = start?.month ?? (q.from ?? '2020-01').slice(0, 7);
    let key = start?.key;
    const items: AuditEvent[] = [];
    while (month <= lastMonth && items.length < limit) {
      const r = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': `MONTH#${month}`, ':from': from, ':to': to },
          Limit: limit - items.length,
          ExclusiveStartKey: key,
        }),
      );
      items.push(...(r.Items ?? []).map(strip));
      key = r.LastEvaluatedKey;
      if (!key) month = nextMonth(month);
    }
    const more = month <= lastMonth;
    return {
      items,
      nextCursor: more ? Buffer.from(JSON.stringify({ month, key }), 'utf8').toString('base64url') : null,
    };
  }
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

function strip(item: Record<string, unknown>): AuditEvent {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...event } = item;
  return event as unknown as AuditEvent;
}
