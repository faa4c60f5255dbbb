/**
 * The use cases that change assignments: the leader's instruction on a letter (one assignment for
 * the lead, one per co-operating unit), an assignment by hand or from a conclusion, and the changes
 * of its life (tiến độ, hoàn thành, gia hạn, giao lại). Each write is versioned and audited in the
 * same transaction.
 */
import { ulid } from 'ulid';
import { CLEARANCES, canSee, type Caller, type Secrecy } from '../../platform/security';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors';
import { localDate } from '../../office';
import { cooperatingDueDate, leadDueDate } from '../domain/calendar';
import type { Assignment, AssignmentView, LetterRef, OriginType, Party } from '../domain/model';
import * as rules from '../domain/rules';
import type { Instruction } from '../ports/assignment-store';
import type { IncomingLetter } from '../ports/office-records';
import { auditItem, resolveParties, type AssignmentsDeps } from './deps';

export type PartyInput = Party & { dueDate?: string | undefined };
export interface InstructionInput {
  instruction: string;
  lead: PartyInput;
  cooperating?: PartyInput[] | undefined;
  dueDate?: string | undefined;
}
export interface NewAssignmentInput {
  title: string;
  origin: { type: OriginType; ref?: string | undefined };
  assignee: Party;
  cooperating?: Party[] | undefined;
  dueDate: string;
  secrecy?: Secrecy | null | undefined;
  instruction?: string | undefined;
}
/** A conclusion's items: each its own assignment (title, assignee, due date…), under the conclusion's number-symbol. */
export interface ConclusionInput {
  conclusion: string;
  secrecy?: Secrecy | null | undefined;
  items: Omit<NewAssignmentInput, 'origin' | 'secrecy'>[];
}
export interface WriteCtx {
  caller: Caller;
  requestId?: string | undefined;
  /** The version the change is made from; without it, the current one. */
  version?: number | undefined;
}

const higher = (a: Secrecy | null, b: Secrecy | null): Secrecy | null => (CLEARANCES.indexOf(a ?? 'none') >= CLEARANCES.indexOf(b ?? 'none') ? a : b);
const strip = ({ dueDate: _d, ...p }: PartyInput): Party => ('user' in p ? { user: p.user } : { dept: (p as { dept: string }).dept });
const letterRef = (l: IncomingLetter): LetterRef => ({ entryId: l.id, arrivalNumber: l.arrivalNumber, arrivalDate: l.arrivalDate, issuer: l.issuer, numberSymbol: l.numberSymbol, documentDate: l.documentDate, typeName: l.typeName, subject: l.subject });

export class AssignmentService {
  constructor(private readonly deps: AssignmentsDeps) {}

