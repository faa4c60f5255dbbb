/**
 * Starts the embedded office: DynamoDB Local, s3rver, the token issuer and the API gateway,
 * with the environment the handlers read — the same variables CDK sets in the cloud.
 * Used by `npm start`, the integration tests and the benchmarks.
 */
import './embedded-env';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type http from 'node:http';
import { ENV } from '../shared/platform/env';
import { dynamoClient, documentClient } from '../shared/platform/aws/dynamodb-client';
import { embeddedEdge, type EmbeddedEdge } from './edge';
import { platformFromEnv } from '../shared/platform/platform';
import { auditModule } from '../shared/audit/index';
import { clientRegistry } from '../shared/identity/index';
import { startDynamo, type RunningDynamo } from './dynamodb';
import { startS3, type RunningS3 } from './s3';
import { ensureKeys, type LocalKeys } from './keys';
import { LOCAL_WEB_CLIENT_ID } from './issuer';
import { ensureTables, localTableNames, seedUsers } from './bootstrap';
import { createGateway, loadHandler, type Extra, type Handler } from './gateway';
import { API_FUNCTIONS, type ApiFunction } from '../shared/platform/http/route';
import { routesOf } from '../shared/api/routes';
import { initiateAuth, INITIATE_AUTH_TARGET } from './oauth';
import { tokenEndpoint } from './token-endpoint';
import { authorizationCodeServer } from './authorization-code';
import { consoleEndpoint } from './console-serving';
import { LOCAL_BUCKET, LOCAL_ISSUER } from './paths';
import { freePort, portIsFree } from './tcp-ports';
import { gatewayHost, listenOn } from './listen';
import { PLUGINS, type EmbeddedContext } from './plugins';
import type { ClientRegistry, UserDirectory } from '../shared/identity/index';

export interface EmbeddedOptions {
  dataDir: string;
  /** HTTP port of the API; 0 = any free port; undefined = no HTTP server (integration tests). */
  port?: number;
  /** Address the API listens on; default env HOST, else 127.0.0.1 (this machine only). */
  host?: string;
  /** Keep DynamoDB data in memory instead of under dataDir. */
  inMemory?: boolean;
  /** Enables `PUT /_local/clock` (tests only). */
  testHooks?: boolean;
  /** Start the plugins (OCR pipeline, workflow runner, reminders). Default true. */
  plugins?: boolean;
  log?: (line: string) => void;
  /** The edge the functions are composed with (default: this process's embedded edge). */
  edge?: EmbeddedEdge;
  /** How the gateway has each API function (default: composed with the edge; tests compose with parts of their own). */
  handlers?: (fn: ApiFunction) => Promise<Handler>;
}

export interface Embedded {
  url?: string;
  /** Where the API listens (address as the socket reports it, and port). */
  listening?: { address: string; port: number };
  dynamo: RunningDynamo;
  s3: RunningS3;
  keys: LocalKeys;
  env: Record<string, string>;
  /** The edge its functions run on (its clock is the office clock). */
  edge: EmbeddedEdge;
  stop(): Promise<void>;
}

/**
 * The variables the adapters read for an embedded office (its DynamoDB Local and S3 endpoints, the
 * issuer's keys): one list for the office, its child processes and the benches that join it.
 */
export function embeddedEnv(dynamoEndpoint: string, s3Endpoint: string, jwksPath: string): Record<string, string> {
  return {
    ...localTableNames(),
    [ENV.bucket]: LOCAL_BUCKET,
    [ENV.dynamoEndpoint]: dynamoEndpoint,
    [ENV.s3Endpoint]: s3Endpoint,
    [ENV.authMode]: 'local',
    [ENV.localIssuer]: LOCAL_ISSUER,
    [ENV.localJwksPath]: jwksPath,
    [ENV.userPoolClientIds]: LOCAL_WEB_CLIENT_ID,
    // The office's signing key and self-signed certificate, made on first use under the data directory.
    DAUMOI_SIGNING_DIR: path.join(path.dirname(path.dirname(jwksPath)), 'signing'),
    AWS_REGION: process.env.AWS_REGION ?? 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // CloudWatch's embedded metric format means nothing on a console: off unless asked for.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
  };
}

/** Sets the variables the adapters read; returns them so child processes can inherit them. */
function applyEnv(dynamoEndpoint: string, s3Endpoint: string, keys: LocalKeys): Record<string, string> {
  const env = embeddedEnv(dynamoEndpoint, s3Endpoint, keys.jwksPath);
  Object.assign(process.env, env);
  return env;
}

