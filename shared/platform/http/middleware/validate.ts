/** Validates body, query and path parameters with the route's zod schemas; failures → 400 listing each problem. */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { ZodType } from 'zod';
import { ValidationError, type ErrorDetail } from '../../errors';
import { nfcDeep } from '../../text/nfc';
import type { DaumoiContext } from '../types';

function check(schema: ZodType | undefined, value: unknown, where: 'body' | 'query' | 'params', problems: ErrorDetail[]): unknown {
  if (!schema) return value;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    problems.push({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message, code: issue.code });
  }
  return undefined;
}

export const validate = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext> => ({
  before: async (request) => {
    const state = request.context.daumoi;
    const schemas = state.route?.request ?? {};
    const problems: ErrorDetail[] = [];
    const query = nfcDeep({ ...(request.event.queryStringParameters ?? {}) });
    const params = { ...(request.event.pathParameters ?? {}) };
    if (schemas.body && state.body === undefined) problems.push({ path: 'body', message: 'A JSON body is required' });
    else state.body = check(schemas.body, state.body, 'body', problems);
    state.query = check(schemas.query, query, 'query', problems);
    state.params = check(schemas.params, params, 'params', problems);
    if (problems.length) throw new ValidationError(`Invalid request: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
  },
});
