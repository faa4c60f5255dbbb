import type { Caller } from '../domain/identity';

/** Verifies a bearer token and returns who is calling; throws UnauthorizedError when it cannot. */
export interface IdentityVerifier {
  verify(token: string): Promise<Caller>;
}
