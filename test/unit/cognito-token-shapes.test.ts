/**
 * Cognito's access-token shapes (recorded in test/fixtures/cognito, see its README) → who is calling.
 * A person's token has `username` and no `cognito:username`; an organisation client's has
 * `sub` = `client_id` and the `daumoi/reports` scope. Anything else is refused.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Caller } from '../../shared/platform/security';
import { callerFromClaims, TokenShapeError } from '../../shared/identity/domain/identity';
import { preTokenGeneration } from '../../shared/identity/adapters/pre-token-claims';
import { ensureKeys, signClaims } from '../../local/keys';
import { JwtIdentityVerifier } from '../../shared/identity/adapters/jwt-verifier';
import { UnauthorizedError } from '../../shared/platform/errors';
import { applyAccessTokenOverrides, machineAccessToken, personAccessToken } from '../../local/issuer';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(__dirname, '../fixtures/cognito', name), 'utf8'));
const person = fixture('person-access-token.json');
const personOpenid = fixture('person-access-token-openid.json');
const machine = fixture('machine-access-token.json');
const idToken = fixture('person-id-token.json');

const without = (claims: Record<string, unknown>, k: string) => Object.fromEntries(Object.entries(claims).filter(([key]) => key !== k));
const refused = (claims: Record<string, unknown>) => expect(() => callerFromClaims(claims)).toThrow(TokenShapeError);

describe('Cognito access tokens as recorded', () => {
  it.each([
    ['a person (web client, SRP)', person, { sub: person.sub, username: 'vanthu', roles: ['van-thu'], clearance: 'mat' }],
    ['a person (hosted UI, openid)', personOpenid, { sub: personOpenid.sub, username: 'bantochuc', roles: ['ban-tham-muu'], clearance: 'none', dept: 'BTCTU' }],
    ['an organisation client (client credentials)', machine, { sub: machine.sub, username: machine.client_id, roles: ['don-vi'], clearance: 'none', orgId: 'xa-a', clientId: machine.client_id }],
  ] as [string, Record<string, unknown>, Caller][])('%s → the right caller', (_name, claims, expected) => {
    expect(callerFromClaims(claims)).toEqual(expected);
  });

  it('refuses an ID token, with the reason', () => {
    expect(() => callerFromClaims(idToken)).toThrow(/ID token/);
  });
});

// What removing one claim does: refused, or a documented default; every other claim leaves the caller as it was.
const personRemoval: Record<string, 'refused' | Partial<Caller>> = {
  sub: 'refused',
  client_id: 'refused',
  token_use: 'refused',
  scope: 'refused',
  username: 'refused', // then it is neither shape: no username and no reports scope
  'cognito:groups': { roles: [] },
  'custom:clearance': { clearance: 'none' },
  'custom:dept': {},
};
const machineRemoval: Record<string, 'refused' | Partial<Caller>> = {
  sub: 'refused',
  client_id: 'refused',
  token_use: 'refused',
  scope: 'refused',
  'custom:orgId': 'refused',
  'custom:clearance': {},
};

describe('each recorded shape with one claim removed', () => {
  const cases = [
    ...Object.keys(person).map((k) => ['person', person, k, personRemoval[k] ?? {}] as const),
    ...Object.keys(personOpenid).map((k) => ['person (openid)', personOpenid, k, personRemoval[k] ?? {}] as const),
    ...Object.keys(machine).map((k) => ['machine', machine, k, machineRemoval[k] ?? {}] as const),
  ];
  it.each(cases)('%s without %s', (_kind, claims, k, outcome) => {
    const changed = without(claims, k);
    if (outcome === 'refused') refused(changed);
    else expect(callerFromClaims(changed)).toEqual({ ...callerFromClaims(claims), ...outcome, ...(k === 'custom:dept' ? { dept: undefined } : {}) });
  });
});

describe('each recorded shape with one claim changed', () => {
  it.each([
    ['person as an ID token', { ...person, token_use: 'id' }],
    ['person with cognito:username (an ID-token claim)', { ...person, 'cognito:username': 'vanthu' }],
    ['person holding the reports scope', { ...person, scope: 'aws.cognito.signin.user.admin daumoi/reports' }],
    ['person with an empty username', { ...person, username: '' }],
    ['machine whose sub is not its client_id', { ...machine, sub: 'someone-else' }],
    ['machine without the reports scope', { ...machine, scope: 'openid' }],
    ['machine with a username (neither shape)', { ...machine, username: 'vanthu' }],
    ['machine as an ID token', { ...machine, token_use: 'id' }],
    ['no token_use', without(person, 'token_use')],
  ])('%s → refused', (_name, claims) => refused(claims));

  it('a machine client never gains office roles or a clearance from its claims', () => {
    const c = callerFromClaims({ ...machine, 'cognito:groups': ['admin', 'thuong-truc'], 'custom:clearance': 'tuyet-mat' });
    expect(c).toMatchObject({ roles: ['don-vi'], clearance: 'none' });
  });
  it("a person's don-vi group and unknown groups give no role; an unknown clearance is none", () => {
    const c = callerFromClaims({ ...person, 'cognito:groups': ['don-vi', 'chuyen-vien', 'root'], 'custom:clearance': 'top' });
    expect(c).toMatchObject({ roles: ['chuyen-vien'], clearance: 'none' });
    expect(c.clientId).toBeUndefined();
  });
  it('reads groups flattened by API Gateway', () => {
    expect(callerFromClaims({ ...person, 'cognito:groups': 'van-thu,chuyen-vien' }).roles).toEqual(['van-thu', 'chuyen-vien']);
  });
});

describe('any claims at all', () => {
  const claimValue = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.constantFrom('access', 'id', 'daumoi/reports', 'vanthu'));
  const keys = fc.constantFrom('sub', 'username', 'cognito:username', 'client_id', 'token_use', 'scope', 'cognito:groups', 'custom:clearance', 'custom:orgId', 'custom:dept', 'x');
  it('give a person only with a username and no reports scope, a machine only with sub = client_id and the reports scope, else a refusal', () => {
    fc.assert(
      fc.property(fc.dictionary(keys, claimValue), fc.constantFrom(person, machine, {}), (changes, base) => {
        const claims = { ...base, ...changes };
        let caller: Caller;
        try {
          caller = callerFromClaims(claims);
        } catch (err) {
          expect(err).toBeInstanceOf(TokenShapeError);
          return;
        }
        const scopes = String(claims.scope).split(' ');
        expect(claims.token_use).toBe('access');
        expect(claims).not.toHaveProperty('cognito:username');
        if (caller.clientId) {
          expect(claims).not.toHaveProperty('username');
          expect(claims.sub).toBe(claims.client_id);
          expect(scopes).toContain('daumoi/reports');
          expect(caller.roles).toEqual(['don-vi']);
          expect(caller.clearance).toBe('none');
        } else {
          expect(caller.username).toBe(claims.username);
          expect(scopes).not.toContain('daumoi/reports');
          expect(caller.roles).not.toContain('don-vi');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the embedded issuer mints the recorded shapes, through the same trigger as the cloud', () => {
  const typesOf = (claims: Record<string, unknown>) => Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, Array.isArray(v) ? 'array' : typeof v]));

  it('a person: the same claims with the same types as the recorded access token', async () => {
    const keys = await ensureKeys(mkdtempSync(path.join(os.tmpdir(), 'daumoi-shape-')));
    const minted = decodeJwt(await personAccessToken(keys, { username: 'vanthu', sub: 'user-vanthu', roles: ['van-thu'], clearance: 'mat' }));
    expect(typesOf(minted)).toEqual(typesOf(person));
    expect(minted).not.toHaveProperty('cognito:username');
    const withDept = decodeJwt(await personAccessToken(keys, { username: 'bantochuc', sub: 'user-bantochuc', roles: ['ban-tham-muu'], clearance: 'none', dept: 'BTCTU' }, { scope: 'openid aws.cognito.signin.user.admin' }));
    expect(typesOf(withDept)).toEqual(typesOf(personOpenid));
    expect(callerFromClaims(withDept)).toMatchObject({ username: 'bantochuc', roles: ['ban-tham-muu'], dept: 'BTCTU', clearance: 'none' });
  });

  it('an organisation client: the same claims with the same types as the recorded client-credentials token', async () => {
    const keys = await ensureKeys(mkdtempSync(path.join(os.tmpdir(), 'daumoi-shape-')));
    const registry = { get: async (id: string) => (id === 'c1' ? { clientId: 'c1', orgId: 'xa-a', name: 'A', revoked: false, createdAt: '', scopes: ['daumoi/reports'] } : undefined) };
    const minted = decodeJwt(await machineAccessToken(keys, registry, 'c1', ['daumoi/reports']));
    expect(typesOf(minted)).toEqual(typesOf(machine));
    await expect(machineAccessToken(keys, registry, 'unknown', ['daumoi/reports'])).rejects.toThrow(/not registered/);
  });

  it('the trigger, given the recorded V2 sign-in event, adds exactly the custom claims of the recorded token', async () => {
    const event = fixture('pre-token-v2-authentication-event.json');
    const out = await preTokenGeneration(() => ({ get: async () => undefined }))(event as never);
    const base = Object.fromEntries(Object.entries(person).filter(([k]) => !k.startsWith('custom:')));
    expect(applyAccessTokenOverrides(base, (out as { response: { claimsAndScopeOverrideDetails: never } }).response.claimsAndScopeOverrideDetails, 'person')).toEqual(person);
  });

  it('the trigger, given the recorded V3 client-credentials event, adds exactly the custom claims of the recorded token', async () => {
    const event = fixture('pre-token-v3-client-credentials-event.json');
    const registry = { get: async () => ({ clientId: machine.client_id as string, orgId: 'xa-a', name: 'A', revoked: false, createdAt: '', scopes: ['daumoi/reports'] }) };
    const out = await preTokenGeneration(() => registry)(event as never);
    const base = Object.fromEntries(Object.entries(machine).filter(([k]) => !k.startsWith('custom:')));
    expect(applyAccessTokenOverrides(base, (out as { response: { claimsAndScopeOverrideDetails: never } }).response.claimsAndScopeOverrideDetails, 'machine')).toEqual(machine);
  });

  it('a clearance attribute that is no known level becomes none, never a higher one', async () => {
    const event = fixture('pre-token-v2-authentication-event.json') as { request: { userAttributes: Record<string, string> } };
    event.request.userAttributes['custom:clearance'] = 'TUYET-MAT ';
    const out = (await preTokenGeneration(() => ({ get: async () => undefined }))(event as never)) as { response: { claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: Record<string, string> } } } };
    expect(out.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride['custom:clearance']).toBe('none');
  });
});

describe("the cloud verifier (aws-jwt-verify's CognitoJwtVerifier) on the recorded payloads, signed with a test key", () => {
  const POOL = 'ap-southeast-1_AbCdEf123';
  const WEB = person.client_id as string;
  const sign = async (claims: Record<string, unknown>) => {
    const keys = await ensureKeys(keyDir);
    const now = Math.floor(Date.now() / 1000);
    return signClaims(keys, { ...claims, iat: now, auth_time: now, exp: now + 3600 });
  };
  let keyDir: string;
  let verifier: JwtIdentityVerifier;
  beforeAll(async () => {
    keyDir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-cognito-'));
    const keys = await ensureKeys(keyDir);
    verifier = JwtIdentityVerifier.cognito(POOL, [WEB], { jwks: JSON.parse(readFileSync(keys.jwksPath, 'utf8')) });
  });

  it.each([
    ['person', person, { username: 'vanthu', roles: ['van-thu'], clearance: 'mat' }],
    ['person (openid)', personOpenid, { username: 'bantochuc', dept: 'BTCTU' }],
    ['organisation client', machine, { roles: ['don-vi'], orgId: 'xa-a', clientId: machine.client_id }],
  ] as const)('accepts the %s token', async (_n, claims, expected) => {
    expect(await verifier.verify(await sign(claims))).toMatchObject(expected);
  });

  it.each([
    ['the ID token', idToken, /ID token|not an access token/],
    ["a person's token from another app client", { ...person, client_id: 'someotherappclient00000000' }, /app client/],
    ['a token of another user pool', { ...person, iss: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_Other0000' }, /issuer/],
    ['a person token with cognito:username', { ...person, 'cognito:username': 'vanthu' }, /cognito:username/],
  ])('refuses %s with 401 and the reason', async (_n, claims, reason) => {
    const err = await verifier.verify(await sign(claims)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnauthorizedError);
    expect((err as Error).message).toMatch(reason);
  });
});
