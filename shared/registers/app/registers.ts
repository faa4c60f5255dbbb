/**
 * The registers' use cases: register a received document (vào sổ văn bản đến), take an outgoing
 * number (cấp số văn bản đi), read, update and void entries, list and count a register's year.
 * This is the one place their steps are ordered: plan (domain) → replay an idempotency key →
 * decide on a duplicate → take the number and write the entry, its claims, its audit event and
 * its outbox marker in one transaction → show the entry as the caller may see it.
 * Storage is behind RegisterRecords and EntryNumbers; every decision is in domain/.
 */
import { monotonicFactory } from 'ulid';
import type { DomainConfig } from '../../office';
import { ConflictError } from '../../platform/errors';
import type { Caller } from '../../platform/security';
import type { AuditLog } from '../../audit';
import type { Clock } from '../../platform/clock';
import { applyIncomingPatch, type IncomingEntryView } from '../domain/incoming';
import type { IncomingEntry, IncomingInput, IncomingPatch, OutgoingEntry, OutgoingInput, RegisterEntry, RegisterName } from '../domain/model';
import { applyVoid, numberSymbolFor, planOutgoing } from '../domain/outgoing';
import { planIncoming } from '../domain/incoming';
import { assertVersion, secrecyRank } from '../domain/rules';
import {
  applyDuplicate,
  decideDuplicate,
  FIRST,
  hiddenFirst,
  incomingClaims,
  incomingIdempotencyKey,
  repeatFields,
  visibleCopyKeys,
  type DuplicateState,
  type KeyOwner,
  type UniqueClaim,
  type UniqueKind,
} from '../domain/duplicates';
import { anotherLetter, issuerNumberKey } from '../domain/issuer-numbers';
import { parseIncomingNumberSymbol } from '../domain/number-symbols';
import { asRead, duplicateError, readableOr404, readableRank, replayOr409, shownIncoming, storedForm } from '../domain/visibility';
import { emptyCounts, tally, type RegisterCounts } from '../domain/counts';
import type { EntryFilter, RegisterRecords } from '../ports/register-records';
import type { ConditionOutcome, EntryNumbers } from '../ports/entry-numbers';
import type { EntryOutbox } from '../ports/entry-outbox';
import type { AlsoWrite, IncomingNumberQuery, IncomingQuery, OutgoingQuery, Page, WriteContext, WriteResult } from './types';

export interface RegistersDeps {
  records: RegisterRecords;
  /** Shared by the registers of one process so that group commit spans them. */
  numbers: EntryNumbers;
  audit: AuditLog;
  /** Followers of every entry write (search indexing), recorded in its transaction. */
  outbox: EntryOutbox;
  clock: Clock;
  config: () => DomainConfig;
}

/** Entry ids sort in creation order, even within one millisecond. */
const ulid = /* @__PURE__ */ monotonicFactory();
/** Items of a new entry before its claims: the entry, its audit event. */
const HEAD_ITEMS = 2;

export class Registers {
  constructor(private readonly deps: RegistersDeps) {}

  // --- incoming ------------------------------------------------------------------------------

