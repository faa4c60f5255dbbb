/**
 * The optional JSON Schema (draft 2020-12) of a report type's `data`, checked with Ajv: the schema
 * itself when an administrator sets it, and each submission's `data` against it.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ValidationError, type ErrorDetail } from '../errors';

const MAX_SCHEMA_BYTES = 64 * 1024;
const MAX_DETAILS = 20;

function newAjv(): Ajv2020 {
  // Unknown keywords and formats are mistakes in the schema, reported when the type is saved; the
  // stricter type/required checks would refuse common, harmless schemas, so they are off.
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    logger: false,
    allErrors: true,
    allowUnionTypes: true,
    validateFormats: true,
  });
  addFormats(ajv);
  return ajv;
}

const ajv = newAjv();
const compiled = new Map<string, ValidateFunction>();

/** Compiles a schema (cached by its text); throws ValidationError 'INVALID_DATA_SCHEMA' when it is not a usable schema. */
export function compileDataSchema(schema: unknown): ValidateFunction {
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
  let fn: ValidateFunction;
  try {
    fn = ajv.compile(schema as object);
  } catch (err) {
    throw invalidSchema(`dataSchema is not a valid JSON Schema: ${(err as Error).message}`);
  }
  if (compiled.size > 500) compiled.clear();
  compiled.set(text, fn);
  return fn;
}

/** Checks `data` against the type's schema; throws ValidationError 'DATA_INVALID' listing each problem (paths under `body.data`). */
export function validateReportData(schema: Record<string, unknown> | undefined, data: unknown): void {
  if (!schema) return;
  const validate = compileDataSchema(schema);
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
