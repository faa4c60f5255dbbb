/** The identity module's public entry: verified tokens into callers, machine clients, the office's people. (The caller itself is the platform's: shared/platform/security.ts.) */
export { TokenShapeError, callerFromClaims, tokenKind } from './domain/identity';
export type { IdentityVerifier } from './ports/identity-verifier';
export type { ClientProvisioner, ProvisionedClient } from './ports/client-provisioner';
export { REPORTS_SCOPE, type ClientDirectory, type ClientRegistry, type MachineClient } from './ports/client-registry';
export type { DirectoryUser, UserChange, UserDirectory } from './ports/user-directory';
export { UserAdmin, userView, type UserView } from './app/users';
