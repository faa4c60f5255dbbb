/** Organisations (the org tree) and their machine clients: what an administrator does through /v1/orgs. */
import { ulid } from 'ulid';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import type { Caller } from '../../platform/security';
import type { Organisation } from '../domain/model';
import { assertNoCycle } from '../domain/tree';
import { REPORTS_SCOPE, type MachineClient } from '../../identity';
import { auditItem, type ReportingDeps } from './deps';

export interface NewOrg {
  id?: string | undefined;
  name: string;
  code?: string | undefined;
  parentId?: string | null | undefined;
  email?: string | undefined;
}

export interface OrgChanges {
  name?: string | undefined;
  code?: string | null | undefined;
  parentId?: string | null | undefined;
  email?: string | null | undefined;
  active?: boolean | undefined;
}

/** A client as the API shows it: never the secret or its hash. */
export type ClientView = Omit<MachineClient, 'secretHash'>;
const view = ({ secretHash: _h, ...c }: MachineClient): ClientView => c;

export class OrgService {
  constructor(private readonly deps: ReportingDeps) {}

  async create(caller: Caller, input: NewOrg, requestId?: string): Promise<Organisation> {
    const { orgs, clock } = this.deps;
    const parentId = input.parentId ?? null;
    if (parentId !== null && !(await orgs.get(parentId))) throw unknownParent(parentId);
    const now = clock.now();
    const org: Organisation = {
      id: input.id ?? ulid().toLowerCase(),
      name: input.name,
      parentId,
      active: true,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
      ...(input.code ? { code: input.code } : {}),
      ...(input.email ? { email: input.email } : {}),
    };
    const audit = auditItem(this.deps, { actor: caller, action: 'org.create', entityType: 'organisation', entityId: org.id, before: null, after: org, ...(requestId ? { requestId } : {}) });
    await orgs.create(org, audit);
    return org;
  }

  async get(id: string): Promise<Organisation> {
    const org = await this.deps.orgs.get(id);
    if (!org) throw new NotFoundError(`No organisation ${id}`);
    return org;
  }

  list(q: { limit: number; cursor?: string | undefined }) {
    return this.deps.orgs.list(q);
  }

  async update(caller: Caller, id: string, version: number, changes: OrgChanges, requestId?: string): Promise<Organisation> {
    const { orgs, clock } = this.deps;
    const current = await this.get(id);
    if (current.version !== version) throw new ConflictError(`Organisation ${id} is at version ${current.version}, not ${version}`, [], 'STALE_VERSION');
    const next: Organisation = { ...current };
    if (changes.name !== undefined) next.name = changes.name;
    if (changes.active !== undefined) next.active = changes.active;
    if (changes.code !== undefined) changes.code === null ? delete next.code : (next.code = changes.code);
    if (changes.email !== undefined) changes.email === null ? delete next.email : (next.email = changes.email);
    if (changes.parentId !== undefined && changes.parentId !== current.parentId) {
      if (changes.parentId !== null) {
        if (!(await orgs.get(changes.parentId))) throw unknownParent(changes.parentId);
        const parents = new Map((await orgs.all()).map((o) => [o.id, o.parentId]));
        assertNoCycle(id, changes.parentId, (x) => parents.get(x));
      }
      next.parentId = changes.parentId;
    }
    const now = clock.now();
    next.updatedAt = now.toISOString();
    next.version = current.version + 1;
    const audit = auditItem(this.deps, { actor: caller, action: 'org.update', entityType: 'organisation', entityId: id, before: current, after: next, ...(requestId ? { requestId } : {}) });
    await orgs.update(next, current.version, audit);
    return next;
  }

  /** Makes a client for the organisation; the secret is in this answer and nowhere else. */
  async createClient(caller: Caller, orgId: string, name: string | undefined, requestId?: string): Promise<ClientView & { clientSecret: string }> {
    const { clients, provisioner, clock } = this.deps;
    const org = await this.get(orgId);
    if (!org.active) throw new ConflictError(`Organisation ${orgId} is inactive`, [], 'ORG_INACTIVE');
    const clientName = name ?? org.name;
    const made = await provisioner.create({ orgId, name: clientName });
    const now = clock.now();
    const client: MachineClient = {
      clientId: made.clientId,
      orgId,
      name: clientName,
      revoked: false,
      createdAt: now.toISOString(),
      scopes: [REPORTS_SCOPE],
      ...(made.secretHash ? { secretHash: made.secretHash } : {}),
    };
    const audit = auditItem(this.deps, { actor: caller, action: 'client.create', entityType: 'client', entityId: client.clientId, before: null, after: view(client), ...(requestId ? { requestId } : {}) });
    try {
      await clients.create(client, audit);
    } catch (err) {
      await provisioner.remove(client.clientId).catch(() => undefined); // do not leave a client the registry does not know
      throw err;
    }
    return { ...view(client), clientSecret: made.clientSecret };
  }

  async listClients(orgId: string): Promise<ClientView[]> {
    await this.get(orgId);
    return (await this.deps.clients.listByOrg(orgId)).map(view);
  }

  async revokeClient(caller: Caller, orgId: string, clientId: string, requestId?: string): Promise<ClientView> {
    const { clients, provisioner, clock } = this.deps;
    const client = await clients.get(clientId);
    if (!client || client.orgId !== orgId) throw new NotFoundError(`Organisation ${orgId} has no client ${clientId}`);
    let result = client;
    if (!client.revoked) {
      const now = clock.now();
      const after = { ...view(client), revoked: true, revokedAt: now.toISOString() };
      const audit = auditItem(this.deps, { actor: caller, action: 'client.revoke', entityType: 'client', entityId: clientId, before: view(client), after, ...(requestId ? { requestId } : {}) });
      result = await clients.revoke(clientId, now.toISOString(), audit);
    }
    // Again on a repeated call, in case removing it at the identity provider failed the first time.
    await provisioner.remove(clientId);
    return view(result);
  }
}

function unknownParent(parentId: string): ValidationError {
  const message = `No organisation ${parentId} to be the parent`;
  return new ValidationError(message, [{ path: 'body.parentId', message }], 'UNKNOWN_PARENT');
}
