/** Builds the OpenAPI 3.1 document from the route table and its zod schemas. */
import * as z from 'zod';
import type { ZodType } from 'zod';
import { ErrorBody } from '../platform/http/schemas';
import type { Route } from '../platform/http/route';
import { REPORTS_SCOPE } from '../platform/security';

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

const errorContent = () => ({ 'application/json': { schema: { $ref: '#/components/schemas/Error' } } });

const STANDARD_ERRORS: Record<number, string> = {
  400: 'Bad input; `details` says what is wrong',
  401: 'No token, or an invalid or expired one',
  403: 'The caller may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Conflict: wrong state, stale version or duplicate',
  413: 'The request body (or the announced file) is too large',
  415: 'The request body is not of an accepted media type (JSON, unless said otherwise)',
  503: 'A backing service (database, storage) is unreachable; nothing was changed, retry later',
};

/** Tags of the operations, each with what it groups. */
export const TAGS = [
  { name: 'service', description: 'Health, this document and the caller’s identity' },
  { name: 'auth', description: 'Tokens for organisation clients (OAuth 2.0 client credentials, as Cognito’s token endpoint)' },
  { name: 'registers', description: 'The sổ văn bản đến and sổ văn bản đi: registration, numbering, handling, printable export' },
  { name: 'scans', description: 'Scanned letters: upload, OCR, registration from what was read' },
  { name: 'search', description: 'Full-text search over the registers, within the caller’s clearance' },
  { name: 'drafts', description: 'Drafts (dự thảo): precheck, appraisal (thẩm định), approval (phê duyệt), issuance' },
  { name: 'reports', description: 'The reporting regime: organisations and their clients, report types, submissions, status, reminders' },
  { name: 'audit', description: 'The hash-chained audit log' },
  { name: 'people', description: 'People administration: roles, clearance and department' },
  { name: 'assignments', description: 'Giao việc: instructions on incoming letters, assignments and their progress, extensions, reminders (nhắc việc), stats (đánh giá) and the sổ theo dõi giải quyết văn bản đến' },
  { name: 'exchange', description: 'Exchange between offices (liên thông văn bản): partners, sending and recall, the partner-to-partner endpoint, the electronic inbox' },
] as const;

/** The scope organisation clients are given (client-credentials grant). */
const REPORTS_SCOPE_NAME = REPORTS_SCOPE;

const securityOf = (auth: Route['auth']): unknown[] => {
  const person = { bearer: [] };
  const client = { orgClient: [REPORTS_SCOPE_NAME] };
  if (auth === 'none') return [];
  if (auth === 'user') return [person];
  if (auth === 'client') return [client];
  return [person, client];
};

/** The token endpoint: not a route of the API (Cognito's domain in the cloud, the embedded issuer locally). */
const tokenPath = {
  post: {
    operationId: 'getClientToken',
    summary: 'An access token: for an organisation client (client-credentials grant) or a person signed in to the console (authorization code with PKCE, refresh token)',
    description:
      'In the cloud this is the Cognito user pool domain’s `/oauth2/token`; the embedded office answers it at the same path. A client’s id and secret go in the form or as HTTP Basic. The console (a public client) sends the code from `/oauth2/authorize` with its PKCE verifier and gets an ID token and a refresh token beside the access token.',
    tags: ['auth'],
    security: [],
    requestBody: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            required: ['grant_type'],
            properties: {
              grant_type: { type: 'string', enum: ['client_credentials', 'authorization_code', 'refresh_token'] },
              client_id: { type: 'string' },
              client_secret: { type: 'string' },
              code: { type: 'string', description: 'authorization_code: the code the sign-in redirected with (single use)' },
              code_verifier: { type: 'string', description: 'authorization_code: the PKCE verifier (S256)' },
              redirect_uri: { type: 'string', description: 'authorization_code: the redirect URI of the authorization request' },
              refresh_token: { type: 'string', description: 'refresh_token: the refresh token of an earlier sign-in' },
              scope: { type: 'string', description: `Space-separated; only ${REPORTS_SCOPE_NAME}` },
            },
          },
        },
      },
    },
    responses: {
      '200': {
        description: 'The access token',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['access_token', 'token_type', 'expires_in'],
              additionalProperties: false,
              properties: {
                access_token: { type: 'string' },
                token_type: { type: 'string', const: 'Bearer' },
                expires_in: { type: 'integer', minimum: 1 },
                id_token: { type: 'string', description: 'People only (authorization code and refresh token grants)' },
                refresh_token: { type: 'string', description: 'People only' },
              },
            },
          },
        },
      },
      '400': { description: 'A bad grant, request or scope (OAuth 2.0 error)', content: { 'application/json': { schema: { $ref: '#/components/schemas/OAuthError' } } } },
      '401': { description: 'Unknown or revoked client, or a wrong secret', content: { 'application/json': { schema: { $ref: '#/components/schemas/OAuthError' } } } },
    },
  },
};

