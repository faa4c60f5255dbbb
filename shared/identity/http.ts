/** People administration's operations (admin), for functions/users.ts. */
import type { Operation } from '../platform/http/types';
import type { UserAdmin } from './app/users';

export function usersOperations(admin: UserAdmin): Record<string, Operation> {
  return {
    listUsers: async () => admin.list(),
    updateUser: async (req) => admin.update(req.caller, req.params.username, req.body, req.requestId),
  };
}
