import type { Caller } from '../../platform/security';

/** One audited mutation: who did what to which entity, with the state before and after. */
export interface AuditEvent {
  eventId: string;
  at: string;
  actor: { sub: string; username: string; roles: string[] };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId?: string;
}

export type AuditInput = Omit<AuditEvent, 'eventId' | 'at' | 'actor'> & { actor: Caller; at?: Date };

/**
 * Audit log port (nhật ký). Writers that change state in a DynamoDB transaction add the
 * item from `transactItem` to the same transaction, so the change and its audit event
 * are stored together or not at all.
 */
export interface AuditLog {
  /** Builds the event and the transaction item that stores it. */
  prepare(input: AuditInput): { event: AuditEvent; transactItem: unknown };
  /** Stores one event on its own (for mutations outside a transaction). */
  record(input: AuditInput): Promise<AuditEvent>;
  /** Appends the events written so far (older than a short grace period) to the hash chain. */
  seal(now?: Date): Promise<{ sealed: number }>;
  /**
   * Walks the whole chain: edited, deleted or reordered sealed events are reported. A problem on
   * an event `hidden` says which position it is at and nothing of the event (not even its id).
   */
  verify(opts?: { hidden?: (e: AuditEvent) => boolean }): Promise<{ ok: boolean; events: number; unsealed: number; problems: { seq: number; kind: string; message: string }[] }>;
  list(query: { entityId?: string; from?: string; to?: string; limit?: number; cursor?: string }): Promise<{
    items: AuditEvent[];
    nextCursor: string | null;
  }>;
}
