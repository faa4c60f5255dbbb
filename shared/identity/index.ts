/**
 * The identity module's public entry: the machine-client registry, the people administration
 * (over the edge's user directory) and what the API chain's authentication needs.
 */
import type { Platform } from '../platform/platform';
import type { IdentityVerifier } from './ports/identity-verifier';
import type { ClientRegistry } from './ports/client-registry';
import type { UserDirectory } from './ports/user-directory';
import { DynamoClientRegistry } from './adapters/dynamo-client-registry';
import { UserAdmin } from './app/users';
import type { ApiAuth } from '../platform/http/api-handler';

export type { IdentityVerifier } from './ports/identity-verifier';
export type { ClientRegistry } from './ports/client-registry';
export type { UserDirectory } from './ports/user-directory';
export type { ClientProvisioner } from './ports/client-provisioner';

export function clientRegistry(platform: Platform): ClientRegistry {
  return new DynamoClientRegistry(platform.db, platform.table('Data'));
}


export function identityModule(platform: Platform, ports: { verifier: () => IdentityVerifier; users?: () => UserDirectory }) {
  let clients: ClientRegistry | undefined;
  const auth: ApiAuth = {
    verifier: ports.verifier,
    clients: () => (clients ??= clientRegistry(platform)),
    idempotencyTable: () => platform.table('Idempotency'),
  };
  const users = ports.users;
  return { auth, ...(users ? { users: new UserAdmin(users) } : {}) };
}
