import type { Caller } from '../../platform/security';

/** Verifies a bearer token and returns who is calling; throws UnauthorizedError when it cannot. */
export interface IdentityVerifier {
  verify(token: string): Promise<Caller>;
}
