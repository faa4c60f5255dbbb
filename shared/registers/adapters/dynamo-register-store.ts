/**
 * The registers on the Data table.
 *
 * Items:
 * - `REGENTRY#<id>` / `ENTRY`: an entry. gsi1 lists a register's year in register order
 *   (`REGLIST#incoming#2026` / `normal#000000012`; `REGLIST#outgoing#2026` / `<date>#<created>#<id>`);
 *   gsi2 lists one outgoing numbering scope by number (`REGSEQ#TU/NQ/term-2025-2030` / `000000012`).
 * - `COUNTER#incoming/2026`, `COUNTER#outgoing/<scope key>` / `COUNTER`: the last number taken.
 * - `REGUNIQUE#<kind>#<key>` / `UNIQUE`: claims a key in the same transaction as the entry —
 *   `incoming-doc` (the same letter: number-symbol + document date), `incoming-key` and
 *   `outgoing-key` (idempotency keys such as a draft id).
 * - `SEARCHPENDING#<shard>` / `<id>`: the entry's latest write is not yet indexed for search
 *   (search-outbox.ts); the indexer deletes it.
 * Every write puts its audit event and its search marker in the same transaction.
 */
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { DomainConfig } from '../../office';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import type { Caller, Secrecy } from '../../identity/domain/identity';
import { applyIncomingPatch, incomingOverdue, planIncoming } from '../domain/incoming';
import type { IncomingEntry, IncomingInput, IncomingPatch, OutgoingEntry, OutgoingInput, RegisterEntry, RegisterName } from '../domain/model';
import { applyVoid, numberSymbolFor, planOutgoing } from '../domain/outgoing';
import { assertVersion, repeatFor, secrecyOfRank, secrecyRank, visibleTo } from '../domain/rules';
import type { AuditLog } from '../../audit/ports/audit-log';
import type { Clock } from '../../platform/clock';
import type { AlsoWrite, IncomingQuery, OutgoingQuery, Page, RegisterCounts, RegisterStore, WriteContext, WriteResult } from '../ports/register-store';
import { decodeCursor, encodeCursor, GSI1_KEY } from '../../platform/aws/cursor';
import { GaplessCounter, type ConditionOutcome, type TransactItem } from './gapless-counter';
import { pendingIndexItem } from '../../search/adapters/dynamo-search-outbox';

export interface RegisterStoreDeps {
  db: DynamoDBDocumentClient;
  /** The Data table. */
  table: string;
  audit: AuditLog;
  clock: Clock;
  config: () => DomainConfig;
  /** Shared by the stores of one process so that group commit spans them; a new one per store by default. */
  counter?: GaplessCounter;
}

type UniqueKind = 'incoming-doc' | 'incoming-key' | 'outgoing-key';

const entryKey = (id: string) => ({ pk: `REGENTRY#${id}`, sk: 'ENTRY' });
const uniqueKey = (kind: UniqueKind, key: string) => ({ pk: `REGUNIQUE#${kind}#${key}`, sk: 'UNIQUE' });
const pad = (n: number) => String(n).padStart(9, '0');
const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'secrecyRank'] as const;
/** Entry ids sort in creation order, even within one millisecond. */
const ulid = monotonicFactory();

export class DynamoRegisterStore implements RegisterStore {
  private readonly counter: GaplessCounter;

  constructor(private readonly deps: RegisterStoreDeps) {
    this.counter = deps.counter ?? new GaplessCounter(deps.db, deps.table);
  }

  // --- incoming ------------------------------------------------------------------------------

