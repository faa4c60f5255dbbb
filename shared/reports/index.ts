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
export { ajvReportDataSchemas } from './adapters/report-data-schema';
export { consolidatedCsv, consolidatedXlsx } from './adapters/report-sheet';

// Configuration names (infra sets them; the composition and the embedded plugin read them).
export { REPORTING_ENV } from './env';
