/**
 * Who is calling: roles (Cognito groups), secrecy clearance, organisation and department. Every
 * request carries a caller and every module decides with it (what a clearance may see, which roles
 * may act), so it sits in the platform beside the errors; the identity module turns verified
 * tokens into callers (shared/identity/domain/identity.ts) and keeps the office's people.
 */
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

/** The OAuth scope an organisation's machine client holds (and no person's token may carry). */
export const REPORTS_SCOPE = 'daumoi/reports';
