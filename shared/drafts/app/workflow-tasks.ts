/**
 * The use cases of the appraisal workflow's task Lambdas: the precheck, a human step starting
 * (its task token stored), a step timing out (escalated once, then expired), and issuance (the
 * outgoing number taken through the registers). Each takes only the ports it needs, so that a
 * task's function composes no more than that.
 */
import type { Clock } from '../../platform/clock';
import { NotFoundError } from '../../platform/errors';
import type { DomainConfig } from '../../office';
import { applyIssued, applyPrecheck, applyTaskStarted, applyTimeout, auditView, issuedResult, outgoingRequest, WORKFLOW_CALLER } from '../domain/transitions';
import type { EscalationEvent, HumanTaskEvent, IssuanceEvent, PrecheckEvent, RouteSlot } from '../domain/workflow';
import type { DraftStore, TaskTokenRecord } from '../ports/draft-store';
import type { OutgoingRegister } from '../ports/outgoing-register';

export interface WorkflowTaskDeps {
  drafts: DraftStore;
  clock: Clock;
  config: () => DomainConfig;
}

/** Precheck: runs the automated precheck on the draft as it stands and routes it to appraisal or revision. */
export class RunPrecheck {
  constructor(private readonly deps: WorkflowTaskDeps) {}

  run(event: PrecheckEvent): Promise<RouteSlot> {
    const { drafts, clock, config } = this.deps;
    return drafts.mutate(event.draftId, (d) => {
      const { after, route } = applyPrecheck(config(), d, clock.now());
      return { after, value: route };
    });
  }
}

/**
 * A human step starts (`.waitForTaskToken`): stores the step's task token, keyed by draft and
 * step, and shows the draft as waiting for that step. The execution waits until a decision
 * answers the token, or the step times out.
 */
export class StartHumanTask {
  constructor(private readonly deps: WorkflowTaskDeps) {}

  async run(event: HumanTaskEvent): Promise<{ stored: boolean }> {
    const { drafts, clock, config } = this.deps;
    const now = clock.now();
    // Invoked again for the same token (a retried or replayed start): already stored, change nothing.
    const stored = await drafts.getToken(event.draftId, event.timing.step);
    if (stored?.token === event.token) return { stored: true };
    return drafts.mutate<{ stored: boolean }>(event.draftId, (d) => {
      const after = applyTaskStarted(config(), d, event.timing, now);
      if (!after) return { value: { stored: false } };
      const token: TaskTokenRecord = {
        draftId: d.id,
        step: event.timing.step,
        token: event.token,
        status: 'pending',
        round: d.round,
        dueAt: event.timing.dueAt,
        createdAt: now.toISOString(),
      };
      return { after, token, value: { stored: true } };
    });
  }
}

/**
 * A human step timed out (States.Timeout): its token is closed; the first time the step is
 * escalated to the escalation role and extended once, the second time the draft expires.
 */
export class EscalateStep {
  constructor(private readonly deps: WorkflowTaskDeps) {}

  async run(event: EscalationEvent): Promise<RouteSlot> {
    const { drafts, clock, config } = this.deps;
    const now = clock.now();
    await drafts.closeToken(event.draftId, event.timing.step);
    return drafts.mutate(event.draftId, (d) => {
      const { after, route } = applyTimeout(config(), d, event.timing, now);
      if (!after) return { value: route };
      const action = route.outcome === 'expired' ? 'draft.expire' : 'draft.escalate';
      return { after, audit: { actor: WORKFLOW_CALLER, action, before: auditView(d), after: auditView(after), at: now }, value: route };
    });
  }
}

/**
 * Issuance (ban hành): takes the outgoing number through the registers (keyed by the draft, so a
 * retried issuance gets the same number back), then marks the draft issued with its number symbol.
 */
export class IssueDraft {
  constructor(private readonly deps: Omit<WorkflowTaskDeps, 'config'> & { registers: OutgoingRegister }) {}

  async run(event: IssuanceEvent): Promise<{ numberSymbol: string; outgoingEntryId: string }> {
    const { drafts, registers, clock } = this.deps;
    const draft = await drafts.get(event.draftId);
    if (!draft) throw new NotFoundError(`Draft ${event.draftId} not found`);
    const already = issuedResult(draft);
    if (already) return already;
    const { entry } = await registers.allocateOutgoing(outgoingRequest(draft), { actor: WORKFLOW_CALLER, idempotencyKey: `draft#${draft.id}` });
    const issued = { numberSymbol: entry.numberSymbol, outgoingEntryId: entry.id };
    const now = clock.now();
    await drafts.mutate(
      draft.id,
      (d) => {
        const after = applyIssued(d, issued, now);
        return after ? { after, audit: { actor: WORKFLOW_CALLER, action: 'draft.issue', before: auditView(d), after: auditView(after), at: now }, value: undefined } : { value: undefined };
      },
      draft,
    );
    return issued;
  }
}
