/**
 * The exchange on the Data table. Items: partners (EXPARTNER#id), deliveries per outgoing entry
 * and partner (EXOUT#entry / PARTNER#id), outgoing messages (EXMSG#id / OUT, on gsi1 EXQUEUED while
 * queued), received messages (EXRECV#from#id / IN) and inbox items (EXINBOX#id / ITEM, on gsi1 by
 * arrival). What must happen together (a received message, its inbox item, its notice and audit
 * event) is one TransactWriteItems.
 */
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { stripKeys, writeTransaction } from '../../platform/aws/transactions';
import { GSI1_KEY, decodeCursor, encodeCursor } from '../../platform/aws/cursor';
import type { Delivery, InboxItem, InboxStatus, Partner } from '../domain/model';
import type { OutgoingMessage } from '../domain/message';
import type { AuditItems, ExchangeStore, ReceivedMessage } from '../ports/exchange-store';
import type { Secrecy } from '../../platform/security';

const partnerKey = (id: string) => ({ pk: `EXPARTNER#${id}`, sk: 'PARTNER' });
const deliveryKey = (entryId: string, partnerId: string) => ({ pk: `EXOUT#${entryId}`, sk: `PARTNER#${partnerId}` });
const outKey = (id: string) => ({ pk: `EXMSG#${id}`, sk: 'OUT' });
const receivedKey = (from: string, id: string) => ({ pk: `EXRECV#${from}#${id}`, sk: 'IN' });
const inboxKey = (id: string) => ({ pk: `EXINBOX#${id}`, sk: 'ITEM' });
/** Which inbox item an incoming entry was registered from (written with the registration). */
const entryLinkKey = (entryId: string) => ({ pk: `EXENTRY#${entryId}`, sk: 'INBOX' });
const QUEUED = 'EXQUEUED';
const INBOX = 'EXINBOX';

/** `SET a = :a, …` and its values for a patch (undefined fields left alone). */
function setOf(patch: Record<string, unknown>, prefix = 'p'): { expr: string; names: Record<string, string>; values: Record<string, unknown> } {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  return {
    expr: entries.map(([k], i) => `#${prefix}${i} = :${prefix}${i}`).join(', '),
    names: Object.fromEntries(entries.map(([k], i) => [`#${prefix}${i}`, k])),
    values: Object.fromEntries(entries.map(([, v], i) => [`:${prefix}${i}`, v])),
  };
}

