/**
 * Builds the Lambda handler of one API function from its operations. The middleware chain
 * (order matters): metrics → error mapping → logging → route → authentication → JSON body → validation
 * → Idempotency-Key → the operation, whose result is serialised inside the handler so that
 * idempotency replays exactly the first response.
 */
import middy from '@middy/core';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { routesOf } from '../../api/routes';
import type { ApiFunction } from './route';
import { dynamoClient } from '../aws/dynamodb-client';
import type { IdentityVerifier } from '../../identity/ports/identity-verifier';
import type { ClientRegistry } from '../../identity/ports/client-registry';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import { errorHandler } from './middleware/error-handler';
import { requestLogger } from './middleware/request-logger';
import { resolveRoute } from './middleware/resolve-route';
import { authenticate } from '../../identity/adapters/authenticate';
import { jsonBody } from './middleware/json-body';
import { validate } from './middleware/validate';
import { idempotency, idempotencyKey } from './middleware/idempotency';
import { toProxyResult } from './response';
import type { ApiRequest, DaumoiContext, Operation } from './types';

/** What authenticating a request needs, handed in by the function that composes this chain. */
export interface ApiAuth {
  verifier: () => IdentityVerifier;
  clients: () => ClientRegistry;
  /** The Idempotency-Key records' table (only functions with idempotent routes ask for it). */
  idempotencyTable: () => string;
}

export function apiHandler(fn: ApiFunction, operations: Record<string, Operation>, auth: ApiAuth) {
  const routes = routesOf(fn);
  const missing = routes.filter((r) => !operations[r.operationId]).map((r) => r.operationId);
  if (missing.length) throw new Error(`function ${fn} has no operation for: ${missing.join(', ')}`);

  const base = async (event: APIGatewayProxyEvent, context: DaumoiContext): Promise<APIGatewayProxyResult> => {
    const s = context.daumoi;
    const req = { ...s, event } as ApiRequest;
    const result = await operations[s.route!.operationId]!(req);
    return toProxyResult(result, s.route!.method === 'POST' && s.route!.idempotent ? 201 : 200);
  };

  const chain = middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext>(base)
    .use(logMetrics(metrics, { captureColdStartMetric: true }) as never[])
    .use(errorHandler({ logger }))
    .use(requestLogger(logger) as never[])
    .use(resolveRoute(routes))
    .use(authenticate({ verifier: auth.verifier, clients: auth.clients }))
    .use(jsonBody())
    .use(validate());
  if (routes.some((r) => r.idempotent)) {
    chain.use(idempotencyKey()).use(idempotency({ tableName: auth.idempotencyTable(), client: dynamoClient() }));
  }
  return chain;
}
