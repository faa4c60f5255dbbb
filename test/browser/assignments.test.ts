/**
 * Giao việc in a real browser: the Chánh Văn phòng gives the instruction on a letter from its page;
 * the chuyên viên finds the work in "Việc của tôi"; once the office clock passes its due date the
 * leader's "Theo dõi giao việc" shows it overdue for its department and in the stats; the chuyên
 * viên reports it done, and the overdue view and the stats change (done late).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Office } from '../support/e2e';
import { mainScreenshot, SHOTS, useConsoleOffice, type Page } from './support';
import { call, officeDay, signInAs } from './work-helpers';

let office: Office;
const { newPage } = useConsoleOffice((o) => (office = o));
const LETTER = { numberSymbol: '31-CV/BTCTU', subject: 'Về việc rà soát hồ sơ đảng viên', issuer: 'Ban Tổ chức Tỉnh ủy', typeCode: 'CV' };
const INSTRUCTION = 'Giao đồng chí Chuyên viên chủ trì tham mưu trả lời Ban Tổ chức';

const moveClock = (now: string | null) => fetch(`${office.url}/_local/clock`, { method: 'PUT', body: JSON.stringify({ now }) });
const overdueTable = (page: Page) => page.getByRole('table', { name: /Việc quá hạn theo phòng\/ban/ });
const statsTable = (page: Page) => page.getByRole('table', { name: /Đánh giá kết quả thực hiện/ });
const noDept = 'Chưa thuộc phòng/ban nào';

describe('giao việc', () => {
  let letterId: string;

  it('a leader gives the instruction on the letter’s page', async () => {
    const r = await call(office, office.token('vanthu'), 'POST', '/v1/registers/incoming/entries', { ...LETTER, documentDate: officeDay(-1), secrecy: null, urgency: null });
    expect(r.status).toBe(201);
    letterId = r.body.id;
    const page = await newPage();
    await signInAs(page, office.url, 'chanhvp', 'Theo dõi giao việc', `/van-ban-den/${letterId}`);
    await page.getByRole('heading', { name: 'Cho ý kiến chỉ đạo, giao việc' }).waitFor();
    await page.getByLabel('Ý kiến chỉ đạo').fill(INSTRUCTION);
    await page.getByLabel('Chủ trì', { exact: true }).fill('chuyenvien');
    await page.getByRole('button', { name: 'Giao việc' }).click();
    await page.getByRole('heading', { name: 'Ý kiến chỉ đạo', exact: true }).waitFor();
    await page.getByText(INSTRUCTION).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'giao-viec-y-kien-chi-dao.png') });
    // The chuyên viên sees no form: only leaders give instructions.
    const entry = await call(office, office.token('chuyenvien'), 'GET', `/v1/registers/incoming/entries/${letterId}`);
    expect(entry.body.instruction).toMatchObject({ instruction: INSTRUCTION, lead: { user: 'chuyenvien' } });
  });

  it('the work is in the chuyên viên’s "Việc của tôi", and overdue for the leader once its due date has passed', async () => {
    const cv = await newPage();
    await signInAs(cv, office.url, 'chuyenvien', 'Việc của tôi', '/viec-cua-toi');
    const work = cv.getByRole('table', { name: /Việc được giao/ });
    await work.getByText(LETTER.subject, { exact: false }).waitFor();
    expect(await work.getByText('Chủ trì', { exact: true }).count()).toBe(1);
    await mainScreenshot(cv, 'viec-cua-toi');

    // Twenty days on, the ten working days of a normal letter are over.
    expect((await moveClock(new Date(Date.now() + 20 * 86_400_000).toISOString())).ok).toBe(true);
    const leader = await newPage();
    await signInAs(leader, office.url, 'chanhvp', 'Theo dõi giao việc', '/giao-viec');
    await overdueTable(leader).getByRole('row', { name: new RegExp(noDept) }).waitFor();
    await statsTable(leader).getByRole('row', { name: new RegExp(`${noDept}\\s*1\\s*0\\s*0\\s*1\\s*1\\s*0`) }).waitFor();
    await leader.screenshot({ path: path.join(SHOTS, 'giao-viec-qua-han.png') });
  });

  it('done by the chuyên viên, it leaves the overdue view and counts as done late', async () => {
    const cv = await newPage();
    await signInAs(cv, office.url, 'chuyenvien', 'Việc của tôi', '/viec-cua-toi');
    const work = cv.getByRole('table', { name: /Việc được giao/ });
    await work.getByRole('button', { name: new RegExp(`Hoàn thành: .*${LETTER.subject}`) }).click();
    const dialog = cv.getByRole('dialog', { name: 'Báo cáo hoàn thành' });
    await dialog.getByLabel('Kết quả giải quyết').fill('Đã tham mưu văn bản trả lời Ban Tổ chức');
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await work.getByText('Không có việc nào đang chờ.').waitFor();

    const leader = await newPage();
    await signInAs(leader, office.url, 'chanhvp', 'Theo dõi giao việc', '/giao-viec');
    await overdueTable(leader).getByText('Không có việc quá hạn.').waitFor();
    await statsTable(leader).getByRole('row', { name: new RegExp(`${noDept}\\s*1\\s*0\\s*1\\s*0\\s*0\\s*0`) }).waitFor();
    await leader.screenshot({ path: path.join(SHOTS, 'giao-viec-da-xong.png') });
    await moveClock(null);
  });
});
