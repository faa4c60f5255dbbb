/** The embedded ClientProvisioner: a random client id and secret; only the secret's scrypt hash is kept (checked by POST /oauth2/token). */
import { randomBytes } from 'node:crypto';
import type { ClientProvisioner, ProvisionedClient } from '../ports/client-provisioner';
import { hashSecret, newClientSecret } from './client-secret';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 26 lower-case letters and digits, like a Cognito app client id. */
function newClientId(): string {
  return [...randomBytes(26)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

export class LocalClientProvisioner implements ClientProvisioner {
  async create(): Promise<ProvisionedClient> {
    const clientSecret = newClientSecret();
    return { clientId: newClientId(), clientSecret, secretHash: await hashSecret(clientSecret) };
  }

  async remove(): Promise<void> {
    // Nothing to remove: the registry's revoked flag stops the token endpoint and the API.
  }
}
