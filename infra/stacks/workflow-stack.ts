/** Workflow: the appraisal and approval state machine (thẩm định, phê duyệt) and its task Lambdas. */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IStateMachine, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { ENV } from '../../shared/platform/env';
import { AppraisalWorkflow } from '../constructs/appraisal-workflow';
import type { DaumoiFunction } from '../constructs/daumoi-function';
import type { DataStack } from './data-stack';

export interface WorkflowStackProps extends StackProps {
  data: DataStack;
  logRetention: RetentionDays;
}

export class WorkflowStack extends Stack {
  readonly workflow: AppraisalWorkflow;
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    this.workflow = new AppraisalWorkflow(this, 'Appraisal', { tables: props.data.tables, logRetention: props.logRetention });
    this.stateMachine = this.workflow.stateMachine;
    new CfnOutput(this, 'StateMachineArn', { value: this.stateMachine.stateMachineArn });
  }
}

/**
 * What the drafts API function needs from the workflow: the state machine's ARN, starting
 * executions, and answering task tokens (SendTaskSuccess/Failure) — on this state machine only.
 */
export function grantDraftsApi(fn: DaumoiFunction, stateMachine: IStateMachine): void {
  fn.addEnvironment(ENV.stateMachineArn, stateMachine.stateMachineArn);
  stateMachine.grantStartExecution(fn);
  stateMachine.grantTaskResponse(fn);
}
