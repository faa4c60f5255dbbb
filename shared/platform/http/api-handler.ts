/**
 * Builds the Lambda handler of one API function from its routes and operations (shared/api/api-handler.ts
 * hands in the function's routes from the route table and the identity module's authentication). The middleware chain
 * (order matters): CORS for the console's origin (when set) → metrics → error mapping → logging → route → authentication → JSON body → validation
 * → Idempotency-Key → the operation, whose result is serialised inside the handler so that
 * idempotency replays exactly the first response.
 */
import middyCore from '@middy/core';
import httpCors from '@middy/http-cors';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type middy from '@middy/core';
import type { Route } from './route';
import { dynamoClient } from '../aws/dynamodb-client';
import { ENV, optionalEnv } from '../env';
import { logger } from '../observability/logger';
import { metrics } from '../observability/metrics';
import { errorHandler } from './middleware/error-handler';
import { requestLogger } from './middleware/request-logger';
import { resolveRoute } from './middleware/resolve-route';
import { jsonBody } from './middleware/json-body';
import { validate } from './middleware/validate';
import { idempotency, idempotencyKey } from './middleware/idempotency';
import { toProxyResult } from './response';
import type { ApiRequest, DaumoiContext, Operation } from './types';

/** The chain's parts that are not the platform's: who the caller is, and where Idempotency-Key records live. */
export interface ChainAuth {
  /** Sets `context.daumoi.caller` from the request's token, or answers 401/403. */
  authenticate: middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext>;
  /** The Idempotency-Key records' table (only functions with idempotent routes ask for it). */
  idempotencyTable: () => string;
}

export function httpHandler(fn: string, routes: Route[], operations: Record<string, Operation>, auth: ChainAuth) {
  const missing = routes.filter((r) => !operations[r.operationId]).map((r) => r.operationId);
  if (missing.length) throw new Error(`function ${fn} has no operation for: ${missing.join(', ')}`);

  const base = async (event: APIGatewayProxyEvent, context: DaumoiContext): Promise<APIGatewayProxyResult> => {
    const s = context.daumoi;
    const req = { ...s, event } as ApiRequest;
    const result = await operations[s.route!.operationId]!(req);
    return toProxyResult(result, s.route!.method === 'POST' && s.route!.idempotent ? 201 : 200);
  };

  const chain = middyCore<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext>(base);
  // The console in the cloud is another origin than the API: every answer, errors included, allows exactly it
  // (API Gateway's CORS settings answer only the preflights). Used first, so it sees the final response.
  const consoleOrigin = optionalEnv(ENV.consoleOrigin);
  if (consoleOrigin) chain.use(httpCors({ origins: [consoleOrigin], exposeHeaders: 'ETag, Content-Disposition, Location, Retry-After' }) as never);
  chain
    .use(logMetrics(metrics, { captureColdStartMetric: true }) as never[])
    .use(errorHandler({ logger }))
    .use(requestLogger(logger) as never[])
    .use(resolveRoute(routes))
    .use(auth.authenticate)
    .use(jsonBody())
    .use(validate());
  if (routes.some((r) => r.idempotent)) {
    chain.use(idempotencyKey()).use(idempotency({ tableName: auth.idempotencyTable(), client: dynamoClient() }));
  }
  return chain;
}
