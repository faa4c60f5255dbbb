/**
 * Search indexing from the Data table's stream: the stream declared in tables.ts, the indexing
 * function's event source (entry writes only, batches, retries, bisection, batch item failures,
 * an SQS on-failure destination) and the alarm on that queue.
 */
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { synthTemplates } from './stacks';
import { TABLES } from '../../shared/platform/aws/tables';

describe('search indexing from the Data table stream', () => {
  const t = synthTemplates();

  it('the Data table has the stream tables.ts declares, and no other table has one', () => {
    expect(TABLES.find((x) => x.name === 'Data')!.stream).toBe('NEW_IMAGE');
    const tables = Object.values(t.data.findResources('AWS::DynamoDB::GlobalTable')).map((r) => r.Properties);
    const streams = tables.filter((p) => p.StreamSpecification);
    expect(streams).toHaveLength(1);
    expect(streams[0]!.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
  });

  it('feeds the indexing function with register entry writes only, in batches, retried, bisected, to a dead-letter queue', () => {
    const mappings = Object.values(t.api.findResources('AWS::Lambda::EventSourceMapping')).map((r) => r.Properties);
    // The exchange's sender reads the same stream for entries marked done (test/infra/exchange.test.ts); this is the indexer's.
    const indexer = Object.entries(t.api.findResources('AWS::Lambda::Function')).find(([, r]) => /indexes register entries for search/.test(r.Properties.Description ?? ''))![0];
    const stream = mappings.filter((m) => JSON.stringify(m.EventSourceArn).includes('StreamArn') && JSON.stringify(m.FunctionName).includes(indexer));
    expect(stream).toHaveLength(1);
    const m = stream[0]!;
    expect(m).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 500,
      MaximumBatchingWindowInSeconds: 1,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 3600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
    const pattern = JSON.parse(m.FilterCriteria.Filters[0].Pattern);
    expect(pattern).toEqual({ eventName: ['INSERT', 'MODIFY'], dynamodb: { Keys: { pk: { S: [{ prefix: 'REGENTRY#' }] } } } });
    t.api.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    t.api.hasResourceProperties('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('indexes register entries for search from the Data table stream') });
  });

  it('the indexing function and the search sweeper have every table the register store they read through names', () => {
    // The register store (registersModule) builds its audit log from DAUMOI_TABLE_AUDIT: without it the function fails on its first entry.
    const fns = Object.values(t.api.findResources('AWS::Lambda::Function')).map((r) => r.Properties);
    for (const what of ['indexes register entries for search from the Data table stream', 'indexes register entries whose indexing failed']) {
      const fn = fns.filter((p) => p.Description === `daumoi: ${what}`);
      expect(fn, what).toHaveLength(1);
      expect(Object.keys(fn[0]!.Environment.Variables), what).toEqual(expect.arrayContaining(['DAUMOI_TABLE_DATA', 'DAUMOI_TABLE_SEARCH', 'DAUMOI_TABLE_AUDIT', 'DAUMOI_BUCKET']));
    }
  });

  it('alarms when a batch lands in the dead-letter queue', () => {
    const alarms = Object.values(t.monitoring.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms.filter((a) => a.AlarmDescription?.includes('search indexing') && a.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(1);
  });
});
