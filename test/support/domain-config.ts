/** The repository's config/domain.json, loaded as the office would, and edited variants of it for tests. */
import { readFileSync } from 'node:fs';
import { loadDomainConfig, type DomainConfig } from '../../shared/office';

export const configText = readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8');
export const config: DomainConfig = loadDomainConfig(configText, 'config/domain.json');

/** The repository's config with one edit applied, validated like the real file. */
export function edited(edit: (raw: DomainConfig) => void): DomainConfig {
  const raw = JSON.parse(configText) as DomainConfig;
  edit(raw);
  return loadDomainConfig(JSON.stringify(raw, null, 2), 'edited.json');
}
