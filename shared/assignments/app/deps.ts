/** What the assignments' use cases need from the world; shared/assignments/index.ts composes it. */
import type { DomainConfig } from '../../office';
import type { AuditLog, AuditInput } from '../../audit';
import type { Clock } from '../../platform/clock';
import type { Notifier } from '../../platform/notify/notifier';
import type { Caller } from '../../platform/security';
import { ValidationError } from '../../platform/errors';
import type { AssignmentStore } from '../ports/assignment-store';
import type { Letters, People } from '../ports/office-records';
import type { Party } from '../domain/model';
import type { Secrecy } from '../../platform/security';
import { canSee } from '../../platform/security';

export interface AssignmentsDeps {
  clock: Clock;
  config: () => DomainConfig;
  audit: AuditLog;
  store: AssignmentStore;
  letters: Letters;
  people: People;
  notifier: Notifier;
}

/** Who acts in the audit events of the scheduled reminder job. */
export const REMINDER_JOB: Caller = { sub: 'system:assignment-reminders', username: 'nhac-viec', roles: [], clearance: 'none' };

export const auditItem = (deps: Pick<AssignmentsDeps, 'audit'>, input: Omit<AuditInput, 'at'>): unknown => deps.audit.prepare(input).transactItem;

/**
 * Checks the people and departments named: a person must exist, be enabled and be cleared for the
 * work's secrecy; a department must be one the office knows. Returns each one's department.
 */
export async function resolveParties(people: People, parties: { party: Party; path: string }[], secrecy: Secrecy | null): Promise<(string | null)[]> {
  const problems: { path: string; message: string }[] = [];
  let depts: Set<string> | undefined;
  const out: (string | null)[] = [];
  for (const { party, path } of parties) {
    if ('user' in party) {
      const p = await people.get(party.user);
      if (!p || !p.enabled) problems.push({ path: `${path}.user`, message: `no person "${party.user}" in the office` });
      else if (!canSee(p.clearance, secrecy)) problems.push({ path: `${path}.user`, message: `${party.user} has no clearance for this work's secrecy (${secrecy})` });
      out.push(p?.dept ?? null);
    } else {
      depts ??= await people.departments();
      if (!depts.has(party.dept)) problems.push({ path: `${path}.dept`, message: `no department "${party.dept}"; known: ${[...depts].sort().join(', ')}` });
      out.push(party.dept);
    }
  }
  if (problems.length) throw new ValidationError(`Invalid assignment: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
  return out;
}
