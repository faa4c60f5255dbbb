/**
 * The embedded stand-in for Cognito's token endpoint: `POST /oauth2/token` with the
 * client-credentials grant (form body or HTTP Basic), answering as Cognito does.
 */
import type { ClientRegistry } from '../shared/ports/client-registry';
import { REPORTS_SCOPE } from '../shared/ports/client-registry';
import { verifySecret } from '../shared/adapters/auth/client-secret';
import { signToken, type LocalKeys } from './keys';

export const TOKEN_TTL_SECONDS = 3600;

export async function clientCredentialsToken(
  registry: ClientRegistry,
  keys: LocalKeys,
  form: URLSearchParams,
  authorization: string | undefined,
): Promise<{ status: number; body: Record<string, unknown> }> {
  let clientId = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (basic) {
    const [id, sec] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    clientId = id;
    secret = sec;
  }
  if (form.get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
  if (!clientId || !secret) return { status: 400, body: { error: 'invalid_request', error_description: 'client_id and client_secret are required' } };
  const requested = form.get('scope');
  if (requested && requested.split(' ').some((s) => s !== REPORTS_SCOPE)) return { status: 400, body: { error: 'invalid_scope' } };
  const client = await registry.get(clientId);
  if (!client || client.revoked || !client.secretHash || !(await verifySecret(secret, client.secretHash))) {
    return { status: 401, body: { error: 'invalid_client' } };
  }
  const access_token = await signToken(
    keys,
    {
      sub: client.clientId,
      client_id: client.clientId,
      token_use: 'access',
      scope: client.scopes.join(' ') || REPORTS_SCOPE,
      'cognito:groups': ['don-vi'],
      'custom:orgId': client.orgId,
      'custom:clearance': 'none',
    },
    TOKEN_TTL_SECONDS,
  );
  return { status: 200, body: { access_token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS } };
}
