/** The exchange between offices (liên thông): identity, partners, sending and recall, the partner-to-partner endpoint, the electronic inbox. */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler } from '../shared/platform/lambda';
import type { Edge, Given } from '../shared/edge/compose';
import { exchangeOf } from '../shared/edge/exchange';
import { cloudEdge } from '../shared/edge/cloud';
import { exchangeOperations } from '../shared/exchange/http';
import { maxMessageBytes } from '../shared/exchange/index';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, auth, exchange } = exchangeOf(edge, given);
  return apiHandler('exchange', exchangeOperations(exchange, { maxBytes: maxMessageBytes(platform) }), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
