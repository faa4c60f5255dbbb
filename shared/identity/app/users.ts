/**
 * People administration (api.md, "People (admin)"): an administrator lists the office's people
 * and sets a person's roles, clearance and department, with a reason, every change audited.
 *
 * Four eyes: nobody sets their own roles, clearance or department, not even an administrator
 * (403); another administrator must. An administrator therefore also cannot take the admin role
 * away from themselves, so the office always keeps one. The clearance an administrator records
 * is the one decided by the competent authority (quyết định): the reason names it.
 */
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import type { Caller, Clearance, Role } from '../../platform/security';
import type { DirectoryUser, UserChange, UserDirectory } from '../ports/user-directory';

export interface UserView {
  username: string;
  roles: Role[];
  clearance: Clearance;
  dept: string | null;
  enabled: boolean;
  orgId?: string;
}

export const userView = (u: DirectoryUser): UserView => ({
  username: u.username,
  roles: u.roles,
  clearance: u.clearance,
  dept: u.dept ?? null,
  enabled: u.enabled,
  ...(u.orgId ? { orgId: u.orgId } : {}),
});

const state = (u: Pick<UserView, 'roles' | 'clearance' | 'dept'>) => ({ roles: u.roles, clearance: u.clearance, dept: u.dept });

export class UserAdmin {
  constructor(private readonly directory: () => UserDirectory) {}

  async list(): Promise<{ items: UserView[]; nextCursor: null }> {
    const users = await this.directory().list();
    return { items: users.map(userView).sort((a, b) => a.username.localeCompare(b.username)), nextCursor: null };
  }

  async update(caller: Caller, username: string, input: UserChange & { reason: string }, requestId?: string): Promise<UserView> {
    if (caller.username === username) {
      throw new ForbiddenError(
        'Nobody changes their own roles, clearance or department: another administrator must make the change (four eyes)',
        [{ path: 'username', message: 'is the caller' }],
        'SELF_CHANGE',
      );
    }
    const before = await this.directory().get(username);
    if (!before) throw new NotFoundError(`No user ${username}`);
    const change: UserChange = { roles: [...new Set(input.roles)], clearance: input.clearance, dept: input.dept };
    const after = await this.directory().update(username, change, {
      actor: caller,
      action: 'user.update',
      entityType: 'user',
      entityId: username,
      before: state(userView(before)),
      after: { ...state({ roles: change.roles, clearance: change.clearance, dept: change.dept }), reason: input.reason },
      ...(requestId ? { requestId } : {}),
    });
    return userView(after);
  }
}
