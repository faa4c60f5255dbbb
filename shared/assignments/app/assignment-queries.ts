/**
 * What is read of assignments: one with its history, lists (by assignee, status, overdue, dates
 * given), the caller's open work, the leaders' overdue list by department, the stats of a period and
 * the rows of the sổ theo dõi giải quyết văn bản đến. Everything passes the caller's clearance
 * first: what is above it is in no list, count or row.
 */
import type { Caller } from '../../platform/security';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { decodePositionCursor, encodePositionCursor } from '../../platform/aws/cursor';
import { addDays, localDate, parsePeriod, type ReportPeriod } from '../../office';
import { canSee, hasAnyRole, OFFICE_ROLES } from '../../platform/security';
import { isAssignee, isOverdue, LEADERS, mayRead, readable, viewOf } from '../domain/rules';
import { monthsBetween, monthsOf, tally, type StatLine } from '../domain/stats';
import type { Assignment, AssignmentEvent, AssignmentStatus, AssignmentView, Party } from '../domain/model';
import type { Instruction, ReminderRecord } from '../ports/assignment-store';
import type { AssignmentsDeps } from './deps';

export interface ListQuery {
  /** `me`, a username, or `dept:<CODE>`. */
  assignee?: string | undefined;
  status?: AssignmentStatus | undefined;
  overdue?: boolean | undefined;
  /** Dates given (office time zone), inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface AssignmentDetail extends AssignmentView {
  history: AssignmentEvent[];
  reminders: ReminderRecord[];
  /** The other assignments of the same instruction (the lead's, the co-operating units'), as far as the caller may see them. */
  related: Pick<AssignmentView, 'id' | 'role' | 'assignee' | 'status' | 'dueDate' | 'overdue' | 'progress' | 'result'>[];
}

export interface OverdueGroup {
  dept: string | null;
  count: number;
  items: AssignmentView[];
}

const byDue = (a: Assignment, b: Assignment) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1);

/** `me`, `dept:<CODE>` or a department code in capitals (BTCTU), else a username. */
export function partyOfQuery(q: string, caller: Caller): Party {
  if (q === 'me') return { user: caller.username };
  if (q.startsWith('dept:')) return { dept: q.slice(5) };
  return /^[\p{Lu}\d-]+$/u.test(q) ? { dept: q } : { user: q };
}

export class AssignmentQueries {
  constructor(private readonly deps: AssignmentsDeps) {}

  async get(caller: Caller, id: string): Promise<AssignmentDetail> {
    const { store, clock } = this.deps;
    const found = await store.withHistory(id);
    const a = readable(caller, found?.assignment, id);
    const now = clock.now();
    const siblings = a.groupId && a.origin.ref ? ((await store.instructionOf(a.origin.ref))?.assignmentIds ?? []).filter((x) => x !== id) : [];
    const related = (await Promise.all(siblings.map((s) => store.get(s))))
      .filter((s): s is Assignment => !!s && mayRead(caller, s))
      .map((s) => ({ id: s.id, role: s.role, assignee: s.assignee, status: s.status, dueDate: s.dueDate, overdue: isOverdue(s, now), progress: s.progress, result: s.result }));
    return { ...viewOf(a, now), history: found!.history, reminders: await store.reminders(id), related };
  }

