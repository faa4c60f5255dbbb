/**
 * Quản trị in a real browser: an organisation and its client made from the page, the secret shown
 * once (a reload shows it no more, no later response carries it); a person's roles and clearance
 * changed and found in the audit log, whose chain verifies intact; an administrator changing their
 * own rights is refused in Vietnamese; a non-admin receives no admin data (the API refuses); an
 * organisation renamed and moved, its client revoked and a report type changed from the page, each
 * as the API then answers and in its audit log.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Office } from '../support/e2e';
import { axeViolations, useConsoleOffice, SHOTS, recordResponses } from './support';
import { call, signInAs } from './work-helpers';

let office: Office;

const { newPage: pageOf } = useConsoleOffice((o) => (office = o));

const isApi = (url: string) => new URL(url).pathname.startsWith('/v1/');

describe('Quản trị', () => {
  it('an organisation and its client are made from the page; the secret is shown once and never again', async () => {
    const page = await pageOf();
    const seen = recordResponses(page);
    await signInAs(page, office.url, 'admin', 'Quản trị');
    await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Quản trị', exact: true }).click();
    await page.getByRole('tab', { name: 'Tổ chức và ứng dụng kết nối' }).click();
    await page.getByLabel('Tên tổ chức').fill('Đảng ủy xã Hòa Bình');
    await page.getByLabel('Mã tổ chức').fill('dang-uy-xa-hoa-binh');
    await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
    await page.getByRole('table', { name: 'Tổ chức trực thuộc' }).getByRole('row').filter({ hasText: 'Đảng ủy xã Hòa Bình' }).waitFor();
    expect((await call(office, office.token('admin'), 'GET', '/v1/orgs/dang-uy-xa-hoa-binh')).body.name).toBe('Đảng ủy xã Hòa Bình');

    const clients = page.getByRole('table', { name: 'Ứng dụng kết nối của Đảng ủy xã Hòa Bình' });
    await clients.waitFor();
    await page.getByRole('button', { name: 'Tạo ứng dụng kết nối' }).click();
    await page.getByText('Khóa bí mật chỉ hiển thị một lần duy nhất').waitFor();
    const secret = (await page.getByLabel('Khóa bí mật', { exact: true }).textContent())!.trim();
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await seen.settled();
    const made = seen.all.filter((r) => r.body.includes(secret));
    // Exactly one response carried it: the creating POST.
    expect(made.map((r) => new URL(r.url).pathname)).toEqual(['/v1/orgs/dang-uy-xa-hoa-binh/clients']);
    const clientId = JSON.parse(made[0]!.body).clientId as string;
    await clients.getByRole('row').filter({ hasText: clientId }).waitFor();
    // The secret shown is the one that works at the token endpoint.
    const tok = await fetch(`${office.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
    });
    expect(tok.status).toBe(200);
    await page.screenshot({ path: path.join(SHOTS, 'quan-tri-khoa-bi-mat.png'), fullPage: true });

    // A reload: the client is listed, its secret is nowhere.
    const before = seen.all.length;
    await page.reload();
    await page.getByRole('tab', { name: 'Tổ chức và ứng dụng kết nối' }).waitFor({ timeout: 30_000 });
    await page.getByRole('table', { name: 'Tổ chức trực thuộc' }).getByRole('row').filter({ hasText: 'Đảng ủy xã Hòa Bình' }).getByRole('radio').check();
    await page.getByRole('table', { name: 'Ứng dụng kết nối của Đảng ủy xã Hòa Bình' }).getByRole('row').filter({ hasText: clientId }).waitFor();
    expect(await page.getByText('Khóa bí mật chỉ hiển thị một lần duy nhất').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    await seen.settled();
    const later = seen.all.slice(before);
    expect(later.filter((r) => isApi(r.url)).length).toBeGreaterThan(0);
    expect(later.some((r) => r.body.includes(secret))).toBe(false);
  });

  it('an organisation renamed and moved, its client revoked, a report type changed: from the page, audited', async () => {
    const admin = office.token('admin');
    expect((await call(office, admin, 'POST', '/v1/orgs', { id: 'dang-bo-huyen-an-phu', name: 'Đảng bộ huyện An Phú' })).status).toBe(201);
    const org = (await call(office, admin, 'POST', '/v1/orgs', { id: 'dang-uy-xa-my-hoa', name: 'Đảng ủy xã Mỹ Hòa' })).body;
    const client = (await call(office, admin, 'POST', `/v1/orgs/${org.id}/clients`)).body;
    expect((await call(office, admin, 'POST', '/v1/report-types', { code: 'BC-QUY', name: 'Báo cáo quý', period: 'quarterly', dueDay: 15 })).status).toBe(201);

    const page = await pageOf();
    await signInAs(page, office.url, 'admin', 'Quản trị', '/quan-tri?muc=to-chuc');
    await page.getByRole('table', { name: 'Tổ chức trực thuộc' }).getByRole('row').filter({ hasText: 'Đảng ủy xã Mỹ Hòa' }).getByRole('radio').check();
    const edit = page.getByRole('region', { name: 'Sửa tổ chức Đảng ủy xã Mỹ Hòa' });
    await edit.getByLabel('Tên gọi').fill('Đảng ủy phường Mỹ Hòa');
    await edit.getByRole('button', { name: /^Cấp trên trực tiếp/ }).click();
    await page.getByRole('option', { name: 'Đảng bộ huyện An Phú' }).click();
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu.').waitFor();
    expect((await call(office, admin, 'GET', `/v1/orgs/${org.id}`)).body).toMatchObject({ name: 'Đảng ủy phường Mỹ Hòa', parentId: 'dang-bo-huyen-an-phu', version: 2 });
    await page.getByRole('table', { name: 'Tổ chức trực thuộc' }).getByRole('row').filter({ hasText: 'Đảng ủy phường Mỹ Hòa' }).getByText('Đảng bộ huyện An Phú').waitFor();

    // The client: revoked after the confirmation, its secret refused at the token endpoint from then on.
    await page.getByRole('button', { name: `Thu hồi ứng dụng ${client.clientId}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Thu hồi ứng dụng kết nối?' });
    await dialog.waitFor();
    expect(await axeViolations(page), 'quản trị: thu hồi ứng dụng').toEqual([]);
    await dialog.getByRole('button', { name: 'Thu hồi ứng dụng', exact: true }).click();
    await page.getByRole('table', { name: 'Ứng dụng kết nối của Đảng ủy phường Mỹ Hòa' }).getByRole('row').filter({ hasText: client.clientId }).getByText(/^Đã thu hồi/).waitFor();
    const tok = await fetch(`${office.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
    });
    expect(tok.ok).toBe(false);

    // The report type: renamed, due later, no longer applied.
    await page.getByRole('tab', { name: 'Loại báo cáo' }).click();
    await page.getByRole('table', { name: 'Loại báo cáo' }).getByRole('row').filter({ hasText: 'BC-QUY' }).getByRole('radio').check();
    const type = page.getByRole('region', { name: 'Sửa loại báo cáo BC-QUY' });
    await type.getByLabel('Tên gọi').fill('Báo cáo quý về công tác đảng');
    await type.getByLabel('Ngày hạn nộp mới trong tháng sau kỳ').fill('20');
    await type.getByRole('checkbox').uncheck();
    expect(await axeViolations(page), 'quản trị: sửa loại báo cáo').toEqual([]);
    await type.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await type.getByText('Đã lưu.').waitFor();
    expect((await call(office, admin, 'GET', '/v1/report-types/BC-QUY')).body).toMatchObject({ name: 'Báo cáo quý về công tác đảng', dueDay: 20, active: false, period: 'quarterly' });

    // Each change is in the audit log, by the admin.
    const actions = async (id: string) => (await call(office, admin, 'GET', `/v1/audit?entityId=${id}`)).body.items.map((e: any) => [e.action, e.actor.username]);
    expect(await actions(org.id)).toContainEqual(['org.update', 'admin']);
    expect(await actions(client.clientId)).toContainEqual(['client.revoke', 'admin']);
    expect(await actions('BC-QUY')).toContainEqual(['report-type.update', 'admin']);
  });

  it('a person’s roles and clearance changed from the page are in the audit log; the chain verifies intact; one’s own are refused in Vietnamese', async () => {
    const page = await pageOf();
    const seen = recordResponses(page);
    await signInAs(page, office.url, 'admin', 'Quản trị', '/quan-tri');
    const users = page.getByRole('table', { name: 'Người dùng' });
    await users.getByRole('row').filter({ hasText: 'chuyenvien2' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Phân quyền cho chuyenvien2' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^Vai trò/ }).click();
    await dialog.getByRole('option', { name: 'Văn thư' }).click();
    await dialog.getByRole('heading', { name: 'Phân quyền cho chuyenvien2' }).click();
    await dialog.getByRole('button', { name: /^Độ mật được tiếp cận/ }).click();
    await dialog.getByRole('option', { name: 'Được đọc tài liệu Mật' }).click();
    await dialog.getByLabel('Lý do thay đổi').fill('Quyết định số 15-QĐ/VPTU');
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã cập nhật quyền của chuyenvien2').waitFor();
    const row = users.getByRole('row').filter({ hasText: 'chuyenvien2' });
    expect(await row.textContent()).toContain('Văn thư');
    expect(await row.textContent()).toContain('Được đọc tài liệu Mật');
    const now = (await call(office, office.token('admin'), 'GET', '/v1/users')).body.items.find((u: { username: string }) => u.username === 'chuyenvien2');
    expect(now).toMatchObject({ clearance: 'mat' });
    expect([...now.roles].sort()).toEqual(['chuyen-vien', 'van-thu']);

    // An administrator raising their own clearance: the API refuses, the page says so in Vietnamese.
    await page.getByRole('button', { name: 'Phân quyền cho admin' }).click();
    await dialog.getByRole('button', { name: /^Độ mật được tiếp cận/ }).click();
    await dialog.getByRole('option', { name: 'Được đọc tài liệu Tuyệt mật' }).click();
    await dialog.getByLabel('Lý do thay đổi').fill('Tự nâng');
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await dialog.getByText(/Không ai được tự thay đổi vai trò, độ mật hoặc đơn vị của chính mình/).filter({ visible: true }).first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'quan-tri-tu-nang-quyen.png') });
    await seen.settled();
    expect(seen.all.filter((r) => new URL(r.url).pathname === '/v1/users/admin').map((r) => r.status)).toEqual([403]);
    await dialog.getByRole('button', { name: 'Hủy' }).click();

    // The audit log: the change with who and why; the chain intact.
    await page.getByRole('tab', { name: 'Nhật ký hệ thống' }).click();
    await page.getByRole('region', { name: 'Kiểm tra tính toàn vẹn của nhật ký' }).getByText(/^Nhật ký nguyên vẹn: \d+ sự kiện/).waitFor({ timeout: 30_000 });
    await page.getByLabel('Đối tượng (mã)').fill('chuyenvien2');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    const log = page.getByRole('table', { name: 'Nhật ký hệ thống' });
    const change = log.getByRole('row').filter({ hasText: 'Thay đổi quyền người dùng' });
    await change.first().waitFor({ timeout: 30_000 });
    expect(await change.count()).toBe(1);
    expect(await change.textContent()).toContain('admin');
    await change.getByText('Trước / sau').click();
    expect(await change.textContent()).toContain('15-QĐ/VPTU');
    const verify = (await call(office, office.token('admin'), 'GET', '/v1/audit/verify')).body;
    expect(verify.ok).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'quan-tri-nhat-ky.png'), fullPage: true });
  });

  it('a non-admin who opens the admin page receives no admin data: the API refuses each request', async () => {
    // An organisation with a client exists (api.md: the organisations are the admin's; the office sees them in the reports' status).
    const admin = office.token('admin');
    expect((await call(office, admin, 'POST', '/v1/orgs', { id: 'chi-bo-thon-ba', name: 'Chi bộ thôn Ba' })).status).toBe(201);
    expect((await call(office, admin, 'POST', '/v1/orgs/chi-bo-thon-ba/clients')).status).toBe(201);
    const page = await pageOf();
    const seen = recordResponses(page);
    await signInAs(page, office.url, 'chanhvp', 'Báo cáo');
    expect(await page.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Quản trị', exact: true }).count()).toBe(0);
    await page.goto(`${office.url}/quan-tri`);
    await page.getByRole('heading', { name: 'Quản trị', level: 1 }).waitFor({ timeout: 30_000 });
    const refused = () => page.getByText('Bạn không có quyền thực hiện thao tác này.', { exact: true }).filter({ visible: true }).first().waitFor();
    await refused();
    await page.getByRole('tab', { name: 'Tổ chức và ứng dụng kết nối' }).click();
    await page.getByRole('table', { name: 'Tổ chức trực thuộc' }).waitFor();
    await refused();
    await page.getByRole('tab', { name: 'Nhật ký hệ thống' }).click();
    await page.getByRole('table', { name: 'Nhật ký hệ thống' }).waitFor();
    await refused();
    await page.screenshot({ path: path.join(SHOTS, 'quan-tri-khong-co-quyen.png') });
    await seen.settled();
    const adminCalls = seen.all.filter((r) => /^\/v1\/(users|orgs|audit)/.test(new URL(r.url).pathname));
    expect(adminCalls.map((r) => new URL(r.url).pathname).sort()).toEqual(['/v1/audit', '/v1/audit/verify', '/v1/orgs', '/v1/users']);
    expect(seen.all.some((r) => r.body.includes('Chi bộ thôn Ba'))).toBe(false);
    // Nothing in English reaches the person.
    expect(await page.getByText('missing role').count()).toBe(0);
    for (const r of adminCalls) {
      expect(r.status).toBe(403);
      expect(JSON.parse(r.body)).not.toHaveProperty('items');
      expect(r.body).not.toContain('chuyenvien2');
    }
  });
});
