/**
 * Opaque list cursors: DynamoDB's LastEvaluatedKey, base64url-encoded JSON.
 *
 * A cursor comes back from the client, so it is checked against the query it is used with
 * before it reaches DynamoDB: exactly the key attributes that query's LastEvaluatedKey has,
 * each a string of a key's size, and the partition (and any prefix) the query reads. A forged,
 * truncated or stale cursor, or one from another query (another register, year, entity, month,
 * organisation), is a 400 that says so — never a DynamoDB ValidationException (a 500) — and it
 * can only move the start of the same query, whose filters (clearance among them) still apply.
 */
import { ValidationError } from '../errors';

/** What a cursor must look like for one query. */
export interface CursorScope {
  /** The attributes of the key: the table's and, for an index query, the index's. */
  attrs: readonly string[];
  /** Attributes the query fixes (its partition key). */
  equal?: Record<string, string>;
  /** Attributes the query reads by prefix (begins_with on the sort key). */
  prefix?: Record<string, string>;
}

/** A Data/Audit table key read through gsi1 or gsi2, or the table itself. */
export const TABLE_KEY = ['pk', 'sk'] as const;
export const GSI1_KEY = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;
export const GSI2_KEY = ['pk', 'sk', 'gsi2pk', 'gsi2sk'] as const;

/** Why a well-formed cursor of another query is refused. */
export const FOREIGN = 'the cursor belongs to another list; use it with the query that returned it';

/** Longest key attribute DynamoDB stores (partition key: 2048 bytes). */
const MAX_KEY_BYTES = 2048;

export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;
}

/**
 * A list built in memory (not a DynamoDB query) pages by position: the cursor is the index of the
 * next item, base64url. Anything else coming back is a 400, as for key cursors.
 */
export function encodePositionCursor(next: number, total: number): string | null {
  return next < total ? Buffer.from(String(next), 'utf8').toString('base64url') : null;
}

export function decodePositionCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const text = /^[A-Za-z0-9_-]{1,12}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  // Only the encoding this module writes: base64url decoding ignores stray trailing bits ("OR" and "OQ" both give "9").
  if (!/^[1-9]\d{0,5}$/.test(text) || encodePositionCursor(Number(text), Infinity) !== cursor) throw invalidCursor();
  return Number(text);
}

/** The error every rejected cursor gets. */
export function invalidCursor(why = 'not a cursor returned by this query'): ValidationError {
  return new ValidationError(`cursor is not valid: ${why}`, [{ path: 'query.cursor', message: why }], 'INVALID_CURSOR');
}

/** The JSON a cursor carries, or a 400. */
export function cursorJson(cursor: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
}

/** Checks a decoded start key against the query's scope; a 400 when it does not fit. */
export function checkStartKey(v: unknown, scope: CursorScope): Record<string, string> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalidCursor();
  const key = v as Record<string, unknown>;
  const names = Object.keys(key);
  if (names.length !== scope.attrs.length || !scope.attrs.every((a) => names.includes(a))) throw invalidCursor();
  for (const a of scope.attrs) {
    const value = key[a];
    if (typeof value !== 'string' || value.length === 0 || Buffer.byteLength(value, 'utf8') > MAX_KEY_BYTES) throw invalidCursor();
  }
  for (const [a, want] of Object.entries(scope.equal ?? {})) if (key[a] !== want) throw invalidCursor(FOREIGN);
  for (const [a, p] of Object.entries(scope.prefix ?? {})) if (!String(key[a]).startsWith(p)) throw invalidCursor(FOREIGN);
  return key as Record<string, string>;
}

/** The start key a cursor names for this query; undefined without a cursor; a 400 when it is not one of this query's. */
export function decodeCursor(cursor: string | undefined, scope: CursorScope): Record<string, string> | undefined {
  if (!cursor) return undefined;
  return checkStartKey(cursorJson(cursor), scope);
}
