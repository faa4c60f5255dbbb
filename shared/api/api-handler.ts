/**
 * The API function's handler: the platform's middy chain (shared/platform/http/api-handler.ts) with
 * the function's routes from the route table and the identity module's authentication.
 */
import { httpHandler } from '../platform/http/api-handler';
import type { Operation } from '../platform/http/types';
import type { ApiFunction } from '../platform/http/route';
import type { ApiAuth } from '../identity';
import { routesOf } from './routes';

export function apiHandler(fn: ApiFunction, operations: Record<string, Operation>, auth: ApiAuth) {
  return httpHandler(fn, routesOf(fn), operations, auth);
}
