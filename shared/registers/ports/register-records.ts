/**
 * The registers' persistence, as the use cases (app/registers.ts) need it: storage only. It reads
 * entries and the owners of unique keys, makes the transaction items of a new entry and its
 * claims, replaces an entry under its version, and pages through a register's year with the
 * filters and the clearance bound it is given. It decides nothing: who may see what, duplicates
 * and idempotency are the domain's (domain/visibility.ts, domain/duplicates.ts).
 *
 * Transaction items are opaque here (`unknown`): the same storage's items, gathered by the use
 * case with the audit event's and the search outbox marker's, and written in one transaction by
 * the gapless counter (ports/entry-numbers.ts) or by `replace`.
 */
import type { KeyOwner, UniqueClaim } from '../domain/duplicates';
import type { CountRow } from '../domain/counts';
import type { RegisterEntry, RegisterName } from '../domain/model';

/** One page of a list, and where the next starts. */
export interface Page<E> {
  items: E[];
  nextCursor: string | null;
}

/** Which entries of a register's year a page holds, besides the clearance bound. */
export interface EntryFilter {
  status?: string;
  typeCode?: string;
  issuerCode?: string;
  /** Date range (inclusive, 'YYYY-MM-DD') on `dateField`. */
  dateField: 'arrivalDate' | 'documentDate';
  from?: string;
  to?: string;
  /** Incoming: only entries whose handler is exactly this. */
  handler?: string;
  /** Incoming: only entries not done and due before `at` (true), or only the others (false). */
  overdue?: { is: boolean; at: string };
}

export interface PageRequest {
  register: RegisterName;
  year: number;
  /** Incoming: one book only. */
  book?: 'normal' | 'secret';
  filter: EntryFilter;
  /** Entries stored with a higher secrecy rank are never read. */
  maxRank: number;
  limit: number;
  cursor?: string;
}

/** How a conditional replace ended. */
export type ReplaceOutcome = { kind: 'written' } | { kind: 'version-changed'; current: number } | { kind: 'contended' };

export interface RegisterRecords {
  /** The entry as stored (consistent read), without storage attributes. */
  entry(id: string): Promise<RegisterEntry | undefined>;
  /** The entry that claims a unique key. */
  owner(claim: UniqueClaim): Promise<KeyOwner | undefined>;
  /** The item that stores a new entry (only if its id is new). */
  newEntryItem(entry: RegisterEntry): unknown;
  /** The item that claims a unique key for an entry (only if nobody holds it yet). */
  claimItem(claim: UniqueClaim, entry: Pick<RegisterEntry, 'id' | 'register' | 'secrecy'>, at: Date): unknown;
  /** The item that files an incoming entry under its issuer's number (domain/issuer-numbers.ts), with its letter's key. */
  issuerNumberItem(key: string, letterKey: string, entryId: string): unknown;
  /** The letter keys of the entries filed under an issuer's number (consistent read). */
  issuerNumberLetters(key: string): Promise<string[]>;
  /** Keys (pk|sk) of a claim's item: registrations writing one never share a transaction. */
  claimKey(claim: UniqueClaim): string;
  /** Writes `after` over `before` if it is still at `before.version`, with `alsoItems`, in one transaction. */
  replace(before: RegisterEntry, after: RegisterEntry, alsoItems: unknown[]): Promise<ReplaceOutcome>;
  /** One page of a register's year in register order; the cursor is the last item returned, never a hidden one. */
  page(request: PageRequest): Promise<Page<RegisterEntry>>;
  /** What counting needs of every entry of a register's year up to `maxRank`, page by page. */
  countRows(register: RegisterName, year: number, maxRank: number, range?: CountRange): AsyncIterable<CountRow[]>;
}

/** Counting only the entries of some days (inclusive, 'YYYY-MM-DD'): arrival dates (incoming) or document dates (outgoing). */
export interface CountRange {
  dateField: 'arrivalDate' | 'documentDate';
  from?: string;
  to?: string;
}
