/** The monitoring stack: every alarm notifies the topic; what each one watches. */
import { describe, expect, it } from 'vitest';
import { synthTemplates } from './stacks';

describe('monitoring stack', () => {
  const t = synthTemplates({ 'daumoi:alarmEmail': 'vanphong@example.gov.vn' });
  const alarms = Object.values(t.monitoring.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const by = (pred: (p: Record<string, any>) => boolean) => alarms.filter(pred);

  it('sends every alarm to one TLS-only topic, with the address from daumoi:alarmEmail subscribed', () => {
    expect(alarms.length).toBeGreaterThanOrEqual(11);
    const topics = t.monitoring.findResources('AWS::SNS::Topic');
    expect(Object.keys(topics)).toHaveLength(1);
    const topicId = Object.keys(topics)[0]!;
    for (const a of alarms) expect(a.AlarmActions).toEqual([{ Ref: topicId }]);
    t.monitoring.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'vanphong@example.gov.vn' });
    expect(JSON.stringify(t.monitoring.findResources('AWS::SNS::TopicPolicy'))).toContain('aws:SecureTransport');
  });

  it('watches the metrics the functions write, in their namespace', () => {
    for (const name of ['InternalError', 'DependencyUnavailable', 'SearchSweepFailed', 'AuditChainProblems']) {
      expect(by((a) => a.Namespace === 'daumoi' && a.MetricName === name && a.Dimensions?.[0]?.Value === 'daumoi'), name).toHaveLength(1);
    }
  });

  it('watches the OCR and search indexing dead-letter queues, the OCR function, the workflow and each scheduled function', () => {
    expect(by((a) => a.Namespace === 'AWS/SQS' && a.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(2);
    expect(by((a) => a.Namespace === 'AWS/States' && a.MetricName === 'ExecutionsFailed')).toHaveLength(1);
    // OCR worker + reminders, audit sealer, search sweeper, audit verifier, assignment reminders (nhắc việc).
    expect(by((a) => a.Namespace === 'AWS/Lambda' && a.MetricName === 'Errors')).toHaveLength(6);
  });

  it('has a dashboard of the office day over the same metrics', () => {
    const dashboards = Object.values(t.monitoring.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    for (const name of ['OcrOutcome', 'SearchSweepFailed', 'AuditChainProblems', 'DependencyUnavailable', 'RemindersSent', 'ExecutionsFailed', '5XXError', 'ApproximateAgeOfOldestMessage']) expect(body, name).toContain(name);
  });
});
