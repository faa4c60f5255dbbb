/** Subordinate organisations and their machine clients (admin). */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { reportsModule } from '../shared/reports/index';
import { orgsOperations } from '../shared/reports/http';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit, auth } = basics(edge);
  const office = () => given.office ?? officeConfig();
  const reporting = reportsModule(platform, { audit, office, provisioner: () => edge.provisioner(), notifier: (o) => edge.notifier(o, platform.clock) });
  return apiHandler('orgs', orgsOperations(reporting), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
