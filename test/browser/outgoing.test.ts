/**
 * The sổ văn bản đi in a real browser against an embedded office: the văn thư takes a number by
 * hand (cấp số), voids another with a reason (hủy số), filters the register, and downloads the
 * printable registers (XLSX and CSV) from the register pages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Office } from '../support/e2e';
import { useConsoleOffice, SHOTS, signIn } from './support';

let office: Office;

async function api(token: string, method: string, p: string, body?: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`${office.url}${p}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: r.status, body: await r.json() };
}

const { newPage } = useConsoleOffice((o) => (office = o));

describe('the văn thư at the sổ văn bản đi', () => {
  it('takes a number by hand, voids another with a reason, filters the register and downloads it', async () => {
    const page = await newPage();
    await signIn(page, office.url, 'vanthu');
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Văn bản đi', exact: true }).click();
    await page.getByRole('heading', { name: 'Sổ văn bản đi' }).waitFor();
    await page.getByText('Chưa có văn bản nào').waitFor();

    // Cấp số: sent empty, the API refuses and the form says what is missing, in Vietnamese.
    await page.getByRole('link', { name: 'Cấp số' }).click();
    await page.getByRole('heading', { name: 'Cấp số văn bản đi' }).waitFor();
    await page.getByRole('button', { name: 'Cấp số', exact: true }).click();
    await page.getByText('Thông tin chưa hợp lệ, xin xem lại các ô được đánh dấu.', { exact: true }).waitFor();
    expect(await page.getByText('không được để trống').count()).toBeGreaterThanOrEqual(3);

    await page.getByRole('button', { name: /^Cơ quan ban hành/ }).click();
    await page.getByRole('option', { name: 'Văn phòng Tỉnh ủy (VPTU)' }).click();
    await page.getByRole('button', { name: /^Loại văn bản/ }).click();
    await page.getByRole('option', { name: 'Công văn (CV)' }).click();
    await page.getByLabel('Người ký').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Trích yếu').fill('V/v chuẩn bị hội nghị tổng kết công tác văn phòng cấp ủy');
    await page.getByLabel('Nơi nhận').fill('Các ban đảng Tỉnh ủy\nLưu Văn phòng');
    await page.screenshot({ path: path.join(SHOTS, 'cap-so-van-ban-di.png') });
    await page.getByRole('button', { name: 'Cấp số', exact: true }).click();

    const heading = page.getByRole('heading', { name: /^Số \S+-CV\/VPTU$/ });
    await heading.waitFor();
    const clerk = office.token('vanthu');
    const list = await api(clerk, 'GET', '/v1/registers/outgoing/entries?limit=50');
    expect(list.body.items).toHaveLength(1);
    const taken = list.body.items[0];
    expect(await heading.textContent()).toBe(`Số ${taken.numberSymbol}`);
    expect(taken.recipients).toEqual(['Các ban đảng Tỉnh ủy', 'Lưu Văn phòng']);
    await page.getByText(`Đã cấp số ${taken.numberSymbol}`, { exact: false }).waitFor();

    // Another number, taken by the API, is voided in the console with a reason.
    const second = await api(clerk, 'POST', '/v1/registers/outgoing/entries', { typeCode: 'CV', issuerCode: 'VPTU', subject: 'V/v số cấp nhầm', signer: 'Nguyễn Thị Hoa', recipients: [], secrecy: null });
    expect(second.status).toBe(201);
    await page.goto(`${office.url}/van-ban-di/${second.body.id}`);
    await page.getByRole('heading', { name: `Số ${second.body.numberSymbol}` }).waitFor();
    await page.getByRole('button', { name: 'Hủy số', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Xác nhận hủy số' }).click();
    await dialog.getByText('không được để trống').waitFor();
    await dialog.getByLabel('Lý do hủy số').fill('Cấp nhầm loại văn bản');
    await page.screenshot({ path: path.join(SHOTS, 'huy-so-van-ban-di.png') });
    await dialog.getByRole('button', { name: 'Xác nhận hủy số' }).click();
    await page.getByText(`Đã hủy số ${second.body.numberSymbol}`, { exact: false }).waitFor();
    expect(await page.getByText('Cấp nhầm loại văn bản').count()).toBe(1);
    const voided = await api(clerk, 'GET', `/v1/registers/outgoing/entries/${second.body.id}`);
    expect(voided.body).toMatchObject({ status: 'void', voidReason: 'Cấp nhầm loại văn bản' });
    expect(await page.getByRole('button', { name: 'Hủy số', exact: true }).count()).toBe(0);

    // The register lists both; the void one marked, and the filter finds it alone.
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Văn bản đi', exact: true }).click();
    const voidRow = page.getByRole('row').filter({ hasText: second.body.numberSymbol });
    await voidRow.waitFor();
    expect(await voidRow.getByText('Đã hủy số').count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: taken.numberSymbol }).getByText('Đã cấp số').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'so-van-ban-di.png') });
    await page.getByRole('button', { name: /^Tình trạng/ }).click();
    await page.getByRole('option', { name: 'Đã hủy số' }).click();
    // The list is loaded again for the filter: the void number alone comes back.
    await expect.poll(() => page.getByRole('row').filter({ hasText: taken.numberSymbol }).count()).toBe(0);
    await page.getByRole('row').filter({ hasText: second.body.numberSymbol }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: taken.numberSymbol }).count()).toBe(0);

    // The printable register, as the API makes it, downloaded from the page.
    const year = String(taken.year);
    const download = async (register: 'incoming' | 'outgoing', item: RegExp) => {
      const waiting = page.waitForEvent('download');
      await page.getByRole('button', { name: `Tải sổ năm ${year}` }).click();
      await page.getByRole('menuitem', { name: item }).click();
      const d = await waiting;
      const file = path.join(office.dataDir, `${register}-${d.suggestedFilename()}`);
      await d.saveAs(file);
      return { name: d.suggestedFilename(), bytes: readFileSync(file) };
    };
    const xlsx = await download('outgoing', /Excel/);
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const csv = await download('outgoing', /CSV/);
    expect(csv.name).toMatch(/\.csv$/);
    const text = csv.bytes.toString('utf8');
    const fromApi = await fetch(`${office.url}/v1/registers/outgoing/export?year=${year}&format=csv`, { headers: { authorization: `Bearer ${clerk}` } });
    // Byte for byte what the API sends (its BOM included, which Excel needs to read UTF-8).
    expect(csv.bytes.equals(Buffer.from(await fromApi.arrayBuffer()))).toBe(true);
    expect(text).toContain(String(taken.number));

    // The sổ văn bản đến has its own download.
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Văn bản đến', exact: true }).click();
    await page.getByRole('heading', { name: 'Sổ văn bản đến' }).waitFor();
    const incoming = await download('incoming', /CSV/);
    expect(incoming.name).toMatch(/\.csv$/);
    expect(incoming.bytes.length).toBeGreaterThan(0);
  });
});
