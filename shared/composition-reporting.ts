/**
 * The reporting part of the composition root (composition.ts calls it): which adapters the
 * reporting services get, from configuration — Cognito or the embedded issuer for machine
 * clients, SES or the outbox for notifications.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV, optionalEnv, requireEnv } from './platform/env';
import { REPORTING_ENV } from './reports/env';
import type { DomainConfig } from './office';
import type { AuditLog } from './audit/ports/audit-log';
import type { Clock } from './platform/clock';
import type { ClientProvisioner } from './identity/ports/client-provisioner';
import type { Notifier } from './platform/notify/notifier';
import type { ReportFiles } from './reports/ports/report-files';
import { tableName } from './platform/aws/tables';
import { DynamoClientRegistry } from './identity/adapters/dynamo-client-registry';
import { DynamoOrgStore } from './reports/adapters/dynamo-org-store';
import { DynamoReportTypeStore } from './reports/adapters/dynamo-report-type-store';
import { DynamoReportStore } from './reports/adapters/dynamo-report-store';
import { DynamoAttachmentStore } from './reports/adapters/dynamo-report-attachment-store';
import { DynamoReminderStore } from './reports/adapters/dynamo-reminder-store';
import { DynamoOutbox } from './platform/notify/outbox-notifier';
import { LocalClientProvisioner } from './identity/adapters/local-client-provisioner';
import { CognitoClientProvisioner } from './identity/adapters/cognito-client-provisioner';
import { SesNotifier } from './platform/notify/ses-notifier';
import { S3ReportFiles } from './reports/adapters/s3-report-files';
import type { ReportingDeps } from './reports/app/deps';
import type { ReportDataSchemas } from './reports/ports/report-data-schemas';

let schemasProvider: (() => ReportDataSchemas) | undefined;
/** Installs the report data schema checker (see shared/composition-report-schemas.ts); only the reports function's bundle carries one. */
export function provideReportDataSchemas(provider: () => ReportDataSchemas): void {
  schemasProvider = provider;
}
const noSchemas = (): never => {
  throw new Error('No report data schemas in this process: the reports function calls useReportDataSchemas() (shared/composition-report-schemas.ts)');
};

interface Base {
  clock: Clock;
  db: DynamoDBDocumentClient;
  audit: AuditLog;
  domainConfig: DomainConfig;
}

const embedded = () => optionalEnv(ENV.authMode, 'cognito') === 'local';

export function buildReportingDeps(services: () => Base): ReportingDeps {
  const s = services();
  const table = tableName('Data');
  // The clock is read through services() on every call: tests and the embedded clock hook replace it.
  const clock: Clock = { now: () => services().clock.now() };
  const outbox = new DynamoOutbox(s.db, table, clock);
  let provisioner: ClientProvisioner | undefined;
  let notifier: Notifier | undefined;
  let files: ReportFiles | undefined;
  return {
    clock,
    audit: s.audit,
    config: () => services().domainConfig,
    orgs: new DynamoOrgStore(s.db, table),
    types: new DynamoReportTypeStore(s.db, table),
    reports: new DynamoReportStore(s.db, table),
    attachments: new DynamoAttachmentStore(s.db, table),
    reminders: new DynamoReminderStore(s.db, table),
    clients: new DynamoClientRegistry(s.db, table),
    // Made on first use, so that a function that never provisions or notifies needs no such configuration.
    provisioner: {
      create: (input) => (provisioner ??= buildProvisioner()).create(input),
      remove: (clientId) => (provisioner ??= buildProvisioner()).remove(clientId),
    },
    files: {
      checkAvailable: () => (files ??= S3ReportFiles.fromEnv(clock)).checkAvailable(),
      presignUpload: (...a) => (files ??= S3ReportFiles.fromEnv(clock)).presignUpload(...a),
      presignDownload: (...a) => (files ??= S3ReportFiles.fromEnv(clock)).presignDownload(...a),
      stat: (key) => (files ??= S3ReportFiles.fromEnv(clock)).stat(key),
      seal: (...a) => (files ??= S3ReportFiles.fromEnv(clock)).seal(...a),
    },
    schemas: {
      check: (schema) => (schemasProvider ?? noSchemas)().check(schema),
      validate: (schema, data) => (schemasProvider ?? noSchemas)().validate(schema, data),
    },
    notifier: { send: (n) => (notifier ??= buildNotifier(outbox, clock)).send(n) },
    outbox,
  };
}

function buildProvisioner(): ClientProvisioner {
  return embedded() ? new LocalClientProvisioner() : CognitoClientProvisioner.create(requireEnv(ENV.userPoolId));
}

function buildNotifier(outbox: DynamoOutbox, clock: Clock): Notifier {
  const kind = optionalEnv(REPORTING_ENV.notifier, embedded() ? 'outbox' : 'ses');
  if (kind === 'outbox') return outbox;
  if (kind === 'ses') return SesNotifier.create(requireEnv(REPORTING_ENV.mailFrom), clock, optionalEnv(REPORTING_ENV.sesConfigurationSet));
  throw new Error(`${REPORTING_ENV.notifier} must be "ses" or "outbox", not "${kind}"`);
}