  async registerIncoming(input: IncomingInput, ctx: WriteContext, also?: AlsoWrite): Promise<WriteResult<IncomingEntry>> {
    const config = this.deps.config();
    const now = this.deps.clock.now();
    const plan = planIncoming(input, { config, now, actor: ctx.actor });
    // A linked scan's own condition (not linked yet) keeps one entry per scan; otherwise the scan id is the key.
    const idemKey = ctx.idempotencyKey ?? (input.scanId && !also ? `scan#${input.scanId}` : undefined);
    if (idemKey) {
      const replay = await this.replay<IncomingEntry>('incoming-key', idemKey, 'incoming', ctx.actor);
      if (replay) return { entry: this.view(replay, now, ctx.actor), created: false };
    }
    // The same letter already registered: a 409 (or, with `force`, a repeat) when the clerk may see
    // that entry. One above their clearance does not exist for them: this registration goes ahead
    // as a first one for them, and the repeat is recorded with the other entry's secrecy, so that
    // only readers who may see both are shown it (repeatFor). Such a copy claims the letter's key
    // for its own secrecy level (`<key>@<rank>`), so the next clerk below the first registration
    // is told about the copy they may see.
    const rank = secrecyRank(plan.entry.secrecy);
    const clerkRank = secrecyRank(ctx.actor.clearance);
    let duplicateOf: string | null = null;
    let duplicateOfSecrecy: Secrecy | null = null;
    let claimDuplicateKey = true;
    let levelKey: string | null = null;
    const owned = (owner: { entryId: string; secrecyRank: number }) => {
      duplicateOf = owner.entryId;
      duplicateOfSecrecy = secrecyOfRank(owner.secrecyRank);
      claimDuplicateKey = false;
      levelKey = null;
    };
    const hiddenFromClerk = (owner: { secrecyRank: number }) => owner.secrecyRank > clerkRank;
    /** The first registration is hidden from the clerk: the copy they may see, else this one becomes the copy of its level. */
    const belowHidden = async (hidden: { entryId: string; secrecyRank: number }): Promise<{ entryId: string; secrecyRank: number } | undefined> => {
      const copies = await Promise.all(Array.from({ length: clerkRank + 1 }, (_, r) => this.uniqueOwner('incoming-doc', levelKeyOf(plan.duplicateKey, r))));
      const copy = copies.find((c) => c !== undefined);
      if (copy) return copy;
      owned(hidden);
      levelKey = levelKeyOf(plan.duplicateKey, rank);
      return undefined;
    };
    if (input.force) {
      const existing = await this.uniqueOwner('incoming-doc', plan.duplicateKey);
      if (existing && hiddenFromClerk(existing)) {
        const copy = await belowHidden(existing);
        if (copy) owned(copy);
      } else if (existing) owned(existing);
    }
    const id = ulid();
    const build = (n: number): IncomingEntry => ({ ...plan.entry, id, arrivalNumber: n, duplicateOf, ...(duplicateOf ? { duplicateOfSecrecy } : {}), version: 1 });
    // The idempotency key goes first: when a retried request also repeats the letter, it is a replay, not a duplicate.
    const uniques = (): [UniqueKind, string][] => [
      ...(idemKey ? [['incoming-key', idemKey] as [UniqueKind, string]] : []),
      ...(claimDuplicateKey ? [['incoming-doc', plan.duplicateKey] as [UniqueKind, string]] : []),
      ...(levelKey ? [['incoming-doc', levelKey] as [UniqueKind, string]] : []),
    ];
    const result = await this.counter.take<WriteResult<IncomingEntry>>(plan.registerKey, {
      keys: [plan.duplicateKey && `incoming-doc#${plan.duplicateKey}`, idemKey && `incoming-key#${idemKey}`, ...(also?.keys ?? [])].filter((k): k is string => !!k),
      get size() {
        return 3 + uniques().length + (also?.size ?? 0);
      },
      items: (n) => {
        const entry = build(n);
        return [
          this.putEntry(entry, { gsi1pk: `REGLIST#incoming#${entry.arrivalYear}`, gsi1sk: `${entry.book}#${pad(n)}` }),
          this.auditItem(ctx, now, 'register', 'incoming-entry', id, null, entry),
          ...uniques().map(([kind, key]) => this.putUnique(kind, key, id, 'incoming', rank, now)),
          pendingIndexItem(this.deps.table, entry),
          ...((also?.items(entry) ?? []) as TransactItem[]),
        ];
      },
      done: (n) => ({ entry: this.view(build(n), now, ctx.actor), created: true }),
      conditionFailed: async (index): Promise<ConditionOutcome<WriteResult<IncomingEntry>>> => {
        if (also && index >= 3 + uniques().length) return { error: await also.conflict() };
        const [kind, key] = uniques()[index - 2] ?? [];
        if (kind === 'incoming-key') {
          const existing = await this.replay<IncomingEntry>('incoming-key', key!, 'incoming', ctx.actor);
          return existing ? { value: { entry: this.view(existing, now, ctx.actor), created: false } } : { retry: true };
        }
        if (kind === 'incoming-doc') {
          const owner = await this.uniqueOwner('incoming-doc', key!);
          if (!owner) return { retry: true };
          if (key === plan.duplicateKey && hiddenFromClerk(owner)) {
            const copy = await belowHidden(owner);
            if (!copy) return { retry: true };
            if (input.force) {
              owned(copy);
              return { retry: true };
            }
            return { error: await this.duplicateError(copy.entryId, ctx.actor) };
          }
          if (input.force) {
            owned(owner);
            return { retry: true };
          }
          return { error: await this.duplicateError(owner.entryId, ctx.actor) };
        }
        return { error: new Error(`register entry ${id}: unexpected condition failure on item ${index}`) };
      },
    });
    return result;
  }

