/** The identity module's public entry: verified tokens into callers, machine clients, the office's people. (The caller itself is the platform's: shared/platform/security.ts.) */
export { TokenShapeError, callerFromClaims, tokenKind } from './domain/identity';
export type { IdentityVerifier } from './ports/identity-verifier';
export type { ClientProvisioner, ProvisionedClient } from './ports/client-provisioner';
export { REPORTS_SCOPE, type ClientDirectory, type ClientRegistry, type MachineClient } from './ports/client-registry';
export type { DirectoryUser, UserChange, UserDirectory } from './ports/user-directory';
export { UserAdmin, userView, type UserView } from './app/users';

import type { Platform } from '../platform/platform';
import type { ChainAuth } from '../platform/http/api-handler';
import { authenticate } from './adapters/authenticate';
import { once } from '../platform/lambda';
import type { IdentityVerifier } from './ports/identity-verifier';
import type { ClientDirectory, ClientRegistry } from './ports/client-registry';
import type { UserDirectory } from './ports/user-directory';
import { DynamoClientRegistry } from './adapters/dynamo-client-registry';
import { UserAdmin } from './app/users';

/** Organisations' machine clients on the Data table (the reports module keeps them). */
export function clientDirectory(platform: Platform): ClientDirectory {
  return new DynamoClientRegistry(platform.db, platform.table('Data'));
}

/** The same registry, as the API chain's authentication and the pre-token trigger read it. */
export function clientRegistry(platform: Platform): ClientRegistry {
  return clientDirectory(platform);
}

/** What the API chain needs of identity: the authentication middleware (the verifier, the client registry) and the Idempotency table. */
export type ApiAuth = ChainAuth;

export function identityModule(platform: Platform, ports: { verifier: () => IdentityVerifier; users?: () => UserDirectory }) {
  const auth: ApiAuth = {
    authenticate: authenticate({ verifier: ports.verifier, clients: once(() => clientRegistry(platform)) }),
    idempotencyTable: () => platform.table('Idempotency'),
  };
  const users = ports.users;
  return { auth, ...(users ? { users: new UserAdmin(users) } : {}) };
}

export { preTokenGeneration } from './adapters/pre-token-claims';
