/**
 * Bearer JWT verification with aws-jwt-verify: Cognito's user pool in the cloud, the embedded
 * issuer's public JWKS (made at first start under the data dir) when running locally. Both accept
 * access tokens only, in Cognito's two shapes (shared/identity/domain/identity.ts): a person's token must
 * come from one of the office's web app clients (DAUMOI_USER_POOL_CLIENT_IDS); an organisation
 * client's is checked against the client registry by the authenticate middleware (its app clients
 * are made at run time, so no fixed list can hold them).
 */
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { UnauthorizedError } from '../../platform/errors';
import { type Caller } from '../../platform/security';
import { callerFromClaims, TokenShapeError } from '../domain/identity';
import type { IdentityVerifier } from '../ports/identity-verifier';

type Verify = (token: string) => Promise<JwtPayload>;

export class JwtIdentityVerifier implements IdentityVerifier {
  constructor(
    private readonly verifyToken: Verify,
    /** The web app clients people sign in through. */
    private readonly webClientIds: readonly string[],
  ) {}

  /** Cognito user pool: access tokens only (people's and organisation clients'). */
  static cognito(userPoolId: string, webClientIds: readonly string[], opts: { jwks?: { keys: unknown[] } } = {}): JwtIdentityVerifier {
    // client_id is checked below, by kind of token: organisation clients are made at run time.
    const v = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'access', clientId: null });
    // The pool's keys are fetched on first use; `jwks` primes them (tests, with recorded token shapes).
    if (opts.jwks) v.cacheJwks(opts.jwks as Parameters<typeof v.cacheJwks>[0]);
    return new JwtIdentityVerifier((t) => v.verify(t) as Promise<JwtPayload>, webClientIds);
  }

  /** Embedded issuer: RS256 keys read from a JWKS document, no network. */
  static local(issuer: string, jwks: { keys: unknown[] }, webClientIds: readonly string[]): JwtIdentityVerifier {
    const v = JwtRsaVerifier.create({ issuer, audience: null, jwksUri: `${issuer}/.well-known/jwks.json` });
    v.cacheJwks(jwks as Parameters<typeof v.cacheJwks>[0]);
    return new JwtIdentityVerifier((t) => v.verify(t) as Promise<JwtPayload>, webClientIds);
  }

  async verify(token: string): Promise<Caller> {
    let claims: JwtPayload;
    try {
      claims = await this.verifyToken(token);
    } catch (err) {
      const reason = err instanceof Error ? `${err.constructor.name} ${err.message}` : 'invalid';
      throw new UnauthorizedError(`Token rejected: ${describe(reason)}`);
    }
    let caller: Caller;
    try {
      caller = callerFromClaims(claims as Record<string, unknown>);
    } catch (err) {
      if (err instanceof TokenShapeError) throw new UnauthorizedError(`Token rejected: ${err.message}`);
      throw err;
    }
    if (!caller.clientId && !this.webClientIds.includes(String(claims.client_id))) {
      throw new UnauthorizedError("Token rejected: issued to an app client that is not one of the office's web clients");
    }
    return caller;
  }
}

function describe(reason: string): string {
  if (/Parse/i.test(reason)) return 'not a JWT';
  if (/Expired/i.test(reason)) return 'expired';
  if (/Signature|Kid|Jwk/i.test(reason)) return 'signature not valid for this issuer';
  if (/Issuer/i.test(reason)) return 'wrong issuer';
  if (/token_use|TokenUse/i.test(reason)) return 'not an access token (an ID token is not accepted)';
  return 'not valid';
}
