/**
 * The reporting part of the composition root (composition.ts calls it): which adapters the
 * reporting services get, from configuration — Cognito or the embedded issuer for machine
 * clients, SES or the outbox for notifications.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV, optionalEnv, requireEnv } from './config/env';
import { REPORTING_ENV } from './config/reporting-env';
import type { DomainConfig } from './domain/config';
import type { AuditLog } from './ports/audit-log';
import type { Clock } from './ports/clock';
import type { ClientProvisioner } from './ports/client-provisioner';
import type { Notifier } from './ports/notifier';
import type { ReportFiles } from './ports/report-files';
import { tableName } from './adapters/dynamodb/tables';
import { DynamoClientRegistry } from './adapters/dynamodb/client-registry';
import { DynamoOrgStore } from './adapters/dynamodb/org-store';
import { DynamoReportTypeStore } from './adapters/dynamodb/report-type-store';
import { DynamoReportStore } from './adapters/dynamodb/report-store';
import { DynamoAttachmentStore } from './adapters/dynamodb/report-attachment-store';
import { DynamoReminderStore } from './adapters/dynamodb/reminder-store';
import { DynamoOutbox } from './adapters/dynamodb/outbox-notifier';
import { LocalClientProvisioner } from './adapters/auth/local-client-provisioner';
import { CognitoClientProvisioner } from './adapters/cognito/client-provisioner';
import { SesNotifier } from './adapters/ses/notifier';
import { S3ReportFiles } from './adapters/s3/presign';
import type { ReportingDeps } from './services/reports/deps';
import type { ReportDataSchemas } from './ports/report-data-schemas';

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
