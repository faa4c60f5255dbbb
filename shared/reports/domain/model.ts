/**
 * Reporting regime (chế độ thông tin, báo cáo): subordinate organisations (tổ chức đảng trực thuộc),
 * report types with their period and due rule, and the reports they submit, version by version.
 */
import type { ReportPeriodKind } from '../../office';

/** A subordinate Party organisation (đảng bộ, chi bộ trực thuộc); the tree is kept by `parentId`. */
export interface Organisation {
  id: string;
  name: string;
  /** Short code the office uses, e.g. "ĐU-XA-A" (optional). */
  code?: string;
  parentId: string | null;
  /** Where reminders are e-mailed. */
  email?: string;
  /** Inactive organisations are no longer expected to report. */
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const REPORT_PERIOD_KINDS = ['monthly', 'quarterly', 'half-year', 'annual', 'ad-hoc'] as const satisfies readonly ReportPeriodKind[];

/** A kind of report the office asks for, and when it is due. */
export interface ReportType {
  code: string;
  name: string;
  period: ReportPeriodKind;
  /** Periodic types: due at the end of this day of the month after the period. */
  dueDay?: number;
  /** Ad-hoc (đột xuất) types: the one deadline, an instant. */
  deadline?: string;
  /** Ad-hoc types: the period the report covers; submissions and the status view use it. */
  reportPeriod?: string;
  /** Organisations that must report; absent = every active organisation. */
  orgIds?: string[];
  /** Optional JSON Schema (draft 2020-12) that `data` must satisfy. */
  dataSchema?: Record<string, unknown>;
  /** Overrides of the office's reminder days (config `reporting`). */
  remindDaysBefore?: number[];
  remindDaysAfter?: number[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** An uploaded file attached to a report. */
export interface AttachmentRef {
  attachmentId: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** One submitted version of a report (the history is kept: version 1, 2, …). */
export interface ReportVersion {
  id: string;
  orgId: string;
  reportType: string;
  period: string;
  version: number;
  title: string;
  content: string;
  data: Record<string, unknown>;
  attachments: AttachmentRef[];
  submittedAt: string;
  /** Submitted by the deadline (office time zone). */
  onTime: boolean;
  deadline: string;
  /** The machine client (or person) who submitted it. */
  submittedBy: string;
}

/** The report of one organisation, type and period: its latest version and when it was first received. */
export interface ReportSummary {
  id: string;
  orgId: string;
  reportType: string;
  period: string;
  latestVersion: number;
  title: string;
  submittedAt: string;
  onTime: boolean;
  firstSubmittedAt: string;
  /** The first version arrived by the deadline: what the status view counts. */
  firstOnTime: boolean;
  deadline: string;
}

export const REPORT_STATUSES = ['submitted', 'late', 'missing'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Limits that keep one version inside a DynamoDB item (400 KB) with room to spare. */
export const REPORT_LIMITS = {
  titleChars: 500,
  contentChars: 100_000,
  dataBytes: 100_000,
  attachments: 20,
  attachmentBytes: 50 * 1024 * 1024,
} as const;

/**
 * Where a cited attachment's file is kept once its report is submitted: beside the upload key
 * (`reports/<org>/<id>`) but never the target of an upload URL.
 */
export const sealedAttachmentKey = (orgId: string, attachmentId: string): string => `reports/${orgId}/sealed/${attachmentId}`;

/** File types accepted as report attachments. */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/zip',
  'image/jpeg',
  'image/png',
  'text/csv',
  'text/plain',
] as const;

