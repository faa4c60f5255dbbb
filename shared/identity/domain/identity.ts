/** Verified tokens into callers: which token shapes the office accepts (Cognito access tokens). */
import { REPORTS_SCOPE, ROLES, CLEARANCES, type Caller, type Clearance, type Role } from '../../platform/security';

/** Thrown for verified tokens of a shape the office does not accept (the HTTP layer answers 401). */
export class TokenShapeError extends Error {}

const str = (claims: Record<string, unknown>, k: string) => (typeof claims[k] === 'string' && claims[k] !== '' ? (claims[k] as string) : undefined);

/** Cognito groups as an array, or as API Gateway's flattened string. */
function groupsOf(claims: Record<string, unknown>): string[] {
  const raw = claims['cognito:groups'];
  if (Array.isArray(raw)) return raw.map(String);
  return typeof raw === 'string' && raw.length > 0 ? raw.split(/[,\s]+/).filter(Boolean) : [];
}

/**
 * Which kind of Cognito access token this is, by its shape and scope (see test/fixtures/cognito):
 * - a person's: `username`, a `client_id`, and no `daumoi/reports` scope;
 * - an organisation's machine client (client-credentials grant): no `username`, `sub` equal to
 *   `client_id`, and the `daumoi/reports` scope.
 * Anything else (an ID token, a token of neither shape) is refused with the reason.
 */
export function tokenKind(claims: Record<string, unknown>): 'person' | 'machine' {
  const use = claims.token_use;
  if (use === 'id') throw new TokenShapeError('an ID token is not accepted: send the access token');
  if (use !== 'access') throw new TokenShapeError('not an access token (token_use must be "access")');
  const sub = str(claims, 'sub');
  const clientId = str(claims, 'client_id');
  if (!sub) throw new TokenShapeError('no subject (sub)');
  if (!clientId) throw new TokenShapeError('no app client (client_id)');
  if (typeof claims.scope !== 'string') throw new TokenShapeError('no scope');
  const reports = claims.scope.split(' ').includes(REPORTS_SCOPE);
  const hasUsername = 'username' in claims;
  if ('cognito:username' in claims) throw new TokenShapeError('cognito:username is an ID-token claim: not a Cognito access token');
  if (hasUsername) {
    if (!str(claims, 'username')) throw new TokenShapeError('username is empty');
    if (reports) throw new TokenShapeError(`a person's token may not carry the ${REPORTS_SCOPE} scope`);
    return 'person';
  }
  if (!reports) throw new TokenShapeError(`neither a person's token (no username) nor an organisation client's (no ${REPORTS_SCOPE} scope)`);
  if (sub !== clientId) throw new TokenShapeError("a client-credentials token's sub must be its client_id");
  return 'machine';
}

/**
 * Builds a Caller from verified claims of a Cognito access token (or the embedded issuer's,
 * which mints the same shapes). Throws TokenShapeError for any other token.
 */
export function callerFromClaims(claims: Record<string, unknown>): Caller {
  const kind = tokenKind(claims);
  const sub = str(claims, 'sub')!;
  const clientId = str(claims, 'client_id')!;
  if (kind === 'machine') {
    // An organisation client acts as don-vi for its organisation, never with a clearance.
    const orgId = str(claims, 'custom:orgId');
    if (!orgId) throw new TokenShapeError('an organisation client token without its organisation (custom:orgId)');
    return { sub, username: clientId, roles: ['don-vi'], clearance: 'none', orgId, clientId };
  }
  // People hold office roles; don-vi is the role of organisation clients only.
  const roles = groupsOf(claims).filter((g): g is Role => (ROLES as readonly string[]).includes(g) && g !== 'don-vi');
  const clearanceRaw = str(claims, 'custom:clearance') ?? 'none';
  const clearance = (CLEARANCES as readonly string[]).includes(clearanceRaw) ? (clearanceRaw as Clearance) : 'none';
  const caller: Caller = { sub, username: str(claims, 'username')!, roles, clearance };
  const orgId = str(claims, 'custom:orgId');
  const dept = str(claims, 'custom:dept');
  if (orgId) caller.orgId = orgId;
  if (dept) caller.dept = dept;
  return caller;
}
