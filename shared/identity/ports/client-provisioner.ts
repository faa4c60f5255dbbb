/**
 * Makes and removes an organisation's machine client at the identity provider: a Cognito app
 * client with the reports scope in the cloud; an id and a hashed secret in the embedded office.
 */
export interface ProvisionedClient {
  clientId: string;
  /** Shown once to the administrator, never stored in clear. */
  clientSecret: string;
  /** Embedded only: the scrypt hash the local token endpoint checks. */
  secretHash?: string;
}

export interface ClientProvisioner {
  create(input: { orgId: string; name: string }): Promise<ProvisionedClient>;
  /** Stops the provider issuing tokens to the client (tokens already issued are refused by the registry's revoked flag). */
  remove(clientId: string): Promise<void>;
}
