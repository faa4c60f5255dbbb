/**
 * Tổng quan trong ngày in a real browser: each figure is what the counting endpoints say for the
 * leader's token, and it changes when the office changes (a letter registered today, a draft
 * waiting for approval, reports not submitted, a step that timed out and was escalated).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Office } from '../support/e2e';
import { demoNqDraft } from '../../local/demo';
import { useConsoleOffice, SHOTS, type Page } from './support';
import { call, draftWhen, officeDay, signInAs } from './work-helpers';

let office: Office;

const { newPage: pageOf } = useConsoleOffice((o) => (office = o));

afterAll(async () => {
  await fetch(`${office.url}/_local/clock`, { method: 'PUT', body: JSON.stringify({ now: null }) }).catch(() => undefined);
});

/** The number a figure of the overview shows (waits until it is loaded). */
async function figure(page: Page, label: string): Promise<number> {
  const group = page.getByRole('group', { name: label, exact: true });
  await group.getByText(/^\d+$/).first().waitFor({ timeout: 30_000 });
  return Number(await group.getByText(/^\d+$/).first().textContent());
}

async function reload(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tải lại' }).click();
}

let serial = 0;
async function registerToday(): Promise<void> {
  serial++;
  const r = await call(office, office.token('vanthu'), 'POST', '/v1/registers/incoming/entries', {
    numberSymbol: `${serial}-CV/VPTU`,
    documentDate: officeDay(-1),
    issuer: 'Văn phòng Tỉnh ủy',
    typeCode: 'CV',
    subject: `Về việc chuẩn bị hội nghị số ${serial}`,
    secrecy: null,
    urgency: null,
  });
  expect(r.status).toBe(201);
}

describe('Tổng quan trong ngày', () => {
  it('letters in today, drafts waiting for approval and reports missing follow the office', async () => {
    const page = await pageOf();
    await signInAs(page, office.url, 'bithu', 'Tổng quan trong ngày');
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Tổng quan trong ngày', exact: true }).click();
    const today0 = await figure(page, 'Văn bản đến hôm nay');
    const approvals0 = await figure(page, 'Dự thảo chờ tôi phê duyệt');
    const waiting0 = await figure(page, 'Dự thảo đang chờ xử lý');
    expect(waiting0).toBe((await call(office, office.token('bithu'), 'GET', '/v1/drafts/counts')).body.waiting);
    expect(today0).toBe(0);
    expect(approvals0).toBe(0);

    await registerToday();
    await registerToday();
    await reload(page);
    await expect.poll(() => figure(page, 'Văn bản đến hôm nay'), { timeout: 30_000 }).toBe(today0 + 2);

    // A draft appraised: it waits for Thường trực's approval.
    const d = await call(office, office.token('bantochuc'), 'POST', '/v1/drafts', demoNqDraft());
    expect(d.status).toBe(201);
    await draftWhen(office, office.token('chuyenvien'), d.body.id, (x) => x.pendingTask?.step === 'appraisal');
    expect((await call(office, office.token('chuyenvien'), 'POST', `/v1/drafts/${d.body.id}/decisions`, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
    await draftWhen(office, office.token('bithu'), d.body.id, (x) => x.pendingTask?.step === 'approval');
    await reload(page);
    await expect.poll(() => figure(page, 'Dự thảo chờ tôi phê duyệt'), { timeout: 30_000 }).toBe(approvals0 + 1);
    // Office-wide, the draft waits too (whoever must act on it).
    await expect.poll(() => figure(page, 'Dự thảo đang chờ xử lý'), { timeout: 30_000 }).toBe(waiting0 + 1);
    await page.getByRole('group', { name: 'Dự thảo đang chờ xử lý', exact: true }).getByText(/chờ phê duyệt/).waitFor();

    // Two organisations owe a monthly report: the figure is the status endpoint's own count.
    const admin = office.token('admin');
    for (const [id, name] of [['dang-uy-xa-an-binh', 'Đảng ủy xã An Bình'], ['dang-uy-xa-tan-phu', 'Đảng ủy xã Tân Phú']]) expect((await call(office, admin, 'POST', '/v1/orgs', { id, name })).status).toBe(201);
    expect((await call(office, admin, 'POST', '/v1/report-types', { code: 'BC-THANG', name: 'Báo cáo tháng', period: 'monthly', dueDay: 5 })).status).toBe(201);
    // The period reported now: last month.
    const [y, m] = officeDay().split('-').map(Number) as [number, number];
    const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const status = await call(office, office.token('bithu'), 'GET', `/v1/reports/status?reportType=BC-THANG&period=${lastMonth}`);
    expect(status.status).toBe(200);
    expect(status.body.summary.missing).toBe(2);
    await reload(page);
    await expect.poll(() => figure(page, 'Báo cáo chưa nộp'), { timeout: 30_000 }).toBe(2);
    await page.getByRole('table', { name: 'Tình hình nộp báo cáo' }).getByText('Báo cáo tháng').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'tong-quan.png') });
  });

  it('the overdue figure is the register’s count for this leader, and follows the office’s clock', async () => {
    const page = await pageOf();
    await signInAs(page, office.url, 'chanhvp', 'Tổng quan trong ngày', '/tong-quan');
    const year = Number(officeDay().slice(0, 4));
    const overdue = async () => (await call(office, office.token('chanhvp'), 'GET', `/v1/registers/incoming/counts?year=${year}`)).body.overdue as number;
    expect(await figure(page, 'Văn bản đến quá hạn xử lý')).toBe(await overdue());
    // The drafts waiting office-wide are counted for this leader's clearance by the server.
    expect(await figure(page, 'Dự thảo đang chờ xử lý')).toBe((await call(office, office.token('chanhvp'), 'GET', '/v1/drafts/counts')).body.waiting);
    // Lãnh đạo văn phòng approves nothing (Thường trực does): their approvals figure is 0 even with one waiting.
    expect(await figure(page, 'Dự thảo chờ tôi phê duyệt')).toBe(0);
    // Nothing has timed out yet: no step escalated to the office's leaders.
    const escalated = async () => ((await call(office, office.token('chanhvp'), 'GET', '/v1/tasks?limit=200')).body.items as { source: string; kind?: string }[]).filter((t) => t.source === 'draft' && t.kind === 'follow-up').length;
    expect(await escalated()).toBe(0);
    expect(await figure(page, 'Quá hạn chuyển lên đôn đốc')).toBe(0);
    // Forty days on, the letters registered today are past their ten working days.
    const moved = await fetch(`${office.url}/_local/clock`, { method: 'PUT', body: JSON.stringify({ now: new Date(Date.now() + 40 * 86_400_000).toISOString() }) });
    expect(moved.ok).toBe(true);
    const later = await overdue();
    expect(later).toBeGreaterThanOrEqual(2);
    await reload(page);
    await expect.poll(() => figure(page, 'Văn bản đến quá hạn xử lý'), { timeout: 30_000 }).toBe(later);
    // The draft waiting for Thường trực's approval since the first test is past its three working days:
    // escalated to lãnh đạo văn phòng to chase. The figure is the server's task list for this leader.
    await expect.poll(escalated, { timeout: 30_000 }).toBe(1);
    await reload(page);
    await expect.poll(() => figure(page, 'Quá hạn chuyển lên đôn đốc'), { timeout: 30_000 }).toBe(1);
    // Thường trực, who is not the escalation role, is not told to chase it.
    const bithu = await pageOf();
    await signInAs(bithu, office.url, 'bithu', 'Tổng quan trong ngày', '/tong-quan');
    expect(await figure(bithu, 'Quá hạn chuyển lên đôn đốc')).toBe(0);
  });
});
