/** Reports from subordinate organisations: report types, submissions, status, export, reminders, the outbox. */
import { apiHandler } from '../shared/http/api-handler';
import { services } from '../shared/composition';
import { ValidationError } from '../shared/domain/errors';
import { consolidatedCsv, consolidatedXlsx } from '../shared/adapters/xlsx/report-sheet';

const reporting = () => services().reporting;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const withEtag = <E extends { version: number }>(status: number, body: E) => ({ status, body, headers: { etag: `"${body.version}"` } });

export const handler = apiHandler('reports', {
  createReportType: async (req) => withEtag(201, await reporting().types.create(req.caller, req.body, req.requestId)),
  listReportTypes: async (req) => ({ items: await reporting().types.list(req.caller), nextCursor: null }),
  getReportType: async (req) => withEtag(200, await reporting().types.get(req.caller, req.params.code)),
  updateReportType: async (req) => {
    const { version, ...changes } = req.body;
    return withEtag(200, await reporting().types.update(req.caller, req.params.code, requiredVersion(version, req.headers['if-match']), changes, req.requestId));
  },
  submitReport: async (req) => reporting().reports.submit(req.caller, req.body, req.requestId),
  createReportAttachment: async (req) => reporting().reports.createAttachment(req.caller, req.body, req.requestId),
  listReports: async (req) => reporting().reports.list(req.caller, req.query),
  getReportStatus: async (req) => reporting().reports.status(req.query),
  exportReports: async (req) => {
    const { table, type, period } = await reporting().reports.consolidated(req.query);
    const name = `bao-cao-${type.code}-${period}`;
    if (req.query.format === 'csv') {
      return { status: 200, body: consolidatedCsv(table), headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` } };
    }
    return { status: 200, binary: await consolidatedXlsx(table, `${type.code} ${period}`), headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${name}.xlsx"` } };
  },
  listReportReminders: async (req) => ({ items: await reporting().reminders.list(req.query.reportType, req.query.period), nextCursor: null }),
  runReportReminders: async () => reporting().reminders.run(),
  getReport: async (req) => reporting().reports.get(req.caller, req.params.id),
  getReportVersion: async (req) => reporting().reports.getVersion(req.caller, req.params.id, req.params.version),
  getReportAttachment: async (req) => reporting().reports.attachmentDownload(req.caller, req.params.id, req.params.attachmentId),
  listOutbox: async (req) => reporting().outbox.list(req.query),
});

/** The version an update is made from: the `version` field, else the If-Match header (`"3"`, `W/"3"` or `3`). */
function requiredVersion(field: number | undefined, ifMatch: string | undefined): number {
  const m = ifMatch ? /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim()) : null;
  const v = field ?? (m ? Number(m[1]) : undefined);
  if (v === undefined) throw new ValidationError("version is required: send the report type's version in the body or an If-Match header", [{ path: 'body.version', message: 'required' }], 'VERSION_REQUIRED');
  return v;
}
