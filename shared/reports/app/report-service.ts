/**
 * Reports from organisations: submission (validated, versioned, on time or not), what each
 * caller may read, the office's status view and the consolidated export of a period.
 */
import { uploadTicket } from '../../platform/files/uploads';
import { inParallel } from '../../platform/concurrency';
import { ulid } from 'ulid';
import { ConflictError, ForbiddenError, NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../platform/errors';
import { hasAnyRole, OFFICE_ROLES, type Caller } from '../../platform/security';
import { ATTACHMENT_TYPES, REPORT_LIMITS, sealedAttachmentKey, type AttachmentRef, type Organisation, type ReportSummary, type ReportType, type ReportVersion } from '../domain/model';
import { deadlineOf, expectedOrgIds, isOnTime, isTargeted, queriedPeriod, submissionPeriod, toOffsetIso } from '../domain/rules';
import { reportStatus } from '../domain/status';
import { consolidate, type ConsolidatedTable } from '../domain/consolidation';
import type { ReportKey } from '../ports/reports';
import { auditItem, type ReportingDeps } from './deps';

export interface Submission {
  reportType: string;
  period?: string | undefined;
  title: string;
  content?: string | undefined;
  data?: Record<string, unknown> | undefined;
  attachments?: string[] | undefined;
}

export interface SubmissionReceipt {
  id: string;
  version: number;
  submittedAt: string;
  onTime: boolean;
  deadline: string;
  orgId: string;
  reportType: string;
  period: string;
}

export const UPLOAD_URL_SECONDS = 15 * 60;
export const DOWNLOAD_URL_SECONDS = 5 * 60;
/** Latest versions read at once for the consolidated table of a period. */
const LATEST_READS_IN_FLIGHT = 8;

const keyOf = (r: ReportKey): ReportKey => ({ orgId: r.orgId, reportType: r.reportType, period: r.period });
const isOffice = (c: Caller) => hasAnyRole(c, OFFICE_ROLES);

export class ReportService {
  constructor(private readonly deps: ReportingDeps) {}

  private get tz(): string {
    return this.deps.config().office.timeZone;
  }

  /** An organisation's client submits a report: a new report, or the next version of the one it sent for that type and period. */
  async submit(caller: Caller, s: Submission, requestId?: string): Promise<SubmissionReceipt> {
    const { orgs, types, reports, clock } = this.deps;
    const orgId = caller.orgId;
    if (!orgId) throw new ForbiddenError('Only an organisation’s client submits reports');
    const [org, type] = await Promise.all([orgs.get(orgId), types.get(s.reportType)]);
    if (!org || !org.active) throw new ForbiddenError(`Organisation ${orgId} is not an active reporting organisation`, [], 'ORG_INACTIVE');
    if (!type) throw new ValidationError(`No report type ${s.reportType}`, [{ path: 'body.reportType', message: 'unknown report type' }], 'UNKNOWN_REPORT_TYPE');
    if (!isTargeted(type, orgId)) throw new ForbiddenError(`Report type ${type.code} is not asked of organisation ${orgId}`, [], 'NOT_TARGETED');
    if (!type.active) throw new ConflictError(`Report type ${type.code} no longer takes submissions`, [], 'REPORT_TYPE_INACTIVE');

    const now = clock.now();
    const period = submissionPeriod(type, s.period, now, this.tz);
    const data = s.data ?? {};
    const dataBytes = Buffer.byteLength(JSON.stringify(data), 'utf8');
    if (dataBytes > REPORT_LIMITS.dataBytes) throw new PayloadTooLargeError(`data is ${dataBytes} bytes; at most ${REPORT_LIMITS.dataBytes} (send large material as attachments)`);
    await this.deps.schemas.validate(type.dataSchema, data);
    const attachments = await this.resolveAttachments(orgId, s.attachments ?? []);

    const deadline = deadlineOf(type, period, this.tz);
    const onTime = isOnTime(now, deadline);
    const key: ReportKey = { orgId, reportType: type.code, period: period.text };
    const submittedAt = toOffsetIso(now, this.tz);
    const deadlineText = toOffsetIso(deadline, this.tz);
    const written = await reports.appendVersion(key, (current) => {
      const id = current?.id ?? ulid();
      const versionNo = (current?.latestVersion ?? 0) + 1;
      const version: ReportVersion = {
        id,
        ...key,
        version: versionNo,
        title: s.title,
        content: s.content ?? '',
        data,
        attachments,
        submittedAt,
        onTime,
        deadline: deadlineText,
        submittedBy: caller.clientId ?? caller.sub,
      };
      const summary: ReportSummary = {
        id,
        ...key,
        latestVersion: versionNo,
        title: s.title,
        submittedAt,
        onTime,
        firstSubmittedAt: current?.firstSubmittedAt ?? submittedAt,
        firstOnTime: current ? current.firstOnTime : onTime,
        deadline: deadlineText,
      };
      const { data: _d, content: _c, ...brief } = version;
      const action = versionNo === 1 ? 'report.submit' : 'report.resubmit';
      const audit = auditItem(this.deps, { actor: caller, action, entityType: 'report', entityId: id, before: current ?? null, after: brief, ...(requestId ? { requestId } : {}) });
      return { version, summary, auditItem: audit };
    });
    const v = written.version;
    return { id: v.id, version: v.version, submittedAt: v.submittedAt, onTime: v.onTime, deadline: v.deadline, orgId, reportType: v.reportType, period: v.period };
  }

  /**
   * The attachments a submission names, each sealed on its first citation: the uploaded file is
   * copied to a key no upload URL targets (ReportFiles.seal), so what a submitted report cites
   * cannot be replaced by a second PUT to its upload URL (still valid for a while).
   */
  private async resolveAttachments(orgId: string, ids: string[]): Promise<AttachmentRef[]> {
    const out: AttachmentRef[] = [];
    for (const [i, id] of [...new Set(ids)].entries()) {
      let rec = await this.deps.attachments.get(id);
      const path = `body.attachments.${i}`;
      if (!rec || rec.orgId !== orgId) throw new ValidationError(`No attachment ${id}`, [{ path, message: 'unknown attachment' }], 'UNKNOWN_ATTACHMENT');
      if (!rec.sealed) {
        const stat = await this.deps.files.stat(rec.key);
        if (!stat) throw new ValidationError(`Attachment ${id} has not been uploaded`, [{ path, message: 'nothing was uploaded to its uploadUrl' }], 'ATTACHMENT_NOT_UPLOADED');
        if (stat.size > REPORT_LIMITS.attachmentBytes) throw new PayloadTooLargeError(`Attachment ${id} is ${stat.size} bytes; at most ${REPORT_LIMITS.attachmentBytes}`);
        if (rec.size !== undefined && stat.size !== rec.size) {
          throw new ValidationError(`Attachment ${id} has ${stat.size} bytes, but ${rec.size} were announced`, [{ path, message: 'size differs from the announced one' }], 'ATTACHMENT_SIZE_MISMATCH');
        }
        const copy = await this.deps.files.seal(rec.key, sealedAttachmentKey(orgId, id), stat.etag);
        rec = await this.deps.attachments.seal(id, { key: sealedAttachmentKey(orgId, id), size: copy.size, etag: copy.etag, at: this.deps.clock.now().toISOString() });
      }
      out.push({ attachmentId: id, fileName: rec.fileName, contentType: rec.contentType, size: rec.sealed!.size });
    }
    return out;
  }

  /** The summary of a report the caller may see; an organisation's client sees only its own (else 404). */
  private async visibleSummary(caller: Caller, id: string): Promise<ReportSummary> {
    const summary = await this.deps.reports.getSummary(id);
    if (!summary || (!isOffice(caller) && summary.orgId !== caller.orgId)) throw new NotFoundError(`No report ${id}`);
    return summary;
  }

  /** A report's latest version, with the list of all its versions. */
  async get(caller: Caller, id: string) {
    const summary = await this.visibleSummary(caller, id);
    const versions = await this.deps.reports.versions(keyOf(summary));
    const latest = versions[versions.length - 1]!;
    return {
      ...latest,
      latestVersion: summary.latestVersion,
      firstSubmittedAt: summary.firstSubmittedAt,
      versions: versions.map((v) => ({ version: v.version, submittedAt: v.submittedAt, onTime: v.onTime, title: v.title, submittedBy: v.submittedBy })),
    };
  }

  async getVersion(caller: Caller, id: string, version: number): Promise<ReportVersion> {
    const summary = await this.visibleSummary(caller, id);
    const v = await this.deps.reports.getVersion(keyOf(summary), version);
    if (!v) throw new NotFoundError(`Report ${id} has no version ${version}`);
    return v;
  }

  /** Reports (their latest versions); an organisation's client only ever lists its own. */
  async list(caller: Caller, q: { reportType?: string | undefined; period?: string | undefined; orgId?: string | undefined; limit: number; cursor?: string | undefined }) {
    if (!isOffice(caller)) {
      if (q.orgId && q.orgId !== caller.orgId) return { items: [], nextCursor: null };
      q = { ...q, orgId: caller.orgId };
    }
    return this.deps.reports.list(q, async () => (await this.deps.types.all()).map((t) => t.code));
  }

  /** Submitted / late / missing for every organisation expected to report this type and period. */
  async status(q: { reportType: string; period?: string | undefined }) {
    return (await this.statusView(q)).status;
  }

  private async statusView(q: { reportType: string; period?: string | undefined }) {
    const { type, period, deadline, orgs, summaries } = await this.periodView(q);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const expected = expectedOrgIds(type, orgs).map((id) => byId.get(id)!);
    const now = this.deps.clock.now();
    const view = reportStatus(expected, orgs, summaries, deadline, now);
    const deadlineText = toOffsetIso(deadline, this.tz);
    const status = {
      reportType: type.code,
      reportTypeName: type.name,
      period: period.text,
      periodLabel: period.label,
      deadline: deadlineText,
      asOf: toOffsetIso(now, this.tz),
      summary: view.summary,
      items: view.items.map((i) => ({ ...i, deadline: deadlineText })),
      nextCursor: null,
    };
    return { type, summaries, status };
  }

  /** The consolidated table of a period: status and the latest version's data of each organisation. */
  async consolidated(q: { reportType: string; period?: string | undefined }): Promise<{ table: ConsolidatedTable; type: ReportType; period: string }> {
    const { type, summaries, status } = await this.statusView(q);
    const latest = new Map<string, ReportVersion>();
    await inParallel(summaries, LATEST_READS_IN_FLIGHT, async (s) => {
      const v = await this.deps.reports.getVersion(keyOf(s), s.latestVersion);
      if (v) latest.set(s.orgId, v);
    });
    const table = consolidate({ type, periodLabel: status.periodLabel, deadline: status.deadline.slice(0, 10), rows: status.items, latest });
    return { table, type, period: status.period };
  }

  private async periodView(q: { reportType: string; period?: string | undefined }) {
    const type = await this.deps.types.get(q.reportType);
    if (!type) throw new NotFoundError(`No report type ${q.reportType}`);
    const period = queriedPeriod(type, q.period);
    const deadline = deadlineOf(type, period, this.tz);
    const [orgs, summaries] = await Promise.all([this.deps.orgs.all(), this.deps.reports.allForPeriod(type.code, period.text)]);
    return { type, period, deadline, orgs: orgs as Organisation[], summaries };
  }

  /**
   * An upload ticket for one attachment: PUT the file to `uploadUrl` with `headers` (the type and
   * the length are signed: S3 refuses any other), then name `attachmentId` in the submission.
   */
  async createAttachment(caller: Caller, input: { fileName: string; contentType: string; size: number }, requestId?: string) {
    const orgId = caller.orgId;
    if (!orgId) throw new ForbiddenError('Only an organisation’s client uploads report attachments');
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(input.contentType)) {
      throw new UnsupportedMediaTypeError(`contentType must be one of ${ATTACHMENT_TYPES.join(', ')}`, [{ path: 'body.contentType', message: 'unsupported' }]);
    }
    if (input.size > REPORT_LIMITS.attachmentBytes) {
      throw new PayloadTooLargeError(`An attachment may have at most ${REPORT_LIMITS.attachmentBytes} bytes (50 MB)`, [{ path: 'body.size', message: `over ${REPORT_LIMITS.attachmentBytes}` }]);
    }
    const now = this.deps.clock.now();
    // Presigning is local: ask the storage first, so that with S3 down nothing is stored and the client gets a 503.
    await this.deps.files.checkAvailable();
    const attachmentId = ulid();
    const key = `reports/${orgId}/${attachmentId}`;
    const upload = await this.deps.files.presignUpload(key, { contentType: input.contentType, contentLength: input.size }, UPLOAD_URL_SECONDS);
    const rec = { attachmentId, orgId, key, fileName: input.fileName, contentType: input.contentType, size: input.size, createdAt: now.toISOString(), expiresAt: upload.expiresAt.toISOString() };
    const audit = auditItem(this.deps, { actor: caller, action: 'report-attachment.create', entityType: 'report-attachment', entityId: attachmentId, before: null, after: rec, ...(requestId ? { requestId } : {}) });
    await this.deps.attachments.create(rec, audit);
    return { attachmentId, ...uploadTicket(upload, toOffsetIso(upload.expiresAt, this.tz), REPORT_LIMITS.attachmentBytes) };
  }

  /** A short-lived download link for an attachment of a report the caller may see. */
  async attachmentDownload(caller: Caller, reportId: string, attachmentId: string) {
    const summary = await this.visibleSummary(caller, reportId);
    const versions = await this.deps.reports.versions(keyOf(summary));
    const ref = versions.flatMap((v) => v.attachments).find((a) => a.attachmentId === attachmentId);
    const rec = ref ? await this.deps.attachments.get(attachmentId) : undefined;
    if (!ref || !rec) throw new NotFoundError(`Report ${reportId} has no attachment ${attachmentId}`);
    // The sealed copy: what the report cited when it was submitted (records from before sealing have only the upload).
    const link = await this.deps.files.presignDownload(rec.sealed?.key ?? rec.key, rec.fileName, DOWNLOAD_URL_SECONDS);
    return { ...ref, downloadUrl: link.url, expiresAt: toOffsetIso(link.expiresAt, this.tz) };
  }
}
