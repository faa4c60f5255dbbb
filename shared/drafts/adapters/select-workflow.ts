/**
 * Chooses the Workflow adapter from configuration: `DAUMOI_WORKFLOW_MODE=local` in the embedded
 * runtime (set by its workflow plugin), Step Functions otherwise (`DAUMOI_STATE_MACHINE_ARN`;
 * its SDK is loaded when the first execution is started or answered).
 */
import { ENV, optionalEnv, requireEnv } from '../../platform/env';
import type { Workflow } from '../ports/workflow';
import { LocalWorkflow } from './local-workflow';
import { StepFunctionsWorkflow } from './step-functions';

export const WORKFLOW_MODE_ENV = 'DAUMOI_WORKFLOW_MODE';

export function buildWorkflow(): Workflow {
  const mode = optionalEnv(WORKFLOW_MODE_ENV, 'stepfunctions');
  if (mode === 'local') return new LocalWorkflow();
  if (mode !== 'stepfunctions') throw new Error(`${WORKFLOW_MODE_ENV} must be "stepfunctions" or "local", got "${mode}"`);
  return StepFunctionsWorkflow.create(requireEnv(ENV.stateMachineArn));
}
