/**
 * ReportDataSchemas with Ajv (JSON Schema draft 2020-12): the schema itself when an administrator
 * sets it, and each submission's `data` against it.
 *
 * Only the reports function bundles this file (functions/reports.ts composes it into the
 * reports module), so Ajv stays out of every other function. It is still
 * loaded on first use, not at the function's cold start.
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { ValidationError, type ErrorDetail } from '../../platform/errors';
import type { ReportDataSchemas } from '../ports/report-data-schemas';

const MAX_SCHEMA_BYTES = 64 * 1024;
const MAX_DETAILS = 20;

/** CommonJS modules seen through import(): the export is `default` (or the namespace itself). */
const defaultOf = <T>(m: { default?: T }): T => (m.default ?? m) as T;

async function newAjv(): Promise<Ajv2020> {
  const [ajvModule, formatsModule] = await Promise.all([import('ajv/dist/2020'), import('ajv-formats')]);
  const Ajv = defaultOf<typeof Ajv2020>(ajvModule);
  const addFormats = defaultOf<(typeof import('ajv-formats'))['default']>(formatsModule);
  // Unknown keywords and formats are mistakes in the schema, reported when the type is saved; the
  // stricter type/required checks would refuse common, harmless schemas, so they are off.
  const instance = new Ajv({
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    logger: false,
    allErrors: true,
    allowUnionTypes: true,
    validateFormats: true,
  });
  addFormats(instance);
  return instance;
}

let ajv: Promise<Ajv2020> | undefined;
const loadAjv = (): Promise<Ajv2020> =>
  (ajv ??= newAjv().catch((err: unknown) => {
    ajv = undefined;
    throw err;
  }));
const compiled = new Map<string, ValidateFunction>();

/** Compiles a schema (cached by its text); rejects with ValidationError 'INVALID_DATA_SCHEMA' when it is not a usable schema. */
export async function compileDataSchema(schema: unknown): Promise<ValidateFunction> {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    throw invalidSchema('dataSchema must be a JSON Schema object');
  }
  const text = JSON.stringify(schema);
  if (Buffer.byteLength(text, 'utf8') > MAX_SCHEMA_BYTES) throw invalidSchema(`dataSchema is larger than ${MAX_SCHEMA_BYTES} bytes`);
  const hit = compiled.get(text);
  if (hit) return hit;
  const $schema = (schema as { $schema?: unknown }).$schema;
  if ($schema !== undefined && $schema !== 'https://json-schema.org/draft/2020-12/schema') {
    throw invalidSchema('dataSchema must be JSON Schema draft 2020-12 ($schema "https://json-schema.org/draft/2020-12/schema" or none)');
  }
  if ((schema as { $id?: unknown }).$id !== undefined) throw invalidSchema('dataSchema must not set $id');
  const validator = await loadAjv();
  let fn: ValidateFunction;
  try {
    fn = validator.compile(schema as object);
  } catch (err) {
    throw invalidSchema(`dataSchema is not a valid JSON Schema: ${(err as Error).message}`);
  }
  if (compiled.size > 500) compiled.clear();
  compiled.set(text, fn);
  return fn;
}

/** Checks `data` against the type's schema; rejects with ValidationError 'DATA_INVALID' listing each problem (paths under `body.data`). */
export async function validateReportData(schema: Record<string, unknown> | undefined, data: unknown): Promise<void> {
  if (!schema) return;
  const validate = await compileDataSchema(schema);
  if (validate(data)) return;
  const details = (validate.errors ?? []).slice(0, MAX_DETAILS).map(detailOf);
  throw new ValidationError(`data does not match the report type's schema: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details, 'DATA_INVALID');
}

function detailOf(e: ErrorObject): ErrorDetail {
  const pointer = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const missing = e.keyword === 'required' ? [(e.params as { missingProperty: string }).missingProperty] : [];
  const extra = e.keyword === 'additionalProperties' ? [(e.params as { additionalProperty: string }).additionalProperty] : [];
  return { path: ['body', 'data', ...pointer, ...missing, ...extra].join('.'), message: e.message ?? e.keyword, keyword: e.keyword };
}

function invalidSchema(message: string): ValidationError {
  return new ValidationError(message, [{ path: 'body.dataSchema', message }], 'INVALID_DATA_SCHEMA');
}

/** The port, on the functions above. */
export const ajvReportDataSchemas: ReportDataSchemas = {
  check: async (schema) => void (await compileDataSchema(schema)),
  validate: validateReportData,
};
