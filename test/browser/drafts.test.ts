/**
 * Drafts in the console, each person in their own browser against an office started as `npm start`
 * starts it: the drafting department submits a draft with its dossier, the chuyên viên appraises it
 * from "Việc của tôi" with the precheck findings beside the text, Thường trực approves it from the
 * approval inbox, and the department sees it issued with its number; a return with a comment and
 * the department's revision; another department never receives the draft (every body recorded).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Office } from '../support/e2e';
import { DEMO_NQ_BODY, DEMO_NQ_SUBJECT, demoNqDraft } from '../../local/demo';
import { mainScreenshot, useConsoleOffice, SHOTS, recordResponses } from './support';
import { call, draftWhen, signInAs } from './work-helpers';

let office: Office;

const { newPage: pageOf } = useConsoleOffice((o) => (office = o));

/** The demo Nghị quyết with a subject of its own (in the text too, as the precheck reads it). */
const nqWith = (subject: string) => ({ subject, body: DEMO_NQ_BODY.replace(DEMO_NQ_SUBJECT, subject) });

describe('a draft from the department to its number', () => {
  const { subject, body } = nqWith('về nâng cao chất lượng sinh hoạt chi bộ năm 2027');

  it('the department submits it, the chuyên viên appraises it, Thường trực approves it, the department sees its number', async () => {
    // The drafting department.
    const dept = await pageOf();
    await signInAs(dept, office.url, 'bantochuc', 'Dự thảo');
    await dept.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Dự thảo', exact: true }).click();
    await dept.getByRole('link', { name: 'Trình dự thảo mới' }).first().click();
    await dept.getByLabel('Loại văn bản').fill('NQ');
    await dept.getByLabel('Trích yếu', { exact: true }).fill(subject);
    await dept.getByLabel('Nội dung dự thảo', { exact: true }).fill(body);
    await dept.getByLabel('Nơi nhận', { exact: true }).fill('Ban Bí thư\nCác đảng ủy trực thuộc Tỉnh ủy');
    await dept.getByLabel('Tên tài liệu 1').fill('Tờ trình số 15-TTr/BTCTU');
    await dept.getByRole('button', { name: 'Thêm tài liệu' }).click();
    await dept.getByLabel('Tên tài liệu 2').fill('Dự thảo Nghị quyết');
    await dept.screenshot({ path: path.join(SHOTS, 'trinh-du-thao.png') });
    await dept.getByRole('button', { name: 'Trình dự thảo', exact: true }).click();
    await dept.getByRole('heading', { level: 1, name: 'Dự thảo văn bản' }).waitFor();
    const id = /\/du-thao\/([A-Za-z0-9_-]+)$/.exec(dept.url())![1]!;
    // The precheck runs; the page follows it to the appraisal.
    await dept.getByText('Chờ thẩm định').first().waitFor({ timeout: 60_000 });
    expect(await dept.getByRole('list', { name: 'Kết quả kiểm tra thể thức' }).or(dept.getByText('Không phát hiện sai sót về thể thức')).count()).toBeGreaterThan(0);

    // The chuyên viên: Việc của tôi lists the appraisal; the draft opens with its findings beside the text.
    const cv = await pageOf();
    await signInAs(cv, office.url, 'chuyenvien', 'Việc của tôi');
    await cv.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Việc của tôi', exact: true }).click();
    const tasks = cv.getByRole('table', { name: 'Dự thảo chờ tôi xử lý' });
    await tasks.getByRole('link', { name: `NQ — ${subject}` }).click();
    await cv.getByRole('heading', { name: 'Ý kiến thẩm định' }).waitFor();
    expect(await cv.getByLabel('Nội dung dự thảo', { exact: true }).textContent()).toContain('Ban Thường vụ Tỉnh ủy quyết nghị');
    await cv.getByRole('heading', { name: 'Kết quả kiểm tra thể thức' }).waitFor();
    await cv.screenshot({ path: path.join(SHOTS, 'tham-dinh.png') });
    await cv.getByLabel('Ý kiến', { exact: true }).fill('Đúng thể thức, đủ hồ sơ');
    await cv.getByRole('button', { name: 'Đồng ý, trình phê duyệt' }).click();
    await cv.getByText('Chờ phê duyệt').first().waitFor({ timeout: 30_000 });
    expect(await cv.getByRole('heading', { name: 'Ý kiến thẩm định' }).count()).toBe(0);

    // Thường trực: the approval inbox lists it; approve.
    const leader = await pageOf();
    await signInAs(leader, office.url, 'bithu', 'Phê duyệt dự thảo');
    await leader.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Phê duyệt dự thảo', exact: true }).click();
    const inbox = leader.getByRole('table', { name: 'Chờ tôi phê duyệt' });
    await inbox.getByRole('link', { name: `NQ — ${subject}` }).waitFor();
    await mainScreenshot(leader, 'phe-duyet');
    await inbox.getByRole('link', { name: `NQ — ${subject}` }).click();
    await leader.getByRole('heading', { name: 'Ý kiến phê duyệt' }).waitFor();
    // The appraiser's comment is in the history the leader reads.
    await leader.getByRole('table', { name: 'Quá trình xử lý' }).getByText('Đúng thể thức, đủ hồ sơ').waitFor();
    await leader.screenshot({ path: path.join(SHOTS, 'phe-duyet-du-thao.png') });
    await leader.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    const issued = leader.getByRole('heading', { level: 1, name: /^Dự thảo đã ban hành: số \d+-NQ\/TU$/ });
    await issued.waitFor({ timeout: 60_000 });
    const number = /số (\d+-NQ\/TU)/.exec((await issued.textContent())!)![1]!;
    expect((await call(office, office.token('bithu'), 'GET', `/v1/drafts/${id}`)).body).toMatchObject({ status: 'issued', numberSymbol: number });

    // The department: its list shows the draft issued with the number.
    await dept.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Dự thảo', exact: true }).click();
    const mine = dept.getByRole('table', { name: 'Dự thảo của ban' });
    await mine.getByRole('row', { name: new RegExp(subject) }).getByText(number).waitFor({ timeout: 30_000 });
    expect(await mine.getByRole('row', { name: new RegExp(subject) }).getByText('Đã ban hành').count()).toBe(1);
    await dept.screenshot({ path: path.join(SHOTS, 'du-thao-da-ban-hanh.png') });
  });

  it('returned with a comment (refused without one, in Vietnamese), revised by the department and appraised again', async () => {
    const t = nqWith('về công tác phát triển đảng viên trong doanh nghiệp');
    const created = await call(office, office.token('bantochuc'), 'POST', '/v1/drafts', demoNqDraft(t));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await draftWhen(office, office.token('chuyenvien'), id, (d) => d.pendingTask?.step === 'appraisal');

    const cv = await pageOf();
    await signInAs(cv, office.url, 'chuyenvien', 'Việc của tôi', '/viec-cua-toi');
    await cv.getByRole('table', { name: 'Dự thảo chờ tôi xử lý' }).getByRole('link', { name: `NQ — ${t.subject}` }).click();
    await cv.getByRole('button', { name: 'Trả lại để chỉnh sửa' }).click();
    await cv.getByText('không được để trống').waitFor();
    expect((await call(office, office.token('chuyenvien'), 'GET', `/v1/drafts/${id}`)).body.status).toBe('appraisal');
    await cv.getByLabel('Ý kiến', { exact: true }).fill('Bổ sung căn cứ Quy định số 66-QĐ/TW');
    await cv.getByRole('button', { name: 'Trả lại để chỉnh sửa' }).click();
    await cv.getByText('Trả lại, chờ chỉnh sửa').first().waitFor({ timeout: 30_000 });

    // The department finds it returned, reads why, edits the text and submits it again.
    const dept = await pageOf();
    await signInAs(dept, office.url, 'bantochuc', 'Dự thảo', '/du-thao');
    await dept.getByRole('table', { name: 'Dự thảo bị trả lại, chờ ban chỉnh sửa' }).getByRole('link', { name: `NQ — ${t.subject}` }).click();
    await dept.getByRole('heading', { name: 'Chỉnh sửa và trình lại' }).waitFor();
    await dept.getByText('Bổ sung căn cứ Quy định số 66-QĐ/TW').first().waitFor();
    const revised = t.body.replace('Căn cứ Điều lệ Đảng;', 'Căn cứ Điều lệ Đảng;\nCăn cứ Quy định số 66-QĐ/TW;');
    await dept.getByLabel('Nội dung dự thảo đã chỉnh sửa').fill(revised);
    await dept.getByLabel('Ý kiến', { exact: true }).fill('Đã bổ sung căn cứ');
    await dept.screenshot({ path: path.join(SHOTS, 'chinh-sua-du-thao.png') });
    await dept.getByRole('button', { name: 'Trình lại' }).click();
    await dept.getByText('Chờ thẩm định').first().waitFor({ timeout: 60_000 });

    const after = (await call(office, office.token('bantochuc'), 'GET', `/v1/drafts/${id}`)).body;
    expect(after).toMatchObject({ status: 'appraisal', round: 2 });
    expect(after.body).toContain('Căn cứ Quy định số 66-QĐ/TW;');
    expect(after.history.map((h: any) => [h.step, h.decision ?? null, h.comment ?? null]).filter((h: any[]) => h[1])).toEqual([
      ['appraisal', 'return', 'Bổ sung căn cứ Quy định số 66-QĐ/TW'],
      ['revision', 'approve', 'Đã bổ sung căn cứ'],
    ]);
    // The history on the page shows the return with its comment.
    await dept.getByRole('table', { name: 'Quá trình xử lý' }).getByText('Bổ sung căn cứ Quy định số 66-QĐ/TW').waitFor();
  });

  it('four eyes: a leader who appraised may not approve (said in Vietnamese, not in their inbox); a second leader approves', async () => {
    // The Chánh Văn phòng also holds the chuyên viên's and Thường trực's roles (the admin's audited change).
    const both = await call(office, office.token('admin'), 'PUT', '/v1/users/chanhvp', { roles: ['lanh-dao-vp', 'thuong-truc', 'chuyen-vien'], clearance: 'toi-mat', dept: null, reason: 'Kiêm nhiệm thẩm định và phê duyệt' });
    expect(both.status).toBe(200);
    const t = nqWith('về tổ chức hội nghị sơ kết công tác dân vận');
    const created = await call(office, office.token('bantochuc'), 'POST', '/v1/drafts', demoNqDraft(t));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await draftWhen(office, office.token('bantochuc'), id, (d) => d.pendingTask?.step === 'appraisal');

    const chanh = await pageOf();
    await signInAs(chanh, office.url, 'chanhvp', 'Việc của tôi', '/viec-cua-toi');
    await chanh.getByRole('table', { name: 'Dự thảo chờ tôi xử lý' }).getByRole('link', { name: `NQ — ${t.subject}` }).click();
    await chanh.getByRole('button', { name: 'Đồng ý, trình phê duyệt' }).click();
    await chanh.getByText('Chờ phê duyệt').first().waitFor({ timeout: 30_000 });
    // Not in the appraiser's approval inbox…
    await chanh.getByRole('navigation', { name: 'Điều hướng' }).getByRole('link', { name: 'Phê duyệt dự thảo', exact: true }).click();
    // (both tables come from one answer: once the second has loaded, so has the first)
    await chanh.getByRole('table', { name: 'Quá hạn, cần đôn đốc' }).getByText('Không có bước nào quá hạn được chuyển lên bạn.').waitFor();
    expect(await chanh.getByRole('table', { name: 'Chờ tôi phê duyệt' }).getByRole('link', { name: `NQ — ${t.subject}` }).count()).toBe(0);
    // …and refused by the API when tried from the draft's page.
    await chanh.goto(`${office.url}/du-thao/${id}`);
    await chanh.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await chanh.getByText(/nguyên tắc hai người/).waitFor();
    expect((await call(office, office.token('bithu'), 'GET', `/v1/drafts/${id}`)).body.status).toBe('approval');

    const bithu = await pageOf();
    await signInAs(bithu, office.url, 'bithu', 'Phê duyệt dự thảo', '/phe-duyet');
    await bithu.getByRole('table', { name: 'Chờ tôi phê duyệt' }).getByRole('link', { name: `NQ — ${t.subject}` }).click();
    await bithu.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await bithu.getByRole('heading', { level: 1, name: /^Dự thảo đã ban hành: số \d+-NQ\/TU$/ }).waitFor({ timeout: 60_000 });
    const steps = (await call(office, office.token('bithu'), 'GET', `/v1/drafts/${id}`)).body.history.filter((h: any) => h.decision).map((h: any) => [h.step, h.actor.username]);
    expect(steps).toEqual([
      ['appraisal', 'chanhvp'],
      ['approval', 'bithu'],
    ]);
  });

  it('a person of another department never receives the draft, in any response of the console', async () => {
    const t = nqWith('về kiện toàn tổ chức bộ máy các ban đảng năm 2027');
    const created = await call(office, office.token('bantochuc'), 'POST', '/v1/drafts', demoNqDraft(t));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await draftWhen(office, office.token('bantochuc'), id, (d) => !!d.pendingTask);
    // chuyenvien2 becomes a member of the Ban Tuyên giáo (the admin's audited change).
    const moved = await call(office, office.token('admin'), 'PUT', '/v1/users/chuyenvien2', { roles: ['ban-tham-muu'], clearance: 'none', dept: 'BTGTU', reason: 'Điều động sang Ban Tuyên giáo' });
    expect(moved.status).toBe(200);

    const other = await pageOf();
    const seen = recordResponses(other);
    await signInAs(other, office.url, 'chuyenvien2', 'Dự thảo', '/du-thao');
    await other.getByRole('table', { name: 'Dự thảo bị trả lại, chờ ban chỉnh sửa' }).getByText('Không có dự thảo nào bị trả lại.').waitFor();
    await other.goto(`${office.url}/du-thao/${id}`);
    await other.getByText('Không tìm thấy dự thảo, hoặc bạn không có quyền xem dự thảo này.').waitFor();
    await seen.settled();
    const api = seen.all.filter((r) => r.url.includes('/v1/'));
    expect(api.some((r) => r.url.endsWith(`/v1/drafts/${id}`) && r.status === 404)).toBe(true);
    for (const r of seen.all) {
      expect(r.body, r.url).not.toContain(t.subject);
      expect(r.body, r.url).not.toContain('kiện toàn tổ chức bộ máy');
    }
  });
});
