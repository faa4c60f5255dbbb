/** The audit log: listing and chain verification (admin only), as far as the caller's clearance goes. */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler, once } from '../shared/platform/lambda';
import { basics, type Edge } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { auditOperations } from '../shared/audit/http';
import { draftsModule } from '../shared/drafts/index';

export function compose(edge: Edge) {
  const { platform, audit, auth } = basics(edge);
  const drafts = once(() => draftsModule(platform, { audit }));
  return apiHandler('audit', auditOperations({ audit, draftSecrecy: async (id) => (await drafts().get(id))?.secrecy ?? null }), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
