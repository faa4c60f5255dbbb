/**
 * How a search query is answered, decided without I/O: which secrecy ranks are read (the
 * caller's clearance bounds them), which filters a posting must pass, which required term drives
 * the walk (the rarest), whether every match is ranked at once or pages go newest first each
 * ranked within itself, how far each step of that walk reads, and the cursor that resumes it.
 */
import { CLEARANCES, type Clearance } from '../../platform/security';
import { ValidationError } from '../../platform/errors';
import { dateOfOrderKey, type Posting } from './postings';
import type { QueryTerm } from './terms';

/** The filters and paging of a query as planning sees them. */
export interface QueryFilters {
  q: string;
  clearance: Clearance;
  register?: string;
  year?: number;
  typeCode?: string;
  issuerCode?: string;
  from?: string;
  to?: string;
  limit: number;
}

/** Tuning of the read path (tests lower them to exercise both ways of answering). */
export interface SearchTuning {
  /** Postings of the rarest required term up to which every match may be ranked; above it, pages go in date order. */
  fullRankLimit: number;
  /** Bytes that ranking every match may read at most. */
  fullRankBytes: number;
  /** Most driver postings read per step in date-order mode, and at most per page. */
  windowStep: number;
  windowBudget: number;
}

/**
 * Every match is ranked when the rarest required term has at most 2500 postings and checking
 * them against the other terms reads at most 300 kB; otherwise pages go in date order, each
 * ranked within itself. Date-order steps read up to 2000 driver postings, 20000 per page.
 */
export const DEFAULT_TUNING: SearchTuning = { fullRankLimit: 2500, fullRankBytes: 300_000, windowStep: 2000, windowBudget: 20_000 };

/** Rough size of a posting and of a document's forward index, to choose the cheaper way to check candidates. */
export const POSTING_BYTES = 45;
export const FORWARD_BYTES = 1200;

/** The secrecy ranks (0 none … 3 tuyệt mật) whose postings a caller may read: nothing above their clearance is ever read. */
export const readableRanks = (clearance: Clearance): number[] => Array.from({ length: CLEARANCES.indexOf(clearance) + 1 }, (_, i) => i);

/** Whether the query narrows the hits beyond its words. */
export const hasFilters = (q: QueryFilters): boolean => !!(q.register || q.year !== undefined || q.typeCode || q.issuerCode || q.from || q.to);

/** The filter a posting must pass (register, year, type, issuer, document date range). */
export function postingFilter(q: QueryFilters): (p: Posting) => boolean {
  const typeCode = q.typeCode?.normalize('NFC').toLowerCase();
  const issuerCode = q.issuerCode?.normalize('NFC').toLowerCase();
  return (p) => {
    if (q.register && p.register !== q.register) return false;
    if (q.year !== undefined && p.year !== q.year) return false;
    if (typeCode && p.typeCode.toLowerCase() !== typeCode) return false;
    if (issuerCode && p.issuerCode.toLowerCase() !== issuerCode) return false;
    const date = dateOfOrderKey(p.ok);
    if (q.from && (!date || date < q.from)) return false;
    if (q.to && (!date || date > q.to)) return false;
    return true;
  };
}

/** The required terms, rarest first: the first drives the walk, the others are checked against its candidates. */
export function byRarity(required: readonly QueryTerm[], df: (t: QueryTerm) => number): QueryTerm[] {
  return [...required].sort((a, b) => df(a) - df(b));
}

/**
 * What ranking every match would read: the driver's postings, and for the other terms the
 * cheaper of their blocks (at most one per candidate) or the candidates' own term lists.
 */
export function fullRankCost(driverPostings: number, otherTermsBlockBytes: number, otherTerms: number): number {
  return driverPostings * POSTING_BYTES + Math.min(otherTermsBlockBytes, otherTerms ? driverPostings * FORWARD_BYTES : 0);
}

/** Rank every match at once (few enough candidates, or a cursor of that mode), rather than walk pages newest first. */
export function ranksEveryMatch(a: { cursor: SearchCursor | undefined; driverPostings: number; fullCost: number; tuning: SearchTuning }): boolean {
  if (a.cursor) return a.cursor.m === 'f';
  return a.driverPostings <= a.tuning.fullRankLimit && a.fullCost <= a.tuning.fullRankBytes;
}

/**
 * Driver postings the walk's first step reads: a few per wanted hit (a one-term query without
 * filters matches every posting: just a page of them); each step that falls short reads four times more.
 */
export const firstStep = (tuning: SearchTuning, terms: number, filtered: boolean, limit: number): number => Math.min(tuning.windowStep, terms === 1 && !filtered ? limit : 2 * limit);
export const nextStep = (tuning: SearchTuning, step: number): number => Math.min(tuning.windowStep, step * 4);

/**
 * How far a step of the walk may go: the lowest last order key among the lists not yet
 * exhausted (beyond it a list may still hold earlier postings); everything when all are exhausted.
 */
export function frontierOf(parts: readonly { postings: readonly Posting[]; exhausted: boolean }[]): string {
  const open = parts.filter((p) => !p.exhausted);
  return open.length ? open.map((p) => p.postings.at(-1)?.ok ?? '\uffff').sort()[0]! : '\uffff';
}

/** Check candidates in their own term lists (forward index) rather than in the terms' posting blocks when that reads fewer bytes. */
export const checkByForwardIndex = (candidates: number, blockBytes: number): boolean => candidates * FORWARD_BYTES < blockBytes;

/** Where the next page of a search starts: an offset into every match ranked ('f'), or the last order key walked ('w'). */
export type SearchCursor = { h: string; m: 'f'; o: number } | { h: string; m: 'w'; k: string };

/** A short hash of the query and its filters: a cursor is valid only for the search that returned it. */
export function querySignature(q: Omit<QueryFilters, 'limit'>): string {
  const s = JSON.stringify([q.q, q.clearance, q.register, q.year, q.typeCode, q.issuerCode, q.from, q.to]);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

/** The cursor of this search (by its signature); 400 for anything else. */
export function decodeSearchCursor(cursor: string | undefined, signature: string): SearchCursor | undefined {
  if (!cursor) return undefined;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as SearchCursor;
    if (c.h === signature && ((c.m === 'f' && Number.isInteger(c.o) && c.o >= 0) || (c.m === 'w' && typeof c.k === 'string'))) return c;
  } catch {
    /* fall through */
  }
  throw new ValidationError('cursor is not valid for this search', [{ path: 'query.cursor', message: 'not a cursor returned by this search' }]);
}
