/**
 * Bearer JWT verification with aws-jwt-verify: Cognito's user pool in the cloud, the embedded
 * issuer's public JWKS (made at first start under the data dir) when running locally.
 */
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { UnauthorizedError } from '../../domain/errors';
import { callerFromClaims } from '../../domain/identity';
import type { IdentityVerifier } from '../../ports/identity';

type Verify = (token: string) => Promise<JwtPayload>;

export class JwtIdentityVerifier implements IdentityVerifier {
  constructor(private readonly verifyToken: Verify) {}

  /** Cognito user pool: ID tokens of people and access tokens of machine clients. */
  static cognito(userPoolId: string, clientIds: string[]): JwtIdentityVerifier {
    const v = CognitoJwtVerifier.create({ userPoolId, tokenUse: null, clientId: clientIds.length ? clientIds : null });
    return new JwtIdentityVerifier((t) => v.verify(t) as Promise<JwtPayload>);
  }

  /** Embedded issuer: RS256 keys read from a JWKS document, no network. */
  static local(issuer: string, jwks: { keys: unknown[] }): JwtIdentityVerifier {
    const v = JwtRsaVerifier.create({ issuer, audience: null, jwksUri: `${issuer}/.well-known/jwks.json` });
    v.cacheJwks(jwks as Parameters<typeof v.cacheJwks>[0]);
    return new JwtIdentityVerifier((t) => v.verify(t) as Promise<JwtPayload>);
  }

  async verify(token: string) {
    let claims: JwtPayload;
    try {
      claims = await this.verifyToken(token);
    } catch (err) {
      const reason = err instanceof Error ? `${err.constructor.name} ${err.message}` : 'invalid';
      throw new UnauthorizedError(`Token rejected: ${describe(reason)}`);
    }
    const caller = callerFromClaims(claims as Record<string, unknown>);
    if (!caller.sub) throw new UnauthorizedError('Token rejected: no subject');
    return caller;
  }
}

function describe(reason: string): string {
  if (/Parse/i.test(reason)) return 'not a JWT';
  if (/Expired/i.test(reason)) return 'expired';
  if (/Signature|Kid|Jwk/i.test(reason)) return 'signature not valid for this issuer';
  if (/Issuer/i.test(reason)) return 'wrong issuer';
  return 'not valid';
}
