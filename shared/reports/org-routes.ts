/** Routes of subordinate organisations (the org tree) and their machine clients. */
import * as z from 'zod';
import { defineRoute } from '../platform/http/route';
import { ETAG_HEADERS, Id, ListQuery, listOf } from '../platform/http/schemas';

const Name = z.string().trim().min(1).max(300);
const Code = z.string().trim().min(1).max(50);
const Email = z.email().max(254);

export const Organisation = z
  .object({
    id: z.string(),
    name: z.string(),
    code: z.string().optional(),
    parentId: z.string().nullable(),
    email: z.string().optional(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Organisation' });

export const NewOrganisation = z
  .strictObject({
    id: Id.optional().describe('Chosen by the administrator (letters, digits, - or _); generated when absent'),
    name: Name,
    code: Code.optional(),
    parentId: Id.nullable().optional().describe('The organisation above this one; null or absent for a top-level one'),
    email: Email.optional().describe('Where reminders are e-mailed'),
  })
  .meta({ id: 'NewOrganisation' });

export const OrganisationChanges = z
  .strictObject({
    version: z.number().int().min(1).optional().describe('The version being changed (or the If-Match header)'),
    name: Name.optional(),
    code: Code.nullable().optional(),
    parentId: Id.nullable().optional(),
    email: Email.nullable().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'OrganisationChanges' });

export const MachineClientView = z
  .object({
    clientId: z.string(),
    orgId: z.string(),
    name: z.string(),
    revoked: z.boolean(),
    revokedAt: z.string().optional(),
    createdAt: z.string(),
    scopes: z.array(z.string()),
  })
  .meta({ id: 'MachineClient' });

export const NewMachineClient = MachineClientView.extend({ clientSecret: z.string().describe('Shown once, in this answer only') }).meta({ id: 'NewMachineClient' });
export const NewClientBody = z.strictObject({ name: z.string().trim().min(1).max(200).optional() }).meta({ id: 'NewClientRequest' });

const OrgParams = z.object({ orgId: Id });
const ClientParams = z.object({ orgId: Id, clientId: Id });

export const orgRoutes = [
  defineRoute({
    operationId: 'createOrg',
    method: 'POST',
    path: '/v1/orgs',
    fn: 'orgs',
    auth: 'user',
    roles: ['admin'],
    summary: 'Add a subordinate organisation (tổ chức đảng trực thuộc) to the tree',
    tags: ['reports'],
    idempotent: true,
    request: { body: NewOrganisation },
    responses: { 201: { description: 'The organisation', schema: Organisation, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    operationId: 'listOrgs',
    method: 'GET',
    path: '/v1/orgs',
    fn: 'orgs',
    auth: 'user',
    // api.md: admin. The office's people see the organisations where they work with them: in the
    // reports' status (GET /v1/reports/status gives each one's name and place in the tree).
    roles: ['admin'],
    summary: 'Subordinate organisations (tree by parentId), with their e-mail and state (admin)',
    tags: ['reports'],
    request: { query: ListQuery },
    responses: { 200: { description: 'Organisations by id', schema: listOf(Organisation) } },
  }),
  defineRoute({
    operationId: 'getOrg',
    method: 'GET',
    path: '/v1/orgs/{orgId}',
    fn: 'orgs',
    auth: 'user',
    roles: ['admin'],
    summary: 'One organisation (admin, as the list)',
    tags: ['reports'],
    request: { params: OrgParams },
    responses: { 200: { description: 'The organisation', schema: Organisation, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    operationId: 'updateOrg',
    method: 'PATCH',
    path: '/v1/orgs/{orgId}',
    fn: 'orgs',
    auth: 'user',
    roles: ['admin'],
    summary: 'Rename, move in the tree, set the e-mail, or deactivate an organisation',
    ifMatch: true,
    tags: ['reports'],
    request: { params: OrgParams, body: OrganisationChanges },
    responses: { 200: { description: 'The organisation, next version', schema: Organisation, headers: ETAG_HEADERS } },
  }),
  defineRoute({
    operationId: 'createOrgClient',
    method: 'POST',
    path: '/v1/orgs/{orgId}/clients',
    fn: 'orgs',
    auth: 'user',
    roles: ['admin'],
    // Not idempotent on purpose: a replayed answer would keep the secret in the idempotency table.
    summary: 'Make a machine client (client credentials) for the organisation; the secret is shown once',
    tags: ['reports'],
    request: { params: OrgParams },
    responses: { 201: { description: 'The client with its secret', schema: NewMachineClient } },
  }),
  defineRoute({
    operationId: 'listOrgClients',
    method: 'GET',
    path: '/v1/orgs/{orgId}/clients',
    fn: 'orgs',
    auth: 'user',
    roles: ['admin'],
    summary: "The organisation's machine clients (without secrets)",
    tags: ['reports'],
    request: { params: OrgParams },
    responses: { 200: { description: 'Clients', schema: listOf(MachineClientView) } },
  }),
  defineRoute({
    operationId: 'revokeOrgClient',
    method: 'POST',
    path: '/v1/orgs/{orgId}/clients/{clientId}/revoke',
    fn: 'orgs',
    auth: 'user',
    roles: ['admin'],
    summary: 'Revoke a machine client: its tokens are refused at once',
    tags: ['reports'],
    request: { params: ClientParams },
    responses: { 200: { description: 'The revoked client', schema: MachineClientView } },
  }),
];
