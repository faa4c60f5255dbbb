/**
 * The embedded token issuer: an RS256 key pair made at first start under the data dir
 * (`keys/`); local/issuer.ts builds the tokens it signs, in Cognito's shapes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

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

/** Signs a payload as it is (issuer, times and all): the embedded issuer (local/issuer.ts) builds it. */
export async function signClaims(keys: LocalKeys, payload: Record<string, unknown>): Promise<string> {
  const key = await importJWK(keys.privateJwk, 'RS256');
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: keys.privateJwk.kid! }).sign(key);
}
