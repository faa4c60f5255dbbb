/**
 * A route of the HTTP API. The route table (routes/index.ts) is the single source of truth
 * for the CDK API, the embedded gateway, request validation and the OpenAPI document.
 */
import type { ZodType } from 'zod';
import type { Role } from '../security';

/** The Lambda function that serves a route; each has an entry file `functions/<name>.ts`. */
export const API_FUNCTIONS = ['system', 'registers', 'scans', 'search', 'reports', 'orgs', 'drafts', 'audit', 'exports', 'users', 'assignments', 'exchange'] as const;
export type ApiFunction = (typeof API_FUNCTIONS)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * - `none`: public (health, OpenAPI).
 * - `user`: a person's token (Cognito user pool).
 * - `client`: an organisation's machine client (client-credentials grant, scope `daumoi/reports`).
 * - `any`: either.
 */
export type AuthKind = 'none' | 'user' | 'client' | 'any';

export interface RouteResponse {
  description: string;
  /** The body, as `contentType` (default application/json). An error status without one answers the Error body. */
  schema?: ZodType;
  contentType?: string;
  /** Further media types the same status may answer (e.g. the CSV of an export), each with its schema. */
  alsoContent?: Record<string, ZodType>;
  /** Headers the response carries. */
  headers?: Record<string, { description: string; required?: boolean; schema: Record<string, unknown> }>;
}

export interface Route {
  operationId: string;
  method: HttpMethod;
  /** API Gateway style template, e.g. `/v1/registers/incoming/entries/{id}`. */
  path: string;
  fn: ApiFunction;
  auth: AuthKind;
  /** Roles allowed; omitted = every authenticated caller. */
  roles?: readonly Role[];
  summary: string;
  tags: string[];
  request?: { body?: ZodType; query?: ZodType; params?: ZodType };
  responses: Record<number, RouteResponse>;
  /** Creates something: honours the `Idempotency-Key` header. */
  idempotent?: boolean;
  /** An update made from a version: the `If-Match` header may carry it instead of the body's `version`. */
  ifMatch?: boolean;
  /** Request body is not JSON (e.g. form-encoded or binary): skip the JSON parser. */
  rawBody?: boolean;
}

export const defineRoute = (r: Route): Route => r;

/** Matches a concrete path against a template; returns the path parameters or null. */
export function matchPath(template: string, path: string): Record<string, string> | null {
  const t = template.split('/');
  const p = path.split('/');
  if (t.length !== p.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const seg = t[i]!;
    const val = p[i]!;
    if (seg.startsWith('{') && seg.endsWith('}')) {
      if (val === '') return null;
      params[seg.slice(1, -1)] = decodeURIComponent(val);
    } else if (seg !== val) return null;
  }
  return params;
}
