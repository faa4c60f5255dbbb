/**
 * The embedded Step Functions: runs the synthesized appraisal definition with
 * aws-local-stepfunctions and supplies what the library lacks.
 * Over 400 lines because the four things below share one execution record and one replay loop;
 * apart, each would need the others' state.
 *
 * - `.waitForTaskToken`: a human Task's override makes a task token, invokes the same Lambda
 *   the cloud invokes (which stores the token in DynamoDB) and waits for SendTaskSuccess/Failure.
 * - Durability: every task outcome is recorded in DynamoDB (execution item + one item per task
 *   event) before the machine moves on. After a restart (even `kill -9`) each running execution
 *   is replayed from its input: tasks already done return their recorded results, a human step
 *   still waiting waits again on the same token, and the machine ends up where it was.
 * - Human step timeouts: the definition times a human step out by `TimeoutSecondsPath`, which the
 *   library evaluates on the task's parameters instead of the state input, so the runner enforces
 *   the step's due time itself (against the office clock, which tests can move).
 */
import './promise-polyfill';
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { ExecutionInput } from '../../shared/drafts/domain/workflow';
import { TaskNotWaitingError, type StartedExecution, type Workflow } from '../../shared/drafts/ports/workflow';
import { LOCAL_ACCOUNT, LOCAL_REGION, type AslDefinition, type AslState, type GeneratedWorkflow } from './definition';

export interface LocalRunnerOptions {
  db: DynamoDBDocumentClient;
  /** The Data table: executions and their task events live there, next to the drafts. */
  table: string;
  workflow: GeneratedWorkflow;
  /** Runs a Lambda handler in-process, as Lambda would (JSON in, JSON out; errors keep their names). */
  invoke: (entry: string, event: unknown) => Promise<unknown>;
  /** The office clock (human step due times are checked against it). */
  now: () => Date;
  /** How often due times are checked, ms. */
  tickMs?: number;
  log?: (line: string) => void;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface ExecutionRecord {
  name: string;
  input: ExecutionInput;
  status: ExecutionStatus;
  startedAt: string;
  stoppedAt?: string;
  output?: unknown;
  error?: string;
  cause?: string;
  /** States entered (Step Functions bills state transitions); counted across restarts. */
  transitions: number;
}

type Outcome = { output: unknown } | { error: string; cause: string };
interface SeqEvents {
  started?: { token: string; state: string };
  invoked?: boolean;
  result?: Outcome & { state: string };
}
interface Run {
  name: string;
  input: ExecutionInput;
  seq: number;
  events: Map<number, SeqEvents>;
  transitions: number;
  abort?: () => void;
}
interface Waiter {
  run: Run;
  seq: number;
  state: string;
  dueAt: number | undefined;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

const EXEC = 'EXEC';
const RUNNING_INDEX = 'SFNEXEC#RUNNING';
/** Placeholder for `$$.Task.Token` (the library has no Task context); the override puts the real token in. */
const TOKEN_PLACEHOLDER = '<task-token>';
/** Longest setTimeout Node allows (~24.8 days): the library's own timer for human steps; the runner's fires first. */
const MAX_TIMEOUT_SECONDS = 2_147_483;
const MAX_REMEMBERED = 1000;
const execKey = (name: string) => ({ pk: `SFNEXEC#${name}`, sk: EXEC });
const eventKey = (name: string, seq: number, kind: 'started' | 'invoked' | 'result') => ({ pk: `SFNEXEC#${name}`, sk: `EV#${String(seq).padStart(6, '0')}#${kind}` });

/** An Error carrying a Step Functions error name, so Retry and Catch match it. */
export class TaskError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

/** Adapts the definition to the library: human steps are timed by the runner (see the file comment). */
export function runnableDefinition(def: AslDefinition): StateMachineDefinition {
  const states: Record<string, AslState> = {};
  for (const [name, s] of Object.entries(def.States)) {
    if (isHumanTask(s)) {
      const { TimeoutSecondsPath: _path, ...rest } = s;
      states[name] = { ...rest, TimeoutSeconds: MAX_TIMEOUT_SECONDS };
    } else states[name] = s;
  }
  return { ...def, States: states } as unknown as StateMachineDefinition;
}

export const isHumanTask = (s: AslState): boolean => s.Type === 'Task' && !!s.Resource?.endsWith('.waitForTaskToken');

export class LocalStepFunctions implements Workflow {
  private readonly machine: StateMachine;
  private readonly runs = new Map<string, Run>();
  private readonly waiters = new Map<string, Waiter>();
  private readonly finished = new Map<string, Promise<ExecutionRecord>>();
  private readonly settle = new Map<string, (r: ExecutionRecord) => void>();
  private ticker: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: LocalRunnerOptions) {
    // Validates the definition with asl-validator (ARNs and paths checked).
    this.machine = new StateMachine(runnableDefinition(opts.workflow.definition));
    this.log = opts.log ?? (() => undefined);
    this.ticker = setInterval(() => void this.checkDueTimes(), opts.tickMs ?? 500);
    this.ticker.unref();
  }

