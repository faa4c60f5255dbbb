/**
 * AuditLog on DynamoDB: one item per event, keyed by entity; gsi1 lists events by month.
 * Events are written inside the business transactions (so writers never contend on a shared
 * chain head), then sealed into the hash chain in event-id order by `seal()`, which runs on a
 * schedule and before every verification.
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { extendChain, GENESIS_HASH, problemMessage, verifyChain, type ChainLink } from '../domain/audit-chain';
import { decodeTime, ulid } from 'ulid';
import type { AuditEvent, AuditInput, AuditLog } from '../ports/audit-log';
import { checkStartKey, cursorJson, decodeCursor, encodeCursor, FOREIGN, GSI1_KEY, invalidCursor, TABLE_KEY } from '../../platform/aws/cursor';

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
      // The head also keeps the span of months the sealed events are dated in: where an
      // office-wide listing without `from`/`to` starts and ends its walk.
      const months = [...ready.map((e) => e.at.slice(0, 7)), ...(head.firstMonth ? [head.firstMonth, head.lastMonth!] : [])].sort();
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
                  Item: { ...HEAD_KEY, seq: last.seq, hash: last.hash, firstMonth: months[0], lastMonth: months.at(-1) },
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

  async verify(opts: { hidden?: (e: AuditEvent) => boolean } = {}) {
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
    const result = verifyChain(sha256, events, await this.head());
    const hidden = opts.hidden;
    if (hidden) {
      const bySeq = new Map(events.map((e) => [e.seq, e]));
      result.problems = result.problems.map((p) => {
        const e = bySeq.get(p.seq);
        return e && hidden(e) ? { ...p, message: problemMessage(p.kind, p.seq) } : p;
      });
    }
    return { ...result, unsealed: unsealed.Count ?? 0 };
  }

  private async head(): Promise<{ seq: number; hash: string; firstMonth?: string; lastMonth?: string }> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: HEAD_KEY, ConsistentRead: true }));
    if (!r.Item) return { seq: 0, hash: GENESIS_HASH };
    // A head written before the span was kept: its events may go back to the epoch.
    const span = typeof r.Item.firstMonth === 'string' ? { firstMonth: r.Item.firstMonth, lastMonth: String(r.Item.lastMonth) } : { firstMonth: LEGACY_FIRST_MONTH, lastMonth: new Date().toISOString().slice(0, 7) };
    return { seq: Number(r.Item.seq), hash: String(r.Item.hash), ...span };
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
          ExclusiveStartKey: inRange(decodeCursor(q.cursor, { attrs: TABLE_KEY, equal: { pk: `ENTITY#${q.entityId}` } }), 'sk', from, to),
        }),
      );
      return { items: (r.Items ?? []).map(strip), nextCursor: encodeCursor(r.LastEvaluatedKey) };
    }
    // The office-wide log, newest first: walk the months from `to` back to `from`, several months
    // per round in parallel; a cursor names where the walk stopped. Without bounds, the walk
    // spans the months of the sealed events (kept on the chain head) and the current month
    // (events not yet sealed are at most a minute old).
    const thisMonth = new Date().toISOString().slice(0, 7);
    const span = q.from && q.to ? undefined : await this.head();
    const firstMonth = q.from ? q.from.slice(0, 7) : [span?.firstMonth ?? thisMonth, thisMonth].sort()[0]!;
    const lastMonth = q.to ? q.to.slice(0, 7) : [span?.lastMonth ?? thisMonth, thisMonth].sort()[1]!;
    const start = q.cursor ? monthCursor(q.cursor, firstMonth, lastMonth, from, to) : undefined;
    let month = start?.month ?? lastMonth;
    let key = start?.key;
    const items: AuditEvent[] = [];
    const cursorAt = (m: string, k: Record<string, unknown> | undefined) => Buffer.from(JSON.stringify({ month: m, key: k }), 'utf8').toString('base64url');
    while (month >= firstMonth) {
      // Resuming inside a month: that month alone first; otherwise a round of months at once.
      const round: string[] = [month];
      while (!key && round.length < MONTHS_PER_ROUND && previousMonth(round[round.length - 1]!) >= firstMonth) round.push(previousMonth(round[round.length - 1]!));
      const want = limit - items.length;
      const pages = await Promise.all(
        round.map((m, i) =>
          this.db.send(
            new QueryCommand({
              TableName: this.table,
              IndexName: 'gsi1',
              KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
              ExpressionAttributeValues: { ':pk': `MONTH#${m}`, ':from': from, ':to': to },
              ScanIndexForward: false,
              Limit: want,
              ...(i === 0 && key ? { ExclusiveStartKey: key } : {}),
            }),
          ),
        ),
      );
      for (const [i, page] of pages.entries()) {
        const m = round[i]!;
        const got = page.Items ?? [];
        const need = limit - items.length;
        if (got.length > need || (got.length === need && page.LastEvaluatedKey)) {
          // The page holds more than is wanted: stop after the last one taken, inside this month.
          const taken = got.slice(0, need);
          items.push(...taken.map(strip));
          const last = taken[taken.length - 1];
          return { items, nextCursor: cursorAt(m, last ? { pk: last.pk, sk: last.sk, gsi1pk: last.gsi1pk, gsi1sk: last.gsi1sk } : page.LastEvaluatedKey) };
        }
        items.push(...got.map(strip));
        if (page.LastEvaluatedKey) {
          // More in this month than one page gave (limit not reached): go on inside it.
          month = m;
          key = page.LastEvaluatedKey;
          break;
        }
        key = undefined;
        month = previousMonth(m);
        if (items.length >= limit) return { items, nextCursor: month >= firstMonth ? cursorAt(month, undefined) : null };
      }
    }
    return { items, nextCursor: null };
  }
}

/** Months queried at once while walking back through a sparse log. */
const MONTHS_PER_ROUND = 6;

const UNSEALED = 'UNSEALED';
/** Where a chain head without a month span (written before it was kept) says the log begins. */
const LEGACY_FIRST_MONTH = '2020-01';
const CHAIN = 'CHAIN';
const HEAD_KEY = { pk: 'CHAIN', sk: 'HEAD' };
/** Events younger than this are left for the next seal, so late-indexed writes keep their order. */
const SEAL_GRACE_MS = 1000;
const SEAL_BATCH = 50;
const seqKey = (seq: number) => String(seq).padStart(12, '0');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function previousMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

/** A start key whose sort key lies outside the query's BETWEEN range would make DynamoDB fail: a 400 instead. */
function inRange<K extends Record<string, string> | undefined>(key: K, attr: string, from: string, to: string): K {
  if (key && !(key[attr]! >= from && key[attr]! <= to)) throw invalidCursor(FOREIGN);
  return key;
}

/** The office-wide walk's cursor: a month of the walk's span and, inside it, the last key read. */
function monthCursor(cursor: string, firstMonth: string, lastMonth: string, from: string, to: string): { month: string; key?: Record<string, string> } {
  const v = cursorJson(cursor);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalidCursor();
  const { month, key, ...rest } = v as { month?: unknown; key?: unknown };
  if (Object.keys(rest).length || typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || month < firstMonth || month > lastMonth) throw invalidCursor();
  if (key === undefined) return { month };
  return { month, key: inRange(checkStartKey(key, { attrs: GSI1_KEY, equal: { gsi1pk: `MONTH#${month}` } }), 'gsi1sk', from, to) };
}

function strip(item: Record<string, unknown>): AuditEvent {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, gsi2pk: _g3, gsi2sk: _g4, ...event } = item;
  return event as unknown as AuditEvent;
}
