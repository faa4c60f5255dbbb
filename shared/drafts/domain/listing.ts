/**
 * The list of drafts a caller may see (pure): which list to read (every draft, or one drafting
 * department's), up to which secrecy, and what an item of the list shows. The same rule as
 * reading one draft (rules.ts canViewDraft): office roles see every draft their clearance covers;
 * a drafting department sees its own; anyone else sees none.
 */
import { CLEARANCES, hasAnyRole, OFFICE_ROLES, type Caller, type Clearance, type Secrecy } from '../../platform/security';
import type { Draft, DraftStatus } from './model';

/** Which list of drafts to read: the office's (`dept` absent) or one department's. */
export interface DraftListScope {
  dept?: string;
  /** The highest secrecy rank the caller may see (0 none … 3 tuyệt mật). */
  maxRank: number;
}

/** A secrecy level's rank: 0 for an unclassified draft, 1 Mật, 2 Tối mật, 3 Tuyệt mật. */
export const secrecyRank = (s: Clearance | Secrecy | null | undefined): number => CLEARANCES.indexOf(s ?? 'none');

/** The list the caller reads, or null when the caller may see no draft by listing. */
export function draftListScope(caller: Pick<Caller, 'roles' | 'dept' | 'clearance'>): DraftListScope | null {
  const maxRank = secrecyRank(caller.clearance);
  if (hasAnyRole(caller, OFFICE_ROLES)) return { maxRank };
  if (caller.roles.includes('ban-tham-muu') && caller.dept) return { dept: caller.dept, maxRank };
  return null;
}

/** The statuses a draft waits in (not final): what the overview counts. */
export const OPEN_STATUSES = ['precheck', 'appraisal', 'revision', 'approval'] as const satisfies readonly DraftStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/** A draft as a list shows it: no body, dossier, precheck findings or history. */
export function summaryOf(d: Draft) {
  return {
    id: d.id,
    status: d.status,
    typeCode: d.typeCode,
    issuerCode: d.issuerCode,
    subject: d.subject,
    secrecy: d.secrecy,
    urgency: d.urgency,
    dept: d.dept,
    round: d.round,
    pendingTask: d.pendingTask,
    ...(d.numberSymbol ? { numberSymbol: d.numberSymbol } : {}),
    createdAt: d.createdAt,
    createdBy: d.createdBy,
    updatedAt: d.updatedAt,
    version: d.version,
  };
}

export type DraftSummary = ReturnType<typeof summaryOf>;

/** Counts of the drafts in each open status, with their total. */
export interface DraftCounts {
  byStatus: Record<OpenStatus, number>;
  /** Drafts waiting for a step (in an open status): the sum of the counts. */
  waiting: number;
}

/** The counts read per open status (a status not read counts 0). */
export function countsOf(read: Partial<Record<OpenStatus, number>>): DraftCounts {
  const byStatus = Object.fromEntries(OPEN_STATUSES.map((s) => [s, read[s] ?? 0])) as Record<OpenStatus, number>;
  return { byStatus, waiting: OPEN_STATUSES.reduce((n, s) => n + byStatus[s], 0) };
}
