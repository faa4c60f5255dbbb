/**
 * The embedded token issuer: access tokens in exactly the shapes a Cognito user pool issues
 * (test/fixtures/cognito), for people (sign-in through the web app client) and for organisation
 * clients (client-credentials grant). Their custom claims come from running the SAME
 * pre-token-generation trigger as the cloud (shared/identity/adapters/pre-token-claims.ts) on the
 * event Cognito would send, and applying its answer as Cognito does.
 */
import { randomUUID } from 'node:crypto';
import type { PreTokenGenerationV2TriggerEvent, PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { preTokenGeneration, type PreTokenEvent } from '../shared/identity/adapters/pre-token-claims';
import type { ClientRegistry } from '../shared/identity/ports/client-registry';
import type { UserDirectory } from '../shared/identity/ports/user-directory';
import { signClaims, type LocalKeys } from './keys';
import { LOCAL_ISSUER } from './paths';

/** The embedded web app client's id (26 lower-case letters and digits, like Cognito's). */
export const LOCAL_WEB_CLIENT_ID = 'daumoiweb0local0client0000';
/** The user pool id the embedded trigger events name. */
const LOCAL_USER_POOL_ID = 'local_daumoi';
/** What Cognito grants a user who signs in with SRP through the web app client. */
export const PEOPLE_SCOPE = 'aws.cognito.signin.user.admin';
export const PERSON_TOKEN_SECONDS = 3600;
export const CLIENT_TOKEN_SECONDS = 3600;

/** A person as the user pool holds them: username, sub, groups and custom attributes. */
export interface PoolUser {
  username: string;
  sub: string;
  roles: readonly string[];
  clearance?: string;
  dept?: string;
  orgId?: string;
}

type Overrides = NonNullable<PreTokenGenerationV3TriggerEvent['response']['claimsAndScopeOverrideDetails']>;

/** Claims the trigger may not add, change or suppress in an access token (Cognito's own). */
const RESERVED = new Set(['acr', 'amr', 'aud', 'auth_time', 'azp', 'exp', 'iat', 'identities', 'iss', 'jti', 'nbf', 'nonce', 'origin_jti', 'sub', 'token_use', 'client_id', 'scope', 'username', 'version', 'event_id', 'cognito:groups', 'cognito:username']);

/** Applies a V2/V3 trigger answer to an access token as Cognito does. */
export function applyAccessTokenOverrides(base: Record<string, unknown>, overrides: Overrides | null | undefined, kind: 'person' | 'machine'): Record<string, unknown> {
  const out = { ...base };
  const at = overrides?.accessTokenGeneration;
  for (const [k, v] of Object.entries(at?.claimsToAddOrOverride ?? {})) {
    if (RESERVED.has(k) || k.startsWith('cognito:')) throw new Error(`The pre-token-generation trigger may not set ${k} in an access token`);
    out[k] = v;
  }
  for (const k of at?.claimsToSuppress ?? []) {
    if (RESERVED.has(k)) throw new Error(`The pre-token-generation trigger may not suppress ${k}`);
    delete out[k];
  }
  let scopes = String(out.scope ?? '').split(' ').filter(Boolean);
  scopes = [...scopes, ...(at?.scopesToAdd ?? []).filter((s) => !scopes.includes(s))].filter((s) => !(at?.scopesToSuppress ?? []).includes(s));
  out.scope = scopes.join(' ');
  // Groups belong to users: an app client has none, so a group override changes only people's tokens.
  const groups = overrides?.groupOverrideDetails?.groupsToOverride;
  if (kind === 'person' && groups) {
    if (groups.length) out['cognito:groups'] = [...groups];
    else delete out['cognito:groups'];
  }
  return out;
}

const noRegistry: ClientRegistry = {
  get: () => Promise.reject(new Error('a person’s token does not consult the client registry')),
};

/** A person's access token, as Cognito issues it after SRP sign-in through the web app client. */
export async function personAccessToken(keys: LocalKeys, user: PoolUser, opts: { clientId?: string; scope?: string; expiresInSeconds?: number; authTime?: number } = {}): Promise<string> {
  const clientId = opts.clientId ?? LOCAL_WEB_CLIENT_ID;
  const scope = opts.scope ?? PEOPLE_SCOPE;
  const now = Math.floor(Date.now() / 1000);
  const ttl = opts.expiresInSeconds ?? PERSON_TOKEN_SECONDS;
  const iat = ttl < 0 ? now - 7200 : now;
  const base: Record<string, unknown> = {
    sub: user.sub,
    ...(user.roles.length ? { 'cognito:groups': [...user.roles] } : {}),
    iss: LOCAL_ISSUER,
    version: 2,
    client_id: clientId,
    origin_jti: randomUUID(),
    event_id: randomUUID(),
    token_use: 'access',
    scope,
    auth_time: opts.authTime ?? iat,
    exp: now + ttl,
    iat,
    jti: randomUUID(),
    username: user.username,
  };
  const userAttributes: Record<string, string> = {
    sub: user.sub,
    'cognito:user_status': 'CONFIRMED',
    ...(user.clearance ? { 'custom:clearance': user.clearance } : {}),
    ...(user.dept ? { 'custom:dept': user.dept } : {}),
    ...(user.orgId ? { 'custom:orgId': user.orgId } : {}),
  };
  const event = {
    version: '2',
    triggerSource: 'TokenGeneration_Authentication',
    region: 'local',
    userPoolId: LOCAL_USER_POOL_ID,
    userName: user.username,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
    request: { userAttributes, groupConfiguration: { groupsToOverride: [...user.roles], iamRolesToOverride: [], preferredRole: null }, scopes: scope.split(' ') },
    response: { claimsAndScopeOverrideDetails: null },
  } as unknown as PreTokenGenerationV2TriggerEvent;
  const answered = await preTokenGeneration(() => noRegistry)(event as PreTokenEvent);
  return signClaims(keys, applyAccessTokenOverrides(base, answered.response.claimsAndScopeOverrideDetails as Overrides, 'person'));
}

/**
 * An organisation client's access token (client-credentials grant). The trigger refuses
 * (throws) for a client the registry does not know or has revoked, as it makes Cognito refuse.
 */
export async function machineAccessToken(keys: LocalKeys, registry: ClientRegistry, clientId: string, scopes: string[], opts: { expiresInSeconds?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const ttl = opts.expiresInSeconds ?? CLIENT_TOKEN_SECONDS;
  const base: Record<string, unknown> = {
    sub: clientId,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: now,
    iss: LOCAL_ISSUER,
    exp: now + ttl,
    iat: now,
    version: 2,
    jti: randomUUID(),
    client_id: clientId,
  };
  const event = {
    version: '3',
    triggerSource: 'TokenGeneration_ClientCredentials',
    region: 'local',
    userPoolId: LOCAL_USER_POOL_ID,
    userName: null,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
    request: { userAttributes: {}, groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null }, scopes },
    response: { claimsAndScopeOverrideDetails: null },
  } as unknown as PreTokenGenerationV3TriggerEvent;
  const answered = await preTokenGeneration(() => registry)(event);
  return signClaims(keys, applyAccessTokenOverrides(base, answered.response.claimsAndScopeOverrideDetails as Overrides, 'machine'));
}

/** A person's ID token (what Cognito returns beside the access token; the API refuses it). */
export async function personIdToken(keys: LocalKeys, user: PoolUser, opts: { clientId?: string; nonce?: string; authTime?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signClaims(keys, {
    sub: user.sub,
    ...(user.roles.length ? { 'cognito:groups': [...user.roles] } : {}),
    iss: LOCAL_ISSUER,
    'cognito:username': user.username,
    origin_jti: randomUUID(),
    aud: opts.clientId ?? LOCAL_WEB_CLIENT_ID,
    event_id: randomUUID(),
    token_use: 'id',
    // Cognito echoes the authorization request's nonce, and keeps the sign-in's auth_time when a refresh token renews the tokens.
    ...(opts.nonce ? { nonce: opts.nonce } : {}),
    auth_time: opts.authTime ?? now,
    exp: now + PERSON_TOKEN_SECONDS,
    iat: now,
    jti: randomUUID(),
    ...(user.clearance ? { 'custom:clearance': user.clearance } : {}),
    ...(user.dept ? { 'custom:dept': user.dept } : {}),
  });
}

/**
 * Signs in a person of the directory as they are NOW (roles, clearance, department): the
 * embedded counterpart of Cognito reading the user pool at every sign-in. Undefined for an
 * unknown or disabled user.
 */
export async function signIn(
  keys: LocalKeys,
  directory: UserDirectory,
  username: string,
  opts: { clientId?: string; expiresInSeconds?: number; nonce?: string; authTime?: number } = {},
): Promise<{ accessToken: string; idToken: string } | undefined> {
  const u = await directory.get(username);
  if (!u || !u.enabled) return undefined;
  const user: PoolUser = { username: u.username, sub: u.sub, roles: u.roles, clearance: u.clearance, ...(u.dept ? { dept: u.dept } : {}), ...(u.orgId ? { orgId: u.orgId } : {}) };
  return { accessToken: await personAccessToken(keys, user, opts), idToken: await personIdToken(keys, user, opts) };
}
