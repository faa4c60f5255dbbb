/**
 * Machine clients of subordinate organisations (client-credentials grant). In the cloud each is a
 * Cognito app client; the registry keeps the org binding (and, embedded, the hashed secret).
 */
export interface MachineClient {
  clientId: string;
  orgId: string;
  name: string;
  /** scrypt hash `salt:hash` (embedded issuer only; Cognito keeps its own secret in the cloud). */
  secretHash?: string;
  revoked: boolean;
  revokedAt?: string;
  createdAt: string;
  scopes: string[];
}

export interface ClientRegistry {
  get(clientId: string): Promise<MachineClient | undefined>;
}

/** The registry as organisation administration uses it: clients are created, listed and revoked (never deleted). */
export interface ClientDirectory extends ClientRegistry {
  /** Stores a new client with its audit item, in one transaction. */
  create(client: MachineClient, auditItem: unknown): Promise<void>;
  listByOrg(orgId: string): Promise<MachineClient[]>;
  /** Marks the client revoked; NotFoundError when it does not exist. */
  revoke(clientId: string, revokedAt: string, auditItem: unknown): Promise<MachineClient>;
}

/** The OAuth scope an organisation client needs to submit and read its reports. */
export { REPORTS_SCOPE } from '../../platform/security';