  /**
   * Vào sổ văn bản đến: takes the next số đến of the register and year; 409 DUPLICATE for the same
   * letter unless `force`. `also` commits in the same transaction (without it, a `scanId` is
   * its own idempotency key: registering one scan twice returns the first entry).
   */
  async registerIncoming(input: IncomingInput, ctx: WriteContext, also?: AlsoWrite): Promise<WriteResult<IncomingEntryView>> {
    const now = this.deps.clock.now();
    const plan = planIncoming(input, { config: this.deps.config(), now, actor: ctx.actor });
    const shown = (e: IncomingEntry) => shownIncoming(e, now, ctx.actor);
    const idemKey = incomingIdempotencyKey(ctx.idempotencyKey, input.scanId, !!also);
    if (idemKey) {
      const replay = await this.replay<IncomingEntry>({ kind: 'incoming-key', key: idemKey }, 'incoming', ctx.actor);
      if (replay) return { entry: shown(replay), created: false };
    }
    const letterKey = plan.duplicateKey;
    const force = !!input.force;
    const entryRank = secrecyRank(plan.entry.secrecy);
    const clerkRank = secrecyRank(ctx.actor.clearance);
    let state: DuplicateState = FIRST;
    /** Decides on the owner of a letter key: the state to retry with, or the 409. */
    const decide = async (owner: KeyOwner, claimedKey: string): Promise<DuplicateState | Error> => {
      const visibleCopy = hiddenFirst(owner, claimedKey, letterKey, clerkRank) ? await this.firstOwner('incoming-doc', visibleCopyKeys(letterKey, clerkRank)) : undefined;
      const decision = decideDuplicate({ owner, claimedKey, letterKey, clerkRank, entryRank, force, visibleCopy });
      if (decision.kind === 'refuse') return duplicateError(ctx.actor, await this.deps.records.entry(decision.existingId));
      return applyDuplicate(decision);
    };
    if (force) {
      const existing = await this.deps.records.owner({ kind: 'incoming-doc', key: letterKey });
      if (existing) state = (await decide(existing, letterKey)) as DuplicateState;
    }
    const id = ulid();
    const build = (n: number): IncomingEntry => ({ ...plan.entry, id, arrivalNumber: n, ...repeatFields(state), version: 1 });
    const claims = (): UniqueClaim[] => incomingClaims(idemKey, letterKey, state);
    const records = this.deps.records;
    const numberKey = issuerNumberKey(plan.entry.parsedNumberSymbol, plan.entry.documentDate);
    const numberItems = (entry: IncomingEntry): unknown[] => (numberKey ? [records.issuerNumberItem(numberKey, letterKey, entry.id)] : []);
    return this.deps.numbers.take<WriteResult<IncomingEntryView>>(plan.registerKey, {
      keys: [records.claimKey({ kind: 'incoming-doc', key: letterKey }), ...(idemKey ? [records.claimKey({ kind: 'incoming-key', key: idemKey })] : []), ...(also?.keys ?? [])],
      get size() {
        return HEAD_ITEMS + 1 + claims().length + (also?.size ?? 0) + (numberKey ? 1 : 0);
      },
      items: (n) => {
        const entry = build(n);
        return [...this.newEntryItems(entry, ctx, now, 'register', 'incoming-entry', claims()), ...(also?.items(entry) ?? []), ...numberItems(entry)];
      },
      done: (n) => ({ entry: shown(build(n)), created: true }),
      conditionFailed: async (index): Promise<ConditionOutcome<WriteResult<IncomingEntryView>>> => {
        const current = claims();
        if (also && index >= HEAD_ITEMS + 1 + current.length) return { error: await also.conflict() };
        const claim = current[index - HEAD_ITEMS];
        if (claim?.kind === 'incoming-key') {
          const existing = await this.replay<IncomingEntry>(claim, 'incoming', ctx.actor);
          return existing ? { value: { entry: shown(existing), created: false } } : { retry: true };
        }
        if (claim?.kind === 'incoming-doc') {
          const owner = await records.owner(claim);
          if (!owner) return { retry: true };
          const next = await decide(owner, claim.key);
          if (next instanceof Error) return { error: next };
          state = next;
          return { retry: true };
        }
        return { error: new Error(`register entry ${id}: unexpected condition failure on item ${index}`) };
      },
    });
  }

  /**
   * Whether the incoming register holds another letter (not the same number-symbol and document
   * date) with this symbol's issuer and number in the document date's year: a yes/no only, about
   * entries of every secrecy (a secret letter's number is taken all the same), nothing of them.
   * False when the symbol names no issuer or does not parse.
   */
  async incomingNumberTaken(q: IncomingNumberQuery): Promise<boolean> {
    const parsed = parseIncomingNumberSymbol(q.numberSymbol);
    const key = parsed && issuerNumberKey(parsed, q.documentDate);
    if (!parsed || !key) return false;
    return anotherLetter(await this.deps.records.issuerNumberLetters(key), `${parsed.key}|${q.documentDate}`);
  }

  /** 404 when missing or above the viewer's clearance. */
  async getIncoming(id: string, viewer: Caller): Promise<IncomingEntryView> {
    return shownIncoming(await this.readable<IncomingEntry>(id, 'incoming', viewer), this.deps.clock.now(), viewer);
  }

