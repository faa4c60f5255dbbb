/**
 * Đánh giá: per person or per department, of the work given in a period (tháng, quý, năm): how much
 * was given, done on time, done late, still open, overdue now, and the extensions granted.
 */
import type { StatRow } from '../ports/assignment-store';
import { partyKey, type Party } from './model';

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

const empty = (): Tally => ({ assigned: 0, doneOnTime: 0, doneLate: 0, open: 0, overdue: 0, extensions: 0 });

/** The group a row counts in: its assignee (by user), or its department (by dept; a person without one counts under null). */
function groupOf(row: StatRow, by: 'user' | 'dept'): { key: string; party: { user: string } | { dept: string | null } } {
  if (by === 'user') return { key: partyKey(row.assignee), party: row.assignee as Party };
  const dept = 'dept' in row.assignee ? row.assignee.dept : (row.assigneeDept ?? null);
  return { key: `d:${dept ?? ''}`, party: { dept } };
}

/** Tallies the rows (already limited to what the reader may see), one line per group, busiest first. */
export function tally(rows: readonly StatRow[], by: 'user' | 'dept', now: Date): StatLine[] {
  const groups = new Map<string, { party: { user: string } | { dept: string | null }; t: Tally }>();
  const t = now.getTime();
  for (const row of rows) {
    const { key, party } = groupOf(row, by);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { party, t: empty() }));
    g.t.assigned++;
    g.t.extensions += row.extensions ?? 0;
    if (row.status === 'done') g.t[row.onTime ? 'doneOnTime' : 'doneLate']++;
    else {
      g.t.open++;
      if (t > Date.parse(row.dueAt)) g.t.overdue++;
    }
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => b.t.assigned - a.t.assigned || (ka < kb ? -1 : 1))
    .map(([, g]) => ({ ...g.party, ...g.t }));
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
