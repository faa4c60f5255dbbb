/**
 * The route table: every HTTP route of daumoi. Each capability declares its routes in its
 * own file; this list joins them. CDK, the embedded gateway and the OpenAPI document read it.
 */
import type { Route } from '../platform/http/route';
import { systemRoutes } from './system-routes';
import { orgRoutes } from '../reports/org-routes';
import { reportRoutes } from '../reports/routes';
import { registerRoutes } from '../registers/routes';
import { auditRoutes } from '../audit/routes';
import { draftRoutes } from '../drafts/routes';
import { scanRoutes } from '../scans/routes';
import { searchRoutes } from '../search/routes';
import { userRoutes } from '../identity/routes';
import { assignmentRoutes } from '../assignments/routes';
import { exchangeRoutes } from '../exchange/routes';

export const ROUTES: readonly Route[] = [...systemRoutes, ...registerRoutes, ...auditRoutes, ...draftRoutes, ...scanRoutes, ...searchRoutes, ...orgRoutes, ...reportRoutes, ...userRoutes, ...assignmentRoutes, ...exchangeRoutes];

export function routesOf(fn: Route['fn']): Route[] {
  return ROUTES.filter((r) => r.fn === fn);
}
