/**
 * The authorization matrix, generated from the route table: every route × every identity (the
 * demo roles, an organisation's client, no token, an expired token, a token signed by another
 * key) gets the status the expected matrix (test/support/authz-matrix.ts) names, and the cases
 * decided inside the operations (clearance, handler, department, another organisation) hold.
 * Handlers are called in process, each from its own `functions/<fn>.ts`, on tables of this file's
 * own (its organisations and report types would otherwise show in other files' "every organisation").
 */
import { describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';
import { IDENTITIES } from '../support/authz-matrix';

useEmbeddedEnv();
await (await import('../support/own-tables')).useOwnTables('authz');
const { ROUTES } = await import('../../shared/api/routes');
const { useOfficeRuntime, setUpOffice } = await import('../support/route-requests');
const { describeFailures, matrixCoverage, runAuthzMatrix } = await import('../support/authz-run');

useOfficeRuntime();

describe('authorization matrix', () => {
  it('has an expected row and a request for every route of the table, and none for a route that is gone', () => {
    const { unlisted, stale } = matrixCoverage();
    expect(unlisted, 'routes without an entry').toEqual([]);
    expect(stale, 'entries for routes that no longer exist').toEqual([]);
  });

  it('gives every route × identity the expected status, and holds the in-operation cases', async () => {
    const office = await setUpOffice();
    const { grid, extra } = await runAuthzMatrix(office);
    expect(grid).toHaveLength(ROUTES.length * IDENTITIES.length);
    expect(describeFailures([...grid, ...extra])).toEqual([]);
    // The allowed calls did real work: most answer 2xx rather than a validation error.
    const allowed = grid.filter((r) => r.expected === 'allowed');
    expect(allowed.filter((r) => r.status < 300).length / allowed.length).toBeGreaterThan(0.8);
    console.info(`authz matrix: ${grid.length} route × identity checks + ${extra.length} in-operation cases, ${describeFailures([...grid, ...extra]).length} failures`);
  });
});