  /** Ý kiến chỉ đạo on an incoming letter: the lead's assignment and one per co-operating unit, each with its own due date. */
  async instruct(entryId: string, input: InstructionInput, ctx: WriteCtx): Promise<{ instruction: Instruction; items: AssignmentView[] }> {
    const { clock, letters, people, store } = this.deps;
    const config = this.deps.config();
    rules.assertLeader(ctx.caller, 'give an instruction on a letter');
    const letter = await letters.incoming(entryId, ctx.caller);
    const now = clock.now();
    const today = localDate(now, config.office.timeZone);
    const coop = input.cooperating ?? [];
    // A letter already past its own hạn giải quyết is given until today at the earliest.
    const byDefault = leadDueDate(config, now, letter);
    const leadDue = input.lead.dueDate ?? input.dueDate ?? (byDefault < today ? today : byDefault);
    const problems = [
      ...rules.repeatedParties([input.lead, ...coop].map(strip), (i) => (i === 0 ? 'body.lead' : `body.cooperating.${i - 1}`)),
      ...rules.dueDateProblems(leadDue, today, input.lead.dueDate ? 'body.lead.dueDate' : 'body.dueDate'),
      ...coop.flatMap((c, i) => (c.dueDate ? rules.dueDateProblems(c.dueDate, today, `body.cooperating.${i}.dueDate`) : [])),
    ];
    rules.throwIfProblems(problems);
    const parties = [input.lead, ...coop].map((p, i) => ({ party: strip(p), path: i === 0 ? 'body.lead' : `body.cooperating.${i - 1}` }));
    const depts = await resolveParties(people, parties, letter.secrecy);
    const groupId = ulid();
    const title = `${letter.typeName} ${letter.numberSymbol}: ${letter.subject}`.slice(0, 500);
    const origin = { type: 'letter' as const, ref: letter.id, letter: letterRef(letter) };
    const made = parties.map(({ party }, i) =>
      rules.newAssignment(
        {
          id: ulid(),
          title: i === 0 ? title : `Phối hợp: ${title}`.slice(0, 500),
          origin,
          instruction: input.instruction,
          groupId,
          role: i === 0 ? 'lead' : 'cooperating',
          assignee: party,
          assigneeDept: depts[i]!,
          cooperating: i === 0 ? coop.map(strip) : [strip(input.lead)],
          dueDate: i === 0 ? leadDue : (coop[i - 1]!.dueDate ?? cooperatingDueDate(config, today, leadDue)),
          secrecy: letter.secrecy,
        },
        config,
        now,
        ctx.caller,
      ),
    );
    const instruction: Instruction = { entryId, instruction: input.instruction, lead: strip(input.lead), cooperating: coop.map(strip), assignmentIds: made.map((m) => m.assignment.id), secrecy: letter.secrecy, at: now.toISOString(), by: rules.actorRef(ctx.caller) };
    const audits = [
      auditItem(this.deps, { actor: ctx.caller, action: 'incoming.instruct', entityType: 'incoming-entry', entityId: entryId, before: null, after: instruction, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) }),
      ...made.map((m) => auditItem(this.deps, { actor: ctx.caller, action: 'assignment.create', entityType: 'assignment', entityId: m.assignment.id, before: null, after: m.assignment, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) })),
    ];
    if (!(await store.create(made, audits, instruction))) throw new ConflictError(`The letter ${letter.numberSymbol} already has an instruction; give further work as assignments or reassign`, [], 'ALREADY_INSTRUCTED');
    return { instruction, items: made.map((m) => rules.viewOf(m.assignment, now)) };
  }

  /** An assignment by hand, from an item of a conclusion, or from a letter (it takes the letter's secrecy when higher). */
  async create(input: NewAssignmentInput, ctx: WriteCtx): Promise<AssignmentView> {
    rules.assertLeader(ctx.caller, 'give work');
    const now = this.deps.clock.now();
    const made = await this.prepare(input, ctx, now, 'body');
    await this.deps.store.create([made], [made.audit]);
    return rules.viewOf(made.assignment, now);
  }

  /**
   * A conclusion of the standing committee (thông báo kết luận): each item its own assignment, all
   * made in one transaction or none (a bad item is a 400 naming it, nothing stored).
   */
  async createFromConclusion(input: ConclusionInput, ctx: WriteCtx): Promise<{ conclusion: string; items: AssignmentView[] }> {
    rules.assertLeader(ctx.caller, 'give work');
    const now = this.deps.clock.now();
    const made: Awaited<ReturnType<AssignmentService['prepare']>>[] = [];
    const problems: { path: string; message: string }[] = [];
    for (const [i, item] of input.items.entries()) {
      const origin = { type: 'conclusion' as const, ref: `${input.conclusion} mục ${i + 1}` };
      try {
        made.push(await this.prepare({ ...item, origin, secrecy: input.secrecy ?? null }, ctx, now, `body.items.${i}`));
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        problems.push(...(err.details as { path: string; message: string }[]));
      }
    }
    rules.throwIfProblems(problems);
    if (!(await this.deps.store.create(made, made.map((m) => m.audit)))) throw new ConflictError('The conclusion\'s assignments could not be stored together: try again');
    return { conclusion: input.conclusion, items: made.map((m) => rules.viewOf(m.assignment, now)) };
  }

  /** One assignment checked and made (not stored), with its audit event; problems name their place under `at`. */
  private async prepare(input: NewAssignmentInput, ctx: WriteCtx, now: Date, at: string) {
    const { letters, people } = this.deps;
    const config = this.deps.config();
    let secrecy = input.secrecy ?? null;
    let letter: LetterRef | undefined;
    if (input.origin.type === 'letter') {
      if (!input.origin.ref) rules.throwIfProblems([{ path: `${at}.origin.ref`, message: "a letter's assignment names the incoming entry (its id)" }]);
      const l = await letters.incoming(input.origin.ref!, ctx.caller);
      secrecy = higher(secrecy, l.secrecy);
      letter = letterRef(l);
    }
    if (!canSee(ctx.caller.clearance, secrecy)) throw new ForbiddenError(`Your clearance does not cover ${secrecy}`);
    const coop = input.cooperating ?? [];
    rules.throwIfProblems([
      ...rules.dueDateProblems(input.dueDate, localDate(now, config.office.timeZone), `${at}.dueDate`),
      ...rules.repeatedParties([input.assignee, ...coop], (i) => (i === 0 ? `${at}.assignee` : `${at}.cooperating.${i - 1}`)),
    ]);
    const [dept] = await resolveParties(people, [{ party: input.assignee, path: `${at}.assignee` }, ...coop.map((party, i) => ({ party, path: `${at}.cooperating.${i}` }))], secrecy);
    const origin = { type: input.origin.type, ...(input.origin.ref ? { ref: input.origin.ref } : {}), ...(letter ? { letter } : {}) };
    const made = rules.newAssignment(
      { id: ulid(), title: input.title, origin, instruction: input.instruction ?? null, groupId: null, role: 'lead', assignee: input.assignee, assigneeDept: dept ?? null, cooperating: coop, dueDate: input.dueDate, secrecy },
      config,
      now,
      ctx.caller,
    );
    const audit = auditItem(this.deps, { actor: ctx.caller, action: 'assignment.create', entityType: 'assignment', entityId: made.assignment.id, before: null, after: made.assignment, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) });
    return { ...made, audit };
  }

  progress(id: string, note: string, ctx: WriteCtx) {
    return this.change(id, ctx, 'assignment.progress', async (a, now) => rules.addProgress(a, note, now, ctx.caller));
  }

  complete(id: string, input: { result: string; replyEntryId?: string | undefined }, ctx: WriteCtx) {
    return this.change(id, ctx, 'assignment.complete', async (a, now) => {
      if (input.replyEntryId) await this.deps.letters.outgoing(input.replyEntryId, ctx.caller).catch(() => rules.throwIfProblems([{ path: 'body.replyEntryId', message: `no outgoing entry ${input.replyEntryId} you may see` }]));
      return rules.complete(a, input, now, ctx.caller);
    });
  }

  askExtension(id: string, input: { dueDate: string; reason: string }, ctx: WriteCtx) {
    return this.change(id, ctx, 'assignment.extension-ask', async (a, now) => rules.askExtension(a, input, this.deps.config(), now, ctx.caller));
  }

  decideExtension(id: string, grant: boolean, ctx: WriteCtx) {
    return this.change(id, ctx, grant ? 'assignment.extension-grant' : 'assignment.extension-refuse', async (a, now) => rules.decideExtension(a, grant, this.deps.config(), now, ctx.caller));
  }

  reassign(id: string, input: { assignee: Party; dueDate?: string | undefined; reason?: string | undefined }, ctx: WriteCtx) {
    return this.change(id, ctx, 'assignment.reassign', async (a, now) => {
      rules.assertLeader(ctx.caller, 'reassign work');
      const [assigneeDept] = await resolveParties(this.deps.people, [{ party: input.assignee, path: 'body.assignee' }], a.secrecy);
      return rules.reassign(a, { ...input, assigneeDept: assigneeDept ?? null }, this.deps.config(), now, ctx.caller);
    });
  }

  /** Reads, checks the version asked for, applies the change and stores it at that version (409 when another came first). */
  private async change(id: string, ctx: WriteCtx, action: string, apply: (a: Assignment, now: Date) => Promise<rules.Change>): Promise<AssignmentView> {
    const { store, clock } = this.deps;
    const before = rules.readable(ctx.caller, await store.get(id), id);
    if (ctx.version !== undefined && ctx.version !== before.version) throw stale(id, before.version, ctx.version);
    const now = clock.now();
    const { after, event } = await apply(before, now);
    const audit = auditItem(this.deps, { actor: ctx.caller, action, entityType: 'assignment', entityId: id, before, after, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) });
    if (!(await store.update(before, after, event, [audit]))) throw stale(id, before.version, ctx.version ?? before.version, true);
    return rules.viewOf(after, now);
  }
}

function stale(id: string, current: number, given: number, raced = false): ConflictError {
  const message = raced ? `Assignment ${id} was changed by someone else meanwhile; read it again` : `Assignment ${id} is at version ${current}, not ${given}; read it again`;
  return new ConflictError(message, [{ path: 'body.version', message: `current version is ${raced ? 'newer' : current}` }], 'STALE_VERSION');
}