  async list(caller: Caller, q: ListQuery): Promise<{ items: AssignmentView[]; nextCursor: string | null }> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const tz = this.deps.config().office.timeZone;
    const today = localDate(now, tz);
    if (q.from && q.to && q.from > q.to) throw new ValidationError('from is after to', [{ path: 'query.from', message: `${q.from} is after ${q.to}` }]);
    const all = q.assignee
      ? await store.byAssignee(partyOfQuery(q.assignee, caller))
      : await store.assignedIn(monthsBetween(q.from ?? `${Number(today.slice(0, 4)) - 1}-01-01`, q.to ?? today));
    const items = all
      .filter((a) => mayRead(caller, a))
      .filter((a) => (!q.status || a.status === q.status) && (q.overdue === undefined || isOverdue(a, now) === q.overdue))
      .filter((a) => (!q.from || a.assignedDate >= q.from) && (!q.to || a.assignedDate <= q.to))
      .sort(byDue);
    const offset = decodePositionCursor(q.cursor);
    const page = items.slice(offset, offset + q.limit);
    return { items: page.map((a) => viewOf(a, now)), nextCursor: encodePositionCursor(offset + page.length, items.length) };
  }

  /** The caller's open work: given to them by name, or to their department. */
  async openFor(caller: Caller): Promise<AssignmentView[]> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const lists = await Promise.all([store.byAssignee({ user: caller.username }), caller.dept ? store.byAssignee({ dept: caller.dept }) : Promise.resolve([])]);
    return lists
      .flat()
      .filter((a) => a.status === 'open' && mayRead(caller, a) && isAssignee(caller, a))
      .sort(byDue)
      .map((a) => viewOf(a, now));
  }

  /** The caller's open work as tasks (GET /v1/tasks lists them beside the drafts' steps). */
  async tasksOf(caller: Caller) {
    return (await this.openFor(caller)).map((a) => ({
      source: 'assignment' as const,
      assignmentId: a.id,
      title: a.title,
      role: a.role,
      kind: 'act' as const,
      dueDate: a.dueDate,
      dueAt: a.dueAt,
      overdue: a.overdue,
      secrecy: a.secrecy,
      progress: a.progress,
      extensionAsked: a.extension !== null,
      version: a.version,
    }));
  }

  /** The overdue list for leaders (and the văn thư who chases it), by department, most overdue first. */
  async overdue(caller: Caller): Promise<{ items: OverdueGroup[] }> {
    if (!hasAnyRole(caller, [...LEADERS, 'van-thu'])) throw new ForbiddenError('Only leaders and the văn thư see the overdue list');
    const { store, clock } = this.deps;
    const now = clock.now();
    const today = localDate(now, this.deps.config().office.timeZone);
    // Open work older than two years is not followed here (the list reads the months since).
    const all = await store.assignedIn(monthsBetween(addDays(today, -730), today));
    const groups = new Map<string, OverdueGroup>();
    for (const a of all.filter((x) => isOverdue(x, now) && mayRead(caller, x)).sort(byDue)) {
      const dept = 'dept' in a.assignee ? a.assignee.dept : a.assigneeDept;
      let g = groups.get(dept ?? '');
      if (!g) groups.set(dept ?? '', (g = { dept, count: 0, items: [] }));
      g.count++;
      g.items.push(viewOf(a, now));
    }
    return { items: [...groups.values()].sort((a, b) => b.count - a.count || String(a.dept).localeCompare(String(b.dept))) };
  }

  /** Đánh giá: the work given in a period, per person or department, as far as the caller's clearance reaches. */
  async stats(caller: Caller, q: { period: string; by: 'user' | 'dept' }): Promise<{ period: string; by: 'user' | 'dept'; items: StatLine[] }> {
    this.assertOffice(caller);
    const p = periodOf(q.period);
    const now = this.deps.clock.now();
    const { totals, notYetDue } = await this.deps.store.stats(monthsOf(p), q.by, now);
    const seen = (r: { secrecy: Assignment['secrecy'] }) => canSee(caller.clearance, r.secrecy);
    return { period: p.text, by: q.by, items: tally(totals.filter(seen), notYetDue.filter(seen), q.by, now) };
  }

  /** The rows of the sổ theo dõi giải quyết văn bản đến for a period: the letters' assignments the caller may see, by số đến. */
  async book(caller: Caller, period: string): Promise<{ period: ReportPeriod; items: AssignmentView[]; replies: Map<string, string> }> {
    this.assertOffice(caller);
    const p = periodOf(period);
    const now = this.deps.clock.now();
    const all = await this.deps.store.assignedIn(monthsOf(p));
    const letters = all.filter((a) => a.origin.type === 'letter' && a.origin.letter && mayRead(caller, a));
    const key = (a: Assignment) => [a.origin.letter!.arrivalDate, String(a.origin.letter!.arrivalNumber).padStart(8, '0'), a.role === 'lead' ? '0' : '1', a.assignedAt].join('|');
    const replies = new Map<string, string>();
    for (const id of new Set(letters.map((a) => a.replyEntryId).filter((x): x is string => !!x))) {
      const r = await this.deps.letters.outgoing(id, caller).catch(() => undefined);
      if (r) replies.set(id, r.numberSymbol);
    }
    return { period: p, items: letters.sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((a) => viewOf(a, now)), replies };
  }

  /** The instruction on a letter, for its entry's view; null when there is none or the caller may not see it. */
  async instructionOf(entryId: string, caller: Caller): Promise<Instruction | null> {
    const i = await this.deps.store.instructionOf(entryId);
    return i && mayRead(caller, { assignee: i.lead, secrecy: i.secrecy }) ? i : null;
  }

  private assertOffice(caller: Caller) {
    if (!hasAnyRole(caller, OFFICE_ROLES)) throw new ForbiddenError("Only the office's people see the stats and the book");
  }
}

function periodOf(text: string): ReportPeriod {
  const p = parsePeriod(text);
  if (!p) {
    const message = `"${text}" is not a period: expected a month (2026-11), a quarter (2026-Q4), a half-year (2026-H2) or a year (2026)`;
    throw new ValidationError(message, [{ path: 'query.period', message }], 'INVALID_PERIOD');
  }
  return p;
}
