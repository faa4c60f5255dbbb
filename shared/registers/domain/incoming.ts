/**
 * The incoming register (sổ văn bản đến): turns a registration request into an entry ready
 * to be numbered, and applies assignment and status changes (giao, giải quyết, xong).
 */
import { findDocumentType, typesWithSymbol } from '../../office';
import type { DomainConfig } from '../../office';
import { dueDateForUrgency, endOfLocalDay, isOverdue, localDate, type Urgency } from '../../office';
import { ConflictError, ForbiddenError, type ErrorDetail } from '../../platform/errors';
import { hasAnyRole, type Caller } from '../../platform/security';
import { arrivalYear, incomingRegisterFor, incomingRegisterKey } from '../../office';
import type { ActorRef, IncomingEntry, IncomingInput, IncomingPatch, IncomingStatus } from './model';
import { parseIncomingNumberSymbol } from './number-symbols';
import { assertClearanceCovers, dateProblems, metadataOnlyProblems, throwIfProblems } from './rules';

export interface PlanContext {
  config: DomainConfig;
  now: Date;
  actor: Caller;
}

/** An entry waiting for its số đến, with the counter it takes it from and the key that spots a second registration. */
export interface IncomingPlan {
  registerKey: string;
  /** Same letter = same number-symbol and document date. */
  duplicateKey: string;
  entry: Omit<IncomingEntry, 'id' | 'arrivalNumber' | 'version'>;
}

export const actorRef = (c: Pick<Caller, 'sub' | 'username'>): ActorRef => ({ sub: c.sub, username: c.username });

/** Validates a registration against the domain rules and prepares the entry (everything but its number and id). */
export function planIncoming(input: IncomingInput, ctx: PlanContext): IncomingPlan {
  const { config, now, actor } = ctx;
  const tz = config.office.timeZone;
  const today = localDate(now, tz);
  const secrecy = input.secrecy ?? null;
  assertClearanceCovers(actor, secrecy);

  const problems: ErrorDetail[] = [];
  problems.push(...metadataOnlyProblems(secrecy, input));
  problems.push(...dateProblems(input.documentDate, today, 'documentDate', 'documentDate'));
  const type = findDocumentType(config, input.typeCode);
  if (!type) problems.push({ path: 'typeCode', message: `unknown document type "${input.typeCode}"; known: ${config.documentTypes.map((t) => t.code).join(', ')}` });
  const parsed = parseIncomingNumberSymbol(input.numberSymbol);
  if (!parsed) {
    problems.push({
      path: 'numberSymbol',
      message: `"${input.numberSymbol}" is not a number-symbol: expected the Party form (12-NQ/TU) or the State form (45/2024/NĐ-CP, 123/UBND-VP)`,
    });
  } else if (type && parsed.form === 'party' && parsed.typeSymbol && !typesWithSymbol(config, parsed.typeSymbol).some((t) => t.code === type.code)) {
    problems.push({ path: 'typeCode', message: `numberSymbol ${parsed.canonical} is a ${parsed.typeSymbol} document, but typeCode is ${type.code}` });
  }
  let dueAt: Date | null = null;
  let dueSource: IncomingEntry['dueSource'] = null;
  if (input.dueDate != null) {
    const p = dateProblems(input.dueDate, '9999-12-31', 'dueDate', 'dueDate');
    if (p.length) problems.push(...p);
    else if (input.dueDate < today) problems.push({ path: 'dueDate', message: `dueDate ${input.dueDate} is before the arrival date ${today}` });
    else {
      dueAt = endOfLocalDay(input.dueDate, tz);
      dueSource = 'manual';
    }
  } else {
    dueAt = dueDateForUrgency(config, now, input.urgency ?? null);
    dueSource = 'urgency';
  }
  throwIfProblems(problems);

  const year = arrivalYear(now, tz);
  const at = now.toISOString();
  const handler = input.handler ?? null;
  const entry: IncomingPlan['entry'] = {
    register: 'incoming',
    book: incomingRegisterFor(config, secrecy),
    registerKey: incomingRegisterKey(config, secrecy, year),
    arrivalYear: year,
    arrivalDate: today,
    arrivedAt: at,
    numberSymbol: input.numberSymbol.trim(),
    parsedNumberSymbol: parsed!,
    documentDate: input.documentDate,
    issuer: input.issuer.trim(),
    issuerCode: parsed!.issuerCode,
    typeCode: type!.code,
    typeName: type!.name,
    subject: input.subject.trim(),
    secrecy,
    urgency: (input.urgency ?? null) as Urgency | null,
    scanId: input.scanId ?? null,
    handler,
    recipients: input.recipients ?? [],
    note: input.note ?? null,
    dueDate: dueAt ? localDate(dueAt, tz) : null,
    dueAt: dueAt ? dueAt.toISOString() : null,
    dueSource,
    status: handler ? 'assigned' : 'registered',
    assignedAt: handler ? at : null,
    doneAt: null,
    duplicateOf: null,
    createdAt: at,
    createdBy: actorRef(actor),
    updatedAt: at,
    updatedBy: actorRef(actor),
  };
  return { registerKey: entry.registerKey, duplicateKey: `${parsed!.key}|${input.documentDate}`, entry };
}

