/**
 * `npm start` on a fresh data directory makes the demo office through the API (DAUMOI_DEMO=1;
 * the other e2e tests start without it): letters in both registers, organisations with a
 * monthly report type and a report in, a draft in its workflow. A restart on the same data
 * makes nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startOffice, type Office } from '../support/e2e';

let office: Office;
let dataDir: string;

async function upAndSeeded(o: Office): Promise<string> {
  const t0 = Date.now();
  while (!o.output().includes('the embedded office is up')) {
    if (Date.now() - t0 > 90_000) throw new Error(`no banner after 90 s:\n${o.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return o.output();
}

const api = async (o: Office, p: string, username: string) => {
  const r = await fetch(`${o.url}${p}`, { headers: { authorization: `Bearer ${o.token(username)}` } });
  return { status: r.status, body: (await r.json()) as any };
};
const year = () => new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

beforeAll(async () => {
  office = await startOffice({ env: { DAUMOI_DEMO: '1' } });
  dataDir = office.dataDir;
});
afterAll(async () => {
  await office?.stop();
  if (dataDir) removeDir(dataDir);
});

describe('the demo office', () => {
  let banner: string;
  let draftId: string;

  it('is made through the API at the first start, and the banner says what it holds', async () => {
    banner = await upAndSeeded(office);
    expect(banner).not.toMatch(/demo data not made/);
    const demo = /demo {6}3 incoming and 2 outgoing documents, 3 organisations reporting BC-THANG monthly, draft (\w+) in its workflow/.exec(banner);
    expect(demo).not.toBeNull();
    draftId = demo![1]!;
    expect(banner).toMatch(/client_id=\w+ -d client_secret=\S+/);
    // Without HOST the API listens on this machine only, and says so.
    expect(banner).toMatch(/listening 127\.0\.0\.1:\d+ — this machine only; HOST=0\.0\.0\.0 opens it to the network/);
    expect(banner).toMatch(/API {7}http:\/\/127\.0\.0\.1:\d+\/v1/);
  });

  it('holds letters in both registers, organisations, a report in, and a draft in appraisal', async () => {
    // Only the dates can move the letters into last year: count across both when it is early January.
    const incoming = [year(), year() - 1].map((y) => api(office, `/v1/registers/incoming/entries?year=${y}`, 'vanthu'));
    const items = (await Promise.all(incoming)).flatMap((r) => r.body.items as { numberSymbol: string; secrecy: string | null; handler: string | null }[]);
    expect(items.map((e) => e.numberSymbol).sort()).toEqual(['03-BC/UBKTTU', '08-KH/BTGTU', '15-CV/BTCTU']);
    expect(items.find((e) => e.numberSymbol === '03-BC/UBKTTU')!.secrecy).toBe('mat');
    // Assigned to a person: the demo specialist, who may move it on.
    const assigned = items.find((e) => e.numberSymbol === '15-CV/BTCTU') as unknown as { id: string; handler: string | null; version: number };
    expect(assigned.handler).toBe('chuyenvien');
    const moved = await fetch(`${office.url}/v1/registers/incoming/entries/${assigned.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${office.token('chuyenvien')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: assigned.version, status: 'in-progress' }),
    });
    expect(moved.status).toBe(200);
    expect((await api(office, `/v1/registers/incoming/entries?year=${year()}`, 'chuyenvien2')).body.items.map((e: { numberSymbol: string }) => e.numberSymbol)).not.toContain('03-BC/UBKTTU');
    const outgoing = (await api(office, `/v1/registers/outgoing/entries?year=${year()}`, 'vanthu')).body.items as { numberSymbol: string }[];
    expect(outgoing.map((e) => e.numberSymbol).sort()).toEqual(['1-CV/VPTU', '1-TB/TU']);
    expect((await api(office, '/v1/orgs', 'admin')).body.items).toHaveLength(3);
    const lastMonth = new Date(Date.now() + 7 * 3_600_000);
    lastMonth.setUTCDate(1);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
    const status = await api(office, `/v1/reports/status?reportType=BC-THANG&period=${lastMonth.toISOString().slice(0, 7)}`, 'vanthu');
    expect(status.status).toBe(200);
    expect(JSON.stringify(status.body)).toContain('dang-uy-xa-an-binh');
    let draft = await api(office, `/v1/drafts/${draftId}`, 'bantochuc');
    for (let i = 0; i < 50 && draft.body.status !== 'appraisal'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      draft = await api(office, `/v1/drafts/${draftId}`, 'bantochuc');
    }
    expect(draft.body.status).toBe('appraisal');
  });

  it('is not made twice: a restart on the same data shows the same office', async () => {
    await office.stop();
    office = await startOffice({ dataDir, env: { DAUMOI_DEMO: '1' } });
    const again = await upAndSeeded(office);
    expect(again).toContain(`draft ${draftId} in its workflow`);
    expect((await api(office, '/v1/orgs', 'admin')).body.items).toHaveLength(3);
    expect((await api(office, `/v1/registers/outgoing/entries?year=${year()}`, 'vanthu')).body.items).toHaveLength(2);
  });
});
