/**
 * Rules of the drafts workflow: who may see a draft, who may decide a step (roles, the drafting
 * department, four eyes), what each decision does to the draft, and what the state machine is told.
 */
import type { DomainConfig, WorkflowStep } from '../../office';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors';
import { canSee, hasAnyRole, OFFICE_ROLES, type Caller } from '../../platform/security';
import type { PrecheckResult } from './precheck';
import { DRAFT_LIMITS, FINAL_STATUSES, type Actor, type Decision, type Draft, type DraftStatus, type HistoryEntry } from './model';
import { stepTiming, WORKFLOW_ERRORS, type RouteSlot, type StepTiming } from './workflow';

export const actorOf = (c: Pick<Caller, 'sub' | 'username'>): Actor => ({ sub: c.sub, username: c.username });

/** Office roles see every draft their clearance covers; a drafting department sees its own. */
export function canViewDraft(viewer: Caller, draft: Pick<Draft, 'secrecy' | 'dept' | 'createdBy'>): boolean {
  if (!canSee(viewer.clearance, draft.secrecy)) return false;
  if (hasAnyRole(viewer, OFFICE_ROLES)) return true;
  return viewer.sub === draft.createdBy.sub || (viewer.roles.includes('ban-tham-muu') && !!viewer.dept && viewer.dept === draft.dept);
}

/** Decisions each step accepts: a revision is resubmitted (approve) or withdrawn (reject), never returned. */
export const STEP_DECISIONS: Record<WorkflowStep, readonly Decision[]> = {
  appraisal: ['approve', 'return', 'reject'],
  revision: ['approve', 'reject'],
  approval: ['approve', 'return', 'reject'],
};

/** The person who approved the appraisal of the current round, if any. */
export function appraiserOf(draft: Pick<Draft, 'history' | 'round'>): Actor | undefined {
  return [...draft.history].reverse().find((h) => h.step === 'appraisal' && h.decision === 'approve' && h.round === draft.round)?.actor;
}

/** Everyone who resubmitted a revision of the draft, in any round: they wrote it as much as the drafter did. */
export function revisersOf(draft: Pick<Draft, 'history'>): Set<string> {
  return new Set(draft.history.filter((h) => h.step === 'revision' && h.decision === 'approve').map((h) => h.actor.sub));
}

/**
 * Throws 403 when the caller may not decide this step of this draft: wrong role, another
 * department's revision, or four eyes (the drafter and whoever resubmitted a revision do not appraise or approve; the appraiser does not approve).
 */
export function assertMayDecide(config: DomainConfig, draft: Draft, caller: Caller, step: WorkflowStep): void {
  const role = config.workflow.steps[step].role;
  if (!caller.roles.includes(role)) {
    throw new ForbiddenError(`The ${step} step is decided by the role ${role}`, [{ path: 'step', message: `needs role ${role}`, required: [role] }], 'WRONG_ROLE');
  }
  if (step === 'revision' && (!caller.dept || caller.dept !== draft.dept)) {
    throw new ForbiddenError(`The revision is done by the drafting department ${draft.dept ?? '(none)'}`, [{ path: 'step', message: 'another department' }], 'WRONG_DEPARTMENT');
  }
  const fourEyes = fourEyesProblem(draft, caller, step);
  if (fourEyes) throw new ForbiddenError(fourEyes, [{ path: 'step', message: fourEyes }], 'FOUR_EYES');
}

/** Why four eyes forbid this caller this step, or undefined. */
export function fourEyesProblem(draft: Draft, caller: Pick<Caller, 'sub'>, step: WorkflowStep): string | undefined {
  if ((step === 'appraisal' || step === 'approval') && caller.sub === draft.createdBy.sub) {
    return `Four eyes: the drafter may not ${step === 'appraisal' ? 'appraise' : 'approve'} their own draft`;
  }
  if ((step === 'appraisal' || step === 'approval') && revisersOf(draft).has(caller.sub)) {
    return `Four eyes: whoever revised (resubmitted) the draft may not ${step === 'appraisal' ? 'appraise' : 'approve'} it`;
  }
  if (step === 'approval' && caller.sub === appraiserOf(draft)?.sub) {
    return 'Four eyes: the person who appraised the draft may not also approve it';
  }
  return undefined;
}

/** Throws 409 unless this step is the one the draft waits for. */
export function assertStepPending(draft: Draft, step: WorkflowStep): void {
  if (FINAL_STATUSES.includes(draft.status)) {
    throw new ConflictError(`The draft is ${draft.status}; no step is pending`, [{ path: 'step', message: `draft is ${draft.status}` }], 'STEP_NOT_PENDING');
  }
  if (draft.pendingTask?.step !== step) {
    const now = draft.pendingTask ? `the pending step is ${draft.pendingTask.step}` : 'no step is pending right now';
    throw new ConflictError(`The ${step} step is not pending: ${now}`, [{ path: 'step', message: now }], 'STEP_NOT_PENDING');
  }
}

