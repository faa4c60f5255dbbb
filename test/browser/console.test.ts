/**
 * The console in a real browser (Debian's chromium through playwright-core) against an embedded
 * office started as `npm start` starts it (its own free port and data directory): people sign in
 * on the office's sign-in page and work as they would. Screenshots go to .test-data/screenshots,
 * the register's (a main screen) to DAUMOI_SCREENSHOTS when set.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startOffice, type Office } from '../support/e2e';
import { ensureConsoleBuilt } from '../../local/console-build';
import { launchChromium, mainScreenshot, recordResponses, SHOTS, signIn, signInWithKeyboard, type RunningBrowser } from './support';

let office: Office;
const browsers: RunningBrowser[] = [];

/** A day in the office's time zone, `days` from today: [YYYY-MM-DD, dd/mm/yyyy]. */
function officeDay(days: number): [string, string] {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })
      .formatToParts(new Date(Date.now() + days * 86_400_000))
      .map((x) => [x.type, x.value]),
  );
  return [`${p.year}-${p.month}-${p.day}`, `${p.day}/${p.month}/${p.year}`];
}

async function api(token: string, method: string, p: string, body?: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`${office.url}${p}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: r.status, body: await r.json() };
}

/** A Mật letter the clerk registered through the API, and a search that already finds it (the index is asynchronous). */
const SECRET = { numberSymbol: '88-BC/BNCTU', subject: 'Về công tác bảo vệ bí mật nhà nước quý IV', issuer: 'Ban Nội chính Tỉnh ủy' };
/** A letter everyone in the office may read. */
const OPEN = { numberSymbol: '12-TB/VPTU', subject: 'Thông báo lịch làm việc của Thường trực Tỉnh ủy', issuer: 'Văn phòng Tỉnh ủy' };
let secretId: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  expect(await ensureConsoleBuilt(() => undefined)).not.toBe('failed');
  office = await startOffice();
  const clerk = office.token('vanthu');
  const [day] = officeDay(-3);
  const r = await api(clerk, 'POST', '/v1/registers/incoming/entries', { ...SECRET, documentDate: day, typeCode: 'BC', secrecy: 'mat', urgency: null });
  expect(r.status).toBe(201);
  secretId = r.body.id;
  expect((await api(clerk, 'POST', '/v1/registers/incoming/entries', { ...OPEN, documentDate: day, typeCode: 'TB', secrecy: null, urgency: null })).status).toBe(201);
  for (let i = 0; i < 100; i++) {
    const s = await api(clerk, 'GET', `/v1/search?q=${encodeURIComponent('bao ve bi mat')}&register=incoming`);
    if (s.body.items?.some((h: { id: string }) => h.id === secretId)) break;
    await new Promise((res) => setTimeout(res, 200));
  }
}, 180_000);

afterAll(async () => {
  for (const b of browsers) await b.close();
  await office?.stop();
  if (office) removeDir(office.dataDir);
});

async function browser(): Promise<RunningBrowser> {
  const b = await launchChromium();
  browsers.push(b);
  return b;
}

describe('the văn thư', () => {
  it('signs in on the sign-in page, registers a letter by hand and finds it in the register with its số đến', async () => {
    const page = await (await browser()).context.newPage();
    await page.goto(`${office.url}/`);
    // Not signed in: the office's sign-in page, in Vietnamese.
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'dang-nhap.png') });
    await signIn(page, office.url, 'vanthu');
    await expect.poll(() => page.getByRole('button', { name: /vanthu.*Văn thư/ }).count()).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Điều hướng' });
    for (const label of ['Văn bản đến', 'Tiếp nhận văn bản quét', 'Văn bản đi', 'Báo cáo']) expect(await nav.getByRole('link', { name: label, exact: true }).count(), label).toBe(1);
    for (const label of ['Dự thảo', 'Việc của tôi', 'Quản trị']) expect(await nav.getByRole('link', { name: label, exact: true }).count(), label).toBe(0);

    // The clerk's clearance covers Mật: the secret letter is in her register, with its badge.
    const secretRow = page.getByRole('row').filter({ hasText: SECRET.numberSymbol });
    await secretRow.waitFor();
    expect(await secretRow.getByText('Mật', { exact: true }).count()).toBe(1);

    await page.getByRole('link', { name: 'Vào sổ văn bản' }).click();
    await page.getByRole('heading', { name: 'Vào sổ văn bản đến' }).waitFor();
    // Sent empty: the API refuses it (400) and the form says what is missing, in Vietnamese.
    await page.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await page.getByText('Thông tin chưa hợp lệ, xin xem lại các ô được đánh dấu.', { exact: true }).waitFor();
    expect(await page.getByText('không được để trống').count()).toBeGreaterThanOrEqual(4);
    // The focus is on the first field to correct.
    await expect.poll(() => page.getByLabel('Số, ký hiệu').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'vao-so-loi.png') });

    const [, shown] = officeDay(-1);
    await page.getByLabel('Số, ký hiệu').fill('27-CV/VPTU');
    await page.getByLabel('Ngày văn bản').fill(shown);
    await page.getByLabel('Tác giả (cơ quan ban hành)').fill('Văn phòng Tỉnh ủy');
    await page.getByRole('button', { name: /^Loại văn bản/ }).click();
    await page.getByRole('option', { name: 'Công văn (CV)' }).click();
    await page.getByLabel('Trích yếu').fill('V/v tổ chức hội nghị sơ kết công tác văn thư, lưu trữ');
    await page.getByRole('button', { name: /^Độ khẩn/ }).click();
    await page.getByRole('option', { name: 'Khẩn', exact: true }).click();
    await page.getByRole('button', { name: 'Vào sổ', exact: true }).click();

    // The API's entry gives the số đến the console must show.
    const heading = page.getByRole('heading', { name: /^Số đến \d+ — 27-CV\/VPTU$/ });
    await heading.waitFor();
    const list = await api(office.token('vanthu'), 'GET', '/v1/registers/incoming/entries?limit=200');
    const mine = list.body.items.find((e: { numberSymbol: string }) => e.numberSymbol === '27-CV/VPTU');
    expect(mine.urgency).toBe('khan');
    expect(await heading.textContent()).toBe(`Số đến ${mine.arrivalNumber} — 27-CV/VPTU`);
    await page.getByText(`Đã vào sổ văn bản đến, số đến ${mine.arrivalNumber}/${mine.arrivalYear}.`).waitFor();
    expect(await page.getByText(shown, { exact: true }).count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'van-ban-den-chi-tiet.png') });

    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Văn bản đến', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: '27-CV/VPTU' });
    await row.waitFor();
    expect((await row.getByRole('cell').first().textContent())?.trim()).toBe(String(mine.arrivalNumber));
    expect(await row.getByText('Khẩn', { exact: true }).count()).toBe(1);
    await mainScreenshot(page, 'so-van-ban-den');

    // Time to an interactive register: a fresh load of the page (signed in) until its rows are there.
    const t0 = Date.now();
    await page.goto(`${office.url}/van-ban-den`);
    await page.getByRole('row').filter({ hasText: '27-CV/VPTU' }).getByRole('link').waitFor();
    const ms = Date.now() - t0;
    console.info(`register page interactive in ${ms} ms (load, scripts, config, token from the session, /v1/me, first page of entries)`);
    expect(ms).toBeLessThan(15_000);

    // Searched without diacritics (the index is asynchronous: search again until it has the letter).
    await page.getByLabel('Tìm văn bản đến').fill('hoi nghi so ket van thu');
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Tìm', exact: true }).click();
          await page.waitForTimeout(300);
          return page.getByRole('row').filter({ hasText: '27-CV/VPTU' }).count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(1);
  });
});

describe('a person without Mật clearance', () => {
  it('never receives the Mật letter in any response the console gets, however they look for it', async () => {
    const page = await (await browser()).context.newPage();
    const recorded = recordResponses(page);
    await signInWithKeyboard(page, office.url, 'chuyenvien2');
    const table = page.getByRole('table');
    await table.getByRole('row').nth(1).waitFor();
    // What they may see arrives: the open letter is in their register.
    await page.getByRole('row').filter({ hasText: OPEN.numberSymbol }).waitFor();
    await page.getByLabel('Tìm văn bản đến').fill('bao ve bi mat');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('Không tìm thấy văn bản nào').waitFor();
    await page.getByLabel('Tìm văn bản đến').fill(SECRET.numberSymbol);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('Không tìm thấy văn bản nào').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'khong-co-quyen-mat.png') });
    // Even by the letter's address, typed in: the API answers 404 and the console says so.
    await page.goto(`${office.url}/van-ban-den/${secretId}`);
    await page.getByText('Không tìm thấy văn bản, hoặc bạn không có quyền xem văn bản này.').waitFor();
    await recorded.settled();

    const apiResponses = recorded.all.filter((r) => new URL(r.url).pathname.startsWith('/v1/'));
    expect(apiResponses.some((r) => r.body.includes(OPEN.numberSymbol)), 'the recording holds the API’s answers').toBe(true);
    expect(apiResponses.some((r) => r.url.includes('/v1/search?'))).toBe(true);
    for (const r of recorded.all) {
      for (const secret of [SECRET.numberSymbol, SECRET.subject, 'bảo vệ bí mật', 'Ban Nội chính']) expect(r.body.includes(secret), `${r.url} carries "${secret}"`).toBe(false);
      if (!r.url.includes(secretId)) expect(r.body.includes(secretId), `${r.url} carries the Mật letter's id`).toBe(false);
    }

    // Signing out ends the session in this tab: the register asks to sign in again.
    await page.getByRole('button', { name: /^Tài khoản chuyenvien2/ }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.getByText('Bạn đã đăng xuất').waitFor();
    await page.goto(`${office.url}/van-ban-den`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    // A sign-in answer the console did not ask for (a forged or stale callback) signs no one in.
    await page.goto(`${office.url}/callback?code=forged&state=forged`);
    await page.getByText(/^Đăng nhập không thành công/).waitFor();
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
  });
});

