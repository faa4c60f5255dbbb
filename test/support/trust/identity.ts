/**
 * Trust cases of issue 11, part 1 (identity), against an embedded office running in this
 * process: people sign in through the embedded stand-in for Cognito's InitiateAuth (called with
 * the AWS SDK's own InitiateAuthCommand), organisations through POST /oauth2/token, and every
 * token goes to the HTTP gateway as API Gateway would pass it on.
 *
 * Cases: a person's token of the recorded Cognito shape is accepted with the right roles; a
 * client-credentials token of the recorded shape is accepted as don-vi; an ID token is refused;
 * a token from an unknown app client is refused; a self-write of custom:clearance is impossible
 * (no app client of the synthesized template may write a custom attribute, and PUT
 * /v1/users/{self} is refused for a non-admin and for an admin); an administrator's change is
 * audited with the reason and is in the person's next token.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ensureKeys } from '../../../local/keys';
import { LOCAL_WEB_CLIENT_ID, personAccessToken } from '../../../local/issuer';
import { DEMO_PASSWORD } from '../../../local/oauth';
import { officeParts } from '../parts';
import { tableName } from '../../../shared/platform/aws/tables';
import { userItem } from '../../../shared/identity/adapters/dynamo-user-directory';
import { REPO_ROOT } from '../../../local/paths';
import { jsonClient } from '../http-json';
import type { TrustArea, TrustResult } from './types';

const AREA = 'identity';
const fixture = (name: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/cognito', name), 'utf8')) as Record<string, unknown>;
const shape = (claims: Record<string, unknown>) =>
  Object.entries(claims)
    .map(([k, v]) => `${k}:${Array.isArray(v) ? 'array' : typeof v}`)
    .sort()
    .join(',');

/** The claim names whose presence or type differ from the recorded token's (empty: the same shape). */
function shapeDiff(minted: Record<string, unknown>, recorded: Record<string, unknown>): string[] {
  const a = new Set(shape(minted).split(','));
  const b = new Set(shape(recorded).split(','));
  return [...[...a].filter((x) => !b.has(x)).map((x) => `+${x}`), ...[...b].filter((x) => !a.has(x)).map((x) => `-${x}`)];
}

