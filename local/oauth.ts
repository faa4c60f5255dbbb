/**
 * The embedded stand-ins for Cognito's token endpoint (`POST /oauth2/token` with the
 * client-credentials grant, form body or HTTP Basic) and for its InitiateAuth API (people),
 * answering as Cognito does.
 */
import type { ClientRegistry } from '../shared/identity/ports/client-registry';
import { REPORTS_SCOPE } from '../shared/identity/ports/client-registry';
import { verifySecret } from '../shared/identity/adapters/client-secret';
import type { LocalKeys } from './keys';
import { CLIENT_TOKEN_SECONDS, LOCAL_WEB_CLIENT_ID, PERSON_TOKEN_SECONDS, machineAccessToken, signIn } from './issuer';
import type { UserDirectory } from '../shared/identity/ports/user-directory';

export const TOKEN_TTL_SECONDS = CLIENT_TOKEN_SECONDS;

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
  // The same trigger as in the cloud adds the organisation (and refuses an unknown or revoked client).
  const access_token = await machineAccessToken(keys, registry, client.clientId, client.scopes.length ? client.scopes : [REPORTS_SCOPE], { expiresInSeconds: TOKEN_TTL_SECONDS });
  return { status: 200, body: { access_token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS } };
}

/** The password of every embedded demo user (api.md, Console): `demo`, or DAUMOI_DEMO_PASSWORD when set (read at start). */
export const DEMO_PASSWORD = process.env.DAUMOI_DEMO_PASSWORD || 'demo';
export const INITIATE_AUTH_TARGET = 'AWSCognitoIdentityProviderService.InitiateAuth';

/**
 * The embedded stand-in for Cognito's `InitiateAuth` (USER_PASSWORD_AUTH) through the web app
 * client: the AWS SDK's InitiateAuthCommand, pointed at the embedded office, signs a demo user in
 * and gets Cognito's answer shape. The tokens carry the user's roles, clearance and department as
 * the directory holds them now.
 */
export async function initiateAuth(directory: UserDirectory, keys: LocalKeys, raw: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const fail = (type: string, message: string) => ({ status: 400, body: { __type: type, message } });
  let req: { AuthFlow?: string; ClientId?: string; AuthParameters?: Record<string, string> };
  try {
    req = JSON.parse(raw) as typeof req;
  } catch {
    return fail('InvalidParameterException', 'The request body is not JSON');
  }
  if (req.AuthFlow !== 'USER_PASSWORD_AUTH') return fail('InvalidParameterException', 'Only USER_PASSWORD_AUTH is offered by the embedded office');
  if (req.ClientId !== LOCAL_WEB_CLIENT_ID) return fail('ResourceNotFoundException', 'User pool client does not exist.');
  const username = req.AuthParameters?.USERNAME ?? '';
  if (req.AuthParameters?.PASSWORD !== DEMO_PASSWORD) return fail('NotAuthorizedException', 'Incorrect username or password.');
  const tokens = await signIn(keys, directory, username);
  if (!tokens) return fail('NotAuthorizedException', 'Incorrect username or password.');
  return {
    status: 200,
    body: { ChallengeParameters: {}, AuthenticationResult: { AccessToken: tokens.accessToken, IdToken: tokens.idToken, ExpiresIn: PERSON_TOKEN_SECONDS, TokenType: 'Bearer' } },
  };
}
