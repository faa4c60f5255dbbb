/**
 * Fuzzing every write route of the table (test/support/fuzz.ts): bodies, query strings, headers
 * and path parameters from fast-check. No response is a 5xx, and no rejected request leaves an
 * item behind in the Data, Search or Audit table. The read routes' query strings and path
 * parameters are fuzzed too, for 5xx. The file works on tables of its own, so that
 * their counts see only its requests (and stay small enough to count after every case).
 */
import { describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';

useEmbeddedEnv();
await (await import('../support/own-tables')).useOwnTables('fuzz');

const { useOfficeRuntime, routeKey, setUpOffice } = await import('../support/route-requests');
const { runFuzz } = await import('../support/fuzz');
const { ROUTES } = await import('../../shared/api/routes');

useOfficeRuntime();

describe('fuzzing the write routes', () => {
  it('answers no 5xx, and a rejected request stores nothing (read routes: no 5xx)', async () => {
    const office = await setUpOffice();
    const t0 = Date.now();
    const report = await runFuzz(office);
    console.info(
      `fuzz: ${report.cases} cases on the write routes and ${report.readCases} on the read routes in ${((Date.now() - t0) / 1000).toFixed(0)} s — ` +
        `${report.accepted} accepted, ${report.rejected} rejected, ${report.serverErrors.length} 5xx, ${report.storedByRejected.length} rejected that stored something` +
        (report.unconfirmed ? ` (${report.unconfirmed} count changes not reproduced by a replay)` : '') +
        `; statuses ${JSON.stringify(report.statuses)}`,
    );
    expect(report.serverErrors).toEqual([]);
    expect(report.storedByRejected).toEqual([]);
    expect(report.propertyFailures).toEqual([]);
    expect(Object.keys(report.perRoute).sort()).toEqual(ROUTES.map(routeKey).sort());
    expect(report.rejected).toBeGreaterThan(report.cases / 2);
  }, 300_000);
});
