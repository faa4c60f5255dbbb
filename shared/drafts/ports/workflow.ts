/**
 * Workflow port: starts the appraisal state machine for a draft and answers its waiting human
 * tasks. Cloud: AWS Step Functions (StartExecution, SendTaskSuccess/Failure); embedded: the
 * local runner executing the same synthesized definition.
 */
import { ConflictError } from '../../platform/errors';
import type { ExecutionInput } from '../domain/workflow';

export interface StartedExecution {
  executionArn: string;
  /** False when an execution of this name had already started (a retried start). */
  started: boolean;
}

export interface Workflow {
  /** Starts the execution `name`; starting the same name with the same input again does nothing. */
  start(name: string, input: ExecutionInput): Promise<StartedExecution>;
  /** Completes a waiting task; throws TaskNotWaitingError when the task is no longer waiting. */
  sendTaskSuccess(token: string, output: unknown): Promise<void>;
  sendTaskFailure(token: string, error: string, cause: string): Promise<void>;
}

/** The task behind a token timed out, was already answered, or its execution ended (Step Functions TaskTimedOut / InvalidToken / TaskDoesNotExist). */
export class TaskNotWaitingError extends ConflictError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, [{ path: 'step', message: 'the step is no longer waiting' }], 'STEP_NOT_PENDING');
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
