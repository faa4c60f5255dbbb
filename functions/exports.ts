/**
 * The printable exports (XLSX/CSV): the registers (sổ văn bản đến/đi) and the consolidated
 * reports of a period. Their own function, so that exceljs stays out of the busy ones.
 */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler } from '../shared/platform/lambda';
import { basics, registersOf, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { exportRegisterOperation } from '../shared/registers/http';
import { reportsModule } from '../shared/reports/index';
import { exportReportsOperation } from '../shared/reports/http';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit, auth } = basics(edge);
  const office = () => given.office ?? officeConfig();
  const registers = registersOf(platform, audit, given);
  const reporting = reportsModule(platform, { audit, office, provisioner: () => edge.provisioner(), notifier: (o) => edge.notifier(o, platform.clock) });
  return apiHandler('exports', {
    exportRegister: exportRegisterOperation({ registers, clock: platform.clock, office }),
    exportReports: exportReportsOperation(reporting),
  }, auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
