/**
 * The contract between the appraisal state machine and the code it calls: the execution's
 * input, the routing slot `$.route` each task writes, the events the task Lambdas receive,
 * and the error names the machine catches or retries. CDK builds the machine from these names,
 * so the handlers and the definition cannot drift apart.
 */
import type { DomainConfig, WorkflowStep } from '../../office';
import { humanStepDueAt } from '../../office';
import type { Role } from '../../platform/security';

/** Input of an execution: one per draft, named deterministically (see executionNameFor). */
export interface ExecutionInput {
  draftId: string;
}

/** When a human step is due; the state machine times the step out from `timeoutSeconds` (TimeoutSecondsPath). */
export interface StepTiming {
  step: WorkflowStep;
  role: Role;
  dueAt: string;
  timeoutSeconds: number;
  /** The step was already extended once after its first timeout. */
  escalated: boolean;
}

/**
 * `$.route`: what the last task decided and, when a human step comes next, its timing.
 * - Precheck: `ok` (to appraisal) or `errors` (to revision).
 * - Appraisal / approval (SendTaskSuccess output): `approve` or `return`; revision: `approve` (resubmitted).
 * - Escalation: `extended` (back to the same step) or `expired`.
 */
export type Outcome = 'ok' | 'errors' | 'approve' | 'return' | 'extended' | 'expired';
export interface RouteSlot {
  outcome: Outcome;
  timing?: StepTiming;
}

/** Events of the task Lambdas (the `Payload` the state machine sends). */
export interface PrecheckEvent {
  draftId: string;
}
export interface HumanTaskEvent {
  /** The task token ($$.Task.Token): stored in DynamoDB, never shown to a client. */
  token: string;
  draftId: string;
  timing: StepTiming;
}
export interface EscalationEvent {
  draftId: string;
  timing: StepTiming;
  error?: { Error?: string; Cause?: string };
}
export interface IssuanceEvent {
  draftId: string;
}

/** Error names the machine routes on. SendTaskFailure with `rejected` ends the draft as rejected. */
export const WORKFLOW_ERRORS = {
  rejected: 'Draft.Rejected',
  expired: 'Draft.Expired',
  invalidOutcome: 'Draft.InvalidOutcome',
  timeout: 'States.Timeout',
} as const;

/**
 * Transient errors a task Lambda lets through with their original names (the AWS SDK's),
 * so that the state machine's Retry matches them; anything else is not retried.
 */
export const TRANSIENT_ERRORS = [
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'TransactionInProgressException',
  'TransactionCanceledException',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableError',
  'ThrottledError',
  'TimeoutError',
] as const;

/** Lambda service errors (the invoke itself failed): always safe to retry. */
export const LAMBDA_SERVICE_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.ClientExecutionTimeoutException',
] as const;

/** The execution of a draft: Step Functions names are unique per state machine, so a retried start cannot run twice. */
export function executionNameFor(draftId: string): string {
  return `draft-${draftId}`;
}

/** Timing of a human step that starts now (working days from the configuration, holidays skipped). */
export function stepTiming(config: DomainConfig, step: WorkflowStep, now: Date, escalated = false): StepTiming {
  const { role, dueAt } = humanStepDueAt(config, step, now);
  return { step, role, dueAt: dueAt.toISOString(), timeoutSeconds: secondsUntil(dueAt, now), escalated };
}

/** The one extension after a step's first timeout: as many working days again, counted from now. */
export function extendedTiming(config: DomainConfig, timing: StepTiming, now: Date): StepTiming {
  return stepTiming(config, timing.step, now, true);
}

/** Whole seconds from now until an instant, at least 1 (Step Functions needs a positive timeout). */
export function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}
