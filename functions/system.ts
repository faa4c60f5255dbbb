/** Service routes: health, the OpenAPI document, and the caller's identity. */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler } from '../shared/platform/lambda';
import { platformFromEnv } from '../shared/platform/platform';
import type { Edge } from '../shared/edge/edge';
import { cloudEdge } from '../shared/edge/cloud';
import { identityModule } from '../shared/identity/index';
import { systemOperations } from '../shared/api/system-http';

export function compose(edge: Edge) {
  const platform = platformFromEnv({ clock: edge.clock });
  return apiHandler('system', systemOperations(), identityModule(platform, { verifier: () => edge.verifier() }).auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
