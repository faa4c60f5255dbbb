/** Finds the route of this request in the function's part of the route table (by method and resource template). */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { NotFoundError } from '../../errors';
import { matchPath, type Route } from '../route';
import type { DaumoiContext } from '../types';

export const resolveRoute = (routes: readonly Route[]): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext> => ({
  before: async (request) => {
    const { httpMethod, resource, path } = request.event;
    const route =
      routes.find((r) => r.method === httpMethod && r.path === resource) ??
      routes.find((r) => r.method === httpMethod && matchPath(r.path, path) !== null);
    if (!route) throw new NotFoundError(`No route ${httpMethod} ${path}`);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.event.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = v;
    request.context.daumoi = {
      route,
      headers,
      requestId: request.event.requestContext?.requestId ?? request.context.awsRequestId,
    };
  },
});
