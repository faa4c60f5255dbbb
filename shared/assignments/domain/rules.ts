/**
 * The rules of giao việc: who may give, see and change an assignment, the checks on what is given,
 * and each change (tiến độ, hoàn thành, gia hạn, giao lại) as a new state and a history line.
 */
import { canSee, hasAnyRole, OFFICE_ROLES, type Caller, type Role, type Secrecy } from '../../platform/security';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type ErrorDetail } from '../../platform/errors';
import { daysInMonth, localDate, type DomainConfig } from '../../office';
import { dueInstant } from './calendar';
import { partyKey, sameParty, type ActorRef, type Assignment, type AssignmentEvent, type AssignmentView, type Party } from './model';

/** Who gives work, decides extensions and reassigns: lãnh đạo văn phòng and thường trực. */
export const LEADERS: readonly Role[] = ['lanh-dao-vp', 'thuong-truc'];

export const actorRef = (c: Pick<Caller, 'sub' | 'username'>): ActorRef => ({ sub: c.sub, username: c.username });

/** True when the caller is the assignee: the person named, or a member of the department named. */
export function isAssignee(caller: Caller, a: Pick<Assignment, 'assignee'>): boolean {
  return 'user' in a.assignee ? a.assignee.user === caller.username : caller.dept !== undefined && a.assignee.dept === caller.dept;
}

/**
 * Who may see an assignment: its clearance first (above it, it does not exist for the caller); then
 * the office's people see all of them, anyone else only what is given to them.
 */
export function mayRead(caller: Caller, a: Pick<Assignment, 'assignee' | 'secrecy'>): boolean {
  if (!canSee(caller.clearance, a.secrecy)) return false;
  return hasAnyRole(caller, OFFICE_ROLES) || isAssignee(caller, a);
}

export function assertLeader(caller: Caller, what: string): void {
  if (!hasAnyRole(caller, LEADERS)) throw new ForbiddenError(`Only lãnh đạo văn phòng or thường trực may ${what}`);
}

/** A visible assignment or 404, as for one that does not exist. */
export function readable<A extends Pick<Assignment, 'id' | 'assignee' | 'secrecy'>>(caller: Caller, a: A | undefined, id: string): A {
  if (!a || !mayRead(caller, a)) throw new NotFoundError(`Assignment ${id} not found`);
  return a;
}

/** A calendar date problem: not YYYY-MM-DD, not a real day, or before today. */
export function dueDateProblems(value: string, today: string, path: string): ErrorDetail[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return [{ path, message: `must be a date YYYY-MM-DD, got "${value}"` }];
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return [{ path, message: `${value} is not a real date` }];
  if (value < today) return [{ path, message: `due date ${value} is before today (${today} in the office time zone)` }];
  if (y > 2200) return [{ path, message: `due date ${value} is too far ahead` }];
  return [];
}

