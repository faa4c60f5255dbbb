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
  createdAt: string;
  scopes: string[];
}

export interface ClientRegistry {
  get(clientId: string): Promise<MachineClient | undefined>;
}

/** The OAuth scope an organisation client needs to submit and read its reports. */
export const REPORTS_SCOPE = 'daumoi/reports';
