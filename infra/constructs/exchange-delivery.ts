/**
 * The exchange's delivery (liên thông): outgoing messages (packages, notices, recalls) written to
 * the outbox on the Data table reach an SQS queue through an EventBridge Pipe on the table's
 * stream (INSERT of a queued EXMSG# item: a message is queued if and only if its outbox record
 * committed). The queue feeds the sender function (functions/exchange-sender.ts), which signs and
 * posts each message; a failed attempt is reported as a batch item failure and comes back after
 * a backoff doubling with its attempts (capped; ChangeMessageVisibility on this queue); after the last attempt the use case marks the delivery failed with why,
 * and what still fails unexpectedly moves to the dead-letter queue. Embedded, the local queue
 * (local/exchange-queue.ts) feeds the same handler.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { StartingPosition, FilterCriteria } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../shared/platform/env';
import { TABLES, type TableSpec } from '../../shared/platform/aws/tables';
import { EXCHANGE_ENV } from '../../shared/exchange/index';
import { DONE_ENTRY_FILTER } from '../../shared/exchange/sender';
import { DaumoiFunction, type AccessMode } from './daumoi-function';

/** What the pipe passes on: new outbox messages still to send. */
export const OUTBOX_FILTER = { eventName: ['INSERT'], dynamodb: { NewImage: { pk: { S: [{ prefix: 'EXMSG#' }] }, status: { S: ['queued'] } } } };

export interface ExchangeDeliveryProps {
  tables: Record<TableSpec['name'], TableV2>;
  bucket: IBucket;
  logRetention?: RetentionDays;
  /** Attempts before a delivery is marked failed (one per receive). */
  maxAttempts?: number;
  /** Seconds a failed attempt waits before the next (the queue's visibility timeout). */
  retryAfterSeconds?: number;
  /** This office's exchange id and public endpoint. */
  environment: Record<string, string>;
}

export class ExchangeDelivery extends Construct {
  readonly fn: DaumoiFunction;
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly pipe: CfnPipe;

  constructor(scope: Construct, id: string, props: ExchangeDeliveryProps) {
    super(scope, id);
    const maxAttempts = props.maxAttempts ?? 8;
    this.deadLetters = new Queue(this, 'DeadLetters', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(this.deadLetters).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter queue of the exchange delivery queue.' });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(4),
      // At least the function's timeout (SQS event sources require it); also the wait before a retry.
      visibilityTimeout: Duration.seconds(Math.max(90, props.retryAfterSeconds ?? 90)),
      // The use case marks the delivery failed at maxAttempts; the queue keeps one more receive for an unexpected error.
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: maxAttempts + 1 },
    });

    this.fn = new DaumoiFunction(this, 'Fn', {
      entryFile: 'functions/exchange-sender.ts',
      description: 'daumoi: signs and sends the exchange’s outgoing messages to partner offices',
      ...(props.logRetention ? { logRetentionDays: props.logRetention } : {}),
      timeout: Duration.seconds(60),
      environment: { ...props.environment, [EXCHANGE_ENV.maxAttempts]: String(maxAttempts), [EXCHANGE_ENV.queueUrl]: this.queue.queueUrl },
    });
    // Outbox and deliveries (Data), audit events (append); it reads the packages it sends.
    const modes: Partial<Record<TableSpec['name'], AccessMode>> = { Data: 'RW', Audit: 'APPEND' };
    for (const t of TABLES) this.fn.bindTable(t.envVar, props.tables[t.name], t, modes[t.name] ?? 'NONE');
    this.fn.bindBucket(ENV.bucket, props.bucket, ['exchange/out/'], 'RO');
    // The event source grants receive/delete/ChangeMessageVisibility on this queue only: the sender's exponential backoff sets a failed message's visibility.
    this.fn.addEventSource(new SqsEventSource(this.queue, { batchSize: 5, reportBatchItemFailures: true, maxConcurrency: 5 }));
    // Incoming entries written done (the Data table's stream, filtered): one made from an exchanged
    // document sends its 'handled' notice back. What still fails after the retries goes to the dead letters.
    this.fn.addEventSource(
      new DynamoEventSource(props.tables.Data, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 10,
        filters: [FilterCriteria.filter(DONE_ENTRY_FILTER)],
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(this.deadLetters),
      }),
    );

    const role = new Role(this, 'PipeRole', { assumedBy: new ServicePrincipal('pipes.amazonaws.com') });
    props.tables.Data.grantStreamRead(role);
    this.queue.grantSendMessages(role);
    const streamArn = props.tables.Data.tableStreamArn;
    if (!streamArn) throw new Error('the Data table has no stream: the exchange outbox cannot reach its queue');
    this.pipe = new CfnPipe(this, 'Outbox', {
      roleArn: role.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: { startingPosition: 'LATEST', batchSize: 10, maximumRetryAttempts: 10 },
        filterCriteria: { filters: [{ pattern: JSON.stringify(OUTBOX_FILTER) }] },
      },
      target: this.queue.queueArn,
      targetParameters: { inputTemplate: '{"messageId": "<$.dynamodb.NewImage.messageId.S>"}' },
    });
    this.pipe.node.addDependency(role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5',
      reason: 'grantStreamRead gives dynamodb:ListStreams on * (the API has no resource for it) and reads of this one table’s stream only.',
    });
  }
}
