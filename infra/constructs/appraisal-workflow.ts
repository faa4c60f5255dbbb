/**
 * The appraisal and approval state machine (thẩm định, phê duyệt), defined once: the cloud runs
 * it on Step Functions and the embedded office runs the same synthesized definition.
 *
 *   Precheck ─ok─► Appraisal ─approve─► Approval ─approve─► Issuance ─► Issued
 *      ▲ └errors┐      │return/reject      │return/reject
 *      │        ▼      ▼                   ▼
 *      └──── Revision ◄────────────────────┘          reject (any human step) ─► Rejected
 *
 * Human steps are Lambda invocations with `.waitForTaskToken`: the Lambda stores the token in
 * DynamoDB and the decision API answers it. Each times out at its due time (`TimeoutSecondsPath`,
 * computed from working days when the step starts); States.Timeout goes to Escalate, which tells
 * the escalation role and extends the step once, then the draft expires.
 */
import { Duration, Stack, Tags, Validations, type CfnElement } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Fail,
  IntegrationPattern,
  JitterType,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
  type INextable,
  type IChainable,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { TABLES, type TableSpec } from '../../shared/platform/aws/tables';
import { LAMBDA_SERVICE_ERRORS, TRANSIENT_ERRORS, WORKFLOW_ERRORS } from '../../shared/drafts/domain/workflow';
import { DaumoiFunction } from './daumoi-function';

/** The task Lambdas, by the entry file each runs (also tagged on the function for the embedded runner). */
export const WORKFLOW_FUNCTIONS = {
  precheck: 'functions/workflow-precheck.ts',
  humanTask: 'functions/workflow-human-task.ts',
  escalation: 'functions/workflow-escalation.ts',
  issuance: 'functions/workflow-issuance.ts',
} as const;
export type WorkflowFunction = keyof typeof WORKFLOW_FUNCTIONS;

/** Tag naming a function's entry file, read by the embedded runner from the template. */
export const ENTRY_TAG = 'daumoi:entry';

/** States of the machine; tests and the embedded runner refer to them by these names. */
export const STATES = {
  precheck: 'Precheck',
  precheckResult: 'PrecheckResult',
  appraisal: 'Appraisal',
  appraisalDecision: 'AppraisalDecision',
  revision: 'Revision',
  approval: 'Approval',
  approvalDecision: 'ApprovalDecision',
  escalate: 'Escalate',
  afterEscalation: 'AfterEscalation',
  issuance: 'Issuance',
  issued: 'Issued',
  rejected: 'Rejected',
  expired: 'Expired',
  invalidOutcome: 'InvalidOutcome',
} as const;
export const HUMAN_STATES = [STATES.appraisal, STATES.revision, STATES.approval] as const;

export interface AppraisalWorkflowProps {
  tables: Record<TableSpec['name'], ITable>;
  logRetention: RetentionDays;
  /** Upper bound of a Lambda task (the functions themselves time out at 29 s). */
  lambdaTaskTimeout?: Duration;
}

