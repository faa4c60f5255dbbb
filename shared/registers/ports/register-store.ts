/**
 * The registers as the rest of daumoi uses them: register a received document (sổ văn bản đến),
 * take an outgoing number (sổ văn bản đi), read, update and void entries. Every write stores
 * its audit event in the same transaction; every read hides what the viewer's clearance does not allow.
 */
import type { Caller } from '../../identity/domain/identity';
import type {
  IncomingEntry,
  IncomingInput,
  IncomingPatch,
  IncomingStatus,
  OutgoingEntry,
  OutgoingInput,
  OutgoingStatus,
  RegisterName,
} from '../domain/model';

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

export interface Page<E> {
  items: E[];
  nextCursor: string | null;
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

export interface RegisterCounts {
  register: RegisterName;
  year: number;
  total: number;
  byStatus: Record<string, number>;
  /** Incoming: past their due time and not done. */
  overdue: number;
  /** Incoming: per book ('normal', 'secret'). Outgoing: per type code. */
  byGroup: Record<string, number>;
}

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

export interface RegisterStore {
  /**
   * Vào sổ văn bản đến: takes the next số đến of the register and year; 409 DUPLICATE for the same
   * letter unless `force`. `also` commits in the same transaction (without it, a `scanId` is
   * its own idempotency key: registering one scan twice returns the first entry).
   */
  registerIncoming(input: IncomingInput, ctx: WriteContext, also?: AlsoWrite): Promise<WriteResult<IncomingEntry>>;
  /** Cấp số văn bản đi: checks authority, takes the next number of the numbering scope, formats the number symbol. */
  allocateOutgoing(input: OutgoingInput, ctx: WriteContext): Promise<WriteResult<OutgoingEntry>>;
  /** 404 when missing or above the viewer's clearance. */
  getIncoming(id: string, viewer: Caller): Promise<IncomingEntry>;
  getOutgoing(id: string, viewer: Caller): Promise<OutgoingEntry>;
  listIncoming(query: IncomingQuery, viewer: Caller): Promise<Page<IncomingEntry>>;
  listOutgoing(query: OutgoingQuery, viewer: Caller): Promise<Page<OutgoingEntry>>;
  /** Assignment, status, due date; `version` must be the current one (409 STALE_VERSION). */
  updateIncoming(id: string, patch: IncomingPatch, version: number, ctx: WriteContext): Promise<IncomingEntry>;
  /** Hủy số: the number stays used and shows void. `version` must be the current one (409 STALE_VERSION). */
  voidOutgoing(id: string, reason: string, version: number, ctx: WriteContext): Promise<OutgoingEntry>;
  /** Every entry of a register's year visible to the viewer, in register order (for the printable register). */
  allEntries(register: 'incoming', year: number, viewer: Caller): Promise<IncomingEntry[]>;
  allEntries(register: 'outgoing', year: number, viewer: Caller): Promise<OutgoingEntry[]>;
  allEntries(register: RegisterName, year: number, viewer: Caller): Promise<(IncomingEntry | OutgoingEntry)[]>;
  /** Counts of the entries the viewer may see. */
  counts(register: RegisterName, year: number, viewer: Caller): Promise<RegisterCounts>;
}
