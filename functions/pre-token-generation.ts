/**
 * Cognito pre-token-generation trigger (V3_0): adds `cognito:groups` ["don-vi"] and `custom:orgId`
 * to an organisation client's access token, from the client registry (see the adapter).
 */
import { services } from '../shared/composition';
import { preTokenGeneration } from '../shared/identity/adapters/pre-token-claims';

export const handler = preTokenGeneration(() => services().clients);
