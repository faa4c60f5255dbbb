/**
 * The Cognito pre-token-generation trigger's logic (event version V3_0, needed for client-credentials
 * tokens): an organisation's machine client gets the claims the API reads — `cognito:groups`
 * ["don-vi"] and `custom:orgId` — from the client registry. Unknown or revoked clients get no token;
 * people's access tokens get their clearance, department and organisation from their user-pool
 * attributes. The embedded issuer (local/issuer.ts) runs this same function on the event Cognito
 * would send and applies the answer as Cognito does, so both runtimes mint the same tokens.
 */
import type { PreTokenGenerationV2TriggerEvent, PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import type { ClientRegistry, MachineClient } from '../ports/client-registry';
import { CLEARANCES } from '../../platform/security';

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

/**
 * The token changes for a person: clearance (none unless the attribute holds a known level),
 * department and organisation, from the user pool attributes (which only administrators can
 * write: no app client has write access to a custom attribute). Cognito itself puts the
 * person's groups into `cognito:groups`.
 */
export function personClaims(attrs: Record<string, string>): Overrides {
  const clearance = (CLEARANCES as readonly string[]).includes(attrs['custom:clearance'] ?? '') ? attrs['custom:clearance']! : 'none';
  return {
    accessTokenGeneration: {
      claimsToAddOrOverride: {
        'custom:clearance': clearance,
        ...(attrs['custom:dept'] ? { 'custom:dept': attrs['custom:dept'] } : {}),
        ...(attrs['custom:orgId'] ? { 'custom:orgId': attrs['custom:orgId'] } : {}),
      },
    },
  };
}

/** The trigger, reading the registry it is given. */
export function preTokenGeneration(registry: () => ClientRegistry) {
  return async <E extends PreTokenEvent>(event: E): Promise<E> => {
    if (event.triggerSource !== 'TokenGeneration_ClientCredentials') {
      // People: API Gateway accepts access tokens only, so the clearance and department the API
      // reads are copied from the user's attributes into the access token.
      const attrs = (event.request as { userAttributes?: Record<string, string> }).userAttributes ?? {};
      (event.response as { claimsAndScopeOverrideDetails: Overrides }).claimsAndScopeOverrideDetails = personClaims(attrs);
      return event;
    }
    const clientId = event.callerContext.clientId;
    const client = await registry().get(clientId);
    // Throwing makes Cognito refuse the token request: a client the office does not know, or has revoked, gets nothing.
    if (!client) throw new Error(`Client ${clientId} is not registered with an organisation`);
    if (client.revoked) throw new Error(`Client ${clientId} has been revoked`);
    (event.response as { claimsAndScopeOverrideDetails: Overrides }).claimsAndScopeOverrideDetails = orgClientClaims(client);
    return event;
  };
}
