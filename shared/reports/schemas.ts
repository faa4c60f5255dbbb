/** Request and response schemas of the reporting routes (shared/reports/routes.ts): report types, submissions, status, attachments, reminders, the outbox. */
import * as z from 'zod';
import { ATTACHMENT_TYPES, REPORT_LIMITS, REPORT_PERIOD_KINDS, REPORT_STATUSES } from './domain/model';
import { Id, UploadTicket } from '../platform/http/schemas';

export const PeriodText = z.string().trim().min(4).max(10).describe('"2026-10" (month), "2026-Q3", "2026-H1" or "2026"');
const Instant = z.iso.datetime({ offset: true });
const DataSchema = z.record(z.string(), z.unknown()).describe('JSON Schema (draft 2020-12) that `data` must satisfy');
const RemindBefore = z.array(z.number().int().min(0).max(366)).max(10);
const RemindAfter = z.array(z.number().int().min(1).max(366)).max(10);

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

export const Reminder = z
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

export const Notification = z
  .object({ messageId: z.string(), sentAt: z.string(), status: z.enum(['sent', 'skipped']), to: z.array(z.string()), subject: z.string(), text: z.string(), kind: z.string(), orgId: z.string().optional(), ref: z.string().optional() })
  .meta({ id: 'Notification' });

export const TypeParams = z.object({ code: Id });
export const ReportParams = z.object({ id: Id });
export const PeriodQuery = z.object({ reportType: Id, period: PeriodText.optional() });

export const NewAttachment = z
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
  .meta({ id: 'NewAttachment' });
