/** Opaque list cursors: DynamoDB's LastEvaluatedKey, base64url-encoded JSON. */
import { ValidationError } from '../../domain/errors';

export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw new ValidationError('cursor is not valid', [{ path: 'cursor', message: 'not a cursor returned by this API' }]);
}