  async listIncoming(q: IncomingQuery, viewer: Caller): Promise<Page<IncomingEntryView>> {
    const now = this.deps.clock.now();
    const filter: EntryFilter = {
      dateField: 'arrivalDate',
      ...pick(q, 'status', 'typeCode', 'handler', 'from', 'to'),
      ...(q.overdue !== undefined ? { overdue: { is: q.overdue, at: now.toISOString() } } : {}),
    };
    const page = await this.deps.records.page({ register: 'incoming', year: q.year, ...(q.book ? { book: q.book } : {}), filter, maxRank: readableRank(viewer), limit: q.limit ?? 50, cursor: q.cursor });
    return { items: page.items.map((e) => shownIncoming(e as IncomingEntry, now, viewer)), nextCursor: page.nextCursor };
  }

  /** Assignment, status, due date; `version` must be the current one (409 STALE_VERSION). */
  async updateIncoming(id: string, patch: IncomingPatch, version: number, ctx: WriteContext): Promise<IncomingEntryView> {
    const now = this.deps.clock.now();
    const before = await this.readable<IncomingEntry>(id, 'incoming', ctx.actor);
    assertVersion(before, version);
    const after = applyIncomingPatch(before, patch, { config: this.deps.config(), now, actor: ctx.actor });
    await this.replace(before, after, ctx, now, 'update', 'incoming-entry');
    return shownIncoming(after, now, ctx.actor);
  }

  // --- outgoing ------------------------------------------------------------------------------

  /** Cấp số văn bản đi: checks authority, takes the next number of the numbering scope, formats the number symbol. */
  async allocateOutgoing(input: OutgoingInput, ctx: WriteContext): Promise<WriteResult<OutgoingEntry>> {
    const now = this.deps.clock.now();
    const plan = planOutgoing(input, { config: this.deps.config(), now, actor: ctx.actor });
    const idemKey = ctx.idempotencyKey;
    const claim: UniqueClaim | undefined = idemKey ? { kind: 'outgoing-key', key: idemKey } : undefined;
    if (claim) {
      const replay = await this.replay<OutgoingEntry>(claim, 'outgoing', ctx.actor);
      if (replay) return { entry: replay, created: false };
    }
    const id = ulid();
    const build = (n: number): OutgoingEntry => ({ ...plan.entry, id, number: n, numberSymbol: numberSymbolFor(plan.scope, n), version: 1 });
    return this.deps.numbers.take<WriteResult<OutgoingEntry>>(`outgoing/${plan.scope.scopeKey}`, {
      keys: claim ? [this.deps.records.claimKey(claim)] : [],
      size: HEAD_ITEMS + 1 + (claim ? 1 : 0),
      items: (n) => this.newEntryItems(build(n), ctx, now, 'allocate', 'outgoing-entry', claim ? [claim] : []),
      done: (n) => ({ entry: build(n), created: true }),
      conditionFailed: async (index) => {
        if (index === HEAD_ITEMS && claim) {
          const existing = await this.replay<OutgoingEntry>(claim, 'outgoing', ctx.actor);
          return existing ? { value: { entry: existing, created: false } } : { retry: true };
        }
        return { error: new Error(`register entry ${id}: unexpected condition failure on item ${index}`) };
      },
    });
  }

  async getOutgoing(id: string, viewer: Caller): Promise<OutgoingEntry> {
    return this.readable<OutgoingEntry>(id, 'outgoing', viewer);
  }

  async listOutgoing(q: OutgoingQuery, viewer: Caller): Promise<Page<OutgoingEntry>> {
    const filter: EntryFilter = { dateField: 'documentDate', ...pick(q, 'status', 'typeCode', 'issuerCode', 'from', 'to') };
    return (await this.deps.records.page({ register: 'outgoing', year: q.year, filter, maxRank: readableRank(viewer), limit: q.limit ?? 50, cursor: q.cursor })) as Page<OutgoingEntry>;
  }

  /** Hủy số: the number stays used and shows void. `version` must be the current one (409 STALE_VERSION). */
  async voidOutgoing(id: string, reason: string, version: number, ctx: WriteContext): Promise<OutgoingEntry> {
    const now = this.deps.clock.now();
    const before = await this.readable<OutgoingEntry>(id, 'outgoing', ctx.actor);
    assertVersion(before, version);
    const after = applyVoid(before, reason, { config: this.deps.config(), now, actor: ctx.actor });
    await this.replace(before, after, ctx, now, 'void', 'outgoing-entry');
    return after;
  }

