/**
 * Checks every response the tests receive against the OpenAPI document the office serves
 * (shared/api/openapi.ts, built from the route table): the status must be declared for the
 * operation, the content type must be one the operation declares for that status, declared
 * headers must be present (when required) and match their schema, and a JSON body must
 * validate against the declared schema (Ajv, draft 2020-12, as OpenAPI 3.1 uses).
 *
 * `invoke` (integration tests calling handlers) and the fetch wrapper installed by
 * test/support/openapi-fetch.ts (integration and e2e tests calling the HTTP gateway) call
 * `assertDeclared`, so a response that is not what the document says fails the test that
 * received it.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildOpenApi } from '../../shared/api/openapi';
import { matchPath } from '../../shared/platform/http/route';
import { ROUTES } from '../../shared/api/routes';

type Json = Record<string, any>;

const DOC_ID = 'https://daumoi.local/openapi.json';
let state: { doc: Json; ajv: Ajv2020; validators: Map<string, ValidateFunction> } | undefined;

/** The served document, as the system function builds it. */
export function openApiDocument(): Json {
  return init().doc;
}

function init() {
  if (state) return state;
  const doc = buildOpenApi(ROUTES, 'test') as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  // The whole document under one id: response schemas are compiled as JSON pointers into it, so
  // their `#/components/schemas/...` references resolve inside the document.
  ajv.addSchema({ ...doc, $id: DOC_ID }, DOC_ID);
  state = { doc, ajv, validators: new Map() };
  return state;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** The operation a request reaches: a route of the table (first match, as the gateway), or another path of the document (the token endpoint). */
export function findOperation(method: string, path: string): { path: string; method: string; op: Json } | null {
  const { doc } = init();
  const m = method.toLowerCase();
  const paths = doc.paths as Record<string, Json>;
  const route = ROUTES.find((r) => r.method === method.toUpperCase() && matchPath(r.path, path));
  if (route) return paths[route.path]?.[m] ? { path: route.path, method: m, op: paths[route.path]![m] } : null;
  if (path.startsWith('/v1/')) return null;
  const other = Object.keys(paths).find((t) => paths[t]![m] && matchPath(t, path));
  return other ? { path: other, method: m, op: paths[other]![m] } : null;
}

export interface SeenResponse {
  method: string;
  /** The request path, without the query. */
  path: string;
  status: number;
  headers: Record<string, unknown>;
  /** The raw body (text), or undefined for a binary body. */
  text: string | undefined;
}

const headerOf = (headers: Record<string, unknown>, name: string): string | undefined => {
  const k = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
  return k === undefined ? undefined : String(headers[k]);
};

const resolveRef = (doc: Json, node: Json): Json => {
  if (typeof node?.$ref !== 'string') return node;
  return node.$ref
    .slice(2)
    .split('/')
    .map((p: string) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((n: Json, p: string) => n?.[p], doc);
};

/** What is wrong with the response, by the document; empty when it matches. Null when no operation is reached. */
export function responseProblems(r: SeenResponse): { operation: string; problems: string[] } | null {
  const { doc, ajv, validators } = init();
  const found = findOperation(r.method, r.path);
  if (!found) return null;
  const { op } = found;
  const operation = `${op.operationId} (${r.method.toUpperCase()} ${found.path})`;
  const problems: string[] = [];
  const declared = op.responses?.[String(r.status)] ? String(r.status) : op.responses?.default ? 'default' : undefined;
  if (!declared) return { operation, problems: [`status ${r.status} is not declared (declared: ${Object.keys(op.responses ?? {}).join(', ')})`] };
  const resp = resolveRef(doc, op.responses[declared]);
  for (const [name, h] of Object.entries((resp.headers ?? {}) as Record<string, Json>)) {
    const header = resolveRef(doc, h);
    const value = headerOf(r.headers, name);
    if (value === undefined) {
      if (header.required) problems.push(`header ${name} is required but missing`);
      continue;
    }
    const schema = header.schema ?? {};
    const v = schema.type === 'integer' || schema.type === 'number' ? Number(value) : value;
    if (!ajv.validate(schema, v)) problems.push(`header ${name}: ${JSON.stringify(value)} ${ajv.errorsText(ajv.errors)}`);
  }
  const content = (resp.content ?? {}) as Record<string, Json>;
  const contentType = (headerOf(r.headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const hasBody = r.text === undefined || r.text.length > 0;
  if (!Object.keys(content).length) {
    if (hasBody) problems.push(`a body (${contentType || 'no content type'}) is sent but status ${r.status} declares none`);
    return { operation, problems };
  }
  if (!hasBody) {
    problems.push(`status ${r.status} declares a body (${Object.keys(content).join(', ')}) but none is sent`);
    return { operation, problems };
  }
  const media = Object.keys(content).find((k) => k.toLowerCase() === contentType);
  if (!media) {
    problems.push(`content type ${JSON.stringify(contentType)} is not declared (declared: ${Object.keys(content).join(', ')})`);
    return { operation, problems };
  }
  if (!content[media]!.schema) return { operation, problems };
  let value: unknown = r.text;
  if (/json/.test(media)) {
    try {
      value = JSON.parse(r.text ?? '');
    } catch {
      problems.push(`the body is not JSON`);
      return { operation, problems };
    }
  } else if (r.text === undefined) {
    return { operation, problems }; // binary: the declared media type is what can be checked
  }
  const key = `${DOC_ID}#/${pointer('paths', found.path, found.method, 'responses', declared, 'content', media, 'schema')}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.getSchema(key);
    if (!validate) throw new Error(`no schema at ${key}`);
    validators.set(key, validate);
  }
  if (!validate(value)) {
    for (const e of validate.errors ?? []) problems.push(`body${e.instancePath || ''}: ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);
  }
  return { operation, problems };
}

export class UndeclaredResponse extends Error {
  override name = 'UndeclaredResponse';
}

/** Mismatches seen since the last `takeMismatches`: the setup file fails the test with them, also when a helper caught the error. */
const mismatches: string[] = [];
export const takeMismatches = (): string[] => mismatches.splice(0);

/** Throws when the response does not match the document; does nothing for paths outside the API. */
export function assertDeclared(r: SeenResponse): void {
  const found = responseProblems(r);
  if (!found || !found.problems.length) return;
  const body = r.text === undefined ? '<binary>' : r.text.length > 600 ? `${r.text.slice(0, 600)}…` : r.text;
  mismatches.push(`${found.operation} answered ${r.status}: ${found.problems.join('; ')}`);
  throw new UndeclaredResponse(`the response does not match the OpenAPI document: ${found.operation} answered ${r.status}\n  - ${found.problems.join('\n  - ')}\n  body: ${body}`);
}
