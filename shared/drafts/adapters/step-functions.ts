/**
 * Workflow on AWS Step Functions: deterministic execution names, task responses by token.
 * The Step Functions SDK is loaded on first use, so that the functions that never start or
 * answer an execution never load it.
 */
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { ExecutionInput } from '../domain/workflow';
import { TaskNotWaitingError, type StartedExecution, type Workflow } from '../ports/workflow';
import { lazily } from '../../platform/aws/lazy';

/** @aws-sdk/client-sfn, loaded on first use. */
export const sfnSdk = lazily(() => import('@aws-sdk/client-sfn'));

// Matched by name, not instanceof: a bundle may hold another copy of the SDK's classes.
const CLOSED = new Set(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']);

export class StepFunctionsWorkflow implements Workflow {
  private readonly client: () => Promise<SFNClient>;

  /** `client`: the SDK client, or how to make it on first use. */
  constructor(
    client: SFNClient | (() => Promise<SFNClient>),
    private readonly stateMachineArn: string,
  ) {
    this.client = typeof client === 'function' ? lazily(client) : () => Promise.resolve(client);
  }

  /** A client with the SDK's defaults and 5 attempts, made on first use. */
  static create(stateMachineArn: string): StepFunctionsWorkflow {
    return new StepFunctionsWorkflow(async () => new (await sfnSdk()).SFNClient({ maxAttempts: 5 }), stateMachineArn);
  }

  async start(name: string, input: ExecutionInput): Promise<StartedExecution> {
    const arn = `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const [{ StartExecutionCommand }, client] = await Promise.all([sfnSdk(), this.client()]);
    try {
      // Same name and same input: Step Functions returns the running execution (idempotent start).
      const r = await client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) }));
      return { executionArn: r.executionArn ?? arn, started: true };
    } catch (err) {
      // Same name, other input, or the execution already ended: it was started before.
      if ((err as Error).name === 'ExecutionAlreadyExists') return { executionArn: arn, started: false };
      throw err;
    }
  }

  async sendTaskSuccess(token: string, output: unknown): Promise<void> {
    const [{ SendTaskSuccessCommand }, client] = await Promise.all([sfnSdk(), this.client()]);
    await this.respond(() => client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) })));
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    const [{ SendTaskFailureCommand }, client] = await Promise.all([sfnSdk(), this.client()]);
    await this.respond(() => client.send(new SendTaskFailureCommand({ taskToken: token, error, cause: cause.slice(0, 32_768) })));
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
