/**
 * Báo cáo in a real browser: after an organisation's software submits its report (client
 * credentials at POST /oauth2/token, as Cognito's token endpoint), the office sees the
 * organisations as a tree with that one submitted and another missing, the reminder sent to the
 * missing one, opens the submitted report, and downloads the consolidated export as the API makes it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Office } from '../support/e2e';
import { axeViolations, mainScreenshot, useConsoleOffice, SHOTS, recordResponses } from './support';
import { call, officeDay, signInAs } from './work-helpers';

let office: Office;

const { newPage: pageOf } = useConsoleOffice((o) => (office = o));

async function clientToken(clientId: string, clientSecret: string): Promise<string> {
  const r = await fetch(`${office.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { access_token: string }).access_token;
}

describe('Báo cáo', () => {
  it('an organisation that submitted shows as submitted in the tree, another as missing with its reminder; the report opens and the export downloads', async () => {
    const admin = office.token('admin');
    const orgs = [
      { id: 'dang-uy-huyen-bac', name: 'Đảng ủy huyện Bắc Sơn', parentId: null, email: 'huyenbac@example.vn' },
      { id: 'dang-uy-xa-dong-tien', name: 'Đảng ủy xã Đồng Tiến', parentId: 'dang-uy-huyen-bac', email: 'dongtien@example.vn' },
      { id: 'chi-bo-truong-thpt', name: 'Chi bộ Trường THPT Bắc Sơn', parentId: null, email: 'thpt@example.vn' },
    ];
    for (const o of orgs) expect((await call(office, admin, 'POST', '/v1/orgs', o)).status).toBe(201);
    // The current month (begun, so it may be reported on), due on the 28th of the next: always on time today.
    const period = officeDay().slice(0, 7);
    const t = await call(office, admin, 'POST', '/v1/report-types', {
      code: 'BC-DANG-VIEN',
      name: 'Báo cáo tình hình đảng viên',
      period: 'monthly',
      dueDay: 28,
      remindDaysBefore: [90],
      orgIds: orgs.map((o) => o.id),
    });
    expect(t.status).toBe(201);
    const client = await call(office, admin, 'POST', '/v1/orgs/dang-uy-xa-dong-tien/clients');
    expect(client.status).toBe(201);
    const org = await clientToken(client.body.clientId, client.body.clientSecret);
    const sent = await call(office, org, 'POST', '/v1/reports', {
      reportType: 'BC-DANG-VIEN',
      period,
      title: 'Báo cáo tình hình đảng viên xã Đồng Tiến',
      content: 'Tình hình đảng viên trong tháng ổn định.',
      data: { soDangVien: 137, ketNapMoi: 4 },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.onTime).toBe(true);
    // The reminder job (it runs on its schedule too): the organisations that have not reported are reminded.
    expect((await call(office, admin, 'POST', '/v1/reports/reminders/run')).status).toBe(200);

    const page = await pageOf();
    const seen = recordResponses(page);
    await signInAs(page, office.url, 'chanhvp', 'Báo cáo');
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('heading', { name: 'Báo cáo', level: 1 }).waitFor();
    // The period due now is chosen first; the month being reported on is one choice away.
    const [y, m] = period.split('-');
    await page.getByRole('button', { name: /^Kỳ báo cáo/ }).click();
    await page.getByRole('option', { name: `Tháng ${Number(m)}/${y}` }).click();

    const tree = page.getByRole('treegrid', { name: 'Tình hình nộp báo cáo của các tổ chức' });
    await tree.getByRole('status', { name: 'Đảng ủy xã Đồng Tiến: Đã nộp đúng hạn' }).waitFor({ timeout: 30_000 });
    await tree.getByRole('status', { name: 'Chi bộ Trường THPT Bắc Sơn: Chưa nộp' }).waitFor();
    await tree.getByRole('status', { name: 'Đảng ủy huyện Bắc Sơn: Chưa nộp' }).waitFor();
    // The xã sits under its huyện: one level down in the tree grid.
    expect(await tree.getByRole('row').filter({ hasText: 'Đảng ủy xã Đồng Tiến' }).getAttribute('aria-level')).toBe('2');
    expect(await tree.getByRole('row').filter({ hasText: 'Đảng ủy huyện Bắc Sơn' }).getAttribute('aria-level')).toBe('1');
    expect(await page.getByRole('group', { name: 'Chưa nộp', exact: true }).textContent()).toContain('2');

    // The reminders the API shows: to the two that have not reported, none to the one that has.
    const reminders = page.getByRole('table', { name: 'Nhắc nộp báo cáo đã gửi' });
    await reminders.getByRole('row').filter({ hasText: 'Chi bộ Trường THPT Bắc Sơn' }).first().waitFor();
    expect(await reminders.getByRole('row').filter({ hasText: 'thpt@example.vn' }).count()).toBeGreaterThan(0);
    expect(await reminders.getByRole('row').filter({ hasText: 'Đảng ủy xã Đồng Tiến' }).count()).toBe(0);
    await mainScreenshot(page, 'bao-cao');
    // The status tree, the figures and the reminders: no serious accessibility violation (axe-core).
    expect(await axeViolations(page), 'báo cáo, tình hình nộp').toEqual([]);

    // The consolidated export, as the API makes it.
    const officer = office.token('chanhvp');
    const download = async (item: RegExp) => {
      const waiting = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tải báo cáo tổng hợp' }).click();
      await page.getByRole('menuitem', { name: item }).click();
      const d = await waiting;
      const file = path.join(office.dataDir, d.suggestedFilename());
      await d.saveAs(file);
      return { name: d.suggestedFilename(), bytes: readFileSync(file) };
    };
    const xlsx = await download(/Excel/);
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const csv = await download(/CSV/);
    expect(csv.name).toMatch(/\.csv$/);
    const fromApi = await fetch(`${office.url}/v1/reports/export?reportType=BC-DANG-VIEN&period=${period}&format=csv`, { headers: { authorization: `Bearer ${officer}` } });
    expect(fromApi.status).toBe(200);
    expect(csv.bytes.toString('utf8')).toBe(Buffer.from(await fromApi.arrayBuffer()).toString('utf8'));
    expect(csv.bytes.toString('utf8')).toContain('Đảng ủy xã Đồng Tiến');

    // The submitted report opens: its content and its data.
    await tree.getByRole('link', { name: 'Xem báo cáo của Đảng ủy xã Đồng Tiến' }).click();
    await page.getByRole('heading', { name: 'Báo cáo tình hình đảng viên xã Đồng Tiến', level: 1 }).waitFor();
    await page.getByText('Tình hình đảng viên trong tháng ổn định.').waitFor();
    const data = page.getByRole('table', { name: 'Số liệu báo cáo' });
    expect(await data.getByRole('row').filter({ hasText: 'soDangVien' }).textContent()).toContain('137');
    await page.screenshot({ path: path.join(SHOTS, 'bao-cao-chi-tiet.png'), fullPage: true });
    expect(await axeViolations(page), 'một báo cáo').toEqual([]);
    await seen.settled();
    // Nothing the office's page received carries the organisation's secret.
    expect(seen.all.some((r) => r.body.includes(client.body.clientSecret))).toBe(false);
  });
});
