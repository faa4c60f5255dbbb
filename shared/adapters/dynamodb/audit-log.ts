/**
 * AuditLog on DynamoDB: one item per event, keyed by entity; gsi1 lists events by month.
 * Events are written inside the business transactions (so writers never contend on a shared
 * chain head), then sealed into the hash chain in event-id order by `seal()`, which runs on a
 * schedule and before every verification.
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { extendChain, GENESIS_HASH, verifyChain, type ChainLink } from '../../domain/audit-chain';
import { decodeTime, ulid } from 'ulid';
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
      gsi2pk: UNSEALED,
      gsi2sk: event.eventId,
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

  async seal(now = new Date()): Promise<{ sealed: number }> {
    let sealed = 0;
    // The grace period is measured on the event id's own timestamp (the writer's real time),
    // so events stamped by a moved office clock are sealed like any other.
    const cutoff = now.getTime() - SEAL_GRACE_MS;
    for (;;) {
      const r = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :u',
          ExpressionAttributeValues: { ':u': UNSEALED },
          Limit: SEAL_BATCH,
        }),
      );
      const ready = (r.Items ?? []).filter((i) => decodeTime(String(i.eventId)) <= cutoff) as (AuditEvent & { pk: string; sk: string })[];
      if (!ready.length) return { sealed };
      const head = await this.head();
      const links = extendChain(sha256, head, ready);
      const last = links.at(-1)!;
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              ...links.map((l) => ({
                Update: {
                  TableName: this.table,
                  Key: { pk: (l.event as AuditEvent & { pk: string }).pk, sk: (l.event as AuditEvent & { sk: string }).sk },
                  UpdateExpression: 'SET seq = :seq, prevHash = :prev, #h = :hash, gsi2pk = :chain, gsi2sk = :pos',
                  ConditionExpression: 'gsi2pk = :u',
                  ExpressionAttributeNames: { '#h': 'hash' },
                  ExpressionAttributeValues: { ':seq': l.seq, ':prev': l.prevHash, ':hash': l.hash, ':chain': CHAIN, ':pos': seqKey(l.seq), ':u': UNSEALED },
                },
              })),
              {
                Put: {
                  TableName: this.table,
                  Item: { ...HEAD_KEY, seq: last.seq, hash: last.hash },
                  ConditionExpression: head.seq === 0 ? 'attribute_not_exists(pk)' : 'seq = :old',
                  ...(head.seq === 0 ? {} : { ExpressionAttributeValues: { ':old': head.seq } }),
                },
              },
            ],
          }),
        );
        sealed += links.length;
      } catch (err) {
        // Another sealer moved the head first: read it again and carry on.
        if ((err as Error).name !== 'TransactionCanceledException') throw err;
      }
    }
  }

  async verify() {
    await this.seal();
    const events: (AuditEvent & ChainLink)[] = [];
    let key: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :c',
          ExpressionAttributeValues: { ':c': CHAIN },
          ExclusiveStartKey: key,
        }),
      );
      events.push(...((r.Items ?? []) as (AuditEvent & ChainLink)[]));
      key = r.LastEvaluatedKey;
    } while (key);
    const unsealed = await this.db.send(
      new QueryCommand({ TableName: this.table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :u', ExpressionAttributeValues: { ':u': UNSEALED }, Select: 'COUNT' }),
    );
    return { ...verifyChain(sha256, events, await this.head()), unsealed: unsealed.Count ?? 0 };
  }

  private async head(): Promise<{ seq: number; hash: string }> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: HEAD_KEY, ConsistentRead: true }));
    return r.Item ? { seq: Number(r.Item.seq), hash: String(r.Item.hash) } : { seq: 0, hash: GENESIS_HASH };
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

const UNSEALED = 'UNSEALED';
const CHAIN = 'CHAIN';
const HEAD_KEY = { pk: 'CHAIN', sk: 'HEAD' };
/** Events younger than this are left for the next seal, so late-indexed writes keep their order. */
const SEAL_GRACE_MS = 1000;
const SEAL_BATCH = 50;
const seqKey = (seq: number) => String(seq).padStart(12, '0');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

function strip(item: Record<string, unknown>): AuditEvent {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, gsi2pk: _g3, gsi2sk: _g4, ...event } = item;
  return event as unknown as AuditEvent;
}