export const run: TrustArea = async (ctx) => {
  const results: TrustResult[] = [];
  const sfx = Date.now().toString(36);
  const check = async (name: string, body: () => Promise<{ ok: boolean; detail: string }>) => {
    try {
      results.push({ area: AREA, name, ...(await body()) });
    } catch (err) {
      results.push({ area: AREA, name, ok: false, detail: `threw: ${(err as Error).message}` });
    }
  };
  const api = jsonClient(ctx.url);
  const cognito = new CognitoIdentityProviderClient({ endpoint: ctx.url, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const signIn = async (username: string, clientId = LOCAL_WEB_CLIENT_ID) => {
    const r = await cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: DEMO_PASSWORD } }));
    return { access: r.AuthenticationResult!.AccessToken!, id: r.AuthenticationResult!.IdToken! };
  };

  try {
    const vanthu = await signIn('vanthu');
    const admin = await signIn('admin');

    await check("a person's access token of the recorded Cognito shape is accepted with the right roles", async () => {
      const diff = shapeDiff(decodeJwt(vanthu.access), fixture('person-access-token.json'));
      const me = await api('GET', '/v1/me', vanthu.access);
      const ok = diff.length === 0 && me.status === 200 && JSON.stringify(me.body.roles) === '["van-thu"]' && me.body.clearance === 'mat' && me.body.username === 'vanthu' && !me.body.clientId;
      return { ok, detail: `${Object.keys(decodeJwt(vanthu.access)).length} claims, shape diff [${diff.join(' ')}]; GET /v1/me ${me.status} roles ${JSON.stringify(me.body.roles)} clearance ${me.body.clearance}` };
    });

    await check('a client-credentials token of the recorded shape is accepted as don-vi', async () => {
      const orgId = `trust-org-${sfx}`;
      const org = await api('POST', '/v1/orgs', admin.access, { id: orgId, name: 'Đảng ủy xã Tin Cậy' });
      const client = await api('POST', `/v1/orgs/${orgId}/clients`, admin.access);
      const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: client.body.clientId, client_secret: client.body.clientSecret });
      const tr = await fetch(`${ctx.url}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      const token = ((await tr.json()) as { access_token: string }).access_token;
      const diff = shapeDiff(decodeJwt(token), fixture('machine-access-token.json'));
      const me = await api('GET', '/v1/me', token);
      const ok = org.status === 201 && client.status === 201 && tr.status === 200 && diff.length === 0 && me.status === 200 && JSON.stringify(me.body.roles) === '["don-vi"]' && me.body.orgId === orgId && me.body.clearance === 'none';
      return { ok, detail: `org ${org.status}, client ${client.status}, token ${tr.status}, shape diff [${diff.join(' ')}]; GET /v1/me ${me.status} roles ${JSON.stringify(me.body.roles)} orgId ${me.body.orgId}` };
    });

    await check('an ID token is refused', async () => {
      const claims = decodeJwt(vanthu.id);
      const me = await api('GET', '/v1/me', vanthu.id);
      const ok = claims.token_use === 'id' && me.status === 401 && /ID token/.test(me.body?.error?.message ?? '');
      return { ok, detail: `token_use ${String(claims.token_use)}; GET /v1/me ${me.status} "${me.body?.error?.message}"` };
    });

    await check('a token for an unknown app client is refused', async () => {
      const keys = await ensureKeys(ctx.dataDir);
      const foreign = await personAccessToken(keys, { username: 'vanthu', sub: 'user-vanthu', roles: ['van-thu'], clearance: 'mat' }, { clientId: 'unknownappclient0000000000' });
      const me = await api('GET', '/v1/me', foreign);
      let signInRefused = '';
      try {
        await signIn('vanthu', 'unknownappclient0000000000');
      } catch (err) {
        signInRefused = (err as { name?: string }).name ?? 'error';
      }
      const ok = me.status === 401 && /app client/.test(me.body?.error?.message ?? '') && signInRefused === 'ResourceNotFoundException';
      return { ok, detail: `same signature, client_id unknown: GET /v1/me ${me.status} "${me.body?.error?.message}"; sign-in through an unknown client: ${signInRefused || 'accepted'}` };
    });

    await check('a self-write of custom:clearance is impossible', async () => {
      // (1) Cognito: no app client of the synthesized template may write a custom attribute.
      const { App } = await import('aws-cdk-lib');
      const { Template } = await import('aws-cdk-lib/assertions');
      const { buildStacks } = await import('../../../infra/stacks');
      const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
      const clients = Object.entries(Template.fromStack(buildStacks(app).api).findResources('AWS::Cognito::UserPoolClient'));
      const writable = clients.flatMap(([id, c]) => (c.Properties.WriteAttributes === undefined ? [`${id}: every attribute`] : (c.Properties.WriteAttributes as string[]).filter((a) => a.startsWith('custom:')).map((a) => `${id}: ${a}`)));
      // (2) The API: a chuyên viên (and an administrator) cannot set their own clearance.
      const cv2 = await signIn('chuyenvien2');
      const body = { roles: ['chuyen-vien'], clearance: 'tuyet-mat', dept: null, reason: 'tự nâng độ mật' };
      const own = await api('PUT', '/v1/users/chuyenvien2', cv2.access, body);
      const adminOwn = await api('PUT', '/v1/users/admin', admin.access, { ...body, roles: ['admin'] });
      const after = await api('GET', '/v1/me', (await signIn('chuyenvien2')).access);
      const ok = clients.length > 0 && writable.length === 0 && own.status === 403 && adminOwn.status === 403 && adminOwn.body?.error?.code === 'SELF_CHANGE' && after.body.clearance === 'none';
      return {
        ok,
        detail: `${clients.length} app client(s) in the template, custom attributes writable: ${writable.length ? writable.join('; ') : 'none'}; PUT /v1/users/chuyenvien2 by chuyenvien2 ${own.status}; PUT /v1/users/admin by admin ${adminOwn.status} ${adminOwn.body?.error?.code}; chuyenvien2's next token: clearance ${after.body.clearance}`,
      };
    });

    await check("an administrator's change is audited with the reason, and is in the person's next token", async () => {
      const username = `trust-person-${sfx}`;
      await officeParts().db.send(new PutCommand({ TableName: tableName('Data'), Item: userItem({ username, sub: `user-${username}`, roles: ['chuyen-vien'], clearance: 'none', enabled: true }) }));
      const reason = `Quyết định 21-QĐ/TU ngày 01/12/2026 (${sfx})`;
      const put = await api('PUT', `/v1/users/${username}`, admin.access, { roles: ['chuyen-vien'], clearance: 'mat', dept: null, reason });
      const events = (await officeParts().audit.list({ entityId: username })).items;
      const e = events[0] as { actor?: { username?: string }; before?: { clearance?: string }; after?: { clearance?: string; reason?: string } } | undefined;
      const me = await api('GET', '/v1/me', (await signIn(username)).access);
      const ok = put.status === 200 && events.length === 1 && e?.actor?.username === 'admin' && e.before?.clearance === 'none' && e.after?.clearance === 'mat' && e.after?.reason === reason && me.body.clearance === 'mat';
      return { ok, detail: `PUT ${put.status}; ${events.length} audit event(s): actor ${e?.actor?.username}, clearance ${e?.before?.clearance} → ${e?.after?.clearance}, reason kept: ${e?.after?.reason === reason}; next token clearance ${me.body.clearance}` };
    });
  } finally {
    cognito.destroy();
  }
  return results;
};
