/** Runs a middleware chain around a tiny handler, the way a function would, for unit tests. */
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { lambdaContext } from '../../local/gateway';
import { toProxyResult } from '../../shared/platform/http/response';
import type { DaumoiContext } from '../../shared/platform/http/types';

export function event(partial: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent {
  return {
    resource: '/v1/things',
    path: '/v1/things',
    httpMethod: 'POST',
    headers: {},
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1' } as APIGatewayProxyEvent['requestContext'],
    ...partial,
  };
}

type M = MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext>;

/** Returns the response and the state the handler saw. */
export async function run(middlewares: M[], ev: APIGatewayProxyEvent, state: DaumoiContext['daumoi'] = {}) {
  let seen: DaumoiContext['daumoi'] | undefined;
  const h = middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext>(async (_e: APIGatewayProxyEvent, ctx: DaumoiContext) => {
    seen = ctx.daumoi;
    return toProxyResult({ ok: true });
  });
  h.before(async (req) => {
    req.context.daumoi = { ...state, ...(req.context.daumoi ?? {}) };
  });
  for (const m of middlewares) h.use(m);
  const ctx = lambdaContext('test', 'req-1') as DaumoiContext;
  const res = await h(ev, ctx);
  return { res, seen, body: res.body ? JSON.parse(res.body) : undefined };
}