  async getIncoming(id: string, viewer: Caller): Promise<IncomingEntry> {
    return this.view((await this.getEntry(id, 'incoming', viewer)) as IncomingEntry, this.deps.clock.now(), viewer);
  }

  async listIncoming(q: IncomingQuery, viewer: Caller): Promise<Page<IncomingEntry>> {
    const now = this.deps.clock.now();
    const filters: string[] = [];
    const values: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    if (q.status) add(filters, names, values, '#status = :status', { '#status': 'status' }, { ':status': q.status });
    if (q.typeCode) add(filters, names, values, '#typeCode = :typeCode', { '#typeCode': 'typeCode' }, { ':typeCode': q.typeCode });
    if (q.from) add(filters, names, values, '#arrivalDate >= :from', { '#arrivalDate': 'arrivalDate' }, { ':from': q.from });
    if (q.to) add(filters, names, values, '#arrivalDate <= :to', { '#arrivalDate': 'arrivalDate' }, { ':to': q.to });
    if (q.overdue !== undefined) {
      const cond = '(#status <> :done AND #dueAt < :now)';
      add(filters, names, values, q.overdue ? cond : `NOT ${cond}`, { '#status': 'status', '#dueAt': 'dueAt' }, { ':done': 'done', ':now': now.toISOString() });
    }
    const page = await this.query(`REGLIST#incoming#${q.year}`, q.book ? `${q.book}#` : undefined, filters, names, values, viewer, q.limit ?? 50, q.cursor);
    return { items: page.items.map((e) => this.view(e as IncomingEntry, now, viewer)), nextCursor: page.nextCursor };
  }

  async updateIncoming(id: string, patch: IncomingPatch, version: number, ctx: WriteContext): Promise<IncomingEntry> {
    const now = this.deps.clock.now();
    const before = (await this.getEntry(id, 'incoming', ctx.actor)) as IncomingEntry;
    assertVersion(before, version);
    const after = applyIncomingPatch(before, patch, { config: this.deps.config(), now, actor: ctx.actor });
    await this.replaceEntry(before, after, { gsi1pk: `REGLIST#incoming#${after.arrivalYear}`, gsi1sk: `${after.book}#${pad(after.arrivalNumber)}` }, ctx, now, 'update', 'incoming-entry');
    return this.view(after, now, ctx.actor);
  }

  // --- outgoing ------------------------------------------------------------------------------

