/** Composes the stacks; shared by the CDK app and the infra tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DataStack } from './stacks/data-stack';
import { ApiStack } from './stacks/api-stack';
import { OcrStack } from './stacks/ocr-stack';
import { WorkflowStack, grantDraftsApi } from './stacks/workflow-stack';
import { MonitoringStack } from './stacks/monitoring-stack';
import { ConsoleStack } from './stacks/console-stack';
import { REPO_ROOT } from './constructs/repo-root';

export function buildStacks(app: App) {
  const stage = String(app.node.tryGetContext('daumoi:stage') ?? 'dev');
  const ocrEngine = app.node.tryGetContext('daumoi:ocrEngine') === 'textract' ? 'textract' : 'tesseract';
  const retentionDays = Number(app.node.tryGetContext('daumoi:logRetentionDays') ?? 365);
  const logRetention = (Object.values(RetentionDays) as number[]).includes(retentionDays) ? (retentionDays as RetentionDays) : RetentionDays.ONE_YEAR;
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const prefix = `Daumoi-${stage}`;
  // Tables with a customer-managed key need a region-specific stack; Singapore is the nearest region.
  const region = String(app.node.tryGetContext('daumoi:region') ?? process.env.CDK_DEFAULT_REGION ?? 'ap-southeast-1');
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region };

  const data = new DataStack(app, `${prefix}-Data`, { env, description: 'daumoi data: tables and scans bucket' });
  const mailFrom = String(app.node.tryGetContext('daumoi:mailFrom') ?? 'Văn phòng cấp ủy <vanphong@example.gov.vn>');
  const ctx = (k: string) => app.node.tryGetContext(`daumoi:${k}`) as string | undefined;
  const signingCertificate = ctx('signingCertificate');
  // The console's build (web/dist unless `daumoi:consoleDist`) and its custom domain with an ACM certificate in us-east-1, if any.
  const consoleProps = { dist: ctx('consoleDist'), domainName: ctx('consoleDomain'), certificateArn: ctx('consoleCertificateArn') };
  const api = new ApiStack(app, `${prefix}-Api`, {
    env,
    data,
    version,
    logRetention,
    mailFrom,
    ...(signingCertificate ? { signingCertificate } : {}),
    // The exchange (liên thông): this office's id and the public URL partners post to, when not the defaults.
    ...(ctx('officeId') ? { officeId: ctx('officeId')! } : {}),
    ...(ctx('exchangeEndpoint') ? { exchangeEndpoint: ctx('exchangeEndpoint')! } : {}),
    console: consoleProps,
    description: 'daumoi API, identity and console',
  });
  const consoleStack = new ConsoleStack(app, `${prefix}-Console`, { env, data, api, description: 'daumoi console: web assets, config.json, scans CORS' });
  const quarantineAction = app.node.tryGetContext('daumoi:quarantineAction') === 'delete' ? 'delete' : 'move';
  // The signatures of received PDFs are checked against the office's certificate and the configured roots (PEM).
  const trustRoots = ctx('trustRoots');
  // The office's certificate as configured, or the one made at deploy for a dev stage (from the Api stack).
  const trust = { signingCertificate: api.signingKey.certificate, ...(trustRoots ? { trustRoots } : {}) };
  const ocr = new OcrStack(app, `${prefix}-Ocr`, { env, data, ocrEngine, quarantineAction, logRetention, ...trust, description: 'daumoi OCR pipeline' });
  const workflow = new WorkflowStack(app, `${prefix}-Workflow`, { env, data, logRetention, description: 'daumoi appraisal and approval workflow' });
  grantDraftsApi(api.functions.drafts, workflow.stateMachine);
  const alarmEmail = app.node.tryGetContext('daumoi:alarmEmail') as string | undefined;
  const monitoring = new MonitoringStack(app, `${prefix}-Monitoring`, { env, api, ocr, workflow, ...(alarmEmail ? { alarmEmail } : {}), description: 'daumoi alarms' });
  return { data, api, ocr, workflow, monitoring, console: consoleStack };
}
