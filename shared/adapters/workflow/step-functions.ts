/** Workflow on AWS Step Functions: deterministic execution names, task responses by token. */
import { SendTaskFailureCommand, SendTaskSuccessCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { ExecutionInput } from '../../domain/drafts/workflow';
import { TaskNotWaitingError, type StartedExecution, type Workflow } from '../../ports/workflow';

// Matched by name, not instanceof: a bundle may hold another copy of the SDK's classes.
const CLOSED = new Set(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']);

export class StepFunctionsWorkflow implements Workflow {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(name: string, input: ExecutionInput): Promise<StartedExecution> {
    const arn = `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    try {
      // Same name and same input: Step Functions returns the running execution (idempotent start).
      const r = await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) }));
      return { executionArn: r.executionArn ?? arn, started: true };
    } catch (err) {
      // Same name, other input, or the execution already ended: it was started before.
      if ((err as Error).name === 'ExecutionAlreadyExists') return { executionArn: arn, started: false };
      throw err;
    }
  }

  async sendTaskSuccess(token: string, output: unknown): Promise<void> {
    await this.respond(() => this.client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) })));
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    await this.respond(() => this.client.send(new SendTaskFailureCommand({ taskToken: token, error, cause: cause.slice(0, 32_768) })));
  }

  private async respond(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (err) {
      if (CLOSED.has((err as Error).name)) throw new TaskNotWaitingError(`The task is no longer waiting (${(err as Error).name})`, { cause: err });
      throw err;
    }
  }
}