  async allocateOutgoing(input: OutgoingInput, ctx: WriteContext): Promise<WriteResult<OutgoingEntry>> {
    const config = this.deps.config();
    const now = this.deps.clock.now();
    const plan = planOutgoing(input, { config, now, actor: ctx.actor });
    const idemKey = ctx.idempotencyKey;
    if (idemKey) {
      const replay = await this.replay<OutgoingEntry>('outgoing-key', idemKey, 'outgoing', ctx.actor);
      if (replay) return { entry: replay, created: false };
    }
    const id = ulid();
    const rank = secrecyRank(plan.entry.secrecy);
    const build = (n: number): OutgoingEntry => ({ ...plan.entry, id, number: n, numberSymbol: numberSymbolFor(plan.scope, n), version: 1 });
    return this.counter.take<WriteResult<OutgoingEntry>>(`outgoing/${plan.scope.scopeKey}`, {
      keys: idemKey ? [`outgoing-key#${idemKey}`] : [],
      size: idemKey ? 4 : 3,
      items: (n) => {
        const entry = build(n);
        return [
          this.putEntry(entry, {
            gsi1pk: `REGLIST#outgoing#${entry.year}`,
            gsi1sk: `${entry.documentDate}#${entry.createdAt}#${id}`,
            gsi2pk: `REGSEQ#${entry.scope.key}`,
            gsi2sk: pad(n),
          }),
          this.auditItem(ctx, now, 'allocate', 'outgoing-entry', id, null, entry),
          ...(idemKey ? [this.putUnique('outgoing-key', idemKey, id, 'outgoing', rank, now)] : []),
          pendingIndexItem(this.deps.table, entry),
        ];
      },
      done: (n) => ({ entry: build(n), created: true }),
      conditionFailed: async (index) => {
        if (index === 2 && idemKey) {
          const existing = await this.replay<OutgoingEntry>('outgoing-key', idemKey, 'outgoing', ctx.actor);
          return existing ? { value: { entry: existing, created: false } } : { retry: true };
        }
        return { error: new Error(`register entry ${id}: unexpected condition failure on item ${index}`) };
      },
    });
  }

  async getOutgoing(id: string, viewer: Caller): Promise<OutgoingEntry> {
    return (await this.getEntry(id, 'outgoing', viewer)) as OutgoingEntry;
  }

  async listOutgoing(q: OutgoingQuery, viewer: Caller): Promise<Page<OutgoingEntry>> {
    const filters: string[] = [];
    const values: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    if (q.status) add(filters, names, values, '#status = :status', { '#status': 'status' }, { ':status': q.status });
    if (q.typeCode) add(filters, names, values, '#typeCode = :typeCode', { '#typeCode': 'typeCode' }, { ':typeCode': q.typeCode });
    if (q.issuerCode) add(filters, names, values, '#issuerCode = :issuerCode', { '#issuerCode': 'issuerCode' }, { ':issuerCode': q.issuerCode });
    if (q.from) add(filters, names, values, '#documentDate >= :from', { '#documentDate': 'documentDate' }, { ':from': q.from });
    if (q.to) add(filters, names, values, '#documentDate <= :to', { '#documentDate': 'documentDate' }, { ':to': q.to });
    return (await this.query(`REGLIST#outgoing#${q.year}`, undefined, filters, names, values, viewer, q.limit ?? 50, q.cursor)) as Page<OutgoingEntry>;
  }

  async voidOutgoing(id: string, reason: string, version: number, ctx: WriteContext): Promise<OutgoingEntry> {
    const now = this.deps.clock.now();
    const before = (await this.getEntry(id, 'outgoing', ctx.actor)) as OutgoingEntry;
    assertVersion(before, version);
    const after = applyVoid(before, reason, { config: this.deps.config(), now, actor: ctx.actor });
    await this.replaceEntry(
      before,
      after,
      { gsi1pk: `REGLIST#outgoing#${after.year}`, gsi1sk: `${after.documentDate}#${after.createdAt}#${id}`, gsi2pk: `REGSEQ#${after.scope.key}`, gsi2sk: pad(after.number) },
      ctx,
      now,
      'void',
      'outgoing-entry',
    );
    return after;
  }

  // --- whole registers -----------------------------------------------------------------------

