/** Workflow: the appraisal and approval state machine (thẩm định, phê duyệt) and its task Lambdas. */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DataStack } from './data-stack';

export interface WorkflowStackProps extends StackProps {
  data: DataStack;
  logRetention: RetentionDays;
}

export class WorkflowStack extends Stack {
  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    void props;
  }
}
