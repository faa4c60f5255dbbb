/**
 * Full-text search over the registers (GET /v1/search): an inverted index of folded Vietnamese
 * terms. The caller's clearance bounds what is read, so nothing above it is ever returned.
 */
import type { Clearance } from '../../identity/domain/identity';
import type { RegisterName } from '../../registers/domain/model';
import type { SearchDocument } from '../domain/document';

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
