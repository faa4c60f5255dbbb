/** Scheduled (EventBridge, every minute): appends new audit events to the hash chain. */
import { lazyHandler, observed } from '../shared/platform/lambda';
import { platformFromEnv } from '../shared/platform/platform';
import type { Edge } from '../shared/edge/edge';
import { cloudEdge } from '../shared/edge/cloud';
import { auditModule } from '../shared/audit/index';
import { logger } from '../shared/platform/observability/logger';
import { count, METRIC } from '../shared/platform/observability/metrics';

export function compose(edge: Edge) {
  const audit = auditModule(platformFromEnv({ clock: edge.clock }));
  return observed(async (): Promise<{ sealed: number }> => {
    const r = await audit.seal(); // real time: the grace period is about write order, not the office clock
    if (r.sealed) logger.info('audit sealed', { sealed: r.sealed });
    count(METRIC.auditSealed, r.sealed);
    return r;
  });
}

export const handler = lazyHandler(() => compose(cloudEdge()));
