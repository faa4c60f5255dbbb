/**
 * The route table: every HTTP route of daumoi. Each capability declares its routes in its
 * own file; this list joins them. CDK, the embedded gateway and the OpenAPI document read it.
 */
import type { Route } from '../route';
import { systemRoutes } from './system';
import { registerRoutes } from './registers';

export const ROUTES: readonly Route[] = [...systemRoutes, ...registerRoutes];

export function routesOf(fn: Route['fn']): Route[] {
  return ROUTES.filter((r) => r.fn === fn);
}