export function throwIfProblems(problems: ErrorDetail[]): void {
  if (problems.length) throw new ValidationError(`Invalid assignment: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
}

/** What one new assignment is made of (the app has checked the people and departments it names). */
export interface AssignmentSpec {
  id: string;
  title: string;
  origin: Assignment['origin'];
  instruction: string | null;
  groupId: string | null;
  role: Assignment['role'];
  assignee: Party;
  assigneeDept: string | null;
  cooperating: Party[];
  dueDate: string;
  secrecy: Secrecy | null;
}

/** A new open assignment and its first history line. */
export function newAssignment(spec: AssignmentSpec, config: DomainConfig, now: Date, by: Caller): { assignment: Assignment; event: AssignmentEvent } {
  const at = now.toISOString();
  const assignment: Assignment = {
    ...spec,
    dueAt: dueInstant(config, spec.dueDate).toISOString(),
    originalDueDate: spec.dueDate,
    status: 'open',
    assignedAt: at,
    assignedDate: localDate(now, config.office.timeZone),
    assignedBy: actorRef(by),
    doneAt: null,
    onTime: null,
    result: null,
    replyEntryId: null,
    progress: null,
    extension: null,
    extensions: 0,
    version: 1,
    updatedAt: at,
    updatedBy: actorRef(by),
  };
  return { assignment, event: { at, by: actorRef(by), kind: 'assigned', assignee: spec.assignee, dueDate: spec.dueDate } };
}

/** The same unit named twice (lead and co-operating, or twice co-operating) is a mistake. */
export function repeatedParties(parties: Party[], path: (i: number) => string): ErrorDetail[] {
  const seen = new Set<string>();
  const out: ErrorDetail[] = [];
  parties.forEach((p, i) => {
    const k = partyKey(p);
    if (seen.has(k)) out.push({ path: path(i), message: `${'user' in p ? 'user' : 'dept'} ${'user' in p ? p.user : p.dept} is named twice` });
    seen.add(k);
  });
  return out;
}

export const isOverdue = (a: Pick<Assignment, 'status' | 'dueAt'>, now: Date): boolean => a.status === 'open' && now.getTime() > Date.parse(a.dueAt);

export const viewOf = (a: Assignment, now: Date): AssignmentView => ({ ...a, overdue: isOverdue(a, now) });

/** A change: the assignment after it and its history line. Who may make it is checked before the state it needs (403 before 409). */
export interface Change {
  after: Assignment;
  event: AssignmentEvent;
}

function assertOpen(a: Assignment): void {
  if (a.status !== 'open') throw new ConflictError(`Assignment ${a.id} is already done`, [], 'WRONG_STATE');
}

function assertActs(caller: Caller, a: Assignment, what: string): void {
  if (!isAssignee(caller, a) && !hasAnyRole(caller, LEADERS)) throw new ForbiddenError(`Only the assignee or a leader may ${what}`);
}

const touched = (a: Assignment, now: Date, by: Caller, changes: Partial<Assignment>): Assignment => ({ ...a, ...changes, version: a.version + 1, updatedAt: now.toISOString(), updatedBy: actorRef(by) });

/** Tiến độ: a progress note by the assignee (or a leader). */
export function addProgress(a: Assignment, note: string, now: Date, by: Caller): Change {
  assertActs(by, a, 'report progress');
  assertOpen(a);
  return { after: touched(a, now, by, { progress: note }), event: { at: now.toISOString(), by: actorRef(by), kind: 'progress', note } };
}

/** Hoàn thành: done with its result, on time when by the end of its due date. */
export function complete(a: Assignment, input: { result: string; replyEntryId?: string | undefined }, now: Date, by: Caller): Change {
  assertActs(by, a, 'complete it');
  assertOpen(a);
  const onTime = now.getTime() <= Date.parse(a.dueAt);
  const after = touched(a, now, by, { status: 'done', doneAt: now.toISOString(), onTime, result: input.result, replyEntryId: input.replyEntryId ?? null, extension: null });
  return { after, event: { at: now.toISOString(), by: actorRef(by), kind: 'completed', note: input.result, ...(input.replyEntryId ? { replyEntryId: input.replyEntryId } : {}) } };
}

/** Xin gia hạn: the assignee asks for a later due date; one request at a time. */
export function askExtension(a: Assignment, input: { dueDate: string; reason: string }, config: DomainConfig, now: Date, by: Caller): Change {
  if (!isAssignee(by, a)) throw new ForbiddenError('Only the assignee may ask for more time');
  assertOpen(a);
  if (a.extension) throw new ConflictError(`An extension to ${a.extension.dueDate} is already waiting for a decision`, [], 'EXTENSION_PENDING');
  const problems = dueDateProblems(input.dueDate, localDate(now, config.office.timeZone), 'body.dueDate');
  if (!problems.length && input.dueDate <= a.dueDate) problems.push({ path: 'body.dueDate', message: `must be after the current due date ${a.dueDate}` });
  throwIfProblems(problems);
  const extension = { dueDate: input.dueDate, reason: input.reason, askedAt: now.toISOString(), askedBy: actorRef(by) };
  return { after: touched(a, now, by, { extension }), event: { at: now.toISOString(), by: actorRef(by), kind: 'extension-asked', dueDate: input.dueDate, note: input.reason } };
}

/** A leader grants (the due date moves) or refuses the pending request. */
export function decideExtension(a: Assignment, grant: boolean, config: DomainConfig, now: Date, by: Caller): Change {
  assertLeader(by, 'decide an extension');
  assertOpen(a);
  if (!a.extension) throw new ConflictError(`No extension is waiting for a decision on assignment ${a.id}`, [], 'NO_EXTENSION');
  const at = now.toISOString();
  if (!grant) return { after: touched(a, now, by, { extension: null }), event: { at, by: actorRef(by), kind: 'extension-refused', dueDate: a.extension.dueDate } };
  const dueDate = a.extension.dueDate;
  const after = touched(a, now, by, { extension: null, dueDate, dueAt: dueInstant(config, dueDate).toISOString(), extensions: a.extensions + 1 });
  return { after, event: { at, by: actorRef(by), kind: 'extension-granted', dueDate } };
}

/** Giao lại: a leader gives the work to someone else (optionally with a new due date). */
export function reassign(a: Assignment, input: { assignee: Party; assigneeDept: string | null; dueDate?: string | undefined; reason?: string | undefined }, config: DomainConfig, now: Date, by: Caller): Change {
  assertLeader(by, 'reassign work');
  assertOpen(a);
  if (sameParty(a.assignee, input.assignee)) throw new ConflictError('The work is already given to them', [], 'SAME_ASSIGNEE');
  const changes: Partial<Assignment> = { assignee: input.assignee, assigneeDept: input.assigneeDept, extension: null };
  if (input.dueDate) {
    throwIfProblems(dueDateProblems(input.dueDate, localDate(now, config.office.timeZone), 'body.dueDate'));
    Object.assign(changes, { dueDate: input.dueDate, dueAt: dueInstant(config, input.dueDate).toISOString() });
  }
  const event: AssignmentEvent = { at: now.toISOString(), by: actorRef(by), kind: 'reassigned', from: a.assignee, assignee: input.assignee, ...(input.dueDate ? { dueDate: input.dueDate } : {}), ...(input.reason ? { note: input.reason } : {}) };
  return { after: touched(a, now, by, changes), event };
}
