/** The embedded `POST /oauth2/token`, as Cognito's: one endpoint for every grant. */
import type { ClientRegistry } from '../shared/identity/ports/client-registry';
import type { Extra } from './gateway';
import type { LocalKeys } from './keys';
import { clientCredentialsToken } from './oauth';
import type { AuthorizationCodeServer } from './authorization-code';

/** `POST /oauth2/token`: client credentials for organisations' systems; authorization code and refresh token for people (the console). */
export function tokenEndpoint(keys: LocalKeys, clients: ClientRegistry, people: AuthorizationCodeServer): Extra {
  return async (req, body, res) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/oauth2/token') return false;
    const ct = String(req.headers['content-type'] ?? '');
    const form = new URLSearchParams(body.toString('utf8'));
    const grant = form.get('grant_type');
    const r = !/application\/x-www-form-urlencoded/i.test(ct)
      ? { status: 400, body: { error: 'invalid_request', error_description: 'use a form-encoded body (application/x-www-form-urlencoded)' } }
      : grant === 'authorization_code' || grant === 'refresh_token'
        ? await people.token(form)
        : await clientCredentialsToken(clients, keys, form, req.headers.authorization);
    res.writeHead(r.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(r.body));
    return true;
  };
}
