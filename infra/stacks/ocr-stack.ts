/**
 * OCR: scans created in the bucket reach the OCR worker through EventBridge → SQS (with a
 * dead-letter queue), so a failed page is retried a bounded number of times and never lost.
 *
 * The worker runs tesseract.js with the Vietnamese model (default) or Amazon Textract
 * (`daumoi:ocrEngine=textract`; Textract does not read Vietnamese diacritics). tesseract.js
 * loads its worker script and WebAssembly core from files at run time, so it is not bundled:
 * the packages it needs (and the `vie` traineddata) are copied from the repository's
 * node_modules into the asset after bundling — offline, no `npm install` at synth.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Aws, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENV } from '../../shared/platform/env';
import { SCANS_ENV } from '../../shared/scans/env';
import { TABLES } from '../../shared/platform/aws/tables';
import { OCR_PREFIX, QUARANTINE_PREFIX, SCAN_PREFIX } from '../../shared/scans/domain/model';
import { MAX_OCR_ATTEMPTS, OCR_MAX_CONCURRENCY, OCR_TIMEOUT_SECONDS, OCR_VISIBILITY_TIMEOUT_SECONDS } from '../../shared/scans/app/deps';
import { DaumoiFunction, grantPurgeVersions } from '../constructs/daumoi-function';
import { SIGNING_ENV } from '../../shared/documents/env';
import { REPO_ROOT } from '../constructs/repo-root';
import type { DataStack } from './data-stack';

export interface OcrStackProps extends StackProps {
  data: DataStack;
  /** `tesseract` (default, reads Vietnamese) or `textract`. */
  ocrEngine: 'tesseract' | 'textract';
  /** What the secrecy guard does with Tối mật / Tuyệt mật uploads (default `move`). */
  quarantineAction?: 'move' | 'delete';
  logRetention?: RetentionDays;
  /**
   * The office's trust list for the signatures of received PDFs: its signing certificate
   * (`daumoi:signingCertificate`, only the first of the chain is trusted) and further roots
   * (`daumoi:trustRoots`, PEM, e.g. the Ban Cơ yếu Chính phủ root CA). Lambda's environment
   * holds 4 KB in all: a few roots fit.
   */
  signingCertificate?: string;
  trustRoots?: string;
}

/** Prefix under which clients upload scans (presigned PUT). */
export const UPLOAD_PREFIX = SCAN_PREFIX;

/** OCR function timeout; the job lease and the queue's visibility timeout are longer (shared/scans/app/deps.ts). */
const OCR_TIMEOUT = Duration.seconds(OCR_TIMEOUT_SECONDS);

/**
 * Packages loaded from files at run time (not bundled), copied into the function's asset
 * (with the faster model, FAST_MODEL_DIR):
 * tesseract.js (worker script, WebAssembly core) and its Vietnamese model; pdfjs-dist (its
 * worker module) and @napi-rs/canvas (a native binary) for PDF pages and image decoding.
 */
export const OCR_RUNTIME_PACKAGES = ['tesseract.js', '@tesseract.js-data/vie', 'pdfjs-dist', '@napi-rs/canvas'];

/**
 * The faster Vietnamese model daumoi ships for the pages after the first (shared/scans/adapters/ocr/tessdata-fast),
 * copied next to the bundle, where the engine looks for it (`fastVieLangPath`).
 */
export const FAST_MODEL_DIR = 'shared/scans/adapters/ocr/tessdata-fast';

/** The packages and everything they depend on (optional ones when installed), as in the repository's node_modules. */
export function dependencyClosure(roots: readonly string[], root = REPO_ROOT): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const manifest = path.join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return; // an optional dependency for another platform
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep);
  };
  for (const r of roots) visit(r);
  return [...seen].sort();
}

/**
 * The OCR worker's bundling: the runtime packages left out of the bundle and copied whole into
 * the asset's node_modules after bundling.
 */
