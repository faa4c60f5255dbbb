/**
 * The embedded runtime's Workflow: the local runner (local/workflow) registers itself here when
 * it starts, so that the handlers reach it through the composition root without this module
 * importing the runner (and aws-local-stepfunctions) into a Lambda bundle.
 */
import type { ExecutionInput } from '../domain/workflow';
import type { StartedExecution, Workflow } from '../ports/workflow';

let current: Workflow | undefined;

/** Called by the local runner when it starts (and with undefined when it stops). */
export function registerLocalWorkflow(w: Workflow | undefined): void {
  current = w;
}

/** Delegates to whichever runner is registered at call time. */
export class LocalWorkflow implements Workflow {
  private runner(): Workflow {
    if (!current) throw new Error('DAUMOI_WORKFLOW_MODE is local but no local workflow runner is running in this process');
    return current;
  }
  start(name: string, input: ExecutionInput): Promise<StartedExecution> {
    return this.runner().start(name, input);
  }
  sendTaskSuccess(token: string, output: unknown): Promise<void> {
    return this.runner().sendTaskSuccess(token, output);
  }
  sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    return this.runner().sendTaskFailure(token, error, cause);
  }
}
