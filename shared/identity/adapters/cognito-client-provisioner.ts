/**
 * The cloud ClientProvisioner: one Cognito app client per organisation client, with a secret,
 * only the client-credentials grant and only the reports scope. The pre-token-generation trigger
 * (functions/pre-token-generation.ts) adds the organisation to its access tokens.
 * The Cognito SDK is loaded on first use: only the calls that provision or remove a client load it.
 */
import type { CreateUserPoolClientCommand, CreateUserPoolClientCommandOutput, DeleteUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { REPORTS_SCOPE } from '../ports/client-registry';
import type { ClientProvisioner, ProvisionedClient } from '../ports/client-provisioner';
import { lazily } from '../../platform/aws/lazy';

/** @aws-sdk/client-cognito-identity-provider, loaded on first use. */
const cognitoSdk = lazily(() => import('@aws-sdk/client-cognito-identity-provider'));

export type CognitoSend = (command: CreateUserPoolClientCommand | DeleteUserPoolClientCommand) => Promise<unknown>;

export const ACCESS_TOKEN_MINUTES = 60;

export class CognitoClientProvisioner implements ClientProvisioner {
  constructor(
    private readonly sendCommand: CognitoSend,
    private readonly userPoolId: string,
  ) {}

  /** With the SDK's own client (region and credentials from the Lambda environment), made on first use. */
  static create(userPoolId: string): CognitoClientProvisioner {
    const client = lazily(async () => new (await cognitoSdk()).CognitoIdentityProviderClient({}));
    return new CognitoClientProvisioner(async (c) => (await client()).send(c as CreateUserPoolClientCommand), userPoolId);
  }

  async create(input: { orgId: string; name: string }): Promise<ProvisionedClient> {
    const { CreateUserPoolClientCommand } = await cognitoSdk();
    const out = (await this.sendCommand(
      new CreateUserPoolClientCommand({
        UserPoolId: this.userPoolId,
        // ClientName allows [\w\s+=,.@-]: the organisation id fits; the display name stays in the registry.
        ClientName: `daumoi-org-${input.orgId}`.slice(0, 128),
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: [REPORTS_SCOPE],
        AccessTokenValidity: ACCESS_TOKEN_MINUTES,
        TokenValidityUnits: { AccessToken: 'minutes' },
        EnableTokenRevocation: true,
        PreventUserExistenceErrors: 'ENABLED',
      }),
    )) as CreateUserPoolClientCommandOutput;
    const c = out.UserPoolClient;
    if (!c?.ClientId || !c.ClientSecret) throw new Error('Cognito CreateUserPoolClient returned no client id or secret');
    return { clientId: c.ClientId, clientSecret: c.ClientSecret };
  }

  async remove(clientId: string): Promise<void> {
    const { DeleteUserPoolClientCommand } = await cognitoSdk();
    try {
      await this.sendCommand(new DeleteUserPoolClientCommand({ UserPoolId: this.userPoolId, ClientId: clientId }));
    } catch (err) {
      if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
    }
  }
}
