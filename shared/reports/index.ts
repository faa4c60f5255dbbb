/**
 * The reports module's public entry: organisations, report types, submissions, reminders and
 * the outbox, built from the platform and the ports the caller hands in (the edge's client
 * provisioner and notifier; the data schema checker only the reports function composes).
 */
import type { Platform } from '../platform/platform';
import type { AuditLog } from '../audit/ports/audit-log';
import type { DomainConfig } from '../office/domain/config';
import type { ClientProvisioner } from '../identity/ports/client-provisioner';
import type { Notifier } from '../platform/notify/notifier';
import { DynamoOutbox } from '../platform/notify/outbox-notifier';
import { DynamoClientRegistry } from '../identity/adapters/dynamo-client-registry';
import { S3ReportFiles } from '../platform/aws/presign';
import { DynamoOrgStore } from './adapters/dynamo-org-store';
import { DynamoReportTypeStore } from './adapters/dynamo-report-type-store';
import { DynamoReportStore } from './adapters/dynamo-report-store';
import { DynamoAttachmentStore } from './adapters/dynamo-report-attachment-store';
import { DynamoReminderStore } from './adapters/dynamo-reminder-store';
import type { ReportFiles } from './ports/report-files';
import type { ReportDataSchemas } from './ports/report-data-schemas';
import { createReporting, type Reporting } from './app/index';

export type { Reporting } from './app/index';

const noSchemas = (): never => {
  throw new Error('No report data schemas in this function: only the reports function composes them (shared/reports/adapters/report-data-schema.ts)');
};

export interface ReportsPorts {
  audit: AuditLog;
  /** Read when a use case needs it (config/domain.json is parsed once, on first use). */
  office: () => DomainConfig;
  /** Made on first use, so that a function that never provisions or notifies needs no such configuration. */
  provisioner: () => ClientProvisioner;
  notifier: (outbox: DynamoOutbox) => Notifier;
  schemas?: ReportDataSchemas;
}

export function reportsModule(platform: Platform, ports: ReportsPorts): Reporting {
  const { db, clock } = platform;
  const table = platform.table('Data');
  const outbox = new DynamoOutbox(db, table, clock);
  let provisioner: ClientProvisioner | undefined;
  let notifier: Notifier | undefined;
  let files: ReportFiles | undefined;
  const schemas = () => ports.schemas ?? noSchemas();
  return createReporting({
    clock,
    audit: ports.audit,
    config: ports.office,
    orgs: new DynamoOrgStore(db, table),
    types: new DynamoReportTypeStore(db, table),
    reports: new DynamoReportStore(db, table),
    attachments: new DynamoAttachmentStore(db, table),
    reminders: new DynamoReminderStore(db, table),
    clients: new DynamoClientRegistry(db, table),
    provisioner: {
      create: (input) => (provisioner ??= ports.provisioner()).create(input),
      remove: (clientId) => (provisioner ??= ports.provisioner()).remove(clientId),
    },
    files: {
      checkAvailable: () => (files ??= S3ReportFiles.fromEnv(clock)).checkAvailable(),
      presignUpload: (...a) => (files ??= S3ReportFiles.fromEnv(clock)).presignUpload(...a),
      presignDownload: (...a) => (files ??= S3ReportFiles.fromEnv(clock)).presignDownload(...a),
      stat: (key) => (files ??= S3ReportFiles.fromEnv(clock)).stat(key),
      seal: (...a) => (files ??= S3ReportFiles.fromEnv(clock)).seal(...a),
    },
    schemas: { check: (s) => schemas().check(s), validate: (s, d) => schemas().validate(s, d) },
    notifier: { send: (n) => (notifier ??= ports.notifier(outbox)).send(n) },
    outbox,
  });
}
