/**
 * Cognito pre-token-generation trigger (V3_0): adds `cognito:groups` ["don-vi"] and `custom:orgId`
 * to an organisation client's access token, from the client registry (see the adapter).
 */
import { lazyHandler, observed } from '../shared/platform/lambda';
import { platformFromEnv } from '../shared/platform/platform';
import type { Edge } from '../shared/edge/edge';
import { cloudEdge } from '../shared/edge/cloud';
import { clientRegistry, preTokenGeneration } from '../shared/identity/index';

export function compose(edge: Edge) {
  const clients = clientRegistry(platformFromEnv({ clock: edge.clock }));
  return observed(preTokenGeneration(() => clients));
}

export const handler = lazyHandler(() => compose(cloudEdge()));