  allEntries(register: 'incoming', year: number, viewer: Caller): Promise<IncomingEntry[]>;
  allEntries(register: 'outgoing', year: number, viewer: Caller): Promise<OutgoingEntry[]>;
  allEntries(register: RegisterName, year: number, viewer: Caller): Promise<RegisterEntry[]>;
  async allEntries(register: RegisterName, year: number, viewer: Caller): Promise<RegisterEntry[]> {
    const now = this.deps.clock.now();
    const out: RegisterEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.query(`REGLIST#${register}#${year}`, undefined, [], {}, {}, viewer, 1000, cursor);
      out.push(...page.items.map((e) => (e.register === 'incoming' ? this.view(e, now, viewer) : e)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  async counts(register: RegisterName, year: number, viewer: Caller): Promise<RegisterCounts> {
    const now = this.deps.clock.now();
    const counts: RegisterCounts = { register, year, total: 0, byStatus: {}, overdue: 0, byGroup: {} };
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.deps.db.send(
        new QueryCommand({
          TableName: this.deps.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          FilterExpression: 'secrecyRank <= :rank',
          ProjectionExpression: '#status, #book, #typeCode, #dueAt',
          ExpressionAttributeNames: { '#status': 'status', '#book': 'book', '#typeCode': 'typeCode', '#dueAt': 'dueAt' },
          ExpressionAttributeValues: { ':pk': `REGLIST#${register}#${year}`, ':rank': secrecyRank(viewer.clearance) },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of r.Items ?? []) {
        counts.total++;
        const status = String(item.status);
        counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
        const group = String(register === 'incoming' ? item.book : item.typeCode);
        counts.byGroup[group] = (counts.byGroup[group] ?? 0) + 1;
        if (register === 'incoming' && incomingOverdue({ status: item.status as IncomingEntry['status'], dueAt: (item.dueAt as string | null) ?? null }, now)) counts.overdue++;
      }
      start = r.LastEvaluatedKey;
    } while (start);
    return counts;
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Adds the read-time fields (overdue) to an incoming entry. */
  private view(e: IncomingEntry, now: Date, viewer: Caller): IncomingEntry {
    return repeatFor(viewer, { ...e, overdue: incomingOverdue(e, now) });
  }

  private putEntry(entry: RegisterEntry, index: Record<string, string>): TransactItem {
    const { overdue: _overdue, ...stored } = entry as IncomingEntry;
    return {
      Put: {
        TableName: this.deps.table,
        Item: { ...entryKey(entry.id), ...index, secrecyRank: secrecyRank(entry.secrecy), ...stored },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  private putUnique(kind: UniqueKind, key: string, entryId: string, register: RegisterName, rank: number, now: Date): TransactItem {
    return {
      Put: {
        TableName: this.deps.table,
        Item: { ...uniqueKey(kind, key), entryId, register, secrecyRank: rank, createdAt: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  private auditItem(ctx: WriteContext, now: Date, action: string, entityType: string, entityId: string, before: unknown, after: unknown): TransactItem {
    const strip = (e: unknown) => {
      if (!e || typeof e !== 'object') return e ?? null;
      const { overdue: _o, ...rest } = e as IncomingEntry;
      return rest;
    };
    return this.deps.audit.prepare({
      actor: ctx.actor,
      action: `register.${action}`,
      entityType,
      entityId,
      before: strip(before),
      after: strip(after),
      at: now,
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    }).transactItem as TransactItem;
  }

  /** Writes `after` over `before` if nobody changed it meanwhile, with the audit event, in one transaction. */
  private async replaceEntry(before: RegisterEntry, after: RegisterEntry, index: Record<string, string>, ctx: WriteContext, now: Date, action: string, entityType: string): Promise<void> {
    const put = this.putEntry(after, index).Put!;
    try {
      await this.deps.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { ...put, ConditionExpression: '#version = :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': before.version } } },
            this.auditItem(ctx, now, action, entityType, after.id, before, after),
            pendingIndexItem(this.deps.table, after),
          ],
        }),
      );
    } catch (err) {
      const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
      if (e.name === 'TransactionCanceledException' && e.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        const current = await this.rawEntry(after.id);
        assertVersion(current ?? { version: -1 }, before.version);
      }
      if (e.name === 'TransactionCanceledException' && e.CancellationReasons?.some((r) => r.Code === 'TransactionConflict')) {
        throw new ConflictError('The entry is being changed by someone else; reload it and retry', [{ path: 'version', message: 'concurrent update' }], 'STALE_VERSION');
      }
      throw err;
    }
  }

  private async rawEntry(id: string): Promise<RegisterEntry | undefined> {
    const r = await this.deps.db.send(new GetCommand({ TableName: this.deps.table, Key: entryKey(id), ConsistentRead: true }));
    return r.Item ? strip(r.Item) : undefined;
  }

  /** The entry if it exists in this register and the viewer may see it; 404 otherwise (the same answer for both). */
  private async getEntry(id: string, register: RegisterName, viewer: Caller): Promise<RegisterEntry> {
    const e = await this.rawEntry(id);
    if (!e || e.register !== register || !visibleTo(viewer, e)) throw new NotFoundError(`No ${register} register entry ${id}`);
    return e;
  }

  private async uniqueOwner(kind: UniqueKind, key: string): Promise<{ entryId: string; secrecyRank: number } | undefined> {
    const r = await this.deps.db.send(new GetCommand({ TableName: this.deps.table, Key: uniqueKey(kind, key), ConsistentRead: true }));
    return r.Item ? { entryId: String(r.Item.entryId), secrecyRank: Number(r.Item.secrecyRank ?? 0) } : undefined;
  }

  /** The entry an idempotency key already made; a 409 when that entry is not for this caller to see. */
  private async replay<E extends RegisterEntry>(kind: UniqueKind, key: string, register: RegisterName, actor: Caller): Promise<E | undefined> {
    const owner = await this.uniqueOwner(kind, key);
    if (!owner) return undefined;
    const e = await this.rawEntry(owner.entryId);
    if (!e || e.register !== register || !visibleTo(actor, e)) {
      throw new ConflictError('This idempotency key was already used for another entry', [{ path: 'idempotencyKey', message: 'already used' }], 'IDEMPOTENCY_KEY_REUSED');
    }
    return e as E;
  }

  private async duplicateError(existingId: string | undefined, actor: Caller): Promise<ConflictError> {
    const existing = existingId ? await this.rawEntry(existingId) : undefined;
    if (!existing || existing.register !== 'incoming' || !visibleTo(actor, existing)) {
      return new ConflictError('This document is already in the incoming register (same number-symbol and document date); send force: true to register it again', [
        { path: 'numberSymbol', message: 'already registered' },
      ], 'DUPLICATE');
    }
    const e = existing as IncomingEntry;
    return new ConflictError(
      `This document is already in the incoming register as số đến ${e.arrivalNumber}/${e.arrivalYear} (entry ${e.id}, from ${e.issuer}); send force: true to register it again`,
      [{ path: 'numberSymbol', message: 'already registered', existingId: e.id, arrivalNumber: e.arrivalNumber, arrivalYear: e.arrivalYear }],
      'DUPLICATE',
    );
  }

  /** One page of a register's year for the viewer, in register order; the cursor is the last item returned, never a hidden one. */
  private async query(
    partition: string,
    prefix: string | undefined,
    filters: string[],
    names: Record<string, string>,
    values: Record<string, unknown>,
    viewer: Caller,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<RegisterEntry>> {
    const items: RegisterEntry[] = [];
    let start: Record<string, unknown> | undefined = decodeCursor(cursor, { attrs: GSI1_KEY, equal: { gsi1pk: partition }, ...(prefix ? { prefix: { gsi1sk: prefix } } : {}) });
    let lastKey: Record<string, unknown> | undefined;
    for (;;) {
      const r = await this.deps.db.send(
        new QueryCommand({
          TableName: this.deps.table,
          IndexName: 'gsi1',
          KeyConditionExpression: prefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
          FilterExpression: ['secrecyRank <= :rank', ...filters].join(' AND '),
          ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
          ExpressionAttributeValues: { ':pk': partition, ':rank': secrecyRank(viewer.clearance), ...(prefix ? { ':prefix': prefix } : {}), ...values },
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
}

/** The letter's key for the copies registered at one secrecy level below a hidden first registration. */
const levelKeyOf = (duplicateKey: string, rank: number) => `${duplicateKey}@${rank}`;

function add(filters: string[], names: Record<string, string>, values: Record<string, unknown>, expr: string, n: Record<string, string>, v: Record<string, unknown>) {
  filters.push(expr);
  Object.assign(names, n);
  Object.assign(values, v);
}

function strip(item: Record<string, unknown>): RegisterEntry {
  const out: Record<string, unknown> = { ...item };
  for (const k of KEY_ATTRS) delete out[k];
  return out as unknown as RegisterEntry;
}
