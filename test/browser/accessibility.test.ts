/**
 * Accessibility of every console page the browser tests open, with axe-core (@axe-core/playwright,
 * every rule it runs by default) in Debian's chromium: no serious or critical violation on the
 * sign-in page, the registers (with the export menu open), an entry, the registration form (also
 * with the API's refusals shown), scan intake, outgoing numbers, Việc của tôi, the drafts (list,
 * page, new), the approval inbox, the overview, reports and each tab of the administration. Then a
 * letter registered by the keyboard alone, as a clerk who does not use a mouse would.
 */
import { describe, expect, it } from 'vitest';
import type { Office } from '../support/e2e';
import { demoNqDraft } from '../../local/demo';
import { axeViolations, signIn, useConsoleOffice, type Page } from './support';
import { call, draftWhen, officeDay, signInAs } from './work-helpers';

let office: Office;
const { newPage } = useConsoleOffice((o) => (office = o));

/** Opens a path of the console and waits for its first-level heading. */
async function open(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(office.url + path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
  // Tables and figures arrive after the heading: wait until nothing is loading.
  await page.waitForLoadState('networkidle');
}

/** Checks the page as it is now; every page's findings are reported, not only the first page's. */
async function check(page: Page, what: string): Promise<void> {
  expect.soft(await axeViolations(page), what).toEqual([]);
}

describe('axe-core on every page', () => {
  it('the sign-in page, and the văn thư’s pages', async () => {
    const page = await newPage();
    await page.goto(office.url);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await check(page, 'đăng nhập');

    const entry = await call(office, office.token('vanthu'), 'POST', '/v1/registers/incoming/entries', {
      numberSymbol: '12-TB/VPTU',
      documentDate: officeDay(-2),
      issuer: 'Văn phòng Tỉnh ủy',
      typeCode: 'TB',
      subject: 'Thông báo lịch làm việc của Thường trực Tỉnh ủy',
      secrecy: 'mat',
      urgency: 'khan',
    });
    expect(entry.status).toBe(201);
    const entryId = entry.body.id as string;
    await signIn(page, office.url, 'vanthu');
    await open(page, '/van-ban-den', 'Sổ văn bản đến');
    await page.getByRole('row').filter({ hasText: '12-TB/VPTU' }).waitFor();
    await check(page, 'sổ văn bản đến');
    await page.getByRole('button', { name: /^Tải sổ năm/ }).first().click();
    await page.getByRole('menuitem').first().waitFor();
    await check(page, 'sổ văn bản đến, menu tải sổ');
    await page.keyboard.press('Escape');

    await open(page, `/van-ban-den/${entryId}`, /^Số đến \d+/);
    await check(page, 'một văn bản đến');

    await open(page, '/van-ban-den/vao-so', 'Vào sổ văn bản đến');
    await check(page, 'vào sổ văn bản đến');
    await page.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await page.getByText('Thông tin chưa hợp lệ, xin xem lại các ô được đánh dấu.', { exact: true }).waitFor();
    await check(page, 'vào sổ văn bản đến, với các lỗi');

    await open(page, '/tiep-nhan', 'Tiếp nhận văn bản quét');
    await check(page, 'tiếp nhận văn bản quét');
    await open(page, '/van-ban-di', 'Sổ văn bản đi');
    await check(page, 'sổ văn bản đi');
    await open(page, '/van-ban-di/cap-so', /^Cấp số/);
    await check(page, 'cấp số văn bản đi');
    await open(page, '/bao-cao', 'Báo cáo');
    await check(page, 'báo cáo');
  });

  it('the chuyên viên’s, the leaders’ and the drafting department’s pages', async () => {
    const created = await call(office, office.token('bantochuc'), 'POST', '/v1/drafts', demoNqDraft({ subject: 'về công tác kiểm tra, giám sát năm 2027' }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await draftWhen(office, office.token('chuyenvien'), id, (d) => d.pendingTask?.step === 'appraisal');

    const cv = await newPage();
    await signInAs(cv, office.url, 'chuyenvien', 'Việc của tôi');
    await open(cv, '/viec-cua-toi', 'Việc của tôi');
    await check(cv, 'việc của tôi');
    await open(cv, '/du-thao', 'Dự thảo');
    await check(cv, 'dự thảo');
    await open(cv, `/du-thao/${id}`, /Dự thảo/);
    await check(cv, 'một dự thảo, chờ thẩm định');
    expect((await call(office, office.token('chuyenvien'), 'POST', `/v1/drafts/${id}/decisions`, { step: 'appraisal', decision: 'approve' })).status).toBe(200);
    await draftWhen(office, office.token('bithu'), id, (d) => d.pendingTask?.step === 'approval');

    const leader = await newPage();
    await signInAs(leader, office.url, 'bithu', 'Phê duyệt dự thảo');
    await open(leader, '/phe-duyet', 'Phê duyệt dự thảo');
    await check(leader, 'phê duyệt dự thảo');
    await open(leader, `/du-thao/${id}`, /Dự thảo/);
    await check(leader, 'một dự thảo, chờ phê duyệt');
    await open(leader, '/tong-quan', 'Tổng quan trong ngày');
    await check(leader, 'tổng quan trong ngày');

    const dept = await newPage();
    await signInAs(dept, office.url, 'bantochuc', 'Dự thảo');
    await open(dept, '/du-thao', 'Dự thảo');
    await check(dept, 'dự thảo của ban');
    await open(dept, '/du-thao/moi', /dự thảo/i);
    await check(dept, 'trình dự thảo mới');
  });

  it('the administration’s tabs', async () => {
    const page = await newPage();
    await signInAs(page, office.url, 'admin', 'Quản trị');
    for (const [muc, name] of [
      ['nguoi-dung', 'người dùng'],
      ['to-chuc', 'tổ chức'],
      ['loai-bao-cao', 'loại báo cáo'],
      ['nhat-ky', 'nhật ký'],
    ] as const) {
      await open(page, `/quan-tri?muc=${muc}`, 'Quản trị');
      await check(page, `quản trị: ${name}`);
    }
  });
});

/** Presses Tab until the focused element `el` makes `test` (JavaScript run in the page) true, at most `max` times. */
async function tabTo(page: Page, test: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${test}); })()`)) return;
  }
  throw new Error(`the focus never reached (${test}) after ${max} Tab presses`);
}

describe('the keyboard alone', () => {
  it('registers a letter by hand: Tab between the fields, the lists opened and chosen with the keys, Enter to send', async () => {
    const page = await newPage();
    await signIn(page, office.url, 'vanthu');
    await open(page, '/van-ban-den/vao-so', 'Vào sổ văn bản đến');
    const idOf = async (label: string) => (await page.getByLabel(label, { exact: true }).getAttribute('id'))!;
    const focusOn = async (label: string) => {
      await tabTo(page, `el.id === ${JSON.stringify(await idOf(label))}`);
    };
    const shown = officeDay(-1).split('-').reverse().join('/');
    await focusOn('Số, ký hiệu');
    await page.keyboard.type('41-CV/VPTU');
    await page.keyboard.press('Tab');
    await page.keyboard.type(shown);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Văn phòng Tỉnh ủy');
    // The type of document: a list opened with Enter, filtered by typing, chosen with the arrow and Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Công văn');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await focusOn('Trích yếu');
    await page.keyboard.type('V/v chuẩn bị hội nghị tổng kết công tác văn phòng (vào sổ bằng bàn phím)');
    // Độ mật stays "Không mật"; Độ khẩn: Khẩn.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Khẩn', exact: true }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(page, `el.tagName === 'BUTTON' && el.textContent.trim() === 'Vào sổ'`);
    await page.keyboard.press('Enter');

    const heading = page.getByRole('heading', { level: 1, name: /^Số đến \d+ — 41-CV\/VPTU$/ });
    await heading.waitFor({ timeout: 30_000 });
    const list = await call(office, office.token('vanthu'), 'GET', '/v1/registers/incoming/entries?limit=200');
    const entry = list.body.items.find((e: { numberSymbol: string }) => e.numberSymbol === '41-CV/VPTU');
    expect(entry).toMatchObject({ typeCode: 'CV', urgency: 'khan', secrecy: null, issuer: 'Văn phòng Tỉnh ủy' });
    expect(await heading.textContent()).toBe(`Số đến ${entry.arrivalNumber} — 41-CV/VPTU`);
  });
});
