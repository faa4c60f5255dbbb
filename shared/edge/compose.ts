/** What most functions compose first: the platform on the edge's clock, the audit log, and the API chain's authentication. */
import { platformFromEnv, type Platform } from '../platform/platform';
import type { ApiAuth } from '../identity/index';
import { auditModule, type AuditLog } from '../audit/index';
import { identityModule } from '../identity/index';
import { officeConfig } from '../office/index';
import { registersModule, type Registers } from '../registers/index';
import { searchOutbox } from '../search/index';
import type { Edge, Given } from './edge';

export type { Edge, Given } from './edge';

export function basics(edge: Edge): { platform: Platform; audit: AuditLog; auth: ApiAuth } {
  const platform = platformFromEnv({ clock: edge.clock });
  return { platform, audit: auditModule(platform), auth: identityModule(platform, { verifier: () => edge.verifier() }).auth };
}

/** The registers a function works on: the given ones (tests), else the sổ văn bản on the Data table, marking each entry written for the search index. */
export function registersOf(platform: Platform, audit: AuditLog, given: Given): Registers {
  return given.registers ?? registersModule(platform, { audit, office: () => given.office ?? officeConfig(), outbox: searchOutbox(platform) });
}
