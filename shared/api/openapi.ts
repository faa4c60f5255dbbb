/** Builds the OpenAPI 3.1 document from the route table and its zod schemas. */
import * as z from 'zod';
import type { ZodType } from 'zod';
import { ErrorBody } from './schemas';
import type { Route } from './route';

type JsonSchema = Record<string, unknown>;

/** Named schemas (zod `.meta({ id })`) collected into components; refs rewritten to point there. */
const components: Record<string, JsonSchema> = {};

const toSchema = (s: ZodType, io: 'input' | 'output'): JsonSchema => {
  const js = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  delete js.$schema;
  const rewritten = JSON.parse(JSON.stringify(js).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  const defs = rewritten.$defs as Record<string, JsonSchema> | undefined;
  delete rewritten.$defs;
  for (const [id, def] of Object.entries(defs ?? {})) components[id] = def;
  if (typeof rewritten.id === 'string') delete rewritten.id;
  return rewritten;
};

const STANDARD_ERRORS: Record<number, string> = {
  400: 'Bad input; `details` says what is wrong',
  401: 'No token, or an invalid or expired one',
  403: 'The caller may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Conflict: wrong state, stale version or duplicate',
};

export function buildOpenApi(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const parameters: unknown[] = [];
    const addParams = (schema: ZodType | undefined, where: 'path' | 'query') => {
      if (!schema) return;
      const js = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, prop] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: prop });
      }
    };
    addParams(r.request?.params, 'path');
    addParams(r.request?.query, 'query');
    if (!r.request?.params) {
      for (const m of r.path.matchAll(/\{(\w+)\}/g)) parameters.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
    }
    if (r.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Same key and body within 24 h returns the first response and creates nothing new',
        schema: { type: 'string', maxLength: 128 },
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, resp] of Object.entries(r.responses)) {
      responses[status] = {
        description: resp.description,
        ...(resp.schema ? { content: { [resp.contentType ?? 'application/json']: { schema: toSchema(resp.schema, 'output') } } } : {}),
      };
    }
    const errorStatuses = r.auth === 'none' ? [400] : [400, 401, 403, 404, 409];
    for (const s of errorStatuses) {
      responses[String(s)] ??= { description: STANDARD_ERRORS[s], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    // Any route may be refused when the office is overloaded (a register's queue full, API Gateway's throttle).
    responses['429'] ??= {
      description: 'Too many requests at once; nothing was changed. Retry after the seconds in Retry-After',
      headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } } },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
    const op: Record<string, unknown> = {
      operationId: r.operationId,
      summary: r.summary,
      tags: r.tags,
      parameters,
      responses,
      security: r.auth === 'none' ? [] : [{ bearer: [] }],
    };
    if (r.roles) op['x-daumoi-roles'] = r.roles;
    if (r.request?.body) {
      op.requestBody = {
        required: true,
        content: { [r.rawBody ? 'application/x-www-form-urlencoded' : 'application/json']: { schema: toSchema(r.request.body, 'input') } },
      };
    }
    (paths[r.path] ??= {})[r.method.toLowerCase()] = op;
  }
  toSchema(ErrorBody, 'output'); // registers the Error component
  return {
    openapi: '3.1.0',
    info: {
      title: 'daumoi — Văn phòng cấp ủy document office API',
      version,
      description: 'Registers (sổ văn bản đến/đi), scans and OCR, search, reports, drafts (thẩm định, phê duyệt) and audit.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ...components },
    },
  };
}
