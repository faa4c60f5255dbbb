/** What the registers' use cases (app/registers.ts) take and return besides entries. */
import type { Caller } from '../../platform/security';
import type { IncomingEntry, IncomingStatus, OutgoingStatus } from '../domain/model';

/** Who writes, for the audit log and the clearance check. */
export interface WriteContext {
  actor: Caller;
  requestId?: string;
  /**
   * A repeated key returns the entry first made with it instead of making another
   * (e.g. the draft id at issuance, so that a retried issuance never takes a second number).
   */
  idempotencyKey?: string;
}

export interface WriteResult<E> {
  entry: E;
  /** False when the idempotency key had already made this entry. */
  created: boolean;
}

export type { Page } from '../ports/register-records';

/** A letter's number-symbol and document date ('YYYY-MM-DD'): is its issuer's number of that year another letter's? */
export interface IncomingNumberQuery {
  numberSymbol: string;
  documentDate: string;
}

export interface IncomingQuery {
  year: number;
  book?: 'normal' | 'secret';
  /** Arrival dates, inclusive ('YYYY-MM-DD'). */
  from?: string;
  to?: string;
  status?: IncomingStatus;
  typeCode?: string;
  overdue?: boolean;
  /** Only entries whose handler (người chủ trì) is exactly this. */
  handler?: string;
  limit?: number;
  cursor?: string;
}

export interface OutgoingQuery {
  year: number;
  typeCode?: string;
  issuerCode?: string;
  status?: OutgoingStatus;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export type { RegisterCounts } from '../domain/counts';

/**
 * Further writes that must commit with a new entry or not at all (e.g. linking the scan it was
 * read from): transaction items of the same table, made once the entry is known.
 */
export interface AlsoWrite {
  /** Items (pk|sk) they write: two registrations writing one of them never share a transaction. */
  keys: string[];
  /** How many items `items` returns. */
  size: number;
  items(entry: IncomingEntry): unknown[];
  /** One of them failed its condition: the error the request gets (the entry is not stored). */
  conflict(): Promise<Error>;
}