const OAuthError = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: { type: 'string', enum: ['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'] },
    error_description: { type: 'string' },
  },
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
    if (r.ifMatch) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: false,
        description: 'The version this change is made from (`"3"`), instead of the body’s `version`; a stale one gets 409',
        schema: { type: 'string', pattern: '^(W/)?"?\\d{1,9}"?$' },
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, resp] of Object.entries(r.responses)) {
      const content: Record<string, unknown> = {};
      if (resp.schema) content[resp.contentType ?? 'application/json'] = { schema: toSchema(resp.schema, 'output') };
      for (const [type, schema] of Object.entries(resp.alsoContent ?? {})) content[type] = { schema: toSchema(schema, 'output') };
      if (!Object.keys(content).length && Number(status) >= 400) Object.assign(content, errorContent());
      responses[status] = {
        description: resp.description,
        ...(resp.headers ? { headers: resp.headers } : {}),
        ...(Object.keys(content).length ? { content } : {}),
      };
    }
    const errorStatuses = r.auth === 'none' ? [400, 413, 415, 503] : [400, 401, 403, 404, 409, 413, 415, 503];
    for (const s of errorStatuses) responses[String(s)] ??= { description: STANDARD_ERRORS[s], content: errorContent() };
    // Any route may be refused when the office is overloaded (a register's queue full, API Gateway's throttle).
    responses['429'] ??= {
      description: 'Too many requests at once; nothing was changed. Retry after the seconds in Retry-After',
      headers: { 'Retry-After': { description: 'Seconds to wait before retrying', required: true, schema: { type: 'integer', minimum: 1 } } },
      content: errorContent(),
    };
    const op: Record<string, unknown> = {
      operationId: r.operationId,
      summary: r.summary,
      tags: r.tags,
      parameters,
      responses,
      security: securityOf(r.auth),
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
  paths['/oauth2/token'] = tokenPath;
  toSchema(ErrorBody, 'output'); // registers the Error component
  return {
    openapi: '3.1.0',
    info: {
      title: 'daumoi — Văn phòng cấp ủy document office API',
      version,
      description: 'Registers (sổ văn bản đến/đi), scans and OCR, search, reports, drafts (thẩm định, phê duyệt), assignments (giao việc) and audit.',
      contact: { name: 'Văn phòng cấp ủy — system administrator' },
      license: { name: 'Proprietary: for the Party committee’s office only', identifier: 'LicenseRef-daumoi-proprietary' },
    },
    servers: [{ url: '/' }],
    tags: TAGS.map((t) => ({ ...t })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A person’s access token (Cognito user pool; embedded: `npm run --silent token -- <username>`)' },
        orgClient: {
          type: 'oauth2',
          description: 'An organisation’s machine client: client-credentials grant at the token endpoint, sent as `Authorization: Bearer <access_token>`',
          flows: { clientCredentials: { tokenUrl: '/oauth2/token', scopes: { [REPORTS_SCOPE_NAME]: 'Submit and read the organisation’s reports' } } },
        },
      },
      schemas: { ...components, OAuthError },
    },
  };
}
