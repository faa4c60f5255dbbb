/**
 * Every daumoi Lambda: one place for the defaults (runtime, ARM64, esbuild bundling, log
 * retention, tracing), and `bindTable`/`bindBucket` that make the env variable and the
 * least-privilege grant together so the two never drift apart.
 */
import path from 'node:path';
import { Aws, Duration, Validations } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { TableSpec } from '../../shared/platform/aws/tables';
import type { Construct } from 'constructs';
import { REPO_ROOT } from './repo-root';
import { OCR_PREFIX, SCAN_PREFIX } from '../../shared/scans/domain/model';

/**
 * How a function may use a table: `RO` read; `RW` read and write; `APPEND` add new items only
 * (dynamodb:PutItem, which a TransactWriteItems `Put` needs: audit events written with the
 * change they record), no read, update or delete; `NONE` only the env variable (the table's
 * name), no access at all. For a bucket only `RO` and `RW` apply.
 */
export type AccessMode = 'RO' | 'RW' | 'APPEND' | 'NONE';

export const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
export const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
export const TABLE_APPEND = ['dynamodb:PutItem'];

export interface DaumoiFunctionProps extends Omit<NodejsFunctionProps, 'entry' | 'runtime' | 'architecture'> {
  /** Path of the handler file relative to the repository, e.g. `functions/registers.ts`. */
  entryFile: string;
  logRetentionDays?: RetentionDays;
  /**
   * Files the code reads at run time by package path (`require.resolve('<pkg>/<file>')`), e.g.
   * the documents renderer's fonts: copied from the repository's node_modules into the asset's
   * node_modules after bundling, so they resolve from the bundle as they do here. Copied rather
   * than imported through an esbuild loader, so that the same source runs unbundled (npm start,
   * tests) and bundled.
   */
  runtimeFiles?: readonly string[];
}

export class DaumoiFunction extends NodejsFunction {
  /** The handler file this function bundles (`functions/<name>.ts`). */
  readonly entryFile: string;

  constructor(scope: Construct, id: string, props: DaumoiFunctionProps) {
    const { logRetentionDays, entryFile, runtimeFiles, ...rest } = props;
    const copyFiles = runtimeFiles?.length
      ? {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (inputDir: string, outputDir: string) =>
              runtimeFiles.flatMap((f) => [`mkdir -p "${path.posix.dirname(`${outputDir}/node_modules/${f}`)}"`, `cp "${inputDir}/node_modules/${f}" "${outputDir}/node_modules/${f}"`]),
          },
        }
      : {};
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: logRetentionDays ?? RetentionDays.ONE_YEAR });
    super(scope, id, {
      memorySize: 1024,
      timeout: Duration.seconds(29),
      ...rest,
      entry: path.join(REPO_ROOT, entryFile),
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      projectRoot: REPO_ROOT,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'daumoi',
        ...rest.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        // Error class names must survive minification: Step Functions Retry/Catch and the
        // error mapping match on them.
        keepNames: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        // ESM bundles of CommonJS dependencies still call require().
        banner: "import { createRequire as __daumoiCreateRequire } from 'module'; const require = __daumoiCreateRequire(import.meta.url);",
        externalModules: ['@aws-sdk/*'],
        ...copyFiles,
        ...rest.bundling,
      },
    });
    this.entryFile = entryFile;
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'AWSLambdaBasicExecutionRole is the standard minimal managed policy for writing the function logs.',
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    });
  }

  /**
   * Grants the table and its named indexes (exact ARNs, no wildcards), its KMS key, and sets
   * its env variable.
   */
  bindTable(envVar: string, table: ITable, spec: Pick<TableSpec, 'globalIndexes'>, mode: AccessMode): this {
    this.addEnvironment(envVar, table.tableName);
    if (mode === 'NONE') return this;
    if (mode === 'APPEND') {
      // Items are put on the table itself; indexes are never written directly.
      this.addToRolePolicy(new PolicyStatement({ actions: TABLE_APPEND, resources: [table.tableArn] }));
    } else {
      const actions = mode === 'RO' ? TABLE_READ : [...TABLE_READ, ...TABLE_WRITE];
      this.addToRolePolicy(
        new PolicyStatement({
          actions,
          resources: [table.tableArn, ...spec.globalIndexes.map((g) => `${table.tableArn}/index/${g.name}`)],
        }),
      );
    }
    if (table.encryptionKey) this.bindKey(table.encryptionKey, mode === 'RO' ? 'RO' : 'RW');
    return this;
  }

  /**
   * Grants object access under one key prefix of the bucket (and its KMS key) and sets the
   * bucket's env variable. Object ARNs need a trailing wildcard: it is acknowledged here, once.
   */
  bindBucket(envVar: string, bucket: IBucket, prefixes: string[], mode: 'RO' | 'RW'): this {
    // The bucket's name is deterministic (see DataStack), so the ARNs are written in this stack's
    // own terms rather than imported, and cdk-nag can tell which wildcard it is looking at.
    const name = `daumoi-scans-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
    const bucketArn = `arn:${Aws.PARTITION}:s3:::${name}`;
    this.addEnvironment(envVar, name);
    const actions = mode === 'RO' ? ['s3:GetObject', 's3:GetObjectVersion'] : ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject'];
    if (prefixes.length) this.addToRolePolicy(new PolicyStatement({ actions, resources: prefixes.map((p) => `${bucketArn}/${p}*`) }));
    this.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucketArn] }));
    if (bucket.encryptionKey) this.bindKey(bucket.encryptionKey, mode);
    for (const p of prefixes) {
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::daumoi-scans-<AWS::AccountId>-<AWS::Region>/${p}*]`,
        reason: `Objects under the ${p} prefix are created at run time (one per scan/attachment); the grant is limited to that prefix.`,
      });
    }
    return this;
  }

  private bindKey(key: IKey, mode: 'RO' | 'RW'): void {
    const actions = mode === 'RO' ? ['kms:Decrypt', 'kms:DescribeKey'] : ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'];
    this.addToRolePolicy(new PolicyStatement({ actions, resources: [key.keyArn] }));
  }
}

/**
 * What the secrecy guard needs to remove every version of a quarantined scan's upload and OCR
 * text (BlobStore.purge): s3:ListBucketVersions on the bucket and s3:DeleteObjectVersion on the
 * scans/ and ocr/ prefixes, and nothing more. Given to the functions that quarantine (the OCR
 * worker, the scans API function).
 */
export function grantPurgeVersions(fn: DaumoiFunction): void {
  const bucketArn = `arn:${Aws.PARTITION}:s3:::daumoi-scans-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
  fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucketVersions'], resources: [bucketArn] }));
  fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:DeleteObjectVersion'], resources: [`${bucketArn}/${SCAN_PREFIX}*`, `${bucketArn}/${OCR_PREFIX}*`] }));
}
