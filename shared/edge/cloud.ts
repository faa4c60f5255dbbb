/**
 * The cloud's edge, from the environment CDK sets: Cognito (tokens, people, machine clients),
 * SES (or the outbox when DAUMOI_NOTIFIER=outbox), Step Functions, the system clock.
 */
import { systemClock } from '../platform/clock';
import { ENV, requireEnv } from '../platform/env';
import { JwtIdentityVerifier } from '../identity/adapters/jwt-verifier';
import { CognitoUserDirectory } from '../identity/adapters/cognito-user-directory';
import { CognitoClientProvisioner } from '../identity/adapters/cognito-client-provisioner';
import { StepFunctionsWorkflow } from '../drafts/adapters/step-functions';
import type { IdentityVerifier } from '../identity/ports/identity-verifier';
import type { Workflow } from '../drafts/ports/workflow';
import { notifierFromEnv } from './notifier';
import { EXCHANGE_ENV, OutboxStreamQueue } from '../exchange/index';
import type { Edge } from './edge';

/** People's tokens must come from one of these web app clients (CDK passes the user pool's; embedded, the local one). */
export const webClientIds = (): string[] => requireEnv(ENV.userPoolClientIds).split(',').map((s) => s.trim()).filter(Boolean);

export function cloudEdge(): Edge {
  let verifier: IdentityVerifier | undefined;
  let workflow: Workflow | undefined;
  return {
    clock: systemClock,
    verifier: () => (verifier ??= JwtIdentityVerifier.cognito(requireEnv(ENV.userPoolId), webClientIds())),
    users: (_platform, audit) => CognitoUserDirectory.create(requireEnv(ENV.userPoolId), audit),
    provisioner: () => CognitoClientProvisioner.create(requireEnv(ENV.userPoolId)),
    notifier: (outbox, clock) => notifierFromEnv('ses', outbox, clock),
    workflow: () => (workflow ??= StepFunctionsWorkflow.create(requireEnv(ENV.stateMachineArn))),
    exchangeQueue: () => new OutboxStreamQueue(() => requireEnv(EXCHANGE_ENV.queueUrl)),
  };
}
