import * as z from 'zod';
import { defineRoute } from '../platform/http/route';
import { listOf } from '../platform/http/schemas';

export const AuditEventSchema = z
  .object({
    eventId: z.string(),
    at: z.string(),
    actor: z.object({ sub: z.string(), username: z.string(), roles: z.array(z.string()) }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().optional(),
    seq: z.number().int().optional(),
    hash: z.string().optional(),
    prevHash: z.string().optional(),
    redacted: z.literal(true).optional().meta({ description: 'The event is about something above your clearance: only its place in the chain is shown' }),
  })
  .meta({ id: 'AuditEvent' });

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'an ISO date or instant');

export const auditRoutes = [
  defineRoute({
    operationId: 'listAudit',
    method: 'GET',
    path: '/v1/audit',
    fn: 'audit',
    auth: 'user',
    roles: ['admin'],
    summary: 'Audit events: who, what, when, before/after',
    tags: ['audit'],
    request: {
      query: z.object({
        entityId: z.string().max(200).optional(),
        from: instant.optional(),
        to: instant.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(4096).optional(),
      }),
    },
    responses: { 200: { description: 'Events, oldest first', schema: listOf(AuditEventSchema) } },
  }),
  defineRoute({
    operationId: 'verifyAudit',
    method: 'GET',
    path: '/v1/audit/verify',
    fn: 'audit',
    auth: 'user',
    roles: ['admin'],
    summary: 'Walks the hash chain of the audit log; an edited, deleted or reordered event is reported',
    tags: ['audit'],
    responses: {
      200: {
        description: 'Chain status',
        schema: z.object({
          ok: z.boolean(),
          events: z.number().int(),
          unsealed: z.number().int(),
          problems: z.array(z.object({ seq: z.number(), kind: z.string(), message: z.string() })),
        }),
      },
    },
  }),
];
