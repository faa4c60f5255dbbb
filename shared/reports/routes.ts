/** Routes of the reporting regime: report types, submissions, the status view, export, reminders and the outbox. */
import * as z from 'zod';
import { OFFICE_ROLES, type Role } from '../identity/domain/identity';
import { ATTACHMENT_TYPES, REPORT_LIMITS, REPORT_PERIOD_KINDS, REPORT_STATUSES } from './domain/model';
import { defineRoute } from '../platform/http/route';
import { ETAG_HEADERS, FILE_HEADERS, Id, ListQuery, UploadTicket, listOf } from '../platform/http/schemas';

const OFFICE_OR_ORG: readonly Role[] = [...OFFICE_ROLES, 'don-vi'];
const PeriodText = z.string().trim().min(4).max(10).describe('"2026-10" (month), "2026-Q3", "2026-H1" or "2026"');
const Instant = z.iso.datetime({ offset: true });
const DataSchema = z.record(z.string(), z.unknown()).describe('JSON Schema (draft 2020-12) that `data` must satisfy');
const RemindBefore = z.array(z.number().int().min(0).max(366)).max(10);
const RemindAfter = z.array(z.number().int().min(1).max(366)).max(10);

export { ATTACHMENT_TYPES };

export const ReportTypeView = z
  .object({
    code: z.string(),
    name: z.string(),
    period: z.enum(REPORT_PERIOD_KINDS),
    dueDay: z.number().int().optional(),
    deadline: z.string().optional(),
    reportPeriod: z.string().optional(),
    orgIds: z.array(z.string()).optional(),
    dataSchema: z.record(z.string(), z.unknown()).optional(),
    remindDaysBefore: z.array(z.number()).optional(),
    remindDaysAfter: z.array(z.number()).optional(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'ReportType' });

export const NewReportType = z
  .strictObject({
    code: Id,
    name: z.string().trim().min(1).max(300),
    period: z.enum(REPORT_PERIOD_KINDS),
    dueDay: z.number().int().min(1).max(31).optional().describe('Periodic types: due at the end of this day of the month after the period (default from config)'),
    deadline: Instant.optional().describe('Ad-hoc types: the deadline'),
    reportPeriod: PeriodText.optional().describe('Ad-hoc types: the period the report covers (default: the month of the deadline)'),
    orgIds: z.array(Id).max(2000).optional().describe('Organisations that must report; default every organisation'),
    dataSchema: DataSchema.optional(),
    remindDaysBefore: RemindBefore.optional(),
    remindDaysAfter: RemindAfter.optional(),
  })
  .meta({ id: 'NewReportType' });

export const ReportTypeChanges = z
  .strictObject({
    version: z.number().int().min(1).optional().describe('The version being changed (or the If-Match header)'),
    name: z.string().trim().min(1).max(300).optional(),
    dueDay: z.number().int().min(1).max(31).optional(),
    deadline: Instant.optional(),
    reportPeriod: PeriodText.optional(),
    orgIds: z.array(Id).max(2000).nullable().optional().describe('null: every organisation'),
    dataSchema: DataSchema.nullable().optional().describe('null: no schema'),
    remindDaysBefore: RemindBefore.optional(),
    remindDaysAfter: RemindAfter.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'ReportTypeChanges' });

export const NewReport = z
  .strictObject({
    reportType: Id,
    period: PeriodText.optional().describe('Required for periodic types; ad-hoc types have their own'),
    title: z.string().trim().min(1).max(REPORT_LIMITS.titleChars),
    content: z.string().max(REPORT_LIMITS.contentChars).optional(),
    data: z.record(z.string(), z.unknown()).optional().describe("Figures, checked against the type's JSON Schema"),
    attachments: z.array(Id).max(REPORT_LIMITS.attachments).optional().describe('attachmentId values from POST /v1/reports/attachments, uploaded'),
  })
  .meta({ id: 'NewReport' });

export const SubmissionReceipt = z
  .object({
    id: z.string(),
    version: z.number().int(),
    submittedAt: z.string(),
    onTime: z.boolean(),
    deadline: z.string(),
    orgId: z.string(),
    reportType: z.string(),
    period: z.string(),
  })
  .meta({ id: 'SubmissionReceipt' });

export const ReportSummaryView = z
  .object({
    id: z.string(),
    orgId: z.string(),
    reportType: z.string(),
    period: z.string(),
    latestVersion: z.number().int(),
    title: z.string(),
    submittedAt: z.string(),
    onTime: z.boolean(),
    firstSubmittedAt: z.string(),
    firstOnTime: z.boolean(),
    deadline: z.string(),
  })
  .meta({ id: 'ReportSummary' });

const Attachment = z.object({ attachmentId: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() });

export const ReportVersionView = z
  .object({
    id: z.string(),
    orgId: z.string(),
    reportType: z.string(),
    period: z.string(),
    version: z.number().int(),
    title: z.string(),
    content: z.string(),
    data: z.record(z.string(), z.unknown()),
    attachments: z.array(Attachment),
    submittedAt: z.string(),
    onTime: z.boolean(),
    deadline: z.string(),
    submittedBy: z.string(),
  })
  .meta({ id: 'ReportVersion' });

export const ReportView = ReportVersionView.extend({
  latestVersion: z.number().int(),
  firstSubmittedAt: z.string(),
  versions: z.array(z.object({ version: z.number().int(), submittedAt: z.string(), onTime: z.boolean(), title: z.string(), submittedBy: z.string() })),
}).meta({ id: 'Report' });

export const ReportStatusView = z
  .object({
    reportType: z.string(),
    reportTypeName: z.string(),
    period: z.string(),
    periodLabel: z.string(),
    deadline: z.string(),
    asOf: z.string(),
    summary: z.object({ expected: z.number(), submitted: z.number(), late: z.number(), missing: z.number() }),
    items: z.array(
      z.object({
        orgId: z.string(),
        orgName: z.string(),
        orgCode: z.string().optional(),
        parentId: z.string().nullable(),
        depth: z.number().int(),
        status: z.enum(REPORT_STATUSES),
        overdue: z.boolean(),
        expected: z.boolean(),
        deadline: z.string(),
        reportId: z.string().optional(),
        latestVersion: z.number().int().optional(),
        firstSubmittedAt: z.string().optional(),
        lastSubmittedAt: z.string().optional(),
      }),
    ),
    nextCursor: z.null(),
  })
  .meta({ id: 'ReportStatus' });

export const AttachmentUpload = UploadTicket.extend({ attachmentId: z.string() }).meta({ id: 'AttachmentUpload' });

export const AttachmentDownload = Attachment.extend({
  downloadUrl: z.string().meta({ description: 'Presigned GET URL of the file, as it was when the report cited it' }),
  expiresAt: z.string(),
}).meta({ id: 'AttachmentDownload' });

export const ReminderRunView = z
  .object({
    at: z.string(),
    checked: z.array(z.object({ reportType: z.string(), period: z.string(), kind: z.enum(['before', 'after']), missing: z.number().int() })).meta({ description: 'Type/period pairs with a reminder due' }),
    sent: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    alreadyDone: z.number().int().meta({ description: 'Already reminded for this slot by an earlier run' }),
  })
  .meta({ id: 'ReminderRun' });

const Reminder = z
  .object({
    reportType: z.string(),
    period: z.string(),
    orgId: z.string(),
    scheduledAt: z.string(),
    kind: z.enum(['before', 'after']),
    days: z.number(),
    deadline: z.string(),
    createdAt: z.string(),
    status: z.enum(['pending', 'sent', 'skipped', 'failed']),
    to: z.array(z.string()),
    messageId: z.string().nullable().optional().meta({ description: 'The message that carried it (SES, or the embedded outbox)' }),
    error: z.string().nullable().optional().meta({ description: 'Why sending failed (status failed)' }),
  })
  .meta({ id: 'Reminder' });

const Notification = z
  .object({ messageId: z.string(), sentAt: z.string(), status: z.enum(['sent', 'skipped']), to: z.array(z.string()), subject: z.string(), text: z.string(), kind: z.string(), orgId: z.string().optional(), ref: z.string().optional() })
  .meta({ id: 'Notification' });

const TypeParams = z.object({ code: Id });
const ReportParams = z.object({ id: Id });
const PeriodQuery = z.object({ reportType: Id, period: PeriodText.optional() });

export const reportRoutes = [
  defineRoute({
    operationId: 'createReportType',
    method: 'POST',
    path: '/v1/report-types',
    fn: 'reports',
    auth: 'user',
    roles: ['admin'],
    summary: 'Define a report type: period (monthly … annual, ad-hoc), due rule, target organisations, data schema',
    tags: ['reports'],
    idempotent: true,
    request: { body: NewReportType },
    responses: { 201: { description: 'The report type', schema: ReportTypeView, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    operationId: 'listReportTypes',
    method: 'GET',
    path: '/v1/report-types',
    fn: 'reports',
    auth: 'any',
    roles: OFFICE_OR_ORG,
    summary: 'Report types (an organisation client sees the active ones asked of it)',
    tags: ['reports'],
    responses: { 200: { description: 'Report types by code', schema: listOf(ReportTypeView) } },
  }),
  defineRoute({
    operationId: 'getReportType',
    method: 'GET',
    path: '/v1/report-types/{code}',
    fn: 'reports',
    auth: 'any',
    roles: OFFICE_OR_ORG,
    summary: 'One report type, with its data schema',
    tags: ['reports'],
    request: { params: TypeParams },
    responses: { 200: { description: 'The report type', schema: ReportTypeView, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    operationId: 'updateReportType',
    method: 'PATCH',
    path: '/v1/report-types/{code}',
    fn: 'reports',
    auth: 'user',
    roles: ['admin'],
    summary: 'Change a report type (not its period kind)',
    ifMatch: true,
    tags: ['reports'],
    request: { params: TypeParams, body: ReportTypeChanges },
    responses: { 200: { description: 'The report type, next version', schema: ReportTypeView, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    operationId: 'submitReport',
    method: 'POST',
    path: '/v1/reports',
    fn: 'reports',
    auth: 'client',
    roles: ['don-vi'],
    summary: 'Submit a report; the same organisation, type and period again makes the next version',
    tags: ['reports'],
    idempotent: true,
    request: { body: NewReport },
    responses: { 201: { description: 'Received', schema: SubmissionReceipt } },
  }),
  defineRoute({
    operationId: 'createReportAttachment',
    method: 'POST',
    path: '/v1/reports/attachments',
    fn: 'reports',
    auth: 'client',
    roles: ['don-vi'],
    summary: 'An upload URL for one attachment (PUT the file there, then name attachmentId in the report)',
    tags: ['reports'],
    idempotent: true,
    request: {
      body: z
        .strictObject({
          fileName: z
            .string()
            .trim()
            .min(1)
            .max(255)
            .regex(/^[^/\\\x00-\x1f]+$/, 'a file name, without folders or control characters'),
          // Checked by the operation, so that a wrong type gets 415 rather than 400.
          contentType: z.string().trim().min(1).max(100).meta({ description: `One of ${ATTACHMENT_TYPES.join(', ')}` }),
          size: z
            .number()
            .int()
            .min(1, { error: 'must be at least 1 byte' })
            .meta({
              description: `Bytes the client will upload (required, ≤ ${REPORT_LIMITS.attachmentBytes}): signed into the URL with the content type, so S3 refuses a PUT of any other length or type. Larger → 413.`,
            }),
        })
        .meta({ id: 'NewAttachment' }),
    },
    responses: {
      201: { description: 'Where to upload', schema: AttachmentUpload },
      413: { description: 'Announced size over 50 MB' },
      415: { description: 'A file type not accepted as an attachment' },
    },
  }),
  defineRoute({
    operationId: 'listReports',
    method: 'GET',
    path: '/v1/reports',
    fn: 'reports',
    auth: 'any',
    roles: OFFICE_OR_ORG,
    summary: "Reports (latest versions); an organisation's client sees only its own",
    tags: ['reports'],
    request: { query: ListQuery.extend({ reportType: Id.optional(), period: PeriodText.optional(), orgId: Id.optional() }) },
    responses: { 200: { description: 'Reports', schema: listOf(ReportSummaryView) } },
  }),
  defineRoute({
    operationId: 'getReportStatus',
    method: 'GET',
    path: '/v1/reports/status',
    fn: 'reports',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'Per organisation: submitted, late or missing, with the deadline (the whole list, no paging)',
    tags: ['reports'],
    request: { query: PeriodQuery },
    responses: { 200: { description: 'Status of the period', schema: ReportStatusView } },
  }),
  defineRoute({
    operationId: 'exportReports',
    method: 'GET',
    path: '/v1/reports/export',
    fn: 'exports',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'The period consolidated (tổng hợp): one row per organisation with its status and data, as XLSX or CSV',
    tags: ['reports'],
    request: { query: PeriodQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
    responses: {
      200: {
        description: 'The workbook (format=xlsx) or the CSV file (format=csv)',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        schema: z.string().meta({ format: 'binary' }),
        alsoContent: { 'text/csv': z.string().meta({ description: 'UTF-8 with a byte-order mark, one row per organisation' }) },
        headers: FILE_HEADERS,
      },
    },
  }),
  defineRoute({
    operationId: 'listReportReminders',
    method: 'GET',
    path: '/v1/reports/reminders',
    fn: 'reports',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'Reminders recorded for a type and period',
    tags: ['reports'],
    request: { query: PeriodQuery },
    responses: { 200: { description: 'Reminders', schema: listOf(Reminder) } },
  }),
  defineRoute({
    operationId: 'runReportReminders',
    method: 'POST',
    path: '/v1/reports/reminders/run',
    fn: 'reports',
    auth: 'user',
    roles: ['admin'],
    summary: 'Run the reminder job now (it also runs on its schedule)',
    tags: ['reports'],
    responses: { 200: { description: 'What the run did', schema: ReminderRunView } },
  }),
  defineRoute({
    operationId: 'getReport',
    method: 'GET',
    path: '/v1/reports/{id}',
    fn: 'reports',
    auth: 'any',
    roles: OFFICE_OR_ORG,
    summary: 'A report: its latest version and the list of all versions',
    tags: ['reports'],
    request: { params: ReportParams },
    responses: { 200: { description: 'The report', schema: ReportView } },
  }),
  defineRoute({
    operationId: 'getReportVersion',
    method: 'GET',
    path: '/v1/reports/{id}/versions/{version}',
    fn: 'reports',
    auth: 'any',
    roles: OFFICE_OR_ORG,
    summary: 'One version of a report, as it was submitted',
    tags: ['reports'],
    request: { params: z.object({ id: Id, version: z.coerce.number().int().min(1).max(999_999) }) },
    responses: { 200: { description: 'The version', schema: ReportVersionView } },
  }),
  defineRoute({
    operationId: 'getReportAttachment',
    method: 'GET',
    path: '/v1/reports/{id}/attachments/{attachmentId}',
    fn: 'reports',
    auth: 'any',
    roles: OFFICE_OR_ORG,
    summary: 'A short-lived download URL for an attachment of the report',
    tags: ['reports'],
    request: { params: z.object({ id: Id, attachmentId: Id }) },
    responses: { 200: { description: 'The attachment with a short-lived download link', schema: AttachmentDownload } },
  }),
  defineRoute({
    operationId: 'listOutbox',
    method: 'GET',
    path: '/v1/notifications/outbox',
    fn: 'reports',
    auth: 'user',
    roles: ['admin'],
    summary: 'Messages the embedded notifier kept instead of e-mailing them (newest first); empty in the cloud, where SES sends them',
    tags: ['reports'],
    request: { query: ListQuery.extend({ orgId: Id.optional() }) },
    responses: { 200: { description: 'Messages', schema: listOf(Notification) } },
  }),
];
