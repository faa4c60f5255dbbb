/** Optimistic versioning of updates: the `version` field or the If-Match header, and the ETag answered. */
import { ValidationError } from '../errors';

/** The version in an If-Match header (`"3"`, `W/"3"` or `3`), or undefined without one. */
export function ifMatchVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!m) throw new ValidationError('If-Match must be the version, e.g. "3"', [{ path: 'headers.if-match', message: 'not a version' }]);
  return Number(m[1]);
}

/** The version an update is made from: the `version` field, else the If-Match header; one of them is required. */
export function requiredVersion(field: number | undefined, ifMatch: string | undefined, what = 'entry'): number {
  const v = field ?? ifMatchVersion(ifMatch);
  if (v === undefined) {
    throw new ValidationError(`version is required: send the ${what}'s version in the body or an If-Match header`, [{ path: 'body.version', message: 'required' }], 'VERSION_REQUIRED');
  }
  return v;
}

/** A response carrying a versioned object, with its ETag. */
export const withEtag = <E extends { version: number }>(body: E, status = 200) => ({ status, body, headers: { etag: `"${body.version}"` } });
