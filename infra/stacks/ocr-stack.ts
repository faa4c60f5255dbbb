/**
 * OCR: scans created in the bucket reach the OCR worker through EventBridge → SQS (with a
 * dead-letter queue), so a failed page is retried a bounded number of times and never lost.
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { DataStack } from './data-stack';

export interface OcrStackProps extends StackProps {
  data: DataStack;
  /** `tesseract` (default, reads Vietnamese) or `textract`. */
  ocrEngine: 'tesseract' | 'textract';
}

/** Prefix under which clients upload scans (presigned PUT). */
export const UPLOAD_PREFIX = 'scans/';

export class OcrStack extends Stack {
  readonly queue: Queue;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: OcrStackProps) {
    super(scope, id, props);
    this.deadLetters = new Queue(this, 'OcrDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'OcrJobs', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.minutes(6), // > the OCR function timeout
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 3 },
    });
    new Rule(this, 'ScanUploaded', {
      description: 'A scan was uploaded: queue it for OCR',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [props.data.bucket.bucketName] }, object: { key: [{ prefix: UPLOAD_PREFIX }] } },
      },
      targets: [new SqsQueue(this.queue)],
    });
  }
}
