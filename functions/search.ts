/** Search over the registers: the caller's clearance bounds what is read. */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler, once } from '../shared/platform/lambda';
import { platformFromEnv } from '../shared/platform/platform';
import type { Edge, Given } from '../shared/edge/edge';
import { cloudEdge } from '../shared/edge/cloud';
import { identityModule } from '../shared/identity/index';
import { searchIndex } from '../shared/search/index';
import { searchOperations } from '../shared/search/http';

export function compose(edge: Edge, given: Given = {}) {
  const platform = platformFromEnv({ clock: edge.clock });
  const { auth } = identityModule(platform, { verifier: () => edge.verifier() });
  return apiHandler('search', searchOperations({ index: once(() => given.search ?? searchIndex(platform)) }), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
