/** What most functions compose first: the platform on the edge's clock, the audit log, and the API chain's authentication. */
import { platformFromEnv, type Platform } from '../platform/platform';
import type { ApiAuth } from '../platform/http/api-handler';
import { auditModule } from '../audit/index';
import { identityModule } from '../identity/index';
import type { AuditLog } from '../audit/ports/audit-log';
import type { Edge } from './edge';

export type { Edge, Given } from './edge';

export function basics(edge: Edge): { platform: Platform; audit: AuditLog; auth: ApiAuth } {
  const platform = platformFromEnv({ clock: edge.clock });
  return { platform, audit: auditModule(platform), auth: identityModule(platform, { verifier: () => edge.verifier() }).auth };
}
