/** The counts of a register's year (GET /v1/registers/{register}/counts), from the entries a viewer may see. */
import { incomingOverdue } from './incoming';
import type { IncomingStatus, RegisterName } from './model';

export interface RegisterCounts {
  register: RegisterName;
  year: number;
  total: number;
  byStatus: Record<string, number>;
  /** Incoming: past their due time and not done. */
  overdue: number;
  /** Incoming: per book ('normal', 'secret'). Outgoing: per type code. */
  byGroup: Record<string, number>;
}

/** What counting needs of an entry. */
export interface CountRow {
  status: string;
  book?: string;
  typeCode?: string;
  dueAt?: string | null;
}

export const emptyCounts = (register: RegisterName, year: number): RegisterCounts => ({ register, year, total: 0, byStatus: {}, overdue: 0, byGroup: {} });

/** Adds entries to the counts (in place, so a register read page by page is counted as it comes). */
export function tally(counts: RegisterCounts, rows: Iterable<CountRow>, now: Date): RegisterCounts {
  for (const row of rows) {
    counts.total++;
    const status = String(row.status);
    counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
    const group = String(counts.register === 'incoming' ? row.book : row.typeCode);
    counts.byGroup[group] = (counts.byGroup[group] ?? 0) + 1;
    if (counts.register === 'incoming' && incomingOverdue({ status: row.status as IncomingStatus, dueAt: row.dueAt ?? null }, now)) counts.overdue++;
  }
  return counts;
}