export function ocrBundling(runtimePackages: readonly string[]) {
  return {
    // node-fetch (and its URL polyfills, ~280 KB): tfjs-core (the digit recogniser) requires it only to fetch
    // a model over the network, which the worker never does (the weights are bundled).
    externalModules: ['@aws-sdk/*', 'node-fetch', ...runtimePackages],
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir: string, outputDir: string) => [
        ...[...new Set(runtimePackages.filter((p) => p.startsWith('@')).map((p) => p.split('/')[0]))].map((scope) => `mkdir -p "${outputDir}/node_modules/${scope}"`),
        ...runtimePackages.map((p) => `cp -R "${inputDir}/node_modules/${p}" "${outputDir}/node_modules/${p}"`),
        `cp -R "${inputDir}/${FAST_MODEL_DIR}" "${outputDir}/tessdata-fast"`,
      ],
    },
  };
}

export class OcrStack extends Stack {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly worker: DaumoiFunction;

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
      visibilityTimeout: Duration.seconds(OCR_VISIBILITY_TIMEOUT_SECONDS),
      // The pipeline marks a scan failed after MAX_OCR_ATTEMPTS; two more receives cover crashes
      // and timeouts, which never reach that code, before the message parks in the DLQ.
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: MAX_OCR_ATTEMPTS + 2 },
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

    const runtimePackages = dependencyClosure(OCR_RUNTIME_PACKAGES);
    this.worker = new DaumoiFunction(this, 'OcrWorker', {
      entryFile: 'functions/ocr-worker.ts',
      description: `daumoi OCR worker (${props.ocrEngine})`,
      // tesseract.js: ~250 MB per worker (the fast model's pool for pages after the first, started by the first
      // such page, adds ~100 MB: 800 → 900 MB RSS reading two-page PDFs); 3.5 GB gives two vCPUs for a pool of two.
      memorySize: props.ocrEngine === 'tesseract' ? 3584 : 1024,
      timeout: OCR_TIMEOUT,
      // A flood of uploads cannot take the account's concurrency from the API: OCR never runs more
      // than this at once (reserved, so it also always has them).
      reservedConcurrentExecutions: OCR_MAX_CONCURRENCY,
      ...(props.logRetention ? { logRetentionDays: props.logRetention } : {}),
      environment: {
        [ENV.ocrEngine]: props.ocrEngine,
        [SCANS_ENV.quarantineAction]: props.quarantineAction ?? 'move',
        ...(props.signingCertificate ? { [SIGNING_ENV.certificate]: props.signingCertificate } : {}),
        ...(props.trustRoots ? { [SIGNING_ENV.trustRoots]: props.trustRoots } : {}),
      },
      bundling: ocrBundling(runtimePackages),
    });
    // @napi-rs/canvas is a native module: the function runs on the architecture whose binary is
    // installed (x86_64 unless the linux-arm64 build is in node_modules).
    if (!runtimePackages.includes('@napi-rs/canvas-linux-arm64-gnu')) {
      (this.worker.node.defaultChild as CfnFunction).architectures = [Architecture.X86_64.name];
    }
    const data = TABLES.find((t) => t.name === 'Data')!;
    this.worker.bindTable(data.envVar, props.data.tables.Data, data, 'RW');
    // The worker composes the scans module, whose registration path names the audit log; reading a
    // scan never writes an audit event, so the table is named without any grant.
    const audit = TABLES.find((t) => t.name === 'Audit')!;
    this.worker.bindTable(audit.envVar, props.data.tables.Audit, audit, 'NONE');
    this.worker.bindBucket(ENV.bucket, props.data.bucket, [SCAN_PREFIX, OCR_PREFIX, QUARANTINE_PREFIX], 'RW');
    // The secrecy guard removes every version of the upload and of its OCR text, not just hides
    // them behind delete markers.
    grantPurgeVersions(this.worker);
    // The poller never drives more invocations than the reserved concurrency: messages wait in the
    // queue rather than being throttled (a throttled receive would count towards the DLQ).
    this.worker.addEventSource(new SqsEventSource(this.queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: OCR_MAX_CONCURRENCY }));

    if (props.ocrEngine === 'textract') {
      // Textract's text-detection actions have no resource-level permissions: `*` is their only
      // form (the function's IAM5[Resource::*] finding is acknowledged once, in DaumoiFunction).
      this.worker.addToRolePolicy(
        new PolicyStatement({
          actions: ['textract:DetectDocumentText', 'textract:StartDocumentTextDetection', 'textract:GetDocumentTextDetection'],
          resources: ['*'],
        }),
      );
    }
  }
}
