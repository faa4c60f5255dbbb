/**
 * The scans bucket's CORS for the console's presigned PUT uploads and GETs of a scan's original. The bucket is in the data
 * stack, which is deployed before the console's origin exists, so the rule is put by a custom
 * resource in the stack that knows it (PutBucketCors replaces the bucket's whole CORS
 * configuration: the scans bucket has no other rule).
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export const scansCorsRules = (origin: string) => [
  { AllowedOrigins: [origin], AllowedMethods: ['GET', 'PUT'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 600 },
];

export class PutBucketCors extends Construct {
  constructor(scope: Construct, id: string, props: { bucket: IBucket; origin: string }) {
    super(scope, id);
    const put = {
      service: 'S3',
      action: 'putBucketCors',
      parameters: { Bucket: props.bucket.bucketName, CORSConfiguration: { CORSRules: scansCorsRules(props.origin) } },
      physicalResourceId: PhysicalResourceId.of(`${id}-cors`),
    };
    const cr = new AwsCustomResource(this, 'Resource', {
      onCreate: put,
      onUpdate: put,
      onDelete: { service: 'S3', action: 'deleteBucketCors', parameters: { Bucket: props.bucket.bucketName } },
      policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ actions: ['s3:PutBucketCORS'], resources: [props.bucket.bucketArn] })]),
      installLatestAwsSdk: false,
    });
    void cr;
    const provider = Stack.of(this).node.children.find((c) => c.node.id.startsWith('AWS679f53fac002430cb0da5b7982bd2287'));
    if (!provider) throw new Error('CDK’s AwsCustomResource provider was not found: its cdk-nag acknowledgements have nothing to name');
    Validations.of(provider).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'CDK’s AwsCustomResource provider writes its logs with the basic execution role.',
    });
    Validations.of(provider).acknowledge({ id: 'AwsSolutions-L1', reason: 'CDK’s AwsCustomResource provider runtime is chosen by CDK.' });
  }
}
