/**
 * Full-text search over the registers (GET /v1/search): an inverted index of folded Vietnamese
 * terms. The caller's clearance bounds what is read, so nothing above it is ever returned.
 */
import type { Clearance, Secrecy } from '../../platform/security';
import type { RegisterName } from '../../registers';
import type { SearchDocument } from '../domain/document';
import type { ForwardTerm, Posting } from '../domain/postings';

export interface SearchQuery {
  q: string;
  clearance: Clearance;
  register?: RegisterName;
  year?: number;
  typeCode?: string;
  issuerCode?: string;
  /** Document dates, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

export interface SearchHit {
  id: string;
  register: RegisterName;
  numberSymbol: string | null;
  subject: string;
  documentDate: string;
  score: number;
  snippet: string;
}

export interface SearchPage {
  items: SearchHit[];
  nextCursor: string | null;
}

export interface SearchIndex {
  /** Adds or replaces documents (each replaces its earlier version, also across secrecy levels). */
  index(docs: readonly SearchDocument[]): Promise<void>;
  /** Removes a document from the index. */
  remove(id: string): Promise<void>;
  search(query: SearchQuery): Promise<SearchPage>;
}

/** One term's postings at one secrecy rank, read lazily: inline, or block by block. */
export interface PostingList {
  /** How many documents have the term at this rank. */
  readonly n: number;
  readonly rank: number;
  /** Every posting, newest first. */
  all(): Promise<Posting[]>;
  /** Postings after an order key, at least `min` of them unless the list ends first. */
  after(afterOk: string, min: number): Promise<{ postings: Posting[]; exhausted: boolean }>;
  /** The postings of these documents (by order key) that this list has. */
  lookup(oks: string[]): Promise<Map<string, Posting>>;
  /** About how many bytes looking up `count` candidates spread over the list would read. */
  bytesForCandidates(count: number): number;
  /** About how many bytes `lookup` would read for these order keys. */
  bytesToLookup(oks: string[]): number;
}

/** What a hit shows of an indexed document. */
export interface DisplayRecord {
  id: string;
  register: RegisterName;
  numberSymbol: string | null;
  subject: string;
  documentDate: string;
  secrecy: Secrecy | null;
  text: string | null;
}

/**
 * The inverted index's storage, as the search use case (app/search-engine.ts) needs it: it writes
 * documents and reads what the use case asks for, and decides nothing about a query.
 */
export interface IndexStore {
  /** Adds or replaces documents. */
  index(docs: readonly SearchDocument[]): Promise<void>;
  remove(id: string): Promise<void>;
  /** The posting lists of these terms (by key) at these secrecy ranks only; the block reads of one query are batched. */
  postingLists(termKeys: readonly string[], ranks: readonly number[]): Promise<Map<string, PostingList[]>>;
  /** The documents' own term lists (forward index), by id. */
  forwardTerms(ids: readonly string[]): Promise<Map<string, ForwardTerm[]>>;
  /** What hits show of these documents, by id. */
  displayRecords(ids: readonly string[]): Promise<Map<string, DisplayRecord>>;
}
