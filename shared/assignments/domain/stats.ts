/**
 * Đánh giá: per person or per department, of the work given in a period (tháng, quý, năm): how much
 * was given, done on time, done late, still open, overdue now, and the extensions granted.
 *
 * Every count but `overdue` is kept as running totals per month, group and secrecy (`AggRow`, moved
 * by each write by the difference it makes: `aggregateDeltas`). Whether open work is overdue depends
 * on the moment of reading: an open assignment is also kept as one slim row (`StatRow`) ordered by its
 * due time, and a reading subtracts from the open total the rows not yet due (few: the work given
 * lately). A year's stats read those totals and the not-yet-due rows, never the assignments.
 */
import { partyKey, type Assignment } from './model';

export interface Tally {
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  /** Not done yet (overdue ones included). */
  open: number;
  /** Not done and past the end of its due date. */
  overdue: number;
  /** Extensions granted. */
  extensions: number;
}

export type StatLine = ({ user: string } | { dept: string | null }) & Tally;

/** What the stats read of an open assignment. */
export type StatRow = Pick<Assignment, 'id' | 'assignee' | 'assigneeDept' | 'secrecy' | 'status' | 'dueAt' | 'onTime' | 'extensions'>;

export type StatsBy = 'user' | 'dept';

/** Running totals of done work: one per month, grouping (by person or department), group and secrecy. */
export interface AggRow {
  month: string;
  by: StatsBy;
  /** `u:<user>` or `d:<dept>` (by user: the assignee; by dept: the department, `d:` for none). */
  group: string;
  secrecy: Assignment['secrecy'];
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  /** Still open (overdue or not). */
  open: number;
  extensions: number;
}

export type AggDelta = AggRow;
/** The counted fields of a running total. */
export const AGG_FIELDS = ['assigned', 'doneOnTime', 'doneLate', 'open', 'extensions'] as const;

const deptOf = (a: Pick<Assignment, 'assignee' | 'assigneeDept'>): string | null => ('dept' in a.assignee ? a.assignee.dept : (a.assigneeDept ?? null));
const groupKey = (a: Pick<Assignment, 'assignee' | 'assigneeDept'>, by: StatsBy) => (by === 'user' ? partyKey(a.assignee) : `d:${deptOf(a) ?? ''}`);
export const aggKey = (r: Pick<AggRow, 'month' | 'by' | 'group' | 'secrecy'>) => `${r.month}|${r.by}|${r.group}|${r.secrecy ?? '-'}`;

/** What an assignment adds to the totals, by person and by department. */
function contributions(a: Assignment | null): AggDelta[] {
  if (!a) return [];
  const month = a.assignedDate.slice(0, 7);
  const done = a.status === 'done';
  return (['user', 'dept'] as const).map((by) => ({ month, by, group: groupKey(a, by), secrecy: a.secrecy, assigned: 1, doneOnTime: done && a.onTime ? 1 : 0, doneLate: done && !a.onTime ? 1 : 0, open: done ? 0 : 1, extensions: a.extensions }));
}

/** The changes writes make to the totals: each after's contributions minus its before's, one per total, the ones that change something. */
export function aggregateDeltas(...changes: [before: Assignment | null, after: Assignment][]): AggDelta[] {
  const out = new Map<string, AggDelta>();
  const add = (d: AggDelta, sign: 1 | -1) => {
    const k = aggKey(d);
    const cur = out.get(k) ?? { ...d, assigned: 0, doneOnTime: 0, doneLate: 0, open: 0, extensions: 0 };
    for (const f of AGG_FIELDS) cur[f] += sign * d[f];
    out.set(k, cur);
  };
  for (const [before, after] of changes) {
    for (const d of contributions(before)) add(d, -1);
    for (const d of contributions(after)) add(d, 1);
  }
  return [...out.values()].filter((d) => AGG_FIELDS.some((f) => d[f] !== 0));
}

const empty = (): Tally => ({ assigned: 0, doneOnTime: 0, doneLate: 0, open: 0, overdue: 0, extensions: 0 });
const partyOfGroup = (group: string, by: StatsBy): { user: string } | { dept: string | null } =>
  by === 'user' && group.startsWith('u:') ? { user: group.slice(2) } : { dept: group.slice(2) || null };

/**
 * Tallies the running totals and the open rows (already limited to what the reader may see), one line
 * per group, busiest first. Overdue: the open total less the open rows not yet due (rows already due
 * may be given or not; they change nothing).
 */
export function tally(totals: readonly AggRow[], open: readonly StatRow[], by: StatsBy, now: Date): StatLine[] {
  const groups = new Map<string, Tally>();
  const of = (key: string) => {
    let t = groups.get(key);
    if (!t) groups.set(key, (t = empty()));
    return t;
  };
  for (const r of totals) {
    if (r.by !== by) continue;
    const t = of(r.group);
    for (const f of AGG_FIELDS) t[f] += r[f];
    t.overdue += r.open;
  }
  const at = now.getTime();
  for (const row of open) if (row.status === 'open' && at <= Date.parse(row.dueAt)) of(groupKey(row, by)).overdue--;
  return [...groups.entries()]
    .filter(([, t]) => t.assigned > 0)
    .sort(([ka, a], [kb, b]) => b.assigned - a.assigned || (ka < kb ? -1 : 1))
    .map(([k, t]) => ({ ...partyOfGroup(k, by), ...t }));
}

/** The months ('YYYY-MM') a period's first to last month cover. */
export function monthsOf(p: { year: number; firstMonth: number; lastMonth: number }): string[] {
  const out: string[] = [];
  for (let m = p.firstMonth; m <= p.lastMonth; m++) out.push(`${p.year}-${String(m).padStart(2, '0')}`);
  return out;
}

/** The months from one date to another, inclusive ('YYYY-MM-DD' → 'YYYY-MM'). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let k = 0; k < 1200; k++) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    if (s > end) break;
    out.push(s);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

