/**
 * Runs the authorization matrix: every route of the table as every identity, and the extra
 * cases decided inside the operations. Returns one result per check; the test and the bench
 * count the failures.
 */
import { ROUTES } from '../../shared/api/routes';
import { EXPECTED, EXTRA_CASES, IDENTITIES, type Expect } from './authz-matrix';
import { REQUESTS, routeKey, routeOf, type Office, type Who } from './route-requests';

export interface MatrixResult {
  route: string;
  as: Who;
  case?: string;
  expected: Expect;
  status: number;
  ok: boolean;
  error?: string;
}

/** Routes of the table without an expected row or a request, and rows or requests for routes that are gone. */
export function matrixCoverage(): { unlisted: string[]; stale: string[] } {
  const keys = ROUTES.map(routeKey);
  const unlisted = keys.flatMap((k) => [...(EXPECTED[k] ? [] : [`${k}: no row in the expected matrix`]), ...(REQUESTS[k] ? [] : [`${k}: no request in route-requests.ts`])]);
  const stale = [...new Set([...Object.keys(EXPECTED), ...Object.keys(REQUESTS), ...EXTRA_CASES.map((c) => c.route)])].filter((k) => !keys.includes(k));
  return { unlisted, stale };
}

export const meets = (expected: Expect, status: number): boolean =>
  expected === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === expected;

async function check(o: Office, key: string, as: Who, expected: Expect, target: Parameters<(typeof REQUESTS)[string]>[1], name?: string): Promise<MatrixResult> {
  const route = routeOf(key);
  try {
    const req = await REQUESTS[key]!(o, target);
    const token = as === 'anonymous' ? undefined : o.tokens[as];
    if (as !== 'anonymous' && !token) throw new Error(`no token for ${as}`);
    const r = await o.call(route, req, token);
    const ok = meets(expected, r.status);
    return { route: key, as, expected, status: r.status, ok, ...(name ? { case: name } : {}), ...(ok ? {} : { error: JSON.stringify(r.body).slice(0, 300) }) };
  } catch (err) {
    return { route: key, as, expected, status: 0, ok: false, error: (err as Error).message, ...(name ? { case: name } : {}) };
  }
}

/** Every route × every identity (in the table's order), then the extra cases. */
export async function runAuthzMatrix(o: Office): Promise<{ grid: MatrixResult[]; extra: MatrixResult[] }> {
  const grid: MatrixResult[] = [];
  for (const route of ROUTES) {
    const key = routeKey(route);
    const row = EXPECTED[key];
    if (!row || !REQUESTS[key]) continue; // reported by matrixCoverage()
    for (const as of IDENTITIES) grid.push(await check(o, key, as, row[as], 'plain'));
  }
  const extra: MatrixResult[] = [];
  for (const c of EXTRA_CASES) extra.push(await check(o, c.route, c.as, c.expect, c.target, c.name));
  return { grid, extra };
}

/** One line per failed check. */
export const describeFailures = (results: MatrixResult[]): string[] =>
  results.filter((r) => !r.ok).map((r) => `${r.route} as ${r.as}${r.case ? ` (${r.case})` : ''}: expected ${r.expected}, got ${r.status}${r.error ? ` — ${r.error}` : ''}`);