export interface DecisionInput {
  step: WorkflowStep;
  decision: Decision;
  comment?: string | null;
  body?: string | null;
}

/** What a decision sends to the waiting task: SendTaskSuccess with the route, or SendTaskFailure. */
export type TaskResponse = { kind: 'success'; output: RouteSlot } | { kind: 'failure'; error: string; cause: string };

export interface DecisionPlan {
  after: Draft;
  entry: HistoryEntry;
  response: TaskResponse;
}

/** Checks the decision's shape against the step (400) and plans the draft after it and the task response. */
export function planDecision(config: DomainConfig, draft: Draft, input: DecisionInput, caller: Caller, now: Date): DecisionPlan {
  const { step, decision } = input;
  const comment = input.comment?.trim() || undefined;
  if (!STEP_DECISIONS[step].includes(decision)) {
    throw new ValidationError(`A ${step} is decided with ${STEP_DECISIONS[step].join(' or ')}, not ${decision}`, [{ path: 'decision', message: `not allowed at ${step}` }]);
  }
  if ((decision === 'return' || decision === 'reject') && !comment) {
    throw new ValidationError(`A ${decision} needs a comment saying why`, [{ path: 'comment', message: 'required when returning or rejecting' }]);
  }
  if (input.body != null && !(step === 'revision' || step === 'appraisal')) {
    throw new ValidationError('The body may only be changed at revision (or format fixes at appraisal)', [{ path: 'body', message: `not accepted at ${step}` }]);
  }
  if (input.body != null && decision === 'reject') {
    throw new ValidationError('A rejected or withdrawn draft keeps its body', [{ path: 'body', message: 'not accepted with reject' }]);
  }
  const at = now.toISOString();
  const bodyChanged = input.body != null && input.body !== draft.body;
  const entry: HistoryEntry = {
    at,
    step,
    actor: actorOf(caller),
    round: draft.round,
    decision,
    ...(comment ? { comment } : {}),
    ...(bodyChanged ? { bodyChanged: true } : {}),
  };
  let status: DraftStatus;
  let response: TaskResponse;
  let round = draft.round;
  let timing: StepTiming | undefined;
  if (decision === 'reject') {
    status = 'rejected';
    response = { kind: 'failure', error: WORKFLOW_ERRORS.rejected, cause: comment ?? decision };
  } else if (step === 'revision') {
    // Resubmitted: a new round starts with the precheck.
    if (draft.round >= DRAFT_LIMITS.rounds) {
      throw new ConflictError('Too many revision rounds; withdraw the draft and submit it afresh', [{ path: 'step', message: 'round limit' }], 'TOO_MANY_ROUNDS');
    }
    status = 'precheck';
    round = draft.round + 1;
    response = { kind: 'success', output: { outcome: 'approve' } };
  } else if (decision === 'return') {
    status = 'revision';
    timing = stepTiming(config, 'revision', now);
    response = { kind: 'success', output: { outcome: 'return', timing } };
  } else if (step === 'appraisal') {
    status = 'approval';
    timing = stepTiming(config, 'approval', now);
    response = { kind: 'success', output: { outcome: 'approve', timing } };
  } else {
    // Approved: issuance follows at once and sets the status to issued.
    status = 'approval';
    response = { kind: 'success', output: { outcome: 'approve' } };
  }
  const after: Draft = {
    ...draft,
    ...(bodyChanged ? { body: input.body! } : {}),
    status,
    round,
    pendingTask: null,
    history: [...draft.history, entry],
    version: draft.version + 1,
    updatedAt: at,
  };
  return { after, entry, response };
}

/**
 * The same person repeating a decision whose delivery to the workflow failed: the claimed
 * token's stored response is sent again (and nothing else changes).
 */
export function isRedelivery(
  token: { status: string; delivered?: boolean; decidedBy?: string; decision?: Decision; response?: TaskResponse } | undefined,
  caller: Pick<Caller, 'sub'>,
  decision: Decision,
): boolean {
  return !!(token?.status === 'decided' && token.delivered === false && token.decidedBy === caller.sub && token.decision === decision && token.response);
}

/** The step had timed out when its decision was sent: the draft as it was before the decision, at the version after it. */
export function restoredAfterUndelivered(before: Draft, decided: Pick<Draft, 'version'>, now: Date): Draft {
  return { ...before, version: decided.version + 1, updatedAt: now.toISOString() };
}

/** Counts findings by severity, for the history line of a precheck. */
export function findingCounts(result: Pick<PrecheckResult, 'findings'>): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) c[f.severity]++;
  return c;
}
