/** The registers module's public entry: the sổ văn bản đến/đi, built from the platform and its ports. */
import type { Platform } from '../platform/platform';
import { ENV } from '../platform/env';
import type { AuditLog } from '../audit/ports/audit-log';
import type { DomainConfig } from '../office/domain/config';
import type { RegisterStore } from './ports/register-store';
import { DynamoRegisterStore } from './adapters/dynamo-register-store';
import { GaplessCounter } from './adapters/gapless-counter';

export type { RegisterStore } from './ports/register-store';

export function registersModule(platform: Platform, ports: { audit: AuditLog; office: () => DomainConfig }): RegisterStore {
  const { db, env } = platform;
  return new DynamoRegisterStore({
    db,
    table: platform.table('Data'),
    audit: ports.audit,
    clock: platform.clock,
    config: ports.office,
    // Overload is refused with 429 before anything is written: a bounded queue and wait per register.
    counter: new GaplessCounter(db, platform.table('Data'), {
      maxQueue: Number(env.optional(ENV.registerQueueLimit, '1000')),
      maxWaitMs: Number(env.optional(ENV.registerMaxWaitMs, '10000')),
    }),
  });
}
