/**
 * The office module's public entry: the office's domain rules as data (config/domain.json) and
 * the Party rules read from them — document types and who may issue them, number symbols,
 * numbering scopes, urgency, the office calendar and its deadlines. Other modules and the
 * functions import the office from here only (docs/architecture.md, rule b).
 */
export * from './domain/domain-config-schema';
export { loadDomainConfig, parseDomainConfig } from './domain/domain-config';
export * from './domain/urgency';
export * from './domain/authority';
export * from './domain/number-symbol';
export * from './domain/numbering';
export * from './domain/deadlines';
export { checkDomainConfig, DEFAULT_CONFIG_PATH, DOMAIN_CONFIG_ENV, domainConfig, domainConfigPath, readDomainConfig } from './adapters/domain-config-file';
export * from './domain/document-date';

import type { DomainConfig } from './domain/domain-config-schema';
import { domainConfig } from './adapters/domain-config-file';

/** The office's validated configuration (read once per process). */
export function officeConfig(): DomainConfig {
  return domainConfig();
}
