/** Who is calling: roles (Cognito groups), secrecy clearance, organisation and department. */
export const ROLES = ['admin', 'van-thu', 'chuyen-vien', 'lanh-dao-vp', 'thuong-truc', 'ban-tham-muu', 'don-vi'] as const;
export type Role = (typeof ROLES)[number];

/** Office roles: people working in or for the committee office (everyone but machine clients). */
export const OFFICE_ROLES: readonly Role[] = ['admin', 'van-thu', 'chuyen-vien', 'lanh-dao-vp', 'thuong-truc'];

/** Secrecy levels (độ mật) in increasing order: Mật < Tối mật < Tuyệt mật. */
export const CLEARANCES = ['none', 'mat', 'toi-mat', 'tuyet-mat'] as const;
export type Clearance = (typeof CLEARANCES)[number];
export type Secrecy = Exclude<Clearance, 'none'>;

export interface Caller {
  sub: string;
  username: string;
  roles: Role[];
  clearance: Clearance;
  orgId?: string;
  dept?: string;
  /** Set for machine clients (client-credentials grant). */
  clientId?: string;
}

const rank = (c: Clearance | Secrecy | null | undefined): number => CLEARANCES.indexOf(c ?? 'none');

/** True when a caller with this clearance may see a document of this secrecy level. */
export function canSee(clearance: Clearance, secrecy: Secrecy | null | undefined): boolean {
  return rank(clearance) >= rank(secrecy);
}

export function hasAnyRole(caller: Pick<Caller, 'roles'>, roles: readonly Role[]): boolean {
  return roles.some((r) => caller.roles.includes(r));
}

/** Builds a Caller from verified JWT claims (Cognito ID/access token or the embedded issuer). */
export function callerFromClaims(claims: Record<string, unknown>): Caller {
  const groupsRaw = claims['cognito:groups'];
  const groups = Array.isArray(groupsRaw)
    ? groupsRaw.map(String)
    : typeof groupsRaw === 'string' && groupsRaw.length > 0
      ? groupsRaw.split(/[,\s]+/).filter(Boolean) // API Gateway flattens arrays in authorizer claims
      : [];
  const roles = groups.filter((g): g is Role => (ROLES as readonly string[]).includes(g));
  // An organisation client's access token is known by its reports scope and organisation, even
  // where Cognito does not put group overrides into client-credentials tokens.
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (scopes.includes('daumoi/reports') && typeof claims['custom:orgId'] === 'string' && !roles.includes('don-vi')) roles.push('don-vi');
  const clearanceRaw = String(claims['custom:clearance'] ?? 'none');
  const clearance = (CLEARANCES as readonly string[]).includes(clearanceRaw) ? (clearanceRaw as Clearance) : 'none';
  const str = (k: string) => (typeof claims[k] === 'string' && claims[k] !== '' ? (claims[k] as string) : undefined);
  const caller: Caller = {
    sub: String(claims.sub ?? ''),
    username: str('cognito:username') ?? str('username') ?? str('client_id') ?? String(claims.sub ?? ''),
    roles,
    clearance,
  };
  const orgId = str('custom:orgId');
  const dept = str('custom:dept');
  const clientId = str('client_id');
  if (orgId) caller.orgId = orgId;
  if (dept) caller.dept = dept;
  if (clientId && !str('cognito:username')) caller.clientId = clientId;
  return caller;
}
