/** The reports' and organisations' operations (operationId → use case), for functions/reports.ts, orgs.ts and exports.ts. */
import type { Operation } from '../platform/http/types';
import { ValidationError } from '../platform/errors';
import { requiredVersion, withEtag } from '../platform/http/versions';
import { CSV_TYPE, XLSX_TYPE, attachment } from '../platform/http/attachments';
import type { Reporting } from './app/index';
import { NewClientBody } from './org-routes';
import { consolidatedCsv, consolidatedXlsx } from './adapters/report-sheet';

export function reportsOperations(reporting: Reporting): Record<string, Operation> {
  return {
    createReportType: async (req) => withEtag(await reporting.types.create(req.caller, req.body, req.requestId), 201),
    listReportTypes: async (req) => ({ items: await reporting.types.list(req.caller), nextCursor: null }),
    getReportType: async (req) => withEtag(await reporting.types.get(req.caller, req.params.code)),
    updateReportType: async (req) => {
      const { version, ...changes } = req.body;
      return withEtag(await reporting.types.update(req.caller, req.params.code, requiredVersion(version, req.headers['if-match'], 'report type'), changes, req.requestId));
    },
    submitReport: async (req) => reporting.reports.submit(req.caller, req.body, req.requestId),
    createReportAttachment: async (req) => reporting.reports.createAttachment(req.caller, req.body, req.requestId),
    listReports: async (req) => reporting.reports.list(req.caller, req.query),
    getReportStatus: async (req) => reporting.reports.status(req.query),
    listReportReminders: async (req) => ({ items: await reporting.reminders.list(req.query.reportType, req.query.period), nextCursor: null }),
    runReportReminders: async () => reporting.reminders.run(),
    getReport: async (req) => reporting.reports.get(req.caller, req.params.id),
    getReportVersion: async (req) => reporting.reports.getVersion(req.caller, req.params.id, req.params.version),
    getReportAttachment: async (req) => reporting.reports.attachmentDownload(req.caller, req.params.id, req.params.attachmentId),
    listOutbox: async (req) => reporting.outbox.list(req.query),
  };
}


/** The consolidated reports of a period, XLSX or CSV. */
export function exportReportsOperation(reporting: Reporting): Operation {
  return async (req) => {
    const { table, type, period } = await reporting.reports.consolidated(req.query);
    const name = `bao-cao-${type.code}-${period}`;
    if (req.query.format === 'csv') return { status: 200, body: consolidatedCsv(table), headers: attachment(`${name}.csv`, CSV_TYPE) };
    return { status: 200, binary: await consolidatedXlsx(table, `${type.code} ${period}`), headers: attachment(`${name}.xlsx`, XLSX_TYPE) };
  };
}

const orgWithEtag = <E extends { version: number }>(status: number, body: E) => ({ status, body, headers: { etag: `"${body.version}"` } });

export function orgsOperations(reporting: Reporting): Record<string, Operation> {
  const orgs = reporting.orgs;
  return {
    createOrg: async (req) => orgWithEtag(201, await orgs.create(req.caller, req.body, req.requestId)),
    listOrgs: async (req) => orgs.list(req.query),
    getOrg: async (req) => orgWithEtag(200, await orgs.get(req.params.orgId)),
    updateOrg: async (req) => {
      const { version, ...changes } = req.body;
      return orgWithEtag(200, await orgs.update(req.caller, req.params.orgId, orgVersion(version, req.headers['if-match']), changes, req.requestId));
    },
    createOrgClient: async (req) => {
      // The body is optional ({"name": "..."}), so it is checked here rather than by the route.
      const parsed = NewClientBody.optional().safeParse(req.body);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message }));
        throw new ValidationError(`Invalid request: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
      }
      const client = await orgs.createClient(req.caller, req.params.orgId, parsed.data?.name, req.requestId);
      return { status: 201, body: client, headers: { 'cache-control': 'no-store' } };
    },
    listOrgClients: async (req) => ({ items: await orgs.listClients(req.params.orgId), nextCursor: null }),
    revokeOrgClient: async (req) => orgs.revokeClient(req.caller, req.params.orgId, req.params.clientId, req.requestId),
  };
}

/** The version an update is made from: the `version` field, else the If-Match header (`"3"`, `W/"3"` or `3`). */
function orgVersion(field: number | undefined, ifMatch: string | undefined): number {
  const m = ifMatch ? /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim()) : null;
  const v = field ?? (m ? Number(m[1]) : undefined);
  if (v === undefined) throw new ValidationError("version is required: send the organisation's version in the body or an If-Match header", [{ path: 'body.version', message: 'required' }], 'VERSION_REQUIRED');
  return v;
}
