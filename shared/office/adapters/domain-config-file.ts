/**
 * The office's domain rules from their file: reads config/domain.json once per process and
 * validates it (../domain/domain-config.ts).
 * The file is `DAUMOI_DOMAIN_CONFIG` when set, else `config/domain.json` under the working
 * directory (or the Lambda task root). A Lambda bundle without the file uses the copy esbuild
 * inlined at build time: `cdk synth` checked the file with line numbers, so at run time it is
 * validated without them (cheaper at a cold start).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadDomainConfig, parseDomainConfig } from '../domain/domain-config';
import type { DomainConfig } from '../domain/domain-config-schema';
import bundled from '../../../config/domain.json';

/** Where the repository keeps the office's configuration. */
export const DEFAULT_CONFIG_PATH = 'config/domain.json';

/** Environment variable naming another configuration file. */
export const DOMAIN_CONFIG_ENV = 'DAUMOI_DOMAIN_CONFIG';

let cached: { file: string; config: DomainConfig } | undefined;

/** The configuration file this process reads. */
export function domainConfigPath(): string {
  const fromEnv = process.env[DOMAIN_CONFIG_ENV];
  if (fromEnv) return path.resolve(fromEnv);
  return path.resolve(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), DEFAULT_CONFIG_PATH);
}

/** Reads and validates a configuration file; throws ValidationError 'CONFIG_INVALID' naming the file and line at fault. */
export function readDomainConfig(file: string): DomainConfig {
  return loadDomainConfig(readFileSync(file, 'utf8'), file);
}

/** The validated configuration of this process (read once, then cached). */
export function domainConfig(): DomainConfig {
  const file = domainConfigPath();
  if (cached?.file === file) return cached.config;
  let config: DomainConfig;
  try {
    config = readDomainConfig(file);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    if (!missing || process.env[DOMAIN_CONFIG_ENV]) throw err;
    // The inlined copy was checked, line by line, when the app was synthesised (infra/app.ts).
    config = parseDomainConfig(bundled, `${DEFAULT_CONFIG_PATH} (bundled)`);
  }
  cached = { file, config };
  return config;
}

/**
 * The start-up check (`npm start`): reads and validates the configuration, throwing an Error
 * whose message names the file and the line at fault, so that a bad file stops the start.
 */
export function checkDomainConfig(): { file: string; config: DomainConfig } {
  cached = undefined;
  const config = domainConfig();
  return { file: cached!.file, config };
}
