/**
 * The drafts' operations (operationId → use case), for functions/drafts.ts: submit a draft (starts
 * its workflow), read it, decide its pending step (answers the waiting task token), and list the
 * caller's tasks. Moved as it was from the function file; helper "drafts" moves the steps into app/.
 */
import { ulid } from 'ulid';
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors';
import { decodePositionCursor, encodePositionCursor } from '../platform/aws/cursor';
import { canSee, type Caller } from '../identity/domain/identity';
import type { Draft, DraftInput } from './domain/model';
import { actorOf, assertMayDecide, assertStepPending, canViewDraft, fourEyesProblem, planDecision, type DecisionInput, type TaskResponse } from './domain/rules';
import { auditView } from './domain/transitions';
import { executionNameFor } from './domain/workflow';
import type { TaskTokenRecord } from './ports/draft-store';
import { TaskNotWaitingError } from './ports/workflow';
import type { ApiRequest, Operation } from '../platform/http/types';
import type { Clock } from '../platform/clock';
import type { DomainConfig } from '../office/domain/config';
import type { DraftStore } from './ports/draft-store';
import type { Workflow } from './ports/workflow';

type IdParams = { id: string };

export interface DraftsHttpParts {
  drafts: DraftStore;
  workflow: Workflow;
  clock: Clock;
  domainConfig: DomainConfig;
}

/** The draft as a client sees it: everything but the workflow's internals. */
function view(d: Draft) {
  const { executionName: _e, precheck, numberSymbol, outgoingEntryId, ...rest } = d;
  return {
    ...rest,
    precheck: precheck ? { findings: precheck.findings, ok: precheck.ok, at: precheck.at, round: precheck.round } : null,
    ...(numberSymbol ? { numberSymbol } : {}),
    ...(outgoingEntryId ? { outgoingEntryId } : {}),
  };
}

