/** Reports from subordinate organisations: report types, submissions, status, reminders, the outbox (the export is in functions/exports.ts). */
import { apiHandler } from '../shared/platform/http/api-handler';
import { services } from '../shared/composition';
import { requiredVersion, withEtag } from '../shared/platform/http/versions';
import { useReportDataSchemas } from '../shared/composition-report-schemas';

useReportDataSchemas();

const reporting = () => services().reporting;

export const handler = apiHandler('reports', {
  createReportType: async (req) => withEtag(await reporting().types.create(req.caller, req.body, req.requestId), 201),
  listReportTypes: async (req) => ({ items: await reporting().types.list(req.caller), nextCursor: null }),
  getReportType: async (req) => withEtag(await reporting().types.get(req.caller, req.params.code)),
  updateReportType: async (req) => {
    const { version, ...changes } = req.body;
    return withEtag(await reporting().types.update(req.caller, req.params.code, requiredVersion(version, req.headers['if-match'], 'report type'), changes, req.requestId));
  },
  submitReport: async (req) => reporting().reports.submit(req.caller, req.body, req.requestId),
  createReportAttachment: async (req) => reporting().reports.createAttachment(req.caller, req.body, req.requestId),
  listReports: async (req) => reporting().reports.list(req.caller, req.query),
  getReportStatus: async (req) => reporting().reports.status(req.query),
  listReportReminders: async (req) => ({ items: await reporting().reminders.list(req.query.reportType, req.query.period), nextCursor: null }),
  runReportReminders: async () => reporting().reminders.run(),
  getReport: async (req) => reporting().reports.get(req.caller, req.params.id),
  getReportVersion: async (req) => reporting().reports.getVersion(req.caller, req.params.id, req.params.version),
  getReportAttachment: async (req) => reporting().reports.attachmentDownload(req.caller, req.params.id, req.params.attachmentId),
  listOutbox: async (req) => reporting().outbox.list(req.query),
});
