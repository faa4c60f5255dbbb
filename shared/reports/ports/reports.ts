/** Storage of report types, submitted reports (every version), attachments and reminders. */
import type { ReportSummary, ReportType, ReportVersion } from '../domain/model';

export interface ReportKey {
  orgId: string;
  reportType: string;
  period: string;
}

export interface ReportTypeStore {
  /** ConflictError when the code is taken. */
  create(type: ReportType, auditItem: unknown): Promise<void>;
  get(code: string): Promise<ReportType | undefined>;
  /** ConflictError when the stored version is not `expectedVersion`. */
  update(type: ReportType, expectedVersion: number, auditItem: unknown): Promise<void>;
  all(): Promise<ReportType[]>;
}

/** What a submission writes, built from the current state of the report (undefined = first version). */
export interface NewVersion {
  version: ReportVersion;
  summary: ReportSummary;
  auditItem: unknown;
}

export interface ReportListQuery {
  reportType?: string | undefined;
  period?: string | undefined;
  orgId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface ReportStore {
  /**
   * Appends the next version atomically: `build` sees the current summary and returns the new
   * version; concurrent submissions are serialised (retried), so versions are 1, 2, 3… with no
   * gap and no repeat.
   */
  appendVersion(key: ReportKey, build: (current: ReportSummary | undefined) => NewVersion): Promise<NewVersion>;
  getSummary(id: string): Promise<ReportSummary | undefined>;
  getVersion(key: ReportKey, version: number): Promise<ReportVersion | undefined>;
  /** Every version of a report, oldest first. */
  versions(key: ReportKey): Promise<ReportVersion[]>;
  list(q: ReportListQuery, typeCodes: () => Promise<string[]>): Promise<{ items: ReportSummary[]; nextCursor: string | null }>;
  /** Every report of a type and period (one summary per organisation). */
  allForPeriod(reportType: string, period: string): Promise<ReportSummary[]>;
}

/** A file an organisation uploads (presigned PUT) and then names in a submission. */
export interface AttachmentRecord {
  attachmentId: string;
  orgId: string;
  /** Object key in the bucket, under `reports/`. */
  key: string;
  fileName: string;
  contentType: string;
  /** Bytes announced (and signed into the upload URL); absent on records made before it was required. */
  size?: number;
  createdAt: string;
  expiresAt: string;
  /**
   * Set when a submission first cites the attachment: the file was copied to `key`, which no
   * upload URL targets, and every report that cites it serves that copy. A later PUT to the
   * upload URL changes nothing a report shows.
   */
  sealed?: AttachmentSeal;
}

export interface AttachmentSeal {
  key: string;
  size: number;
  etag: string | null;
  at: string;
}

export interface AttachmentStore {
  create(rec: AttachmentRecord, auditItem: unknown): Promise<void>;
  get(attachmentId: string): Promise<AttachmentRecord | undefined>;
  /** Records the seal once; returns the record as it stands (the first seal wins a race). */
  seal(attachmentId: string, seal: AttachmentSeal): Promise<AttachmentRecord>;
}

/** One reminder to one organisation for one type, period and scheduled time. */
export interface ReminderRecord {
  reportType: string;
  period: string;
  orgId: string;
  /** The scheduled time (ISO, UTC) that, with the organisation, identifies the reminder. */
  scheduledAt: string;
  kind: 'before' | 'after';
  days: number;
  deadline: string;
  createdAt: string;
  status: 'pending' | 'sent' | 'skipped' | 'failed';
  to: string[];
  messageId?: string;
  error?: string;
}

export interface ReminderStore {
  /**
   * Records a reminder unless it was already claimed; false when it was (the job runs again and
   * again). A failed one, or one left pending since before `staleBefore` (a run that died), may be claimed again.
   */
  claim(rec: ReminderRecord, auditItem: unknown, staleBefore: string): Promise<boolean>;
  settle(rec: Pick<ReminderRecord, 'reportType' | 'period' | 'orgId' | 'scheduledAt'>, outcome: Pick<ReminderRecord, 'status' | 'messageId' | 'error'>): Promise<void>;
  list(reportType: string, period: string): Promise<ReminderRecord[]>;
}