  /** Replays every execution that was running when the office stopped; returns how many. */
  async resume(): Promise<number> {
    const names: { name: string; input: ExecutionInput }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.opts.db.send(
        new QueryCommand({ TableName: this.opts.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': RUNNING_INDEX }, ExclusiveStartKey: start }),
      );
      for (const i of r.Items ?? []) names.push({ name: i.name as string, input: i.input as ExecutionInput });
      start = r.LastEvaluatedKey;
    } while (start);
    for (const { name, input } of names) if (!this.runs.has(name)) this.launch(name, input, await this.loadEvents(name));
    return names.length;
  }

  async start(name: string, input: ExecutionInput): Promise<StartedExecution> {
    const executionArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${this.opts.workflow.stateMachine}:${name}`;
    const startedAt = this.opts.now().toISOString();
    const record: ExecutionRecord = { name, input, status: 'RUNNING', startedAt, transitions: 0 };
    try {
      await this.opts.db.send(
        new PutCommand({
          TableName: this.opts.table,
          Item: { ...execKey(name), ...record, gsi1pk: RUNNING_INDEX, gsi1sk: `${startedAt}#${name}` },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return { executionArn, started: false };
      throw err;
    }
    this.launch(name, input, new Map());
    return { executionArn, started: true };
  }

  async sendTaskSuccess(token: string, output: unknown): Promise<void> {
    await this.complete(token, { output: JSON.parse(JSON.stringify(output ?? null)) as unknown });
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    await this.complete(token, { error, cause });
  }

  /** The stored record of an execution. */
  async describe(name: string): Promise<ExecutionRecord | undefined> {
    const r = await this.opts.db.send(new GetCommand({ TableName: this.opts.table, Key: execKey(name), ConsistentRead: true }));
    return r.Item as ExecutionRecord | undefined;
  }

  /** Resolves when the execution ends (in this process). */
  whenFinished(name: string): Promise<ExecutionRecord> {
    let p = this.finished.get(name);
    if (!p) {
      p = new Promise((resolve) => this.settle.set(name, resolve));
      this.finished.set(name, p);
    }
    return p;
  }

  /** Stops every run where it is; their state stays in DynamoDB for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.ticker) clearInterval(this.ticker);
    for (const run of this.runs.values()) run.abort?.();
    this.runs.clear();
    this.waiters.clear();
  }

  // --- running ---------------------------------------------------------------------------------

  private launch(name: string, input: ExecutionInput, events: Map<number, SeqEvents>): void {
    const run: Run = { name, input, seq: 0, events, transitions: 0 };
    this.runs.set(name, run);
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [state, def] of Object.entries(this.opts.workflow.definition.States)) {
      if (def.Type === 'Task') handlers[state] = (taskInput) => this.task(run, state, def, taskInput);
    }
    const exec = this.machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: handlers as never },
      noThrowOnAbort: true,
      context: { Task: { Token: TOKEN_PLACEHOLDER } },
    });
    run.abort = exec.abort;
    void (async () => {
      for await (const e of exec.eventLogs) if (e.type === 'StateEntered') run.transitions++;
    })();
    exec.result.then(
      (output) => void this.finish(run, { status: 'SUCCEEDED', output }),
      (err: Error) => {
        const cause = (err as { cause?: Error }).cause;
        return void this.finish(run, { status: 'FAILED', error: cause?.name ?? err.name, cause: cause?.message ?? err.message });
      },
    );
  }

  private async finish(run: Run, end: { status: ExecutionStatus; output?: unknown; error?: string; cause?: string }): Promise<void> {
    if (this.stopped || this.runs.get(run.name) !== run) return; // aborted by stop(): resumed on the next start
    this.runs.delete(run.name);
    if (end.status === 'FAILED') this.log(`workflow ${run.name} failed: ${end.error}: ${end.cause}`);
    const stoppedAt = this.opts.now().toISOString();
    const r = await this.opts.db.send(
      new UpdateCommand({
        TableName: this.opts.table,
        Key: execKey(run.name),
        UpdateExpression: 'SET #status = :status, stoppedAt = :at, #output = :output, #error = :error, #cause = :cause ADD transitions :n REMOVE gsi1pk, gsi1sk',
        ExpressionAttributeNames: { '#status': 'status', '#output': 'output', '#error': 'error', '#cause': 'cause' },
        ExpressionAttributeValues: { ':status': end.status, ':at': stoppedAt, ':output': end.output ?? null, ':error': end.error ?? null, ':cause': end.cause ?? null, ':n': run.transitions },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const record = r.Attributes as ExecutionRecord;
    this.whenFinished(run.name);
    this.settle.get(run.name)?.(record);
    this.settle.delete(run.name);
    // Remember the last few ends for late `whenFinished` callers, not every execution ever run.
    for (const name of this.finished.keys()) {
      if (this.finished.size <= MAX_REMEMBERED) break;
      if (!this.settle.has(name)) this.finished.delete(name);
    }
  }

  /** Every Task state runs here, in order; the n-th call of a run is its n-th recorded event. */
  private async task(run: Run, state: string, def: AslState, input: unknown): Promise<unknown> {
    const seq = ++run.seq;
    const recorded = run.events.get(seq);
    if (recorded?.result) {
      if (recorded.result.state !== state) throw new TaskError('States.Runtime', `Replay of ${run.name} diverged at event ${seq}: recorded ${recorded.result.state}, now ${state}`);
      return replay(recorded.result);
    }
    if (this.stopped) return new Promise(() => undefined);
    return isHumanTask(def) ? this.humanTask(run, seq, state, input, recorded) : this.lambdaTask(run, seq, state, input);
  }

