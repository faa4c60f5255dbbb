/**
 * Validates the office's domain rules (config/domain.json): the schema
 * (./domain-config-schema.ts), then the cross-checks (./domain-config-checks.ts); a fault is a
 * ValidationError 'CONFIG_INVALID' that names the path and, from the text, the line and column
 * (./json-positions.ts). Reading the file is the adapter's job (../adapters/domain-config-file.ts).
 */
import * as z from 'zod';
import { ValidationError, type ErrorDetail } from '../../platform/errors';
import { domainConfigSchema, type DomainConfig } from './domain-config-schema';
import { crossCheck, type Fault } from './domain-config-checks';
import { JsonSyntaxError, lineColumn, locateJson, offsetOf, type JsonPath, type JsonPathKey, type Located } from './json-positions';

type PathKey = JsonPathKey;
type Path = JsonPath;

/**
 * Validates an already parsed configuration (the copy inlined into a Lambda bundle, checked with
 * its line numbers when the app was synthesised) and cross-checks its references; throws
 * ValidationError 'CONFIG_INVALID' listing the paths at fault. Cheaper than loadDomainConfig:
 * no text to locate lines in.
 */
export function parseDomainConfig(value: unknown, sourceName: string): DomainConfig {
  const parsed = domainConfigSchema.safeParse(value);
  const faults = parsed.success ? crossCheck(parsed.data) : parsed.error.issues.flatMap(faultsFromIssue);
  if (faults.length > 0) {
    const message = `${sourceName}: ${faults.map((f) => `${f.path.join('.') || '(root)'}: ${f.message}`).join('; ')}`;
    throw new ValidationError(message, faults.map((f) => ({ path: f.path.join('.'), message: f.message })), 'CONFIG_INVALID');
  }
  return (parsed as { data: DomainConfig }).data;
}

/** Validates config/domain.json text and cross-checks its references; throws ValidationError 'CONFIG_INVALID' naming the line. */
export function loadDomainConfig(jsonText: string, sourceName: string): DomainConfig {
  const text = jsonText.charCodeAt(0) === 0xfeff ? jsonText.slice(1) : jsonText;
  let located: Located;
  try {
    located = locateJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const { line, column } = lineColumn(text, e.offset);
      const message = `${sourceName} line ${line}, column ${column}: ${e.message}`;
      throw new ValidationError(message, [{ path: '', message: e.message, line, column }], 'CONFIG_INVALID');
    }
    throw e;
  }
  const faults: Fault[] = located.duplicateKeys.map((path) => ({ path, message: 'duplicate key', atKey: true }));
  const parsed = domainConfigSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) faults.push(...faultsFromIssue(issue));
  } else {
    faults.push(...crossCheck(parsed.data));
  }
  if (faults.length > 0) throw configError(text, sourceName, located, faults);
  return (parsed as { data: DomainConfig }).data;
}

function faultsFromIssue(issue: z.core.$ZodIssue): Fault[] {
  const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({ path: [...path, k], message: `unknown field "${k}"`, atKey: true }));
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return [{ path, message: 'required field is missing' }];
  }
  if (issue.code === 'invalid_union') return [{ path, message: 'does not match any allowed form' }];
  return [{ path, message: issue.message }];
}

function configError(text: string, sourceName: string, located: Located, faults: Fault[]): ValidationError {
  const details: ErrorDetail[] = faults
    .map((f) => {
      const offset = offsetOf(located, f.path, f.atKey === true);
      const { line, column } = lineColumn(text, offset);
      return { path: formatPath(f.path), message: f.message, line, column };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
  const first = details[0]!;
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  const where = first.path ? `${first.path}: ` : '';
  return new ValidationError(`${sourceName} line ${first.line}, column ${first.column}: ${where}${first.message}${more}`, details, 'CONFIG_INVALID');
}

/** documentTypes[3].code; keys that are not plain identifiers are quoted: authority["a.b"]. */
function formatPath(path: Path): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (/^[\p{L}_$][\p{L}\p{N}_$-]*$/u.test(k)) out += out === '' ? k : `.${k}`;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}
