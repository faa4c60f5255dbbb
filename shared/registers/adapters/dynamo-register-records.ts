/**
 * The registers on the Data table: storage only (the decisions are app/registers.ts's and domain/'s).
 *
 * Items:
 * - `REGENTRY#<id>` / `ENTRY`: an entry. gsi1 lists a register's year in register order
 *   (`REGLIST#incoming#2026` / `normal#000000012`; `REGLIST#outgoing#2026` / `<date>#<created>#<id>`);
 *   gsi2 lists one outgoing numbering scope by number (`REGSEQ#TU/NQ/term-2025-2030` / `000000012`).
 * - `COUNTER#incoming/2026`, `COUNTER#outgoing/<scope key>` / `COUNTER`: the last number taken (gapless-counter.ts).
 * - `REGUNIQUE#<kind>#<key>` / `UNIQUE`: claims a key in the same transaction as the entry —
 *   `incoming-doc` (the same letter: number-symbol + document date), `incoming-key` and
 *   `outgoing-key` (idempotency keys such as a draft id).
 * - `REGNUM#<issuer code>#<year>#<number>` / `<entry id>`: an incoming entry's number as its issuer
 *   gave it (domain/issuer-numbers.ts), with the letter's key, put in the entry's transaction: one
 *   query tells whether another letter from that issuer holds the number.
 * - `SEARCHPENDING#<shard>` / `<id>`: the search outbox (shared/search), put by the use case in
 *   every entry write's transaction with the audit event.
 */
import { GetCommand, paginateQuery, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CountRow } from '../domain/counts';
import type { KeyOwner, UniqueClaim } from '../domain/duplicates';
import type { RegisterEntry, RegisterName } from '../domain/model';
import { secrecyRank } from '../domain/rules';
import { storedForm } from '../domain/visibility';
import type { CountRange, EntryFilter, Page, PageRequest, RegisterRecords, ReplaceOutcome } from '../ports/register-records';
import { decodeCursor, encodeCursor, GSI1_KEY } from '../../platform/aws/cursor';
import type { TransactItem } from './gapless-counter';

const entryKey = (id: string) => ({ pk: `REGENTRY#${id}`, sk: 'ENTRY' });
const uniqueKey = (c: UniqueClaim) => ({ pk: `REGUNIQUE#${c.kind}#${c.key}`, sk: 'UNIQUE' });
const issuerNumberPk = (key: string) => `REGNUM#${key}`;
const pad = (n: number) => String(n).padStart(9, '0');
const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'secrecyRank'] as const;

/** An entry's index attributes: its place in its register's year, and an outgoing number's in its scope. */
function indexOf(entry: RegisterEntry): Record<string, string> {
  if (entry.register === 'incoming') return { gsi1pk: `REGLIST#incoming#${entry.arrivalYear}`, gsi1sk: `${entry.book}#${pad(entry.arrivalNumber)}` };
  return {
    gsi1pk: `REGLIST#outgoing#${entry.year}`,
    gsi1sk: `${entry.documentDate}#${entry.createdAt}#${entry.id}`,
    gsi2pk: `REGSEQ#${entry.scope.key}`,
    gsi2sk: pad(entry.number),
  };
}

