/**
 * The drafts API's use cases: submit a draft (and start its workflow), read it, decide its
 * pending step (claim the step's task token, then answer it), and list the caller's tasks.
 */
import { ulid } from 'ulid';
import type { Clock } from '../../platform/clock';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { decodePositionCursor, encodePositionCursor } from '../../platform/aws/cursor';
import type { DomainConfig } from '../../office';
import type { Caller } from '../../platform/security';
import type { Draft, DraftInput, DraftStatus } from '../domain/model';
import { countsOf, draftListScope, OPEN_STATUSES, type DraftCounts, type DraftSummary } from '../domain/listing';
import { assertMayDecide, assertStepPending, canViewDraft, isRedelivery, planDecision, restoredAfterUndelivered, type DecisionInput, type TaskResponse } from '../domain/rules';
import { assertMaySubmit, newDraft } from '../domain/submission';
import { callerTasks, followUpRole, waitingLists, type Task } from '../domain/tasks';
import { auditView } from '../domain/transitions';
import { clientView, type ClientDraft } from '../domain/view';
import type { DraftStore, TaskTokenRecord } from '../ports/draft-store';
import { TaskNotWaitingError, type Workflow } from '../ports/workflow';

export interface DraftsDeps {
  drafts: DraftStore;
  workflow: Workflow;
  clock: Clock;
  /** The office's configuration (steps' roles and deadlines, the escalation role). */
  config: () => DomainConfig;
}

/** How many drafts each waiting list is read to, for a caller's tasks. */
const TASK_LIST_READ = 200;
/** Attempts of a decision whose draft the workflow's own writes moved in between (STALE_VERSION). */
const DECISION_ATTEMPTS = 3;

export class DraftService {
  constructor(private readonly deps: DraftsDeps) {}

  /** Stores the draft and starts its workflow; when the workflow cannot start, the draft is removed (the client's retry submits it afresh). */
  async submit(caller: Caller, input: DraftInput, requestId?: string): Promise<ClientDraft> {
    assertMaySubmit(caller, input);
    const { drafts, workflow, clock } = this.deps;
    const draft = newDraft(ulid(), input, caller, clock.now());
    const audit = { actor: caller, requestId };
    await drafts.create(draft, { ...audit, action: 'draft.create', before: null, after: auditView(draft) });
    try {
      await workflow.start(draft.executionName, { draftId: draft.id });
    } catch (err) {
      await drafts.discard(draft, { ...audit, action: 'draft.discard', before: auditView(draft), after: null });
      throw err;
    }
    return clientView(draft);
  }

  /** The draft as the caller sees it; 404 when the caller may not see it. */
  async get(caller: Caller, id: string): Promise<ClientDraft> {
    return clientView(await this.visible(caller, id));
  }

  /** Decides the pending step: 403 (role, department, four eyes), 409 (not pending), then the token is claimed and answered. */
  async decide(caller: Caller, id: string, input: DecisionInput, requestId?: string): Promise<ClientDraft> {
    // The workflow's own writes (a step starting) may move the draft's version under a decision: retry those.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.decideOnce(caller, id, input, requestId);
      } catch (err) {
        if (!(err instanceof ConflictError && err.code === 'STALE_VERSION') || attempt >= DECISION_ATTEMPTS) throw err;
      }
    }
  }

  /** The caller's pending steps (and, for the escalation role, the overdue ones to chase), a page at the cursor's position. */
  async tasks(caller: Caller, q: { limit: number; cursor?: string | undefined }): Promise<{ items: Task[]; nextCursor: string | null }> {
    const { drafts, clock, config } = this.deps;
    const role = followUpRole(config(), caller);
    const [act, followUp] = await Promise.all([
      drafts.listWaitingFor(waitingLists(config(), caller), TASK_LIST_READ),
      role ? drafts.listEscalatedTo(role, TASK_LIST_READ) : Promise.resolve([]),
    ]);
    const items = callerTasks(caller, act, followUp, clock.now());
    const offset = decodePositionCursor(q.cursor);
    const page = items.slice(offset, offset + q.limit);
    return { items: page, nextCursor: encodePositionCursor(offset + page.length, items.length) };
  }

  /** The drafts the caller may see (the office's, or their department's), newest first, a page at the cursor. */
  async list(caller: Caller, q: { status?: DraftStatus | undefined; limit: number; cursor?: string | undefined }): Promise<{ items: DraftSummary[]; nextCursor: string | null }> {
    const scope = draftListScope(caller);
    if (!scope) return { items: [], nextCursor: null };
    const page = await this.deps.drafts.listPage({ scope, limit: q.limit, ...(q.status ? { status: q.status } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) });
    // The list's rule is the single draft's: what the store read is checked again with it.
    return { items: page.items.filter((d) => canViewDraft(caller, d)), nextCursor: page.nextCursor };
  }

  /** How many of the drafts the caller may see wait in each open status. */
  async counts(caller: Caller): Promise<DraftCounts> {
    const scope = draftListScope(caller);
    return countsOf(scope ? await this.deps.drafts.countByStatus(scope, OPEN_STATUSES) : {});
  }

  /** The draft if the caller may see it; 404 otherwise (what the caller may not see does not exist for them). */
  private async visible(caller: Caller, id: string): Promise<Draft> {
    const d = await this.deps.drafts.get(id);
    if (!d || !canViewDraft(caller, d)) throw new NotFoundError(`Draft ${id} not found`);
    return d;
  }

  private async decideOnce(caller: Caller, id: string, input: DecisionInput, requestId?: string): Promise<ClientDraft> {
    const { drafts, clock, config } = this.deps;
    const { step, decision } = input;
    const draft = await this.visible(caller, id);
    assertMayDecide(config(), draft, caller, step);
    const token = await drafts.getToken(draft.id, step);
    if (isRedelivery(token, caller, decision)) {
      await this.deliver(token!, token!.response!);
      return clientView((await drafts.get(draft.id)) ?? draft);
    }
    assertStepPending(draft, step);
    if (!token || token.status !== 'pending' || token.round !== draft.round) {
      throw new TaskNotWaitingError(`The ${step} step is not waiting for a decision`);
    }
    const plan = planDecision(config(), draft, input, caller, clock.now());
    const audit = { actor: caller, requestId, action: `draft.${step}.${decision}`, before: auditView(draft), after: auditView(plan.after) };
    await drafts.recordDecision(draft, plan.after, token, { decision, by: caller.sub, response: plan.response }, audit);
    try {
      await this.deliver(token, plan.response);
    } catch (err) {
      if (err instanceof TaskNotWaitingError) {
        const restored = restoredAfterUndelivered(draft, plan.after, clock.now());
        await drafts.revertDecision(plan.after, restored, token, { ...audit, action: `draft.${step}.undelivered`, before: auditView(plan.after), after: auditView(restored) });
      }
      throw err;
    }
    return clientView(plan.after);
  }

  /** Answers the step's waiting task with the decision's response, then marks the token delivered. */
  private async deliver(token: TaskTokenRecord, response: TaskResponse): Promise<void> {
    const { workflow, drafts } = this.deps;
    if (response.kind === 'success') await workflow.sendTaskSuccess(token.token, response.output);
    else await workflow.sendTaskFailure(token.token, response.error, response.cause);
    await drafts.markDelivered(token);
  }
}
