/**
 * "Việc của tôi" in a real browser: the chuyên viên sees the letters assigned to them (and only
 * those), moves one on with a note, finishes it; an overdue one is marked (office clock moved);
 * a Mật letter assigned to a person without clearance reaches no response of their console, while
 * the same kind of letter assigned to a cleared person shows with its badge.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startOffice, type Office } from '../support/e2e';
import { ensureConsoleBuilt } from '../../local/console-build';
import { launchChromium, recordResponses, SHOTS, type Page, type RunningBrowser } from './support';
import { call, officeDay, signInAs } from './work-helpers';

let office: Office;
const browsers: RunningBrowser[] = [];

const OPEN = { numberSymbol: '21-CV/BDVTU', subject: 'Về việc góp ý dự thảo quy chế làm việc', issuer: 'Ban Dân vận Tỉnh ủy', typeCode: 'CV' };
const OTHER = { numberSymbol: '22-TB/BTGTU', subject: 'Thông báo kết luận hội nghị báo cáo viên', issuer: 'Ban Tuyên giáo Tỉnh ủy', typeCode: 'TB' };
const SECRET = { numberSymbol: '77-BC/UBKTTU', subject: 'Báo cáo kết quả kiểm tra dấu hiệu vi phạm', issuer: 'Ủy ban Kiểm tra Tỉnh ủy', typeCode: 'BC' };
const SECRET2 = { numberSymbol: '78-BC/UBKTTU', subject: 'Báo cáo tình hình giải quyết đơn thư tố cáo', issuer: 'Ủy ban Kiểm tra Tỉnh ủy', typeCode: 'BC' };
const ids: Record<string, string> = {};

async function registerAndAssign(key: string, letter: typeof OPEN, secrecy: string | null, handler: string): Promise<void> {
  const r = await call(office, office.token('vanthu'), 'POST', '/v1/registers/incoming/entries', { ...letter, documentDate: officeDay(-2), secrecy, urgency: null });
  expect(r.status).toBe(201);
  const a = await call(office, office.token('chanhvp'), 'PATCH', `/v1/registers/incoming/entries/${r.body.id}`, { version: r.body.version, handler, dueDate: officeDay(10) });
  expect(a.status).toBe(200);
  ids[key] = r.body.id;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  expect(await ensureConsoleBuilt(() => undefined)).not.toBe('failed');
  office = await startOffice();
  await registerAndAssign('open', OPEN, null, 'chuyenvien2');
  await registerAndAssign('other', OTHER, null, 'chuyenvien');
  await registerAndAssign('secret', SECRET, 'mat', 'chuyenvien2');
  await registerAndAssign('secret2', SECRET2, 'mat', 'chuyenvien');
}, 180_000);

afterAll(async () => {
  for (const b of browsers) await b.close();
  await fetch(`${office.url}/_local/clock`, { method: 'PUT', body: JSON.stringify({ now: null }) }).catch(() => undefined);
  await office?.stop();
  if (office) removeDir(office.dataDir);
});

async function pageOf(): Promise<Page> {
  const b = await launchChromium();
  browsers.push(b);
  return b.context.newPage();
}

const mine = (page: Page) => page.getByRole('table', { name: 'Văn bản đến được giao cho tôi' });

describe('Việc của tôi', () => {
  it('a person without clearance sees the letter assigned to them, never the Mật one, in any response', async () => {
    const page = await pageOf();
    const seen = recordResponses(page);
    await signInAs(page, office.url, 'chuyenvien2', 'Việc của tôi');
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Việc của tôi', exact: true }).click();
    await mine(page).getByText(OPEN.subject).waitFor();
    // Only their own: the letter assigned to chuyenvien is not in their list.
    expect(await mine(page).getByText(OTHER.subject).count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'viec-cua-toi.png') });
    await seen.settled();
    for (const r of seen.all) {
      expect(r.body, r.url).not.toContain(SECRET.subject);
      expect(r.body, r.url).not.toContain(SECRET.numberSymbol);
      expect(r.body, r.url).not.toContain(ids.secret!);
    }
  });

  it('a cleared chuyên viên sees their Mật letter with its badge, and not another person’s', async () => {
    const page = await pageOf();
    await signInAs(page, office.url, 'chuyenvien', 'Việc của tôi', '/viec-cua-toi');
    const row = mine(page).getByRole('row', { name: new RegExp(SECRET2.subject) });
    await row.waitFor();
    expect(await row.getByText('Mật', { exact: true }).count()).toBe(1);
    expect(await mine(page).getByText(OTHER.subject).count()).toBe(1);
    expect(await mine(page).getByText(OPEN.subject).count()).toBe(0);
    expect(await mine(page).getByText(SECRET.subject).count()).toBe(0);
  });

  it('moves a letter on with a note, then finishes it; the API holds both', async () => {
    const page = await pageOf();
    await signInAs(page, office.url, 'chuyenvien2', 'Việc của tôi', '/viec-cua-toi');
    const row = () => mine(page).getByRole('row', { name: new RegExp(OPEN.subject) });
    await row().getByRole('button', { name: /^Cập nhật/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tình trạng').click();
    await page.getByRole('option', { name: 'Đang xử lý' }).click();
    await dialog.getByLabel('Ghi chú').fill('Đã liên hệ Ban Dân vận, chờ ý kiến bằng văn bản');
    await page.screenshot({ path: path.join(SHOTS, 'cap-nhat-van-ban.png') });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await row().getByText('Đã liên hệ Ban Dân vận, chờ ý kiến bằng văn bản').waitFor();
    expect(await row().getByText('Đang xử lý').count()).toBe(1);
    const e = (await call(office, office.token('chuyenvien2'), 'GET', `/v1/registers/incoming/entries/${ids.open}`)).body;
    expect(e).toMatchObject({ status: 'in-progress', note: 'Đã liên hệ Ban Dân vận, chờ ý kiến bằng văn bản' });

    await row().getByRole('button', { name: /^Cập nhật/ }).click();
    await page.getByRole('dialog').getByLabel('Tình trạng').click();
    await page.getByRole('option', { name: 'Đã xử lý xong' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    // Done letters leave the list of open work, and come back when shown all.
    await mine(page).getByText('Không có văn bản nào được giao cho bạn đang chờ xử lý.').waitFor();
    await page.getByLabel('Chỉ văn bản chưa xử lý xong').click();
    await row().getByText('Đã xử lý xong').waitFor();
    expect((await call(office, office.token('chuyenvien2'), 'GET', `/v1/registers/incoming/entries/${ids.open}`)).body.status).toBe('done');
  });

  it('a letter past its due date is marked overdue (the office clock moved forty days)', async () => {
    const page = await pageOf();
    await signInAs(page, office.url, 'chuyenvien', 'Việc của tôi', '/viec-cua-toi');
    const row = () => mine(page).getByRole('row', { name: new RegExp(OTHER.subject) });
    await row().waitFor();
    expect(await row().getByText(/^Quá hạn/).count()).toBe(0);
    const moved = await fetch(`${office.url}/_local/clock`, { method: 'PUT', body: JSON.stringify({ now: new Date(Date.now() + 40 * 86_400_000).toISOString() }) });
    expect(moved.ok).toBe(true);
    await page.reload();
    await row().getByText(/^Quá hạn/).waitFor();
    await page.getByText(/\d+ văn bản quá hạn xử lý/).waitFor();
  });
});
