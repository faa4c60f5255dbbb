/**
 * Position cursors (shared/platform/aws/cursor.ts), the lists paged by offset (GET /v1/tasks):
 * what the server wrote comes back as the same position; anything else is a 400, including
 * another base64url spelling of a valid position (trailing bits decoding ignores).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePositionCursor, encodePositionCursor } from '../../shared/platform/aws/cursor';
import { ValidationError } from '../../shared/platform/errors';

describe('position cursors', () => {
  it('give back the position they were made for', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999_999 }), (n) => decodePositionCursor(encodePositionCursor(n, n + 1)!) === n));
  });
  it.each(['OR', 'MT', 'MR', 'MA', 'LTE', 'x', 'OQ=', '9', 'MTAwMDAwMA'])('refuses "%s", which the server never writes', (c) => {
    expect(() => decodePositionCursor(c)).toThrow(ValidationError);
  });
  it('takes the spellings it writes ("OQ" for 9, "MQ" for 1) and no cursor as the start', () => {
    expect([decodePositionCursor('OQ'), decodePositionCursor('MQ'), decodePositionCursor(undefined)]).toEqual([9, 1, 0]);
  });
});
