/** The drafts capability's use cases, made from their ports (chosen by whoever composes them). */
import type { Clock } from '../../platform/clock';
import type { DomainConfig } from '../../office/domain/config';
import type { DraftStore } from '../ports/draft-store';
import type { OutgoingRegister } from '../ports/outgoing-register';
import type { Workflow } from '../ports/workflow';
import { DraftService } from './draft-service';
import { EscalateStep, IssueDraft, RunPrecheck, StartHumanTask } from './workflow-tasks';

export interface DraftsApp {
  /** The drafts API: submit, view, decide, tasks. */
  drafts: DraftService;
  /** The workflow's task Lambdas. */
  precheck: RunPrecheck;
  humanTask: StartHumanTask;
  escalation: EscalateStep;
  issuance: IssueDraft;
}

export function createDraftsApp(deps: { drafts: DraftStore; workflow: Workflow; registers: OutgoingRegister; clock: Clock; config: () => DomainConfig }): DraftsApp {
  return {
    drafts: new DraftService(deps),
    precheck: new RunPrecheck(deps),
    humanTask: new StartHumanTask(deps),
    escalation: new EscalateStep(deps),
    issuance: new IssueDraft(deps),
  };
}

export { DraftService, type DraftsDeps } from './draft-service';
export { EscalateStep, IssueDraft, RunPrecheck, StartHumanTask, type WorkflowTaskDeps } from './workflow-tasks';