/** Allowed moves of the handling status; 'done' is final. */
export const STATUS_MOVES: Record<IncomingStatus, readonly IncomingStatus[]> = {
  registered: ['assigned'],
  assigned: ['in-progress', 'done'],
  'in-progress': ['done'],
  done: [],
};

/** Roles that manage the whole register; a chuyên viên may only move entries assigned to them. */
const MANAGERS = ['van-thu', 'lanh-dao-vp'] as const;

/** Applies a change to an incoming entry: who may make it, which status moves are allowed, due dates. Returns the entry after. */
export function applyIncomingPatch(entry: IncomingEntry, patch: IncomingPatch, ctx: PlanContext): IncomingEntry {
  const { config, now, actor } = ctx;
  const tz = config.office.timeZone;
  const fields = (Object.keys(patch) as (keyof IncomingPatch)[]).filter((k) => patch[k] !== undefined);
  throwIfProblems(fields.length ? [] : [{ path: 'body', message: 'nothing to change: give handler, status, dueDate, recipients or note' }]);

  if (!hasAnyRole(actor, MANAGERS)) {
    if (entry.handler !== actor.username) throw new ForbiddenError('Only the van thu, the office leaders or the assigned handler may update this entry');
    const own = fields.filter((f) => f !== 'status' && f !== 'note');
    if (own.length) throw new ForbiddenError(`A handler may change only status and note, not ${own.join(', ')}`);
  }

  const at = now.toISOString();
  const next: IncomingEntry = { ...entry, recipients: [...entry.recipients] };
  const problems: ErrorDetail[] = [];

  if (entry.status === 'done' && fields.some((f) => f !== 'note')) {
    throw new ConflictError('The entry is done; only its note can change', [{ path: 'status', message: 'done is final' }], 'INVALID_TRANSITION');
  }
  if (patch.handler !== undefined) {
    if (patch.handler === null) {
      if (entry.status !== 'registered' && entry.status !== 'assigned') {
        throw new ConflictError(`Cannot remove the handler of an entry that is ${entry.status}`, [{ path: 'handler', message: 'already being handled' }], 'INVALID_TRANSITION');
      }
      next.handler = null;
      next.status = 'registered';
      next.assignedAt = null;
    } else if (patch.handler !== entry.handler) {
      next.handler = patch.handler;
      next.assignedAt = at;
      if (entry.status === 'registered') next.status = 'assigned';
    }
  }
  if (patch.status !== undefined && patch.status !== next.status) {
    const from = next.status;
    const moves = STATUS_MOVES[from];
    if (!moves.includes(patch.status)) {
      throw new ConflictError(
        `Status cannot go from ${from} to ${patch.status}; allowed: ${moves.join(', ') || 'none'}`,
        [{ path: 'status', message: `not allowed from ${from}` }],
        'INVALID_TRANSITION',
      );
    }
    if (patch.status === 'assigned' && !next.handler) problems.push({ path: 'handler', message: 'assigning needs a handler' });
    next.status = patch.status;
    if (patch.status === 'assigned') next.assignedAt = at;
    if (patch.status === 'done') next.doneAt = at;
  }
  if (patch.dueDate !== undefined) {
    if (patch.dueDate === null) {
      next.dueAt = dueDateForUrgency(config, new Date(entry.arrivedAt), entry.urgency).toISOString();
      next.dueDate = localDate(new Date(next.dueAt), tz);
      next.dueSource = 'urgency';
    } else {
      const p = dateProblems(patch.dueDate, '9999-12-31', 'dueDate', 'dueDate');
      if (p.length) problems.push(...p);
      else if (patch.dueDate < entry.arrivalDate) problems.push({ path: 'dueDate', message: `dueDate ${patch.dueDate} is before the arrival date ${entry.arrivalDate}` });
      else {
        next.dueDate = patch.dueDate;
        next.dueAt = endOfLocalDay(patch.dueDate, tz).toISOString();
        next.dueSource = 'manual';
      }
    }
  }
  if (patch.recipients !== undefined) next.recipients = [...patch.recipients];
  if (patch.note !== undefined) next.note = patch.note;
  throwIfProblems(problems);

  next.version = entry.version + 1;
  next.updatedAt = at;
  next.updatedBy = actorRef(actor);
  return next;
}

/** Quá hạn: not done and past its due time. */
export function incomingOverdue(entry: Pick<IncomingEntry, 'status' | 'dueAt'>, now: Date): boolean {
  return entry.status !== 'done' && isOverdue(entry.dueAt ? new Date(entry.dueAt) : null, now);
}

/** An incoming entry as the API shows it: without the counter key and the parsed number-symbol, which are the store's. */
export type IncomingEntryView = Omit<IncomingEntry, 'registerKey' | 'parsedNumberSymbol'>;
export function incomingView(entry: IncomingEntry): IncomingEntryView {
  const { registerKey: _key, parsedNumberSymbol: _parsed, ...view } = entry;
  return view;
}
