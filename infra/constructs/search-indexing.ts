/**
 * Search indexing from the Data table's stream: the indexing function (functions/search-indexer.ts)
 * reads the register entry writes on the stream (each record holds the entry as written), in
 * batches, with retries, bisection of a failing batch, batch item failures, and an SQS on-failure
 * destination for what still fails (those entries keep their search-outbox markers: the search
 * sweeper indexes them). Embedded, local/plugins/search-indexer.ts feeds the same handler from DynamoDB
 * Local's stream with the same batch size.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../shared/platform/env';
import { TABLES, type TableSpec } from '../../shared/platform/aws/tables';
import { ENTRY_STREAM_BATCH, ENTRY_STREAM_FILTER, ENTRY_STREAM_WINDOW_SECONDS } from '../../shared/search/adapters/entry-stream';
import { DaumoiFunction } from './daumoi-function';

export interface SearchIndexingProps {
  tables: Record<TableSpec['name'], TableV2>;
  bucket: IBucket;
  logRetention?: RetentionDays;
}

export class SearchIndexing extends Construct {
  readonly fn: DaumoiFunction;
  /** Where the stream's batches go when every retry failed (their entries stay marked for the sweep). */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: SearchIndexingProps) {
    super(scope, id);
    this.fn = new DaumoiFunction(this, 'Fn', {
      entryFile: 'functions/search-indexer.ts',
      description: 'daumoi: indexes register entries for search from the Data table stream',
      ...(props.logRetention ? { logRetentionDays: props.logRetention } : {}),
      timeout: Duration.minutes(1),
    });
    // Reads entries (Data), writes postings (Search) and clears markers (Data); the register store
    // it reads through names the Audit table, which it only reads. Entries from a scan: its OCR text.
    const modes: Partial<Record<TableSpec['name'], 'RO' | 'RW'>> = { Data: 'RW', Search: 'RW', Audit: 'RO' };
    for (const [name, mode] of Object.entries(modes) as [TableSpec['name'], 'RO' | 'RW'][]) {
      const spec = TABLES.find((t) => t.name === name)!;
      this.fn.bindTable(spec.envVar, props.tables[name], spec, mode);
    }
    this.fn.bindBucket(ENV.bucket, props.bucket, ['ocr/'], 'RO');

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself the on-failure destination of the search indexing stream; nothing is redriven from it.' });
    this.fn.addEventSource(
      new DynamoEventSource(props.tables.Data, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: ENTRY_STREAM_BATCH,
        maxBatchingWindow: Duration.seconds(ENTRY_STREAM_WINDOW_SECONDS),
        filters: [FilterCriteria.filter(ENTRY_STREAM_FILTER)],
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(1),
        onFailure: new SqsDlq(this.deadLetters),
      }),
    );
  }
}