describe('the register', () => {
  it('is paged by the server, 20 letters a page, and marks and filters overdue letters as the API says', async () => {
    const clerk = office.token('vanthu');
    const [day] = officeDay(-2);
    for (let i = 1; i <= 22; i++) {
      const r = await api(clerk, 'POST', '/v1/registers/incoming/entries', { numberSymbol: `${i}-GM/VPTU`, documentDate: day, issuer: 'Văn phòng Tỉnh ủy', typeCode: 'GM', subject: `Giấy mời dự họp số ${i}`, secrecy: null, urgency: i === 22 ? 'hoa-toc' : null });
      expect(r.status).toBe(201);
    }
    const page = await (await browser()).context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => void (new URL(r.url()).pathname === '/v1/registers/incoming/entries' && requests.push(r.url())));
    await signIn(page, office.url, 'chanhvp');
    const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
    await expect.poll(() => rows.count()).toBe(20);
    expect(new URL(requests.at(-1)!).searchParams.get('limit')).toBe('20');
    expect(new URL(requests.at(-1)!).searchParams.has('cursor')).toBe(false);
    const firstOfPage1 = await rows.first().getByRole('cell').first().textContent();
    const overdueMarks = page.getByText(/^Quá hạn \d{2}\/\d{2}\/\d{4}$/);
    expect(await overdueMarks.count()).toBe(0);

    await page.getByRole('button', { name: 'Trang sau' }).click();
    await expect.poll(() => new URL(requests.at(-1)!).searchParams.has('cursor')).toBe(true);
    await expect.poll(async () => (await rows.count()) > 0 && (await rows.first().getByRole('cell').first().textContent()) !== firstOfPage1).toBe(true);
    // Every letter the leader may read is on one of the two pages (the secret book last).
    const all = await api(office.token('chanhvp'), 'GET', '/v1/registers/incoming/entries?limit=200');
    expect(all.body.items.length).toBeGreaterThan(20);
    expect(all.body.items.length).toBeLessThanOrEqual(40);
    expect(await rows.count()).toBe(all.body.items.length - 20);
    expect(await page.getByRole('row').filter({ hasText: '22-GM/VPTU' }).getByText('Hỏa tốc', { exact: true }).count()).toBe(1);

    // Forty days on, every letter still open is late: the API says so and the register shows it.
    await fetch(`${office.url}/_local/clock`, { method: 'PUT', body: JSON.stringify({ now: new Date(Date.now() + 40 * 86_400_000).toISOString() }) });
    try {
      await page.getByRole('button', { name: 'Tải lại' }).click();
      await expect.poll(() => overdueMarks.count()).toBeGreaterThan(0);
      await page.getByText('Chỉ văn bản quá hạn').click();
      await expect.poll(() => new URL(requests.at(-1)!).searchParams.get('overdue')).toBe('true');
      await expect.poll(() => rows.count()).toBe(20);
      expect(await overdueMarks.count()).toBe(20);
      // One request per change of the filters: the page is not fetched again when the next page's cursor arrives.
      await page.waitForTimeout(1000);
      expect(requests.filter((u) => new URL(u).searchParams.get('overdue') === 'true')).toHaveLength(1);
      await page.screenshot({ path: path.join(SHOTS, 'so-van-ban-den-qua-han.png') });
    } finally {
      await fetch(`${office.url}/_local/clock`, { method: 'PUT', body: JSON.stringify({ now: null }) });
    }
  });
});