export class DynamoRegisterRecords implements RegisterRecords {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    /** The Data table. */
    private readonly table: string,
  ) {}

  async entry(id: string): Promise<RegisterEntry | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: entryKey(id), ConsistentRead: true }));
    return r.Item ? strip(r.Item) : undefined;
  }

  async owner(claim: UniqueClaim): Promise<KeyOwner | undefined> {
    const r = await this.db.send(new GetCommand({ TableName: this.table, Key: uniqueKey(claim), ConsistentRead: true }));
    return r.Item ? { entryId: String(r.Item.entryId), secrecyRank: Number(r.Item.secrecyRank ?? 0) } : undefined;
  }

  newEntryItem(entry: RegisterEntry): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...entryKey(entry.id), ...indexOf(entry), secrecyRank: secrecyRank(entry.secrecy), ...storedForm(entry) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  claimItem(claim: UniqueClaim, entry: Pick<RegisterEntry, 'id' | 'register' | 'secrecy'>, at: Date): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...uniqueKey(claim), entryId: entry.id, register: entry.register, secrecyRank: secrecyRank(entry.secrecy), createdAt: at.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  issuerNumberItem(key: string, letterKey: string, entryId: string): TransactItem {
    return { Put: { TableName: this.table, Item: { pk: issuerNumberPk(key), sk: entryId, letter: letterKey } } };
  }

  async issuerNumberLetters(key: string): Promise<string[]> {
    const letters: string[] = [];
    const pages = paginateQuery(
      { client: this.db },
      { TableName: this.table, KeyConditionExpression: 'pk = :pk', ProjectionExpression: '#letter', ExpressionAttributeNames: { '#letter': 'letter' }, ExpressionAttributeValues: { ':pk': issuerNumberPk(key) }, ConsistentRead: true },
    );
    for await (const page of pages) for (const item of page.Items ?? []) letters.push(String(item.letter));
    return letters;
  }

  claimKey(claim: UniqueClaim): string {
    return `${claim.kind}#${claim.key}`;
  }

  async replace(before: RegisterEntry, after: RegisterEntry, alsoItems: unknown[]): Promise<ReplaceOutcome> {
    const put = this.newEntryItem(after).Put!;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { ...put, ConditionExpression: '#version = :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': before.version } } },
            ...(alsoItems as TransactItem[]),
          ],
        }),
      );
      return { kind: 'written' };
    } catch (err) {
      const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
      if (e.name === 'TransactionCanceledException' && e.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        const current = (await this.entry(after.id))?.version ?? -1;
        if (current !== before.version) return { kind: 'version-changed', current };
      }
      if (e.name === 'TransactionCanceledException' && e.CancellationReasons?.some((r) => r.Code === 'TransactionConflict')) return { kind: 'contended' };
      throw err;
    }
  }

  async page(request: PageRequest): Promise<Page<RegisterEntry>> {
    const { filters, names, values } = filterExpression(request.filter);
    const partition = `REGLIST#${request.register}#${request.year}`;
    const prefix = request.book ? `${request.book}#` : undefined;
    const { limit } = request;
    const items: RegisterEntry[] = [];
    let start: Record<string, unknown> | undefined = decodeCursor(request.cursor, { attrs: GSI1_KEY, equal: { gsi1pk: partition }, ...(prefix ? { prefix: { gsi1sk: prefix } } : {}) });
    let lastKey: Record<string, unknown> | undefined;
    for (;;) {
      const r = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: prefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
          FilterExpression: ['secrecyRank <= :rank', ...filters].join(' AND '),
          ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
          ExpressionAttributeValues: { ':pk': partition, ':rank': request.maxRank, ...(prefix ? { ':prefix': prefix } : {}), ...values },
          ExclusiveStartKey: start,
          Limit: Math.max(limit - items.length, 25),
        }),
      );
      for (const item of r.Items ?? []) {
        if (items.length === limit) return { items, nextCursor: encodeCursor(lastKey) };
        items.push(strip(item));
        lastKey = { pk: item.pk, sk: item.sk, gsi1pk: item.gsi1pk, gsi1sk: item.gsi1sk };
      }
      start = r.LastEvaluatedKey;
      if (!start) return { items, nextCursor: null };
      if (items.length === limit) return { items, nextCursor: encodeCursor(lastKey) };
    }
  }

  async *countRows(register: RegisterName, year: number, maxRank: number, range?: CountRange): AsyncIterable<CountRow[]> {
    let start: Record<string, unknown> | undefined;
    const days = range ? filterExpression({ dateField: range.dateField, from: range.from, to: range.to }) : { filters: [], names: {}, values: {} };
    do {
      const r = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          FilterExpression: ['secrecyRank <= :rank', ...days.filters].join(' AND '),
          ProjectionExpression: '#status, #book, #typeCode, #dueAt',
          ExpressionAttributeNames: { '#status': 'status', '#book': 'book', '#typeCode': 'typeCode', '#dueAt': 'dueAt', ...days.names },
          ExpressionAttributeValues: { ':pk': `REGLIST#${register}#${year}`, ':rank': maxRank, ...days.values },
          ExclusiveStartKey: start,
        }),
      );
      yield (r.Items ?? []) as CountRow[];
      start = r.LastEvaluatedKey;
    } while (start);
  }
}

/** The filter as a DynamoDB FilterExpression (besides the clearance bound). */
function filterExpression(f: EntryFilter): { filters: string[]; names: Record<string, string>; values: Record<string, unknown> } {
  const filters: string[] = [];
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  const add = (expr: string, n: Record<string, string>, v: Record<string, unknown>) => {
    filters.push(expr);
    Object.assign(names, n);
    Object.assign(values, v);
  };
  const date = `#${f.dateField}`;
  if (f.status) add('#status = :status', { '#status': 'status' }, { ':status': f.status });
  if (f.handler) add('#handler = :handler', { '#handler': 'handler' }, { ':handler': f.handler });
  if (f.typeCode) add('#typeCode = :typeCode', { '#typeCode': 'typeCode' }, { ':typeCode': f.typeCode });
  if (f.issuerCode) add('#issuerCode = :issuerCode', { '#issuerCode': 'issuerCode' }, { ':issuerCode': f.issuerCode });
  if (f.from) add(`${date} >= :from`, { [date]: f.dateField }, { ':from': f.from });
  if (f.to) add(`${date} <= :to`, { [date]: f.dateField }, { ':to': f.to });
  if (f.overdue) {
    const cond = '(#status <> :done AND #dueAt < :now)';
    add(f.overdue.is ? cond : `NOT ${cond}`, { '#status': 'status', '#dueAt': 'dueAt' }, { ':done': 'done', ':now': f.overdue.at });
  }
  return { filters, names, values };
}

function strip(item: Record<string, unknown>): RegisterEntry {
  const out: Record<string, unknown> = { ...item };
  for (const k of KEY_ATTRS) delete out[k];
  return out as unknown as RegisterEntry;
}
