/**
 * The office's people as the identity provider holds them: username, roles (groups), clearance,
 * department and organisation (custom attributes), enabled. In the cloud the Cognito user pool;
 * embedded, items in the Data table that the embedded token issuer reads at every sign-in.
 */
import type { Clearance, Role } from '../../platform/security';
import type { AuditInput } from '../../audit';

export interface DirectoryUser {
  username: string;
  sub: string;
  roles: Role[];
  clearance: Clearance;
  dept?: string;
  orgId?: string;
  /** Where reminders reach the person (Cognito's standard `email` attribute). */
  email?: string;
  enabled: boolean;
}

/** What an administrator sets: the whole of roles, clearance and department. */
export interface UserChange {
  roles: Role[];
  clearance: Clearance;
  /** null: no department. */
  dept: string | null;
}

export interface UserDirectory {
  /** Everyone, by username. */
  list(): Promise<DirectoryUser[]>;
  get(username: string): Promise<DirectoryUser | undefined>;
  /**
   * Sets roles, clearance and department. The audit event is stored with the change (DynamoDB: in
   * the same transaction; Cognito: recorded before the change is made, so no change goes unaudited).
   * NotFoundError for an unknown user.
   */
  update(username: string, change: UserChange, audit: AuditInput): Promise<DirectoryUser>;
}