export async function startEmbedded(opts: EmbeddedOptions): Promise<Embedded> {
  (await import('../shared/office')).checkDomainConfig(); // a bad config/domain.json stops the start, naming the line
  const t0 = Date.now();
  const sink = opts.log ?? (() => undefined);
  const log = (line: string) => sink(`${line} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const host = gatewayHost(opts.host);
  if (opts.port && !(await portIsFree(opts.port, host))) {
    throw new Error(`Port ${opts.port} is already in use. Stop whatever uses it or start with PORT=<another port>.`);
  }
  const s3Events = new EventEmitter();
  const clockChanges = new EventEmitter();
  // Ports are chosen first so that the environment is known before anything starts: the handler
  // modules then load (a few seconds under tsx) while Java starts DynamoDB Local.
  // Each a port of its own: not the office's (chosen by whoever started it, not listening yet) nor each other's.
  const keysMade = ensureKeys(opts.dataDir);
  const dynamoPort = await freePort(opts.port ? [opts.port] : []);
  const s3Port = await freePort([dynamoPort, ...(opts.port ? [opts.port] : [])]);
  const keys = await keysMade;
  const env = applyEnv(`http://127.0.0.1:${dynamoPort}`, `http://127.0.0.1:${s3Port}`, keys);
  const edge = opts.edge ?? embeddedEdge();
  const preload = opts.port !== undefined ? Promise.all(API_FUNCTIONS.filter((fn) => routesOf(fn).length).map((fn) => loadHandler(fn, edge))) : Promise.resolve([]);
  const [dynamoStarted, s3Started] = await Promise.allSettled([
    startDynamo({ port: dynamoPort, ...(opts.inMemory ? {} : { dir: path.join(opts.dataDir, 'dynamodb') }) }),
    startS3({ port: s3Port, dir: path.join(opts.dataDir, 's3'), bucket: LOCAL_BUCKET, onEvent: (e) => s3Events.emit('event', e) }),
  ]);
  if (dynamoStarted.status === 'rejected' || s3Started.status === 'rejected') {
    if (dynamoStarted.status === 'fulfilled') await dynamoStarted.value.stop();
    if (s3Started.status === 'fulfilled') await s3Started.value.stop();
    throw ((dynamoStarted.status === 'rejected' ? dynamoStarted.reason : (s3Started as PromiseRejectedResult).reason) as Error);
  }
  const dynamo = dynamoStarted.value;
  const s3 = s3Started.value;
  log(`DynamoDB Local on ${dynamo.endpoint}`);
  log(`s3rver on ${s3.endpoint}`);
  const stops: (() => Promise<void>)[] = [() => s3.stop(), () => dynamo.stop()];
  const stop = async () => {
    for (const s of stops.splice(0)) await s().catch(() => undefined);
  };
  try {
    await ensureTables(dynamoClient());
    await seedUsers(documentClient(), env[ENV.dataTable]!);

    const ctx: EmbeddedContext = { dataDir: opts.dataDir, env, edge, s3Events, clockChanges, log };
    const platform = platformFromEnv({ clock: edge.clock });
    const clients = clientRegistry(platform);
    const users = edge.users(platform, auditModule(platform));
    const browserSignIn = authorizationCodeServer({ keys, users, clock: edge.clock });
    const extras: Extra[] = [tokenEndpoint(keys, clients, browserSignIn), signInEndpoint(keys, users), (req, body, res) => browserSignIn.handle(req, body, res)];
    if (opts.testHooks) extras.push(clockHook(edge, clockChanges));
    if (opts.plugins !== false) {
      const started = await Promise.allSettled(
        PLUGINS.map(async (plugin) => {
          const p = await plugin.start(ctx);
          log(`${plugin.name} started`);
          return p;
        }),
      );
      for (const r of started) if (r.status === 'fulfilled') stops.unshift(r.value.stop);
      const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      for (const r of started) if (r.status === 'fulfilled' && r.value.extra) extras.push(r.value.extra);
    }
    extras.push(consoleEndpoint({ connect: [s3.endpoint] }));
    await preload;

    let url: string | undefined;
    let listening: Embedded['listening'];
    if (opts.port !== undefined) {
      const server = createGateway({ verifier: () => edge.verifier(), extras, handlers: opts.handlers ?? ((fn) => loadHandler(fn, edge)) });
      const l = await listenOn(server, opts.port, host);
      url = l.url;
      listening = { address: l.address, port: l.port };
      stops.unshift(() => closeServer(server));
    }
    return { url, ...(listening ? { listening } : {}), dynamo, s3, keys, env, edge, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Cognito's InitiateAuth (any path, as the AWS SDK posts it): `x-amz-target: AWSCognitoIdentityProviderService.InitiateAuth`. */
function signInEndpoint(keys: LocalKeys, users: UserDirectory): Extra {
  return async (req, body, res) => {
    if (req.method !== 'POST' || req.headers['x-amz-target'] !== INITIATE_AUTH_TARGET) return false;
    const r = await initiateAuth(users, keys, body.toString('utf8'));
    res.writeHead(r.status, { 'content-type': 'application/x-amz-json-1.1', ...(r.status !== 200 ? { 'x-amzn-errortype': String(r.body.__type) } : {}) });
    res.end(JSON.stringify(r.body));
    return true;
  };
}

/**
 * `PUT /_local/clock {"now": "<ISO instant>"}` moves the office clock; `{"now": null}` restores it.
 * Plugins that run handlers in threads of their own hear the offset (ms, or null) on `clockChanges`.
 */
const clockHook = (edge: EmbeddedEdge, clockChanges: EventEmitter): Extra => async (req, body, res) => {
  if (req.method !== 'PUT' || req.url !== '/_local/clock') return false;
  const { now } = JSON.parse(body.toString('utf8') || '{}') as { now?: string | null };
  if (now) {
    const fixed = new Date(now);
    if (Number.isNaN(fixed.getTime())) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'now must be an ISO instant' } }));
      return true;
    }
    const offset = fixed.getTime() - Date.now();
    edge.clock.shift(offset);
    clockChanges.emit('offset', offset);
  } else {
    edge.clock.shift(null);
    clockChanges.emit('offset', null);
  }
  res.writeHead(204);
  res.end();
  return true;
};
