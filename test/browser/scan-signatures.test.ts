/**
 * The clerk is warned about a received PDF's signatures at scan intake, in a real browser
 * against an embedded office: three PDFs the test signs itself (the issuer's certificate issued
 * by a CA the office trusts, put in `<data dir>/signing/trusted-roots.pem`): one as signed, a copy
 * changed after signing, one signed by a certificate no trusted CA issued. Each shows its signer
 * and state; the changed one an error, the unknown one a warning; the good one neither. The
 * console's pdf.js draws the issued document's page so that tesseract (Vietnamese) reads its
 * words back from the canvas (a broken embedded font draws nothing while its text layer reads).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Office } from '../support/e2e';
import { useConsoleOffice, SHOTS, signIn, type Page } from './support';
import { appendSignature, testSigner } from '../support/pdf-signing';
import { RESOLUTION } from '../support/documents';
import { pem, renderPdf } from '../../shared/documents/index';
import { expectedWords, recall, vieReader, words, wordsSeen } from '../support/page-words';

let office: Office;
const { newPage } = useConsoleOffice((o) => (office = o));

const ISSUER = { commonName: 'Sở Tư pháp tỉnh Quảng Ngãi', organisation: 'Ủy ban nhân dân tỉnh Quảng Ngãi' };
const STRANGER = { commonName: 'Công ty Không Rõ', organisation: 'Công ty Không Rõ' };
const CA = { commonName: 'Cơ quan chứng thực (thử)', organisation: 'Ban Cơ yếu Chính phủ (thử)' };
const BROKEN = 'Chữ ký số không nguyên vẹn: văn bản có thể đã bị sửa sau khi ký';
const UNTRUSTED = 'Chứng thư số chưa được tin cậy';

async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new (globalThis as unknown as { DataTransfer: new () => { items: { add(f: File): void } } }).DataTransfer();
    for (const f of items) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { type: 'application/pdf' }));
    return dt;
  }, payload);
  const zone = page.getByText('Kéo thả các tệp quét vào đây, hoặc');
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer: transfer });
}

describe('signatures at scan intake', () => {
  it('shows each signature and warns, in Vietnamese, about a changed file and an untrusted certificate', async () => {
    const issuer = await testSigner(ISSUER, { ca: CA });
    const stranger = await testSigner(STRANGER);
    mkdirSync(path.join(office.dataDir, 'signing'), { recursive: true });
    writeFileSync(path.join(office.dataDir, 'signing', 'trusted-roots.pem'), pem('CERTIFICATE', issuer.root));
    const base = await renderPdf(RESOLUTION);
    const good = await appendSignature(base, issuer, { digest: 'sha1', subFilter: 'adbe.pkcs7.detached', at: new Date('2026-01-05T02:00:00Z'), name: 'issuer' });
    const changed = new Uint8Array(good);
    const at = Buffer.from(changed).indexOf('%', 1) + 1;
    changed[at] = changed[at]! ^ 0x01;
    const unknown = await appendSignature(base, stranger, { digest: 'sha256', subFilter: 'ETSI.CAdES.detached', at: new Date('2026-01-05T02:00:00Z'), name: 'stranger' });

    const page = await newPage();
    await signIn(page, office.url, 'vanthu');
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Tiếp nhận văn bản quét', exact: true }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận văn bản quét', level: 1 }).waitFor();
    await dropFiles(page, [
      { name: 'hop-le.pdf', bytes: good },
      { name: 'bi-sua.pdf', bytes: changed },
      { name: 'chua-tin-cay.pdf', bytes: unknown },
    ]);
    await expect.poll(() => page.getByText('Đã đọc xong', { exact: true }).count(), { timeout: 170_000, interval: 1000 }).toBe(3);

    const signaturesOf = (file: string) => page.getByRole('form', { name: `Thông tin đọc được từ ${file}` }).getByRole('region', { name: 'Chữ ký số trên văn bản' });
    const okay = signaturesOf('hop-le.pdf');
    await okay.waitFor();
    expect(await okay.getByText(`${ISSUER.commonName} (${ISSUER.organisation})`).count()).toBe(1);
    expect(await okay.locator('[data-signature-state="ok"]').count()).toBe(1);
    expect(await okay.getByText(BROKEN).count()).toBe(0);
    expect(await okay.getByText(UNTRUSTED).count()).toBe(0);

    const drawn = page.getByRole('img', { name: 'Trang 1 của hop-le.pdf', exact: true });
    await drawn.waitFor();
    const png = await drawn.evaluate((c) => (c as unknown as { toDataURL(type: string): string }).toDataURL('image/png'));
    const reader = await vieReader();
    try {
      const seen = await wordsSeen(reader, [Buffer.from(png.slice(png.indexOf(',') + 1), 'base64')]);
      const expected = expectedWords(RESOLUTION);
      expect(recall(expected, seen), `not read: ${expected.filter((w) => !seen.has(w)).join(' ')}`).toBeGreaterThanOrEqual(0.9);
      for (const w of words(RESOLUTION.subject)) expect(seen).toContain(w);
    } finally {
      await reader.terminate();
    }

    const broken = signaturesOf('bi-sua.pdf');
    await broken.getByText(BROKEN).waitFor();
    expect(await broken.getByText(/Không coi tệp này là bản gốc hợp lệ/).count()).toBe(1);
    expect(await broken.locator('[data-signature-state="broken"]').count()).toBe(1);
    await broken.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'tiep-nhan-chu-ky-bi-sua.png') });

    const untrusted = signaturesOf('chua-tin-cay.pdf');
    await untrusted.getByText(UNTRUSTED).waitFor();
    expect(await untrusted.getByText(new RegExp(`Chứng thư số của ${STRANGER.commonName}`)).count()).toBe(1);
    expect(await untrusted.getByText(BROKEN).count()).toBe(0);
    expect(await untrusted.locator('[data-signature-state="untrusted"]').count()).toBe(1);
  });
});
