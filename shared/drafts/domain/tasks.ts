/**
 * The caller's task list (pure): which waiting lists to read for the caller's roles, and the
 * tasks made of the drafts read — what the caller decides (act) and, for the escalation role,
 * the overdue steps to chase (follow-up), each draft once, earliest due first.
 */
import type { DomainConfig, WorkflowStep } from '../../office';
import type { Caller, Role } from '../../platform/security';
import type { Draft } from './model';
import { canViewDraft, fourEyesProblem } from './rules';

/** The waiting lists to read: one per role of the caller; a revision waits for the role within the caller's department. */
export function waitingLists(config: DomainConfig, caller: Pick<Caller, 'roles' | 'dept'>): { role: Role; dept?: string }[] {
  const revisionRole = config.workflow.steps.revision.role;
  return caller.roles.flatMap((role) => (role === revisionRole ? (caller.dept ? [{ role, dept: caller.dept }] : []) : [{ role }]));
}

/** The role whose escalated steps the caller follows up, if the caller has it. */
export function followUpRole(config: DomainConfig, caller: Pick<Caller, 'roles'>): Role | undefined {
  const role = config.workflow.escalationRole;
  return caller.roles.includes(role) ? role : undefined;
}

export type TaskKind = 'act' | 'follow-up';

export interface Task {
  draftId: string;
  step: WorkflowStep;
  role: Role;
  dept?: string;
  dueAt: string;
  overdue: boolean;
  escalated: boolean;
  kind: TaskKind;
  subject: string;
  typeCode: string;
  issuerCode: string;
  round: number;
}

/**
 * The caller's tasks from the drafts waiting for them (`act`: four eyes drop what the caller may
 * not decide) and the drafts escalated to them (`followUp`): only drafts the caller may see, each
 * once (acting before following up), earliest due first.
 */
export function callerTasks(caller: Caller, act: readonly Draft[], followUp: readonly Draft[], now: Date): Task[] {
  const seen = new Set<string>();
  return [
    ...act.filter((d) => d.pendingTask && !fourEyesProblem(d, caller, d.pendingTask.step)).map((d) => ({ d, kind: 'act' as const })),
    ...followUp.map((d) => ({ d, kind: 'follow-up' as const })),
  ]
    .filter(({ d }) => d.pendingTask && canViewDraft(caller, d) && !seen.has(d.id) && seen.add(d.id))
    .map(({ d, kind }) => {
      const t = d.pendingTask!;
      return {
        draftId: d.id,
        step: t.step,
        role: t.role,
        ...(t.dept ? { dept: t.dept } : {}),
        dueAt: t.dueAt,
        overdue: now.getTime() > Date.parse(t.dueAt),
        escalated: t.escalated,
        kind,
        subject: d.subject,
        typeCode: d.typeCode,
        issuerCode: d.issuerCode,
        round: d.round,
      };
    })
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.draftId.localeCompare(b.draftId));
}
