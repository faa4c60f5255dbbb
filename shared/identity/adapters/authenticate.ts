/**
 * Verifies the bearer token and checks the route's roles and token kind.
 * No or bad token → 401; a valid token without the role → 403.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from '../../platform/errors';
import { hasAnyRole } from '../../platform/security';
import type { IdentityVerifier } from '../ports/identity-verifier';
import type { ClientRegistry } from '../ports/client-registry';
import type { DaumoiContext } from '../../platform/http/types';

export const authenticate = (opts: { verifier: () => IdentityVerifier; clients: () => ClientRegistry }): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext> => ({
  before: async (request) => {
    const state = request.context.daumoi;
    const route = state.route!;
    if (route.auth === 'none') return;
    const header = state.headers?.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new UnauthorizedError(header ? 'Authorization header must be "Bearer <token>"' : 'No bearer token');
    const caller = await opts.verifier().verify(m[1]!);
    if (caller.clientId) {
      // A revoked client's tokens stop working at once, not when they expire.
      const client = await opts.clients().get(caller.clientId);
      if (!client || client.revoked) throw new UnauthorizedError('This client has been revoked');
      // Organisation clients are made at run time: only the registry knows them and their organisation.
      if (client.orgId !== caller.orgId) throw new UnauthorizedError("This client's token names another organisation than the one it is registered for");
    }
    const isClient = caller.roles.includes('don-vi') && !!caller.orgId;
    if (route.auth === 'user' && caller.clientId) throw new ForbiddenError('This route is for people, not organisation clients');
    if (route.auth === 'client' && !isClient) throw new ForbiddenError("This route is for organisations' API clients");
    if (route.roles && !hasAnyRole(caller, route.roles))
      throw new ForbiddenError(`Needs one of the roles: ${route.roles.join(', ')}`, [{ message: 'missing role', required: route.roles }]);
    state.caller = caller;
  },
});
