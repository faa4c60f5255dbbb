/** People administration (api.md, "People (admin)"): roles, clearance and department, set by an administrator with a reason. */
import * as z from 'zod';
import { CLEARANCES, ROLES, type Role } from '../platform/security';
import { defineRoute } from '../platform/http/route';
import { listOf } from '../platform/http/schemas';

/** Roles a person can hold: every role but don-vi, which belongs to organisation clients. */
export const PERSON_ROLES = ROLES.filter((r): r is Exclude<Role, 'don-vi'> => r !== 'don-vi');

export const UserView = z
  .object({
    username: z.string(),
    roles: z.array(z.enum(ROLES)),
    clearance: z.enum(CLEARANCES),
    dept: z.string().nullable(),
    enabled: z.boolean(),
    orgId: z.string().optional(),
  })
  .meta({ id: 'User' });

export const UserChangeBody = z
  .strictObject({
    roles: z
      .array(z.enum(PERSON_ROLES as [Exclude<Role, 'don-vi'>, ...Exclude<Role, 'don-vi'>[]]))
      .max(PERSON_ROLES.length)
      .refine((r) => new Set(r).size === r.length, 'a role is listed twice')
      .describe('Every role the person holds (Cognito groups); don-vi is for organisation clients only'),
    clearance: z.enum(CLEARANCES).describe('The clearance decided by the competent authority'),
    dept: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _').nullable().describe('Issuer code of the drafting department, or null'),
    reason: z.string().trim().min(3).max(500).describe('Why (e.g. the decision that grants the clearance); kept in the audit log'),
  })
  .meta({ id: 'UserChange' });

const UserParams = z.object({ username: z.string().min(1).max(128).regex(/^[\p{L}\p{M}\p{N}._@+-]+$/u, 'not a username') });

export const userRoutes = [
  defineRoute({
    operationId: 'listUsers',
    method: 'GET',
    path: '/v1/users',
    fn: 'users',
    auth: 'user',
    roles: ['admin'],
    summary: "The office's people: roles, clearance, department, enabled",
    tags: ['people'],
    responses: { 200: { description: 'People by username', schema: listOf(UserView) } },
  }),
  defineRoute({
    operationId: 'updateUser',
    method: 'PUT',
    path: '/v1/users/{username}',
    fn: 'users',
    auth: 'user',
    roles: ['admin'],
    summary: "Set a person's roles, clearance and department (audited with the reason; never one's own)",
    tags: ['people'],
    request: { params: UserParams, body: UserChangeBody },
    responses: { 200: { description: 'The person as now recorded; the change applies from their next token', schema: UserView } },
  }),
];
