/**
 * The embedded office's edge: the local issuer's JWKS, the Data table's people, machine clients
 * made locally, the outbox for reminders (unless DAUMOI_NOTIFIER says ses), the local workflow
 * runner, and the office clock that `PUT /_local/clock` (and tests) move. Everything else a
 * function composes the same way as in the cloud.
 *
 * One per process (`embeddedEdge()`): the gateway, the plugins and the tests running in this
 * process share it, so a moved clock or a started runner is seen by all of them. The OCR
 * worker thread has its own module graph, hence its own, told the clock offset by message.
 */
import { readFileSync } from 'node:fs';
import { systemClock, type Clock } from '../shared/platform/clock';
import { ENV, requireEnv } from '../shared/platform/env';
import type { Edge } from '../shared/edge/edge';
import { webClientIds } from '../shared/edge/cloud';
import { notifierFromEnv } from '../shared/edge/notifier';
import { JwtIdentityVerifier } from '../shared/identity/adapters/jwt-verifier';
import { DynamoUserDirectory } from '../shared/identity/adapters/dynamo-user-directory';
import { LocalClientProvisioner } from '../shared/identity/adapters/local-client-provisioner';
import type { IdentityVerifier } from '../shared/identity/ports/identity-verifier';
import type { Workflow } from '../shared/drafts/ports/workflow';
import { LocalDeliveryQueue } from './exchange-queue';

/** The office clock: real time unless a test (or `PUT /_local/clock`) set another. */
export interface MovableClock extends Clock {
  /** Another clock to follow; null: real time again. */
  set(clock: Clock | null): void;
  /** Real time shifted by `offset` ms; null: real time again. */
  shift(offset: number | null): void;
}

export function movableClock(): MovableClock {
  let current: Clock = systemClock;
  return {
    now: () => current.now(),
    set: (clock) => void (current = clock ?? systemClock),
    shift: (offset) => void (current = offset === null ? systemClock : { now: () => new Date(Date.now() + offset) }),
  };
}

export interface EmbeddedEdge extends Edge {
  readonly clock: MovableClock;
  /** The workflow runner that answers this edge's workflow calls from now on (undefined: none runs). */
  useWorkflow(runner: Workflow | undefined): void;
  /** The exchange's local queue (local/plugins/exchange-sender.ts consumes it). */
  readonly deliveries: LocalDeliveryQueue;
}

export function createEmbeddedEdge(): EmbeddedEdge {
  let verifier: IdentityVerifier | undefined;
  let runner: Workflow | undefined;
  const current = (): Workflow => {
    if (!runner) throw new Error('no local workflow runner is running in this process (local/workflow/start.ts)');
    return runner;
  };
  // Delegates to whichever runner runs at call time: the plugin starts it after the handlers load.
  const workflow: Workflow = {
    start: (name, input) => current().start(name, input),
    sendTaskSuccess: (token, output) => current().sendTaskSuccess(token, output),
    sendTaskFailure: (token, error, cause) => current().sendTaskFailure(token, error, cause),
  };
  const deliveries = new LocalDeliveryQueue();
  return {
    clock: movableClock(),
    deliveries,
    exchangeQueue: () => deliveries,
    verifier: () => {
      if (!verifier) {
        const jwks = JSON.parse(readFileSync(requireEnv(ENV.localJwksPath), 'utf8')) as { keys: unknown[] };
        verifier = JwtIdentityVerifier.local(requireEnv(ENV.localIssuer), jwks, webClientIds());
      }
      return verifier;
    },
    users: (platform, audit) => new DynamoUserDirectory(platform.db, platform.table('Data'), audit),
    provisioner: () => new LocalClientProvisioner(),
    notifier: (outbox, clock) => notifierFromEnv('outbox', outbox, clock),
    workflow: () => workflow,
    useWorkflow: (w) => void (runner = w),
  };
}

let shared: EmbeddedEdge | undefined;

/** The embedded office's edge in this process. */
export function embeddedEdge(): EmbeddedEdge {
  return (shared ??= createEmbeddedEdge());
}
