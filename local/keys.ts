/**
 * The embedded token issuer: an RS256 key pair made at first start under the data dir
 * (`keys/`), and tokens carrying the same claims as Cognito's.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { LOCAL_ISSUER } from './paths';

export interface LocalKeys {
  privateJwk: JWK;
  jwksPath: string;
}

/** Loads the key pair, creating it on first use. */
export async function ensureKeys(dir: string): Promise<LocalKeys> {
  const keysDir = path.join(dir, 'keys');
  const privPath = path.join(keysDir, 'private.jwk.json');
  const jwksPath = path.join(keysDir, 'jwks.json');
  if (!existsSync(privPath) || !existsSync(jwksPath)) {
    mkdirSync(keysDir, { recursive: true, mode: 0o700 });
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    const kid = `daumoi-${Date.now().toString(36)}`;
    const priv = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
    const pub = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    writeFileSync(privPath, JSON.stringify(priv), { mode: 0o600 });
    writeFileSync(jwksPath, JSON.stringify({ keys: [pub] }));
  }
  return { privateJwk: JSON.parse(readFileSync(privPath, 'utf8')) as JWK, jwksPath };
}

export interface TokenClaims {
  sub: string;
  'cognito:groups': string[];
  'custom:clearance'?: string;
  'custom:orgId'?: string;
  'custom:dept'?: string;
  'cognito:username'?: string;
  client_id?: string;
  scope?: string;
  token_use: 'id' | 'access';
}

/** Signs a token; `expiresInSeconds` may be negative to make an expired one (tests). */
export async function signToken(keys: LocalKeys, claims: TokenClaims, expiresInSeconds = 8 * 3600): Promise<string> {
  const key = await importJWK(keys.privateJwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: keys.privateJwk.kid! })
    .setIssuer(LOCAL_ISSUER)
    .setIssuedAt(now - (expiresInSeconds < 0 ? 7200 : 0))
    .setExpirationTime(now + expiresInSeconds)
    .sign(key);
}
