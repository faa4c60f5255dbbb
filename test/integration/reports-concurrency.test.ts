/** Many submissions of the same report at once: versions 1..n, none lost, none repeated, one audit event each. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { clientToken, uniqueSuffix } from '../support/reports';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const orgs = await composed('orgs');
const reports = await composed('reports');
const { officeParts, useParts } = await import('../support/parts');

const sfx = uniqueSuffix();
const TYPE = `BC-QUY-${sfx}`;
const ORGS = [0, 1, 2].map((i) => `dv${i}-${sfx}`);
const tokens: Record<string, string> = {};

beforeAll(async () => {
  useParts({ clock: { now: () => new Date('2026-10-02T02:00:00Z') } });
  const admin = await tokenFor('admin');
  for (const id of ORGS) {
    expect((await invoke(orgs, { method: 'POST', path: '/v1/orgs', token: admin, body: { id, name: `Đơn vị ${id}` } })).status).toBe(201);
    const c = await invoke(orgs, { method: 'POST', path: `/v1/orgs/${id}/clients`, token: admin });
    tokens[id] = await clientToken(c.body.clientId, c.body.clientSecret);
  }
  const t = await invoke(reports, { method: 'POST', path: '/v1/report-types', token: admin, body: { code: TYPE, name: 'Báo cáo quý', period: 'quarterly', dueDay: 10, orgIds: ORGS } });
  expect(t.status).toBe(201);
});
afterAll(() => useParts({}));

describe('concurrent submissions', () => {
  it('give each organisation versions 1..n of its report, with no gap and no repeat', async () => {
    const perOrg = 12;
    const results = await Promise.all(
      ORGS.flatMap((org) =>
        Array.from({ length: perOrg }, (_, i) =>
          invoke(reports, { method: 'POST', path: '/v1/reports', token: tokens[org]!, body: { reportType: TYPE, period: '2026-Q3', title: `Lần ${i}`, data: { n: i } } }),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    for (const org of ORGS) {
      const mine = results.filter((r) => r.body.orgId === org);
      expect(mine.map((r) => r.body.version).sort((a, b) => a - b)).toEqual(Array.from({ length: perOrg }, (_, i) => i + 1));
      expect(new Set(mine.map((r) => r.body.id)).size).toBe(1);
      const id = mine[0]!.body.id as string;
      const report = await invoke(reports, { method: 'GET', path: `/v1/reports/${id}`, token: tokens[org]! });
      expect(report.body.latestVersion).toBe(perOrg);
      expect(report.body.versions.map((v: { version: number }) => v.version)).toEqual(Array.from({ length: perOrg }, (_, i) => i + 1));
      // Each version kept what was sent with it.
      const titles = new Set(report.body.versions.map((v: { title: string }) => v.title));
      expect(titles.size).toBe(perOrg);
      const audit = await officeParts().audit.list({ entityId: id, limit: 100 });
      expect(audit.items).toHaveLength(perOrg);
    }
    const list = await invoke(reports, { method: 'GET', path: '/v1/reports', token: await tokenFor('vanthu'), query: { reportType: TYPE } });
    expect(list.body.items).toHaveLength(ORGS.length);
  });
});
