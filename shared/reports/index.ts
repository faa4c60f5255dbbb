/**
 * The reporting capability's public entry (reports from subordinate organisations, the org tree,
 * reminders): what functions, the composition, the embedded runtime, infra and other modules may
 * use. Its routes and schemas are the module's other public face (shared/reports/routes.ts,
 * schemas.ts and org-routes.ts, read by the route table), kept out of this entry so that a
 * bundle importing it does not carry the API's schemas.
 */
// Domain.
export { ATTACHMENT_TYPES, REPORT_LIMITS, REPORT_PERIOD_KINDS, REPORT_STATUSES } from './domain/model';
export type { AttachmentRef, Organisation, ReportStatus, ReportSummary, ReportType, ReportVersion } from './domain/model';
export type { Cell, ConsolidatedTable } from './domain/consolidation';

// Ports.
export type { OrgStore } from './ports/orgs';
export type { AttachmentStore, ReminderStore, ReportStore, ReportTypeStore } from './ports/reports';
export type { FileStat, PresignedUrl, ReportFiles } from './ports/report-files';
export type { ReportDataSchemas } from './ports/report-data-schemas';

// Use cases.
export { createReporting, type Reporting, type ReportingDeps } from './app/index';
export { OrgService, type ClientView, type NewOrg, type OrgChanges } from './app/org-service';
export { ReportService, type Submission, type SubmissionReceipt } from './app/report-service';
export { ReportTypeService } from './app/report-type-service';
export { ReminderService, type ReminderRun } from './app/reminder-service';

// Adapters, for whoever composes the use cases, and the consolidated export's writers.
export { DynamoOrgStore } from './adapters/dynamo-org-store';
export { DynamoReportTypeStore } from './adapters/dynamo-report-type-store';
export { DynamoReportStore } from './adapters/dynamo-report-store';
export { DynamoAttachmentStore } from './adapters/dynamo-report-attachment-store';
export { DynamoReminderStore } from './adapters/dynamo-reminder-store';
export { consolidatedCsv, consolidatedXlsx } from './adapters/report-sheet';

// Configuration names (infra sets them; the composition and the embedded plugin read them).
export { REPORTING_ENV } from './env';

import type { Platform } from '../platform/platform';
import type { AuditLog } from '../audit';
import type { DomainConfig } from '../office';
import { clientDirectory, type ClientProvisioner } from '../identity';
import type { Notifier } from '../platform/notify/notifier';
import { DynamoOutbox } from '../platform/notify/outbox-notifier';
import { S3ReportFiles } from './adapters/s3-report-files';
import { DynamoOrgStore } from './adapters/dynamo-org-store';
import { DynamoReportTypeStore } from './adapters/dynamo-report-type-store';
import { DynamoReportStore } from './adapters/dynamo-report-store';
import { DynamoAttachmentStore } from './adapters/dynamo-report-attachment-store';
import { DynamoReminderStore } from './adapters/dynamo-reminder-store';
import type { ReportFiles } from './ports/report-files';
import type { ReportDataSchemas } from './ports/report-data-schemas';
import { createReporting, type Reporting } from './app/index';

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
    clients: clientDirectory(platform),
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
