/** The office module's public entry: its configuration (config/domain.json, read once per process). */
import type { DomainConfig } from './domain/config';
import { domainConfig } from './adapters/domain-config';

export type { DomainConfig } from './domain/config';

/** The office's validated configuration (read once per process). */
export function officeConfig(): DomainConfig {
  return domainConfig();
}
