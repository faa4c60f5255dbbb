/** People administration (admin): roles, clearance and department, in the user pool (embedded: the Data table). */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler } from '../shared/platform/lambda';
import { basics, type Edge } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { identityModule, type UserDirectory } from '../shared/identity/index';
import { usersOperations } from '../shared/identity/http';

export function compose(edge: Edge) {
  const { platform, audit, auth } = basics(edge);
  let directory: UserDirectory | undefined;
  const { users } = identityModule(platform, { verifier: () => edge.verifier(), users: () => (directory ??= edge.users(platform, audit)) });
  return apiHandler('users', usersOperations(users!), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
