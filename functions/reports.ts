/**
 * Reports from subordinate organisations: report types, submissions, status, reminders, the
 * outbox (the export is in functions/exports.ts). The only function that composes the report
 * data schemas (Ajv), so Ajv stays out of every other bundle.
 */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { reportsModule } from '../shared/reports/index';
import { reportsOperations } from '../shared/reports/http';
import { ajvReportDataSchemas } from '../shared/reports/data-schemas';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit, auth } = basics(edge);
  const office = () => given.office ?? officeConfig();
  const notifier = (o: Parameters<Edge['notifier']>[0]) => edge.notifier(o, platform.clock);
  const reporting = reportsModule(platform, { audit, office, provisioner: () => edge.provisioner(), notifier, schemas: ajvReportDataSchemas });
  return apiHandler('reports', reportsOperations(reporting), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
