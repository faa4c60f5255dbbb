/**
 * Đánh giá: per person or per department, of the work given in a period (tháng, quý, năm): how much
 * was given, done on time, done late, still open, overdue now, and the extensions granted.
 *
 * Done work no longer changes with time, so it is kept as running totals per month, group and
 * secrecy (`AggRow`, moved by each write by the difference it makes: `aggregateDeltas`); open work
 * is overdue or not depending on the moment of reading, so it is kept one slim row each (`StatRow`)
 * and counted when read. A year's stats read those totals and the open rows, never the assignments.
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
  extensions: number;
}

export type AggDelta = Omit<AggRow, 'assigned' | 'doneOnTime' | 'doneLate' | 'extensions'> & Pick<AggRow, 'assigned' | 'doneOnTime' | 'doneLate' | 'extensions'>;

const deptOf = (a: Pick<Assignment, 'assignee' | 'assigneeDept'>): string | null => ('dept' in a.assignee ? a.assignee.dept : (a.assigneeDept ?? null));
const groupKey = (a: Pick<Assignment, 'assignee' | 'assigneeDept'>, by: StatsBy) => (by === 'user' ? partyKey(a.assignee) : `d:${deptOf(a) ?? ''}`);
export const aggKey = (r: Pick<AggRow, 'month' | 'by' | 'group' | 'secrecy'>) => `${r.month}|${r.by}|${r.group}|${r.secrecy ?? '-'}`;

/** What a done assignment adds to the totals (nothing while open). */
function contributions(a: Assignment | null): AggDelta[] {
  if (!a || a.status !== 'done') return [];
  const month = a.assignedDate.slice(0, 7);
  return (['user', 'dept'] as const).map((by) => ({ month, by, group: groupKey(a, by), secrecy: a.secrecy, assigned: 1, doneOnTime: a.onTime ? 1 : 0, doneLate: a.onTime ? 0 : 1, extensions: a.extensions }));
}

/** The changes a write makes to the totals: after's contributions minus before's, the ones that change something. */
export function aggregateDeltas(before: Assignment | null, after: Assignment): AggDelta[] {
  const out = new Map<string, AggDelta>();
  const add = (d: AggDelta, sign: 1 | -1) => {
    const k = aggKey(d);
    const cur = out.get(k) ?? { ...d, assigned: 0, doneOnTime: 0, doneLate: 0, extensions: 0 };
    for (const f of ['assigned', 'doneOnTime', 'doneLate', 'extensions'] as const) cur[f] += sign * d[f];
    out.set(k, cur);
  };
  for (const d of contributions(before)) add(d, -1);
  for (const d of contributions(after)) add(d, 1);
  return [...out.values()].filter((d) => d.assigned || d.doneOnTime || d.doneLate || d.extensions);
}

const empty = (): Tally => ({ assigned: 0, doneOnTime: 0, doneLate: 0, open: 0, overdue: 0, extensions: 0 });
const partyOfGroup = (group: string, by: StatsBy): { user: string } | { dept: string | null } =>
  by === 'user' && group.startsWith('u:') ? { user: group.slice(2) } : { dept: group.slice(2) || null };

/** Tallies the done totals and the open rows (already limited to what the reader may see), one line per group, busiest first. */
export function tally(done: readonly AggRow[], open: readonly StatRow[], by: StatsBy, now: Date): StatLine[] {
  const groups = new Map<string, Tally>();
  const of = (key: string) => {
    let t = groups.get(key);
    if (!t) groups.set(key, (t = empty()));
    return t;
  };
  for (const r of done) {
    if (r.by !== by) continue;
    const t = of(r.group);
    t.assigned += r.assigned;
    t.doneOnTime += r.doneOnTime;
    t.doneLate += r.doneLate;
    t.extensions += r.extensions;
  }
  const at = now.getTime();
  for (const row of open) {
    if (row.status !== 'open') continue;
    const t = of(groupKey(row, by));
    t.assigned++;
    t.open++;
    t.extensions += row.extensions ?? 0;
    if (at > Date.parse(row.dueAt)) t.overdue++;
  }
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

