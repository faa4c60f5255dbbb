/**
 * Scan intake in a real browser against an embedded office (as `npm start` runs it): the văn thư
 * drops two handbook scans (dev set), watches them upload and OCR finish, sees a field's place
 * outlined on the page, corrects and registers one, and finds it in the sổ văn bản đến. A clerk
 * without Mật clearance who drops a Mật scan never receives its text or fields.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Office } from '../support/e2e';
import { fieldTone } from '../../web/src/scan-fields';
import { axeViolations, mainScreenshot, useConsoleOffice, SHOTS, recordResponses, signIn, type Page } from './support';
import { SCANS } from '../support/fixtures';

// The handbook's synthetic scans as committed in this repository (test/fixtures/scans/README.md).
const truth = (id: string) => JSON.parse(readFileSync(path.join(SCANS, `${id}.json`), 'utf8')) as { numberSymbol: string; subject: string; file: string; secrecy: string | null };
let office: Office;

const { newPage } = useConsoleOffice((o) => (office = o));

/** Drops files on the drop zone as a drag from the desktop does (a DataTransfer holding them). */
async function dropFiles(page: Page, files: { name: string; type: string; path: string }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type, data: readFileSync(f.path).toString('base64') }));
  const transfer = await page.evaluateHandle((items) => {
    // Runs in the page (DOM types are not the test's).
    const dt = new (globalThis as unknown as { DataTransfer: new () => { items: { add(f: File): void } } }).DataTransfer();
    for (const f of items) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  const zone = page.getByText('Kéo thả các tệp quét vào đây, hoặc');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

describe('the văn thư at scan intake', () => {
  it('drops two scans, sees OCR finish, sees a field on the page, corrects one and registers it, and finds it in the register', async () => {
    const page = await newPage();
    const recorded = recordResponses(page);
    await signIn(page, office.url, 'vanthu');
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Tiếp nhận văn bản quét', exact: true }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận văn bản quét', level: 1 }).waitFor();

    const png = truth('s1-003');
    const pdf = truth('s1-001');
    await dropFiles(page, [
      { name: 's1-003.png', type: 'image/png', path: path.join(SCANS, 's1-003.png') },
      { name: 's1-001.pdf', type: 'application/pdf', path: path.join(SCANS, 's1-001.pdf') },
    ]);
    const files = page.getByRole('table', { name: 'Các tệp quét đã nhận' });
    await files.getByRole('row').filter({ hasText: 's1-003.png' }).waitFor();
    await files.getByRole('row').filter({ hasText: 's1-001.pdf' }).waitFor();
    // OCR's progress is shown while it reads, then both are read.
    await page.getByText(/^Đang nhận dạng chữ \(OCR\), \d+ giây$/).first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, 'tiep-nhan-dang-doc.png') });
    await expect.poll(() => page.getByText('Đã đọc xong', { exact: true }).count(), { timeout: 170_000, interval: 1000 }).toBe(2);
    await recorded.settled();

    // The API's reading of each scan, as the browser received it.
    const scans = recorded.all
      .filter((r) => /\/v1\/scans\/[A-Za-z0-9]+$/.test(new URL(r.url).pathname) && r.status === 200)
      .map((r) => JSON.parse(r.body) as { scanId: string; fileName: string; status: string; fields: Record<string, { value: unknown; confidence: number; page?: number; bbox?: { left: number; top: number; width: number; height: number } }> })
      .filter((s) => s.status === 'done');
    const pngScan = scans.find((s) => s.fileName === 's1-003.png')!;
    expect(pngScan, 'the PNG scan was read').toBeTruthy();
    expect(scans.some((s) => s.fileName === 's1-001.pdf')).toBe(true);

    const form = page.getByRole('form', { name: 'Thông tin đọc được từ s1-003.png' });
    await form.waitFor();
    // Each field is coloured by the API's confidence for it.
    for (const k of ['numberSymbol', 'documentDate', 'issuer', 'typeCode', 'subject', 'secrecy', 'urgency']) {
      expect(await form.locator(`[data-field="${k}"]`).getAttribute('data-tone'), k).toBe(fieldTone(k, pngScan.fields[k]));
    }
    // The family is shown (a Party document: its motto and its number-symbol).
    expect(pngScan.fields['system']?.value).toBe('party');
    expect(await page.getByText('Văn bản của Đảng').count()).toBeGreaterThanOrEqual(1);

    // Focusing a field outlines where OCR read it on the page image.
    const located = (['numberSymbol', 'subject', 'issuer', 'documentDate'] as const).find((k) => pngScan.fields[k]?.bbox)!;
    expect(located, 'some field has a box').toBeTruthy();
    const label = { numberSymbol: 'Số, ký hiệu', subject: 'Trích yếu', issuer: 'Tác giả (cơ quan ban hành)', documentDate: 'Ngày văn bản' }[located];
    await form.getByLabel(label, { exact: true }).focus();
    const mark = page.getByRole('img', { name: `Vị trí của ${label} trên trang 1` });
    await mark.waitFor();
    const canvas = await page.getByRole('img', { name: 'Trang 1 của s1-003.png' }).boundingBox();
    const box = await mark.boundingBox();
    const b = pngScan.fields[located]!.bbox!;
    // The outline (3 px border, 3 px outside the box) sits where the API's fractions say on the drawn page.
    expect(Math.abs(box!.x + 3 - (canvas!.x + b.left * canvas!.width))).toBeLessThan(3);
    expect(Math.abs(box!.y + 3 - (canvas!.y + b.top * canvas!.height))).toBeLessThan(3);
    expect(Math.abs(box!.width - 6 - b.width * canvas!.width)).toBeLessThan(3);
    await form.scrollIntoViewIfNeeded();
    await mainScreenshot(page, 'tiep-nhan-van-ban-quet');
    // The page with both scans, their pages drawn and a field outlined: no serious accessibility violation (axe-core).
    expect(await axeViolations(page), 'tiếp nhận, đối chiếu').toEqual([]);

    // The PDF's pages are drawn from the dropped file (pdf.js), page 2 a click away.
    const pdfForm = page.getByRole('form', { name: 'Thông tin đọc được từ s1-001.pdf' });
    const pdfPage = page.getByRole('img', { name: 'Trang 1 của s1-001.pdf' });
    await pdfPage.waitFor();
    expect((await pdfPage.boundingBox())!.height).toBeGreaterThan(300);
    await page.getByRole('button', { name: 'Trang 2 của văn bản' }).click();
    await page.getByRole('img', { name: 'Trang 2 của s1-001.pdf' }).waitFor();
    expect(await pdfForm.getByLabel('Số, ký hiệu', { exact: true }).inputValue()).not.toBe('');

    // The clerk corrects the number-symbol and the trích yếu, says it is not secret, and registers.
    const subject = 'Kết luận về công tác văn thư, lưu trữ (văn thư đã sửa)';
    await form.getByLabel('Số, ký hiệu', { exact: true }).fill(png.numberSymbol);
    await form.getByLabel('Trích yếu', { exact: true }).fill(subject);
    await form.getByRole('button', { name: /^Độ mật/ }).click();
    // (OCR's reading is already chosen: its option says so after the label.)
    await page.getByRole('option').filter({ hasText: 'Không mật' }).click();
    const sent = page.waitForRequest((r) => r.url().endsWith(`/v1/scans/${pngScan.scanId}/register`) && r.method() === 'POST');
    await form.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    const body = (await sent).postDataJSON() as Record<string, unknown>;
    expect(body.subject).toBe(subject);
    const done = page.getByText(/^s1-003\.png: đã vào sổ văn bản đến, số đến (\d+)\/(\d{4})\.$/);
    await done.waitFor();
    const [, arrival] = /số đến (\d+)\//.exec((await done.textContent())!)!;

    // The entry is in the sổ văn bản đến with its số đến, as corrected.
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Văn bản đến', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: png.numberSymbol });
    await row.waitFor();
    expect((await row.getByRole('cell').first().textContent())?.trim()).toBe(arrival);
    expect(await row.getByText(subject).count()).toBe(1);
    // The other scan (the PDF) is still waiting for the clerk: nothing registered from it.
    expect(await page.getByRole('row').filter({ hasText: pdf.numberSymbol }).count()).toBe(0);

    // The PDF's own page, after a reload: its pages are drawn from the API's copy of the file.
    const pdfScan = scans.find((s) => s.fileName === 's1-001.pdf')!;
    const originals = recordResponses(page);
    await page.goto(`${office.url}/tiep-nhan/${pdfScan.scanId}`);
    await page.reload();
    await page.getByRole('heading', { name: 'Đối chiếu văn bản quét', level: 1 }).waitFor();
    const reopened = page.getByRole('img', { name: 'Trang 1 của s1-001.pdf' });
    await reopened.waitFor({ timeout: 30_000 });
    expect((await reopened.boundingBox())!.height).toBeGreaterThan(300);
    await page.getByRole('button', { name: 'Trang 2 của văn bản' }).click();
    await page.getByRole('img', { name: 'Trang 2 của s1-001.pdf' }).waitFor();
    expect(await axeViolations(page), 'đối chiếu một văn bản quét').toEqual([]);
    await originals.settled();
    const asked = originals.all.filter((r) => new URL(r.url).pathname === `/v1/scans/${pdfScan.scanId}/original`);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.status === 200)).toBe(true);
    // Its fields are there to correct, as at intake; the registered PNG's page says it is registered.
    expect(await page.getByRole('form', { name: 'Thông tin đọc được từ s1-001.pdf' }).getByLabel('Số, ký hiệu', { exact: true }).inputValue()).not.toBe('');
    await page.goto(`${office.url}/tiep-nhan/${pngScan.scanId}`);
    await page.getByText('s1-003.png: đã vào sổ văn bản đến.').waitFor();
  });
});

