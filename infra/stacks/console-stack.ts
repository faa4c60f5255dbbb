/**
 * The console's deployment, after the data and API stacks: web/dist and config.json into the
 * console bucket (hosted in the API stack, see infra/constructs/console.ts), and the scans
 * bucket's CORS for the console's presigned PUT uploads. CDK's own handlers for these live here,
 * apart from the API's functions.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PutBucketCors } from '../constructs/bucket-cors';
import type { ApiStack } from './api-stack';
import type { DataStack } from './data-stack';

export class ConsoleStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { data: DataStack; api: ApiStack }) {
    super(scope, id, props);
    props.api.console.deploy(this, props.api.consoleConfig);
    // The data stack is deployed before the console's origin exists: the rule is put from here.
    new PutBucketCors(this, 'ScansCors', { bucket: props.data.bucket, origin: props.api.console.origin });
  }
}