  // --- whole registers -----------------------------------------------------------------------

  /** Every entry of a register's year visible to the viewer, in register order (for the printable register: with the parsed number-symbol). */
  allEntries(register: 'incoming', year: number, viewer: Caller): Promise<IncomingEntry[]>;
  allEntries(register: 'outgoing', year: number, viewer: Caller): Promise<OutgoingEntry[]>;
  allEntries(register: RegisterName, year: number, viewer: Caller): Promise<RegisterEntry[]>;
  async allEntries(register: RegisterName, year: number, viewer: Caller): Promise<RegisterEntry[]> {
    const now = this.deps.clock.now();
    const out: RegisterEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.records.page({ register, year, filter: { dateField: 'documentDate' }, maxRank: readableRank(viewer), limit: 1000, cursor });
      out.push(...page.items.map((e) => (e.register === 'incoming' ? asRead(e, now, viewer) : e)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  /** Counts of the entries the viewer may see (of some days only: arrival dates, or document dates for the outgoing register). */
  async counts(register: RegisterName, year: number, viewer: Caller, days: { from?: string; to?: string } = {}): Promise<RegisterCounts> {
    const now = this.deps.clock.now();
    const counts = emptyCounts(register, year);
    const range = days.from || days.to ? { dateField: register === 'incoming' ? ('arrivalDate' as const) : ('documentDate' as const), ...pick(days, 'from', 'to') } : undefined;
    for await (const rows of this.deps.records.countRows(register, year, readableRank(viewer), range)) tally(counts, rows, now);
    return counts;
  }

  // --- steps ---------------------------------------------------------------------------------

  /** A new entry's transaction items: the entry, its audit event, its claims, its outbox marker. */
  private newEntryItems(entry: RegisterEntry, ctx: WriteContext, now: Date, action: string, entityType: string, claims: UniqueClaim[]): unknown[] {
    return [
      this.deps.records.newEntryItem(entry),
      this.auditItem(ctx, now, action, entityType, entry.id, null, entry),
      ...claims.map((c) => this.deps.records.claimItem(c, entry, now)),
      this.deps.outbox.prepare(entry).transactItem,
    ];
  }

  private auditItem(ctx: WriteContext, now: Date, action: string, entityType: string, entityId: string, before: unknown, after: unknown): unknown {
    return this.deps.audit.prepare({
      actor: ctx.actor,
      action: `register.${action}`,
      entityType,
      entityId,
      before: storedForm(before) ?? null,
      after: storedForm(after) ?? null,
      at: now,
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    }).transactItem;
  }

  /** Writes `after` over `before` if nobody changed it meanwhile, with the audit event and the outbox marker, in one transaction. */
  private async replace(before: RegisterEntry, after: RegisterEntry, ctx: WriteContext, now: Date, action: string, entityType: string): Promise<void> {
    const outcome = await this.deps.records.replace(before, after, [this.auditItem(ctx, now, action, entityType, after.id, before, after), this.deps.outbox.prepare(after).transactItem]);
    if (outcome.kind === 'version-changed') assertVersion({ version: outcome.current }, before.version);
    if (outcome.kind === 'contended') {
      throw new ConflictError('The entry is being changed by someone else; reload it and retry', [{ path: 'version', message: 'concurrent update' }], 'STALE_VERSION');
    }
  }

  private async readable<E extends RegisterEntry>(id: string, register: RegisterName, viewer: Caller): Promise<E> {
    return readableOr404<E>(viewer, await this.deps.records.entry(id), register, id);
  }

  /** The entry an idempotency key already made (replayOr409), or undefined when the key is new. */
  private async replay<E extends RegisterEntry>(claim: UniqueClaim, register: RegisterName, actor: Caller): Promise<E | undefined> {
    const owner = await this.deps.records.owner(claim);
    if (!owner) return undefined;
    return replayOr409<E>(actor, await this.deps.records.entry(owner.entryId), register);
  }

  /** The owner of the first of `keys` that has one (looked up together). */
  private async firstOwner(kind: UniqueKind, keys: string[]): Promise<KeyOwner | undefined> {
    const owners = await Promise.all(keys.map((key) => this.deps.records.owner({ kind, key })));
    return owners.find((o) => o !== undefined);
  }
}

function pick<T extends object, K extends keyof T>(o: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
