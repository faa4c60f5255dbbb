/** Scheduled (EventBridge, every minute): appends new audit events to the hash chain. */
import { services } from '../shared/composition';
import { logger } from '../shared/platform/observability/logger';
import { count, METRIC, publishMetrics } from '../shared/platform/observability/metrics';

export const handler = async (): Promise<{ sealed: number }> => {
  const r = await services().audit.seal(); // real time: the grace period is about write order, not the office clock
  if (r.sealed) logger.info('audit sealed', { sealed: r.sealed });
  count(METRIC.auditSealed, r.sealed);
  publishMetrics();
  return r;
};