export function draftsOperations(s: DraftsHttpParts): Record<string, Operation> {
  /** The draft if the caller may see it; 404 otherwise (what the caller may not see does not exist for them). */
  async function visibleDraft(id: string, caller: Caller): Promise<Draft> {
    const d = await s.drafts.get(id);
    if (!d || !canViewDraft(caller, d)) throw new NotFoundError(`Draft ${id} not found`);
    return d;
  }

  async function deliver(token: TaskTokenRecord, response: TaskResponse): Promise<void> {
    const { workflow, drafts } = s;
    if (response.kind === 'success') await workflow.sendTaskSuccess(token.token, response.output);
    else await workflow.sendTaskFailure(token.token, response.error, response.cause);
    await drafts.markDelivered(token);
  }

  /** Decides the pending step: 403 (role, department, four eyes), 409 (not pending), then the token is claimed and answered. */
  async function decide(req: ApiRequest<DecisionInput, unknown, IdParams>) {
    const caller = req.caller;
    const { step, decision } = req.body;
    const draft = await visibleDraft(req.params.id, caller);
    assertMayDecide(s.domainConfig, draft, caller, step);
    const token = await s.drafts.getToken(draft.id, step);
    // The same person repeating a decision whose delivery failed: send it again.
    if (token?.status === 'decided' && token.delivered === false && token.decidedBy === caller.sub && token.decision === decision && token.response) {
      await deliver(token, token.response);
      return view((await s.drafts.get(draft.id)) ?? draft);
    }
    assertStepPending(draft, step);
    if (!token || token.status !== 'pending' || token.round !== draft.round) {
      throw new TaskNotWaitingError(`The ${step} step is not waiting for a decision`);
    }
    const plan = planDecision(s.domainConfig, draft, req.body, caller, s.clock.now());
    const audit = { actor: caller, requestId: req.requestId, action: `draft.${step}.${decision}`, before: auditView(draft), after: auditView(plan.after) };
    await s.drafts.recordDecision(draft, plan.after, token, { decision, by: caller.sub, response: plan.response }, audit);
    try {
      await deliver(token, plan.response);
    } catch (err) {
      if (err instanceof TaskNotWaitingError) {
        const restored = { ...draft, version: plan.after.version + 1, updatedAt: s.clock.now().toISOString() };
        await s.drafts.revertDecision(plan.after, restored, token, { ...audit, action: `draft.${step}.undelivered`, before: auditView(plan.after), after: auditView(restored) });
      }
      throw err;
    }
    return view(plan.after);
  }

  return {
    createDraft: async (req: ApiRequest<DraftInput>) => {
      const caller = req.caller;
      if (!caller.dept) throw new ForbiddenError('Only a member of a drafting department (custom:dept) may submit a draft', [], 'NO_DEPARTMENT');
      if (!canSee(caller.clearance, req.body.secrecy ?? null)) {
        throw new ForbiddenError(`Your clearance (${caller.clearance}) does not cover a ${req.body.secrecy} draft`, [{ path: 'secrecy', message: 'above your clearance' }]);
      }
      const now = s.clock.now().toISOString();
      const id = ulid();
      const b = req.body;
      const draft: Draft = {
        id,
        typeCode: b.typeCode,
        issuerCode: b.issuerCode,
        subject: b.subject,
        body: b.body,
        recipients: b.recipients,
        dossier: b.dossier,
        signingForm: b.signingForm ?? null,
        signerTitle: b.signerTitle ?? null,
        secrecy: b.secrecy ?? null,
        urgency: b.urgency ?? null,
        dept: caller.dept,
        status: 'precheck',
        round: 1,
        precheck: null,
        pendingTask: null,
        history: [{ at: now, step: 'submitted', actor: actorOf(caller), round: 1 }],
        numberSymbol: null,
        outgoingEntryId: null,
        executionName: executionNameFor(id),
        version: 1,
        createdAt: now,
        createdBy: actorOf(caller),
        updatedAt: now,
      };
      const audit = { actor: caller, requestId: req.requestId };
      await s.drafts.create(draft, { ...audit, action: 'draft.create', before: null, after: auditView(draft) });
      try {
        await s.workflow.start(draft.executionName, { draftId: id });
      } catch (err) {
        // No workflow, no draft: the client's retry submits it afresh.
        await s.drafts.discard(draft, { ...audit, action: 'draft.discard', before: auditView(draft), after: null });
        throw err;
      }
      return view(draft);
    },

    getDraft: async (req: ApiRequest<unknown, unknown, IdParams>) => view(await visibleDraft(req.params.id, req.caller)),

    decideDraft: async (req: ApiRequest<DecisionInput, unknown, IdParams>) => {
      // The workflow's own writes (a step starting) may move the draft's version under a decision: retry those.
      for (let attempt = 1; ; attempt++) {
        try {
          return await decide(req);
        } catch (err) {
          if (!(err instanceof ConflictError && err.code === 'STALE_VERSION') || attempt >= 3) throw err;
        }
      }
    },

    listTasks: async (req: ApiRequest<unknown, { limit: number; cursor?: string }>) => {
      const caller = req.caller;
      const config = s.domainConfig;
      const revisionRole = config.workflow.steps.revision.role;
      // A revision waits for the drafting department: the role within the caller's department.
      const lists = caller.roles.flatMap((role) => (role === revisionRole ? (caller.dept ? [{ role, dept: caller.dept }] : []) : [{ role }]));
      const escalationRole = config.workflow.escalationRole;
      const [act, followUp] = await Promise.all([
        s.drafts.listWaitingFor(lists, 200),
        caller.roles.includes(escalationRole) ? s.drafts.listEscalatedTo(escalationRole, 200) : Promise.resolve([]),
      ]);
      const now = s.clock.now();
      const seen = new Set<string>();
      const items = [
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
      const offset = decodePositionCursor(req.query.cursor);
      const page = items.slice(offset, offset + req.query.limit);
      return { items: page, nextCursor: encodePositionCursor(offset + page.length, items.length) };
    },
  };
  }