  private async lambdaTask(run: Run, seq: number, state: string, input: unknown): Promise<unknown> {
    const { FunctionName, Payload } = input as { FunctionName: string; Payload: unknown };
    let outcome: Outcome;
    try {
      outcome = { output: { ExecutedVersion: '$LATEST', StatusCode: 200, Payload: await this.invoke(FunctionName, Payload) } };
    } catch (err) {
      outcome = { error: (err as Error).name || 'Error', cause: (err as Error).message };
    }
    if (this.stopped) return new Promise(() => undefined);
    await this.record(run, seq, state, outcome);
    return replay(outcome);
  }

  private async humanTask(run: Run, seq: number, state: string, input: unknown, recorded: SeqEvents | undefined): Promise<unknown> {
    const { FunctionName, Payload } = input as { FunctionName: string; Payload: Record<string, unknown> };
    let token = recorded?.started?.token;
    if (!token) {
      token = `lsf1.${Buffer.from(run.name).toString('base64url')}.${seq}.${randomBytes(24).toString('base64url')}`;
      await this.put(eventKey(run.name, seq, 'started'), { token, state });
      run.events.set(seq, { started: { token, state } });
    }
    const timing = Payload.timing as { dueAt?: string } | undefined;
    const dueAt = timing?.dueAt ? Date.parse(timing.dueAt) : undefined;
    const waiting = new Promise<unknown>((resolve, reject) => this.waiters.set(token, { run, seq, state, dueAt, resolve, reject }));
    waiting.catch(() => undefined); // settled before the library awaits it: not an unhandled rejection
    if (!recorded?.invoked) {
      try {
        await this.invoke(FunctionName, { ...Payload, token });
        await this.put(eventKey(run.name, seq, 'invoked'), { state });
      } catch (err) {
        this.waiters.delete(token);
        const outcome = { error: (err as Error).name || 'Error', cause: (err as Error).message };
        if (!(await this.record(run, seq, state, outcome))) return this.recordedOutcome(run, seq);
        return replay(outcome);
      }
    }
    // A decision may have been recorded while this process was down.
    const stored = await this.loadResult(run.name, seq);
    if (stored) {
      this.waiters.delete(token);
      return replay(stored);
    }
    void this.checkDueTimes();
    return waiting;
  }

  private async invoke(functionArn: string, payload: unknown): Promise<unknown> {
    const entry = this.opts.workflow.functions[functionArn];
    if (!entry) throw new TaskError('Lambda.ResourceNotFoundException', `No function ${functionArn} in the generated workflow`);
    const result = await this.opts.invoke(entry, JSON.parse(JSON.stringify(payload)));
    return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
  }

