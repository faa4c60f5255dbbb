/**
 * The Cognito pre-token-generation trigger's logic (event version V3_0, needed for client-credentials
 * tokens): an organisation's machine client gets the claims the API reads — `cognito:groups`
 * ["don-vi"] and `custom:orgId` — from the client registry. Unknown or revoked clients get no token;
 * people's tokens pass unchanged.
 */
import type { PreTokenGenerationV2TriggerEvent, PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import type { ClientRegistry, MachineClient } from '../../ports/client-registry';

export type PreTokenEvent = PreTokenGenerationV3TriggerEvent | PreTokenGenerationV2TriggerEvent;
type Overrides = PreTokenGenerationV3TriggerEvent['response']['claimsAndScopeOverrideDetails'];

/** The role an organisation client acts in (api.md, Identity). */
export const ORG_CLIENT_GROUP = 'don-vi';

/** The token changes for one organisation client: its group and organisation; nothing secret. */
export function orgClientClaims(client: Pick<MachineClient, 'orgId'>): Overrides {
  return {
    accessTokenGeneration: { claimsToAddOrOverride: { 'custom:orgId': client.orgId, 'custom:clearance': 'none' } },
    groupOverrideDetails: { groupsToOverride: [ORG_CLIENT_GROUP] },
  };
}

/** The trigger, reading the registry it is given. */
export function preTokenGeneration(registry: () => ClientRegistry) {
  return async <E extends PreTokenEvent>(event: E): Promise<E> => {
    if (event.triggerSource !== 'TokenGeneration_ClientCredentials') return event;
    const clientId = event.callerContext.clientId;
    const client = await registry().get(clientId);
    // Throwing makes Cognito refuse the token request: a client the office does not know, or has revoked, gets nothing.
    if (!client) throw new Error(`Client ${clientId} is not registered with an organisation`);
    if (client.revoked) throw new Error(`Client ${clientId} has been revoked`);
    (event.response as { claimsAndScopeOverrideDetails: Overrides }).claimsAndScopeOverrideDetails = orgClientClaims(client);
    return event;
  };
}
