/**
 * Rules of the registers beyond the request schema: real and not future dates, clearance,
 * metadata-only registration of highly secret documents, and who may see an entry.
 */
import { ConflictError, ForbiddenError, ValidationError, type ErrorDetail } from '../../platform/errors';
import { canSee, type Caller, type Clearance, type Secrecy } from '../../platform/security';
import { daysInMonth, LAST_YEAR } from '../../office';
import type { RegisterEntry } from './model';

/** The earliest document date accepted: the Party was founded on 03/02/1930. */
export const EARLIEST_DOCUMENT_DATE = '1930-02-03';

/** The latest date accepted (a due date set by hand): the end of the years the office's calendar handles. */
export const LATEST_DATE = `${LAST_YEAR}-12-31`;

/** Secrecy levels registered with metadata only, never a full-text attachment (domain.md f). */
export const METADATA_ONLY_SECRECY: readonly Secrecy[] = ['toi-mat', 'tuyet-mat'];

/** Fields that carry a document's content; refused for metadata-only secrecy levels. */
export const CONTENT_FIELDS = ['scanId', 'attachment', 'attachments', 'content', 'text', 'body', 'fileUrl'] as const;

const SECRECY_NAMES: Record<Secrecy, string> = { mat: 'Mật', 'toi-mat': 'Tối mật', 'tuyet-mat': 'Tuyệt mật' };

/** Vietnamese name of a secrecy level (độ mật). */
export const secrecyName = (s: Secrecy): string => SECRECY_NAMES[s];

/** Problems with a 'YYYY-MM-DD' date that must be a real calendar date, not after `today`, within EARLIEST_DOCUMENT_DATE–LATEST_DATE. */
export function dateProblems(value: string, today: string, path: string, what: string): ErrorDetail[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return [{ path, message: `${what} must be a date YYYY-MM-DD, got "${value}"` }];
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    return [{ path, message: `${what} ${value} is not a real date (${d}/${mo}/${y} does not exist)` }];
  }
  if (value > today) return [{ path, message: `${what} ${value} is in the future (today is ${today} in the office time zone)` }];
  if (value < EARLIEST_DOCUMENT_DATE) return [{ path, message: `${what} ${value} is before ${EARLIEST_DOCUMENT_DATE}` }];
  if (value > LATEST_DATE) return [{ path, message: `${what} ${value} is after ${LATEST_DATE}` }];
  return [];
}

/** A caller may only register a document whose secrecy their clearance covers. */
export function assertClearanceCovers(actor: Pick<Caller, 'clearance'>, secrecy: Secrecy | null): void {
  if (!canSee(actor.clearance, secrecy)) {
    const level = secrecyName(secrecy!);
    throw new ForbiddenError(`Your clearance (${actor.clearance}) does not cover a ${level} (${secrecy}) document`, [
      { path: 'secrecy', message: `needs clearance ${secrecy} or higher` },
    ]);
  }
}

/** Tối mật and Tuyệt mật documents are registered with metadata only: no scan, attachment or text. */
export function metadataOnlyProblems(secrecy: Secrecy | null, input: Record<string, unknown>): ErrorDetail[] {
  if (!secrecy || !METADATA_ONLY_SECRECY.includes(secrecy)) return [];
  return CONTENT_FIELDS.filter((f) => input[f] !== undefined && input[f] !== null && !(Array.isArray(input[f]) && (input[f] as unknown[]).length === 0)).map((f) => ({
    path: f,
    message: `a ${secrecyName(secrecy)} (${secrecy}) document is registered with metadata only: remove ${f}`,
  }));
}

/** Entries above the viewer's clearance do not exist for them. */
export function visibleTo(viewer: { clearance: Clearance }, entry: Pick<RegisterEntry, 'secrecy'>): boolean {
  return canSee(viewer.clearance, entry.secrecy);
}

/**
 * An incoming entry as a reader sees it: the repeat mark (`duplicateOf`, "Đăng ký lại") only when
 * their clearance also covers the entry it repeats; otherwise it reads as a first registration.
 */
export function repeatFor<E extends { duplicateOf: string | null; duplicateOfSecrecy?: Secrecy | null }>(viewer: { clearance: Clearance }, entry: E): E {
  if (!entry.duplicateOf || canSee(viewer.clearance, entry.duplicateOfSecrecy ?? null)) return entry;
  const { duplicateOfSecrecy: _hidden, ...rest } = entry;
  return { ...rest, duplicateOf: null } as E;
}

/** The secrecy level of a stored rank. */
export const secrecyOfRank = (rank: number): Secrecy | null => (['mat', 'toi-mat', 'tuyet-mat'] as const)[rank - 1] ?? null;

/** Numeric rank of a secrecy level (0 = not secret), stored so lists can filter by clearance. */
export function secrecyRank(s: Secrecy | Clearance | null | undefined): number {
  return s === 'tuyet-mat' ? 3 : s === 'toi-mat' ? 2 : s === 'mat' ? 1 : 0;
}

/** Throws one ValidationError listing every problem, if there are any. */
export function throwIfProblems(problems: ErrorDetail[], code = 'VALIDATION_FAILED'): void {
  if (problems.length === 0) return;
  throw new ValidationError(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '), problems, code);
}

/** Optimistic versioning: an update must name the version it was made from. */
export function assertVersion(current: { version: number }, given: number): void {
  if (current.version !== given) {
    throw new ConflictError(`Stale version ${given}: the entry is now at version ${current.version}; reload it and apply the change again`, [
      { path: 'version', message: 'stale version', currentVersion: current.version },
    ], 'STALE_VERSION');
  }
}
