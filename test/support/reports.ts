/** For the reporting tests: machine-client tokens from the embedded token endpoint's logic, and unique ids per test file. */
import { ulid } from 'ulid';
import { ensureKeys } from '../../local/keys';
import { clientCredentialsToken } from '../../local/oauth';
import { officeParts } from './parts';

/** A token for a machine client, as `POST /oauth2/token` would issue it (fails the test when refused). */
export async function clientToken(clientId: string, clientSecret: string): Promise<string> {
  const keys = await ensureKeys(process.env.DAUMOI_LOCAL_JWKS!.replace(/\/keys\/jwks\.json$/, ''));
  const r = await clientCredentialsToken(officeParts().clients, keys, new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }), undefined);
  if (r.status !== 200) throw new Error(`token refused: ${JSON.stringify(r.body)}`);
  return r.body.access_token as string;
}

/** A short suffix that keeps this file's organisations and report types apart from other files' on the shared DynamoDB Local. */
export const uniqueSuffix = (): string => ulid().slice(-8).toLowerCase();
