/**
 * The drafts capability's public entry: what functions, the embedded runtime, infra and other
 * modules may use. Its routes and schemas are the module's other public face (shared/drafts/routes.ts,
 * read by the route table), kept out of this entry so that the workflow's task bundles do not
 * carry the API's schemas.
 */
// The draft and its workflow's contract with the state machine (infra builds the machine from these names).
export { DECISIONS, DRAFT_LIMITS, DRAFT_STATUSES, FINAL_STATUSES, SYSTEM_ACTOR } from './domain/model';
export type { Actor, Decision, DossierItem, Draft, DraftInput, DraftStatus, HistoryEntry, PendingTask } from './domain/model';
export { executionNameFor, LAMBDA_SERVICE_ERRORS, TRANSIENT_ERRORS, WORKFLOW_ERRORS } from './domain/workflow';
export type { EscalationEvent, ExecutionInput, HumanTaskEvent, IssuanceEvent, Outcome, PrecheckEvent, RouteSlot, StepTiming } from './domain/workflow';
export type { DecisionInput, TaskResponse } from './domain/rules';
export { WORKFLOW_CALLER, type OutgoingRequest } from './domain/transitions';
export type { ClientDraft } from './domain/view';
export type { Task, TaskKind } from './domain/tasks';

// Ports.
export type { DraftStore, TaskTokenRecord } from './ports/draft-store';
export { TaskNotWaitingError, type StartedExecution, type Workflow } from './ports/workflow';
export type { OutgoingRegister } from './ports/outgoing-register';

// Use cases.
export { DraftService, type DraftsDeps } from './app/draft-service';
export { EscalateStep, IssueDraft, RunPrecheck, StartHumanTask, type WorkflowTaskDeps } from './app/workflow-tasks';

// Adapters, for whoever composes the use cases.
export { DynamoDraftStore } from './adapters/dynamo-draft-store';
export { StepFunctionsWorkflow } from './adapters/step-functions';

import type { Platform } from '../platform/platform';
import type { AuditLog } from '../audit';
import { DynamoDraftStore } from './adapters/dynamo-draft-store';

/** The draft store on the Data table (the workflow is the edge's). */
export function draftsModule(platform: Platform, ports: { audit: AuditLog }): DynamoDraftStore {
  return new DynamoDraftStore(platform.db, platform.table('Data'), ports.audit);
}
