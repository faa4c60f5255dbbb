/** Giao việc in the console: the API's shapes, and how a person or a department is written and read back. */
import type { Schemas } from './api/client';

export type Assignment = Schemas['Assignment'];
export type AssignmentTask = Schemas['AssignmentTask'];
export type Party = Schemas['AssignmentParty'];
export type StatsBy = 'user' | 'dept';

/** A person by user name, a department by its code (BTCTU). */
export function partyText(p: Party | { dept: string | null } | { user: string }): string {
  if ('user' in p) return p.user;
  return p.dept ? `Phòng/ban ${p.dept}` : 'Chưa thuộc phòng/ban nào';
}

/** What a leader types: a department code in capitals (BTCTU), else a user name (chuyenvien). */
export function parseParty(text: string): Party | null {
  const t = text.trim();
  if (!t) return null;
  return /^[\p{Lu}\d-]+$/u.test(t) ? { dept: t } : { user: t };
}

/** A comma- or line-separated list of people and departments. */
export function parseParties(text: string): Party[] {
  return text
    .split(/[,;\n]/)
    .map(parseParty)
    .filter((p): p is Party => p !== null);
}

export const ROLE_LABELS: Record<'lead' | 'cooperating', string> = { lead: 'Chủ trì', cooperating: 'Phối hợp' };
