/**
 * The route table: every HTTP route of daumoi. Each capability declares its routes in its
 * own file; this list joins them. CDK, the embedded gateway and the OpenAPI document read it.
 */
import type { Route } from '../route';
import { systemRoutes } from './system';
import { orgRoutes } from './orgs';
import { reportRoutes } from './reports';
import { registerRoutes } from './registers';
import { auditRoutes } from './audit';
import { draftRoutes } from './drafts';
import { scanRoutes } from './scans';
import { searchRoutes } from './search';
import { userRoutes } from './users';

export const ROUTES: readonly Route[] = [...systemRoutes, ...registerRoutes, ...auditRoutes, ...draftRoutes, ...scanRoutes, ...searchRoutes, ...orgRoutes, ...reportRoutes, ...userRoutes];

export function routesOf(fn: Route['fn']): Route[] {
  return ROUTES.filter((r) => r.fn === fn);
}
