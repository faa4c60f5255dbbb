/** Storage of subordinate organisations (the org tree). */
import type { Organisation } from '../domain/model';

export interface OrgStore {
  /** Stores a new organisation with its audit item; ConflictError when the id is taken. */
  create(org: Organisation, auditItem: unknown): Promise<void>;
  get(id: string): Promise<Organisation | undefined>;
  /** Replaces an organisation if it is still at `expectedVersion`; ConflictError otherwise. */
  update(org: Organisation, expectedVersion: number, auditItem: unknown): Promise<void>;
  list(q: { limit: number; cursor?: string | undefined }): Promise<{ items: Organisation[]; nextCursor: string | null }>;
  /** Every organisation (status views, exports, reminders). */
  all(): Promise<Organisation[]>;
}