describe('a clerk without Mật clearance', () => {
  it('drops a Mật scan and never receives its text or fields', async () => {
    const mat = truth('s1-010');
    expect(mat.secrecy).toBe('Mật');
    // An administrator makes chuyenvien2 a văn thư with no clearance (audited, with the reason).
    const put = await fetch(`${office.url}/v1/users/chuyenvien2`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${office.token('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['van-thu'], clearance: 'none', dept: null, reason: 'Văn thư tập sự, chưa được đọc tài liệu mật' }),
    });
    expect(put.status).toBe(200);

    const page = await newPage();
    const recorded = recordResponses(page);
    await signIn(page, office.url, 'chuyenvien2');
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Tiếp nhận văn bản quét', exact: true }).click();
    await page.getByLabel('Chọn tệp quét').setInputFiles(path.join(SCANS, 's1-010.png'));
    await page.getByText('Độ mật của văn bản này vượt quá quyền đọc của bạn', { exact: false }).waitFor({ timeout: 170_000 });
    await page.screenshot({ path: path.join(SHOTS, 'tiep-nhan-khong-co-quyen-mat.png') });
    await recorded.settled();

    const scanAnswers = recorded.all.filter((r) => /\/v1\/scans\/[A-Za-z0-9]+$/.test(new URL(r.url).pathname));
    expect(scanAnswers.length, 'the console asked for the scan').toBeGreaterThan(0);
    const last = JSON.parse(scanAnswers.at(-1)!.body) as { status: string; fields: object; text: string | null };
    expect(last.status).toBe('done');
    expect(last.fields).toEqual({});
    expect(last.text).toBeNull();
    // Its own page, after a reload, says the same; its file is not given to this clerk either.
    const scanId = new URL(scanAnswers.at(-1)!.url).pathname.split('/').at(-1)!;
    await page.getByRole('link', { name: 'Mở trang đối chiếu s1-010.png' }).click();
    await page.reload();
    await page.getByText('Độ mật của văn bản này vượt quá quyền đọc của bạn', { exact: false }).waitFor();
    const file = await fetch(`${office.url}/v1/scans/${scanId}/original`, { headers: { authorization: `Bearer ${office.token('chuyenvien2')}` } });
    expect(file.status).toBe(404);
    await recorded.settled();
    expect(recorded.all.some((r) => r.url.includes('/original') && r.status === 200)).toBe(false);
    const words = [mat.numberSymbol, mat.subject.slice(0, 40), mat.numberSymbol.split('/')[0]!];
    for (const r of recorded.all) for (const w of words) expect(r.body.includes(w), `${r.url} carries "${w}"`).toBe(false);
  });
});