export class AppraisalWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: Record<WorkflowFunction, DaumoiFunction>;

  constructor(scope: Construct, id: string, props: AppraisalWorkflowProps) {
    super(scope, id);
    const spec = (name: TableSpec['name']) => TABLES.find((t) => t.name === name)!;
    const fn = (name: WorkflowFunction, description: string) => {
      const f = new DaumoiFunction(this, `Fn-${name}`, {
        entryFile: WORKFLOW_FUNCTIONS[name],
        description,
        logRetentionDays: props.logRetention,
      });
      // Drafts, tokens and registers live in Data; audit events are appended to Audit in the same transaction.
      f.bindTable(spec('Data').envVar, props.tables.Data, spec('Data'), 'RW');
      f.bindTable(spec('Audit').envVar, props.tables.Audit, spec('Audit'), 'APPEND');
      Tags.of(f).add(ENTRY_TAG, WORKFLOW_FUNCTIONS[name]);
      return f;
    };
    this.functions = {
      precheck: fn('precheck', 'daumoi workflow: precheck of a draft'),
      humanTask: fn('humanTask', 'daumoi workflow: stores the task token of a human step'),
      escalation: fn('escalation', 'daumoi workflow: escalates or expires an overdue step'),
      issuance: fn('issuance', 'daumoi workflow: takes the outgoing number and issues the draft'),
    };
    // The issued entry is indexed for search like every register entry.
    this.functions.issuance.bindTable(spec('Search').envVar, props.tables.Search, spec('Search'), 'RW');
    const lambdaTimeout = Timeout.duration(props.lambdaTaskTimeout ?? Duration.seconds(60));

    /** A Lambda task whose result goes to `resultPath`; transient errors are retried by their original names. */
    const lambdaTask = (stateId: string, f: DaumoiFunction, payload: Record<string, unknown>, result: Record<string, string>, resultPath: string) =>
      withRetries(
        new LambdaInvoke(this, stateId, {
          lambdaFunction: f,
          payload: TaskInput.fromObject(payload),
          resultSelector: result,
          resultPath,
          taskTimeout: lambdaTimeout,
          retryOnServiceExceptions: false,
        }),
      );

    /** A human step: the Lambda stores the token, the execution waits until the step's due time. */
    const humanTask = (stateId: string, comment: string) =>
      new LambdaInvoke(this, stateId, {
        comment,
        lambdaFunction: this.functions.humanTask,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({
          token: JsonPath.taskToken,
          draftId: JsonPath.stringAt('$.draftId'),
          timing: JsonPath.objectAt('$.route.timing'),
        }),
        taskTimeout: Timeout.at('$.route.timing.timeoutSeconds'),
        resultPath: '$.route',
        retryOnServiceExceptions: false,
      }).addRetry({ errors: [...LAMBDA_SERVICE_ERRORS, ...TRANSIENT_ERRORS], interval: Duration.seconds(2), maxAttempts: 5, backoffRate: 2, jitterStrategy: JitterType.FULL });

    const issued = new Succeed(this, STATES.issued, { comment: 'Issued with its number symbol' });
    const rejected = new Succeed(this, STATES.rejected, { comment: 'Rejected at a step, or withdrawn by the drafting department' });
    const expired = new Fail(this, STATES.expired, { error: WORKFLOW_ERRORS.expired, cause: 'A human step stayed undecided after its escalation and extension' });
    const invalid = new Fail(this, STATES.invalidOutcome, { error: WORKFLOW_ERRORS.invalidOutcome, cause: 'A task returned an outcome this state does not route' });

    const precheck = lambdaTask(
      STATES.precheck,
      this.functions.precheck,
      { draftId: JsonPath.stringAt('$.draftId') },
      { 'outcome.$': '$.Payload.outcome', 'timing.$': '$.Payload.timing' },
      '$.route',
    );
    const appraisal = humanTask(STATES.appraisal, 'Thẩm định: a specialist of the office appraises the draft');
    const revision = humanTask(STATES.revision, 'Chỉnh sửa: the drafting department revises and resubmits, or withdraws');
    const approval = humanTask(STATES.approval, 'Phê duyệt: the standing committee approves');
    const escalate = lambdaTask(
      STATES.escalate,
      this.functions.escalation,
      { draftId: JsonPath.stringAt('$.draftId'), timing: JsonPath.objectAt('$.route.timing'), error: JsonPath.objectAt('$.error') },
      { 'outcome.$': '$.Payload.outcome', 'timing.$': '$.Payload.timing' },
      '$.route',
    );
    const issuance = lambdaTask(
      STATES.issuance,
      this.functions.issuance,
      { draftId: JsonPath.stringAt('$.draftId') },
      { 'numberSymbol.$': '$.Payload.numberSymbol', 'outgoingEntryId.$': '$.Payload.outgoingEntryId' },
      '$.issued',
    );

    const outcome = (value: string) => Condition.stringEquals('$.route.outcome', value);
    for (const human of [appraisal, revision, approval]) {
      human.addCatch(escalate, { errors: [WORKFLOW_ERRORS.timeout], resultPath: '$.error' });
      human.addCatch(rejected, { errors: [WORKFLOW_ERRORS.rejected], resultPath: '$.error' });
    }
    precheck.next(new Choice(this, STATES.precheckResult).when(outcome('ok'), appraisal).when(outcome('errors'), revision).otherwise(invalid));
    appraisal.next(new Choice(this, STATES.appraisalDecision).when(outcome('approve'), approval).when(outcome('return'), revision).otherwise(invalid));
    approval.next(new Choice(this, STATES.approvalDecision).when(outcome('approve'), issuance).when(outcome('return'), revision).otherwise(invalid));
    revision.next(precheck);
    issuance.next(issued);
    const step = (name: string) => Condition.stringEquals('$.route.timing.step', name);
    escalate.next(
      new Choice(this, STATES.afterEscalation)
        .when(outcome('expired'), expired)
        .when(step('appraisal'), appraisal)
        .when(step('revision'), revision)
        .when(step('approval'), approval)
        .otherwise(invalid),
    );

    const logs = new LogGroup(this, 'Logs', { retention: props.logRetention });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'daumoi: appraisal (thẩm định) and approval (phê duyệt) of a draft up to its issuance',
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(precheck as IChainable),
      tracingEnabled: true,
      // Drafts may be secret: the log keeps the transitions, not the execution data.
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });

    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Step Functions log delivery (logs:CreateLogDelivery, DescribeResourcePolicies…) and X-Ray (xray:PutTraceSegments…) support no resource-level permissions.',
    });
    for (const f of Object.values(this.functions)) {
      Validations.of(this.stateMachine).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(f).getLogicalId(f.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: 'lambda:InvokeFunction on the function and its versions/aliases (ARN:*), as CDK grants for a Lambda task; limited to this workflow’s own functions.',
      });
    }
  }
}

/** Adds the Retry of a Lambda task: Lambda service errors and the transient errors the handlers let through. */
function withRetries<T extends LambdaInvoke>(task: T): T & INextable {
  task.addRetry({ errors: [...LAMBDA_SERVICE_ERRORS], interval: Duration.seconds(2), maxAttempts: 6, backoffRate: 2, jitterStrategy: JitterType.FULL });
  task.addRetry({ errors: [...TRANSIENT_ERRORS], interval: Duration.seconds(1), maxAttempts: 5, backoffRate: 2, maxDelay: Duration.seconds(30), jitterStrategy: JitterType.FULL });
  return task;
}
