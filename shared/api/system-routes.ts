import * as z from 'zod';
import { ROLES, CLEARANCES } from '../platform/security';
import { defineRoute } from '../platform/http/route';

export const Health = z.object({ status: z.literal('ok'), version: z.string() }).meta({ id: 'Health' });
export const Me = z
  .object({
    sub: z.string(),
    username: z.string(),
    roles: z.array(z.enum(ROLES)),
    clearance: z.enum(CLEARANCES),
    orgId: z.string().optional(),
    dept: z.string().optional(),
    clientId: z.string().optional(),
  })
  .meta({ id: 'Me' });

export const systemRoutes = [
  defineRoute({
    operationId: 'getHealth',
    method: 'GET',
    path: '/v1/health',
    fn: 'system',
    auth: 'none',
    summary: 'Liveness of the API',
    tags: ['service'],
    responses: { 200: { description: 'The service answers', schema: Health } },
  }),
  defineRoute({
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    fn: 'system',
    auth: 'none',
    summary: 'This API as an OpenAPI 3.1 document',
    tags: ['service'],
    responses: { 200: { description: 'OpenAPI document', schema: z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }) } },
  }),
  defineRoute({
    operationId: 'getMe',
    method: 'GET',
    path: '/v1/me',
    fn: 'system',
    auth: 'any',
    summary: "The caller's identity as the API sees it",
    tags: ['service'],
    responses: { 200: { description: 'Identity', schema: Me } },
  }),
];
