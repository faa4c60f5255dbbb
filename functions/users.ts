/** People administration (admin): roles, clearance and department, in the user pool (embedded: the Data table). */
import { apiHandler } from '../shared/platform/http/api-handler';
import { services } from '../shared/composition';
import { UserAdmin } from '../shared/identity/app/users';

const admin = new UserAdmin(() => services().users);

export const handler = apiHandler('users', {
  listUsers: async () => admin.list(),
  updateUser: async (req) => admin.update(req.caller, req.params.username, req.body, req.requestId),
});
