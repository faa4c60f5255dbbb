/**
 * Alarms on what needs a person: the API answering 5xx (500 is a bug; 503 a backing service
 * down), an OCR message parked in the dead-letter queue, a drafts workflow execution failed,
 * a scheduled function failing, search indexing that the sweeper cannot repair. They notify
 * one SNS topic; `daumoi:alarmEmail` subscribes an address to it. The `daumoi` dashboard shows
 * the office's day: API traffic and errors, scans read, search repairs, workflow runs, reminders.
 */
import { Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, Metric, SingleValueWidget, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE } from '../../shared/platform/observability/metric-names';
import type { ApiStack } from './api-stack';
import type { OcrStack } from './ocr-stack';
import type { WorkflowStack } from './workflow-stack';

export interface MonitoringStackProps extends StackProps {
  api: ApiStack;
  ocr: OcrStack;
  workflow: WorkflowStack;
  /** An address told of every alarm (optional; subscribe others to the topic). */
  alarmEmail?: string;
}

export class MonitoringStack extends Stack {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    this.topic = new Topic(this, 'Alarms', { displayName: 'daumoi alarms', enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'Alarm notifications carry alarm names and states only, never document content; CloudWatch cannot publish to a topic under the AWS-managed SNS key.',
    });

    const five = Duration.minutes(5);
    const app = (name: string) => new Metric({ namespace: METRICS_NAMESPACE, metricName: name, dimensionsMap: { service: 'daumoi' }, statistic: 'Sum', period: five });
    const alarm = (id: string, description: string, metric: IMetric, threshold = 1, evaluationPeriods = 1) => {
      const a = new Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(new SnsAction(this.topic));
      this.alarms.push(a);
      return a;
    };

    alarm('ApiInternalErrors', 'The API answered 500 (a bug): see the function logs by request id', app(METRIC.internalError));
    alarm('ApiDependencyUnavailable', 'The API answered 503 repeatedly: DynamoDB or S3 unreachable', app(METRIC.dependencyUnavailable), 10);
    alarm(
      'AuditChainBroken',
      'The daily verification found audit events edited, deleted or reordered: treat as a security incident',
      new Metric({ namespace: METRICS_NAMESPACE, metricName: METRIC.auditChainProblems, dimensionsMap: { service: 'daumoi' }, statistic: 'Maximum', period: Duration.hours(1) }),
    );
    alarm('SearchSweepFailing', 'The search sweeper cannot index entries for 15 minutes: they stay unsearchable', app(METRIC.searchSweepFailed), 1, 3);
    alarm(
      'OcrDeadLetters',
      'An OCR message is parked in the dead-letter queue: its scan may still show processing',
      props.ocr.deadLetters.metricApproximateNumberOfMessagesVisible({ period: five, statistic: 'Maximum' }),
    );
    alarm(
      'SearchIndexingDeadLetters',
      'A batch of the Data table stream failed every retry of search indexing: its entries wait for the search sweeper',
      props.api.searchIndexing.deadLetters.metricApproximateNumberOfMessagesVisible({ period: five, statistic: 'Maximum' }),
    );
    alarm('OcrWorkerErrors', 'The OCR function failed (crash or timeout), not a scan it could not read', props.ocr.worker.metricErrors({ period: five }), 3);
    alarm('WorkflowExecutionsFailed', 'A drafts workflow execution failed or timed out', props.workflow.stateMachine.metricFailed({ period: five }));
    for (const fn of props.api.scheduled) {
      alarm(`${fn.node.id}Errors`, `The scheduled function ${fn.node.id} failed three runs in a row`, fn.metricErrors({ period: five }), 1, 3);
    }

    const hour = Duration.hours(1);
    const ocr = (outcome: string) => new Metric({ namespace: METRICS_NAMESPACE, metricName: METRIC.ocrOutcome, dimensionsMap: { outcome }, statistic: 'Sum', period: hour, label: outcome });
    const sum = (name: string) => app(name).with({ period: hour, label: name });
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${Stack.of(this).stackName}-office`, defaultInterval: Duration.days(7) });
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'API requests and errors', left: [props.api.api.metricCount({ period: hour })], right: [props.api.api.metricClientError({ period: hour }), props.api.api.metricServerError({ period: hour })], width: 12 }),
      new GraphWidget({ title: 'API latency (p50, p95)', left: [props.api.api.metricLatency({ period: hour, statistic: 'p50' }), props.api.api.metricLatency({ period: hour, statistic: 'p95' })], width: 12 }),
      new GraphWidget({ title: 'Scans read (OCR outcomes)', left: ['done', 'failed', 'quarantined', 'retry'].map(ocr), width: 12 }),
      new GraphWidget({ title: 'OCR queue', left: [props.ocr.queue.metricApproximateNumberOfMessagesVisible({ period: five }), props.ocr.deadLetters.metricApproximateNumberOfMessagesVisible({ period: five })], right: [props.ocr.queue.metricApproximateAgeOfOldestMessage({ period: five })], width: 12 }),
      new GraphWidget({ title: 'Backing services and bugs', left: [sum(METRIC.dependencyUnavailable), sum(METRIC.internalError)], width: 8 }),
      new GraphWidget({ title: 'Search indexing repairs', left: [sum(METRIC.searchIndexingFailed), sum(METRIC.searchSwept), sum(METRIC.searchSweepFailed)], width: 8 }),
      new SingleValueWidget({ title: 'Audit chain problems (last verification)', metrics: [app(METRIC.auditChainProblems).with({ statistic: 'Maximum', period: Duration.days(1) })], width: 8 }),
      new GraphWidget({
        title: 'Drafts workflow executions',
        left: [props.workflow.stateMachine.metricStarted({ period: hour }), props.workflow.stateMachine.metricSucceeded({ period: hour }), props.workflow.stateMachine.metricFailed({ period: hour })],
        width: 12,
      }),
      new GraphWidget({ title: 'Report reminders', left: [sum(METRIC.remindersSent), sum(METRIC.remindersFailed)], width: 12 }),
    );
  }
}
