/**
 * Scheduled (EventBridge, daily at 01:00 office time; embedded hourly): walks the whole audit
 * hash chain as GET /v1/audit/verify does, and writes AuditChainProblems (0 when intact), which
 * an alarm watches, so that tampering is reported without anyone asking.
 */
import { lazyHandler, observed } from '../shared/platform/lambda';
import { platformFromEnv } from '../shared/platform/platform';
import type { Edge } from '../shared/edge/edge';
import { cloudEdge } from '../shared/edge/cloud';
import { auditModule } from '../shared/audit/index';
import { logger } from '../shared/platform/observability/logger';
import { gauge, METRIC } from '../shared/platform/observability/metrics';

export function compose(edge: Edge) {
  const audit = auditModule(platformFromEnv({ clock: edge.clock }));
  return observed(async (): Promise<{ ok: boolean; events: number; problems: number }> => {
    const r = await audit.verify();
    if (r.ok) logger.info('audit chain verified', { events: r.events, unsealed: r.unsealed });
    else logger.error('the audit log does not verify: events were edited, deleted or reordered', { events: r.events, problems: r.problems.slice(0, 20) });
    gauge(METRIC.auditChainProblems, r.problems.length);
    return { ok: r.ok, events: r.events, problems: r.problems.length };
  });
}

export const handler = lazyHandler(() => compose(cloudEdge()));