export class DynamoExchangeStore implements ExchangeStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private put(item: Record<string, unknown>, condition = 'attribute_not_exists(pk)') {
    return { Put: { TableName: this.table, Item: item, ConditionExpression: condition } };
  }

  private outItem(m: OutgoingMessage) {
    return { ...outKey(m.messageId), ...m, ...(m.status === 'queued' ? { gsi1pk: QUEUED, gsi1sk: `${m.createdAt}#${m.messageId}` } : {}) };
  }

  async addPartner(p: Partner, audit: AuditItems): Promise<boolean> {
    const r = await writeTransaction(this.db, [this.put({ ...partnerKey(p.id), gsi1pk: 'EXPARTNERS', gsi1sk: p.id, ...p }), ...audit]);
    return r.ok;
  }

  async partner(id: string): Promise<Partner | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: partnerKey(id), ConsistentRead: true }));
    return r.Item ? stripKeys<Partner>(r.Item) : undefined;
  }

  async partners(): Promise<Partner[]> {
    return this.all<Partner>('EXPARTNERS');
  }

  /** Every item of one gsi1 partition, page after page. */
  private async all<T>(partition: string): Promise<T[]> {
    const out: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.db.send(new QueryCommand({ TableName: this.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': partition }, ExclusiveStartKey: start }));
      out.push(...(r.Items ?? []).map((i) => stripKeys<T>(i)));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async deliveries(entryId: string): Promise<Delivery[]> {
    const r = await this.db.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `EXOUT#${entryId}` }, ConsistentRead: true }));
    return (r.Items ?? []).map((i) => stripKeys<Delivery>(i));
  }

  async addDeliveries(deliveries: Delivery[], messages: OutgoingMessage[], audit: AuditItems): Promise<boolean> {
    // A delivery may be made anew only after the last one failed or was returned.
    const cond = 'attribute_not_exists(pk) OR #s IN (:f, :r)';
    const items = [
      ...deliveries.map((d) => ({ Put: { TableName: this.table, Item: { ...deliveryKey(d.entryId, d.partnerId), ...d }, ConditionExpression: cond, ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':f': 'failed', ':r': 'returned' } } })),
      ...messages.map((m) => this.put(this.outItem(m))),
      ...audit,
    ];
    return (await writeTransaction(this.db, items)).ok;
  }

  async updateDelivery(entryId: string, partnerId: string, from: Delivery['status'], patch: Partial<Delivery>, audit: AuditItems): Promise<boolean> {
    const s = setOf(patch as Record<string, unknown>);
    const item = {
      Update: {
        TableName: this.table,
        Key: deliveryKey(entryId, partnerId),
        UpdateExpression: `SET ${s.expr}`,
        ConditionExpression: 'attribute_exists(pk) AND #from = :from',
        ExpressionAttributeNames: { ...s.names, '#from': 'status' },
        ExpressionAttributeValues: { ...s.values, ':from': from },
      },
    };
    return (await writeTransaction(this.db, [item, ...audit])).ok;
  }

  async outgoing(messageId: string): Promise<OutgoingMessage | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: outKey(messageId), ConsistentRead: true }));
    return r.Item ? stripKeys<OutgoingMessage>(r.Item) : undefined;
  }

  async addOutgoing(messages: OutgoingMessage[], audit: AuditItems): Promise<void> {
    const r = await writeTransaction(this.db, [...messages.map((m) => this.put(this.outItem(m))), ...audit]);
    if (!r.ok) throw new Error('an outgoing message with this id exists');
  }

  async updateOutgoing(messageId: string, patch: Partial<OutgoingMessage>): Promise<void> {
    const s = setOf(patch as Record<string, unknown>);
    const leaves = patch.status !== undefined && patch.status !== 'queued';
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: outKey(messageId),
        UpdateExpression: `SET ${s.expr}${leaves ? ' REMOVE gsi1pk, gsi1sk' : ''}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: s.names,
        ExpressionAttributeValues: s.values,
      }),
    );
  }

  async queued(): Promise<OutgoingMessage[]> {
    return this.all<OutgoingMessage>(QUEUED);
  }

  async received(from: string, messageId: string): Promise<ReceivedMessage | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: receivedKey(from, messageId), ConsistentRead: true }));
    return r.Item ? stripKeys<ReceivedMessage>(r.Item) : undefined;
  }

  async storeReceived(r: ReceivedMessage, writes: { inbox?: InboxItem; notices?: OutgoingMessage[]; audit: AuditItems }): Promise<boolean> {
    const items = [
      this.put({ ...receivedKey(r.from, r.messageId), ...r }),
      ...(writes.inbox ? [this.put({ ...inboxKey(writes.inbox.id), gsi1pk: INBOX, gsi1sk: `${writes.inbox.receivedAt}#${writes.inbox.id}`, ...writes.inbox })] : []),
      ...(writes.notices ?? []).map((m) => this.put(this.outItem(m))),
      ...writes.audit,
    ];
    const done = await writeTransaction(this.db, items);
    if (done.ok) return true;
    if (done.reasons[0] === 'ConditionalCheckFailed') return false;
    throw new Error(`storing received message ${r.messageId}: ${done.reasons.join(',')}`);
  }

  async inboxItem(id: string): Promise<InboxItem | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: inboxKey(id), ConsistentRead: true }));
    return r.Item ? stripKeys<InboxItem>(r.Item) : undefined;
  }

  async inbox(q: { status?: InboxStatus; visible: (Secrecy | null)[]; limit: number; cursor?: string }): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
    const start = decodeCursor(q.cursor, { attrs: GSI1_KEY, equal: { gsi1pk: INBOX } });
    const filters = ['(attribute_not_exists(secrecy) OR secrecy = :none' + q.visible.filter(Boolean).map((_, i) => ` OR secrecy = :v${i}`).join('') + ')'];
    const values: Record<string, unknown> = { ':p': INBOX, ':none': null, ...Object.fromEntries(q.visible.filter(Boolean).map((v, i) => [`:v${i}`, v])) };
    if (q.status) {
      filters.push('#s = :s');
      values[':s'] = q.status;
    }
    const items: InboxItem[] = [];
    let next: Record<string, unknown> | undefined = start;
    // Newest first; the filter (clearance, status) may thin a page, so read on until it is full.
    do {
      const r = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          FilterExpression: filters.join(' AND '),
          ...(q.status ? { ExpressionAttributeNames: { '#s': 'status' } } : {}),
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: q.limit - items.length,
          ExclusiveStartKey: next,
        }),
      );
      items.push(...(r.Items ?? []).map((i) => stripKeys<InboxItem>(i)));
      next = r.LastEvaluatedKey;
    } while (next && items.length < q.limit);
    return { items, nextCursor: encodeCursor(next) };
  }

  async updateInbox(id: string, from: InboxStatus[], patch: Partial<InboxItem>, writes: { notices?: OutgoingMessage[]; audit: AuditItems }): Promise<boolean> {
    const r = await writeTransaction(this.db, [this.inboxUpdate(id, from, patch), ...(writes.notices ?? []).map((m) => this.put(this.outItem(m))), ...writes.audit]);
    return r.ok;
  }

  registerItems(id: string, patch: Pick<InboxItem, 'entryId' | 'arrivalNumber'>, notice: OutgoingMessage): { keys: string[]; items: unknown[] } {
    const k = inboxKey(id);
    const n = outKey(notice.messageId);
    const l = entryLinkKey(patch.entryId!);
    return {
      keys: [`${k.pk}|${k.sk}`, `${n.pk}|${n.sk}`, `${l.pk}|${l.sk}`],
      items: [this.inboxUpdate(id, ['new'], { ...patch, status: 'registered' }), this.put(this.outItem(notice)), this.put({ ...l, inboxId: id })],
    };
  }

  async inboxOfEntry(entryId: string): Promise<string | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: entryLinkKey(entryId), ConsistentRead: true }));
    return typeof r.Item?.inboxId === 'string' ? r.Item.inboxId : undefined;
  }

  private inboxUpdate(id: string, from: InboxStatus[], patch: Partial<InboxItem>) {
    const s = setOf(patch as Record<string, unknown>);
    const allowed = Object.fromEntries(from.map((f, i) => [`:from${i}`, f]));
    return {
      Update: {
        TableName: this.table,
        Key: inboxKey(id),
        UpdateExpression: `SET ${s.expr}`,
        ConditionExpression: `attribute_exists(pk) AND #st IN (${Object.keys(allowed).join(', ')})`,
        ExpressionAttributeNames: { ...s.names, '#st': 'status' },
        ExpressionAttributeValues: { ...s.values, ...allowed },
      },
    };
  }
}