  /** SendTaskSuccess/Failure: records the outcome (once) and wakes the waiting run, if it is in this process. */
  private async complete(token: string, outcome: Outcome): Promise<void> {
    const parsed = /^lsf1\.([A-Za-z0-9_-]+)\.(\d+)\.[A-Za-z0-9_-]+$/.exec(token);
    if (!parsed) throw new TaskNotWaitingError('Invalid task token');
    const name = Buffer.from(parsed[1]!, 'base64url').toString('utf8');
    const seq = Number(parsed[2]);
    const waiter = this.waiters.get(token);
    const state = waiter?.state ?? (await this.startedState(name, seq, token));
    try {
      await this.opts.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { ConditionCheck: { TableName: this.opts.table, Key: eventKey(name, seq, 'started'), ConditionExpression: '#token = :token', ExpressionAttributeNames: { '#token': 'token' }, ExpressionAttributeValues: { ':token': token } } },
            { Put: { TableName: this.opts.table, Item: { ...eventKey(name, seq, 'result'), state, ...outcome }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (err) {
      if ((err as Error).name === 'TransactionCanceledException') throw new TaskNotWaitingError('The task is no longer waiting (answered or timed out)', { cause: err });
      throw err;
    }
    if (waiter) {
      this.waiters.delete(token);
      waiter.run.events.set(seq, { ...waiter.run.events.get(seq), result: { ...outcome, state } });
      settleWaiter(waiter, outcome);
    }
  }

  /** Times out the human steps whose due time has passed on the office clock. */
  private async checkDueTimes(): Promise<void> {
    if (this.stopped) return;
    const now = this.opts.now().getTime();
    for (const [token, w] of this.waiters) {
      if (w.dueAt === undefined || now < w.dueAt) continue;
      this.waiters.delete(token);
      const outcome = { error: 'States.Timeout', cause: `The ${w.state} step was not decided by its due time` };
      try {
        if (await this.record(w.run, w.seq, w.state, outcome)) settleWaiter(w, outcome);
        else settleWaiter(w, (await this.loadResult(w.run.name, w.seq))!);
      } catch (err) {
        this.waiters.set(token, w); // try again on the next tick
        this.log(`workflow ${w.run.name}: could not record a timeout: ${(err as Error).message}`);
      }
    }
  }

  // --- storage ---------------------------------------------------------------------------------

  /** Records a task outcome once; false when one was recorded first (a decision racing a timeout). */
  private async record(run: Run, seq: number, state: string, outcome: Outcome): Promise<boolean> {
    try {
      await this.opts.db.send(
        new PutCommand({ TableName: this.opts.table, Item: { ...eventKey(run.name, seq, 'result'), state, ...outcome }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      run.events.set(seq, { ...run.events.get(seq), result: { ...outcome, state } });
      return true;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return false;
      throw err;
    }
  }

  private async recordedOutcome(run: Run, seq: number): Promise<unknown> {
    return replay((await this.loadResult(run.name, seq))!);
  }

  private async put(key: Record<string, string>, item: Record<string, unknown>): Promise<void> {
    await this.opts.db.send(new PutCommand({ TableName: this.opts.table, Item: { ...key, ...item, at: this.opts.now().toISOString() } }));
  }

  private async loadResult(name: string, seq: number): Promise<(Outcome & { state: string }) | undefined> {
    const r = await this.opts.db.send(new GetCommand({ TableName: this.opts.table, Key: eventKey(name, seq, 'result'), ConsistentRead: true }));
    return r.Item ? (outcomeOf(r.Item) as Outcome & { state: string }) : undefined;
  }

  private async startedState(name: string, seq: number, token: string): Promise<string> {
    const r = await this.opts.db.send(new GetCommand({ TableName: this.opts.table, Key: eventKey(name, seq, 'started'), ConsistentRead: true }));
    if (!r.Item || r.Item.token !== token) throw new TaskNotWaitingError('Invalid task token');
    return r.Item.state as string;
  }

  private async loadEvents(name: string): Promise<Map<number, SeqEvents>> {
    const events = new Map<number, SeqEvents>();
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.opts.db.send(
        new QueryCommand({
          TableName: this.opts.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ev)',
          ExpressionAttributeValues: { ':pk': `SFNEXEC#${name}`, ':ev': 'EV#' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const i of r.Items ?? []) {
        const [, seqText, kind] = (i.sk as string).split('#');
        const seq = Number(seqText);
        const e = events.get(seq) ?? {};
        if (kind === 'started') e.started = { token: i.token as string, state: i.state as string };
        else if (kind === 'invoked') e.invoked = true;
        else if (kind === 'result') e.result = outcomeOf(i) as Outcome & { state: string };
        events.set(seq, e);
      }
      start = r.LastEvaluatedKey;
    } while (start);
    return events;
  }
}

function outcomeOf(item: Record<string, unknown>): (Outcome & { state: string }) {
  return 'error' in item && typeof item.error === 'string'
    ? { state: item.state as string, error: item.error, cause: String(item.cause ?? '') }
    : { state: item.state as string, output: item.output ?? null };
}

function replay(o: Outcome): unknown {
  if ('error' in o) throw new TaskError(o.error, o.cause);
  return o.output;
}

function settleWaiter(w: Waiter, o: Outcome): void {
  if ('error' in o) w.reject(new TaskError(o.error, o.cause));
  else w.resolve(o.output);
}
