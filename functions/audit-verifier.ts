/**
 * Scheduled (EventBridge, daily at 01:00 office time; embedded hourly): walks the whole audit
 * hash chain as GET /v1/audit/verify does, and writes AuditChainProblems (0 when intact), which
 * an alarm watches, so that tampering is reported without anyone asking.
 */
import { services } from '../shared/composition';
import { logger } from '../shared/platform/observability/logger';
import { gauge, METRIC, publishMetrics } from '../shared/platform/observability/metrics';

export const handler = async (): Promise<{ ok: boolean; events: number; problems: number }> => {
  const r = await services().audit.verify();
  if (r.ok) logger.info('audit chain verified', { events: r.events, unsealed: r.unsealed });
  else logger.error('the audit log does not verify: events were edited, deleted or reordered', { events: r.events, problems: r.problems.slice(0, 20) });
  gauge(METRIC.auditChainProblems, r.problems.length);
  publishMetrics();
  return { ok: r.ok, events: r.events, problems: r.problems.length };
};
