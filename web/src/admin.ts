/** Pure parts of the administration screens: refusals in Vietnamese, the audit chain's verdict, audit events in words, what an edit changes. */
import type { ApiError, Schemas } from './api/client';
import type { paths } from './api/schema';
import { showError } from './errors';
import { parseDayInput } from './format';

/** The API's refusal of an administrative change, in Vietnamese (a person changing their own rights first). */
export function adminRefusal(status: number, body: ApiError | undefined): string {
  const code = body?.error?.code;
  if (code === 'SELF_CHANGE') return 'Không ai được tự thay đổi vai trò, độ mật hoặc đơn vị của chính mình: việc này phải do một quản trị viên khác thực hiện.';
  if (status === 404) return 'Không tìm thấy đối tượng này.';
  if (status === 409) return 'Đã có một đối tượng trùng mã, hoặc dữ liệu vừa được người khác thay đổi.';
  const shown = showError(status, body);
  // A refusal's details are the API's English words: only a validation's, put in Vietnamese, are added.
  return status === 400 ? [shown.summary, ...shown.other].join(' ') : shown.summary;
}

export type Verify = paths['/v1/audit/verify']['get']['responses'][200]['content']['application/json'];

/** The hash chain's result as one plain sentence and a tone. */
export function auditVerdict(v: Verify): { type: 'success' | 'error'; text: string } {
  if (v.ok && v.problems.length === 0) {
    const sealed = v.events - v.unsealed;
    return { type: 'success', text: `Nhật ký nguyên vẹn: ${v.events} sự kiện, chuỗi băm khớp${v.unsealed > 0 ? ` (${sealed} đã niêm phong, ${v.unsealed} đang chờ niêm phong)` : ''}.` };
  }
  const n = v.problems.length;
  return { type: 'error', text: `Nhật ký KHÔNG nguyên vẹn: phát hiện ${n} chỗ sai lệch trong chuỗi băm (${v.events} sự kiện). Có sự kiện đã bị sửa, xóa hoặc đảo thứ tự.` };
}

const ACTIONS: Record<string, string> = {
  'user.update': 'Thay đổi quyền người dùng',
  'org.create': 'Tạo tổ chức',
  'org.update': 'Sửa tổ chức',
  'client.create': 'Tạo ứng dụng kết nối',
  'client.revoke': 'Thu hồi ứng dụng kết nối',
  'report-type.create': 'Tạo loại báo cáo',
  'report-type.update': 'Sửa loại báo cáo',
  'report.remind': 'Nhắc nộp báo cáo',
  'report-attachment.create': 'Đính kèm tệp báo cáo',
  'draft.create': 'Tạo dự thảo',
  'draft.discard': 'Hủy dự thảo',
  'draft.issue': 'Ban hành dự thảo',
  'scan.link': 'Gắn bản quét với văn bản',
  'scan.original.read': 'Xem tệp gốc của bản quét',
  move: 'Chuyển tình trạng',
};

/** An audit action in words (the code itself when it is not one of the known ones). */
export function actionText(action: string): string {
  return ACTIONS[action] ?? action;
}

/** `YYYY-MM-DD` (a day in the office's time zone) → the instant the day starts there; `end` the instant it ends. */
export function dayBoundary(day: string, end = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  return end ? `${day}T23:59:59.999+07:00` : `${day}T00:00:00+07:00`;
}

/** The organisations under `id` (its children, theirs…): not a place to move it to. */
export function descendantsOf(id: string, orgs: readonly Pick<Schemas['Organisation'], 'id' | 'parentId'>[]): Set<string> {
  const out = new Set<string>();
  const walk = (p: string) => {
    for (const o of orgs) if (o.parentId === p && !out.has(o.id)) (out.add(o.id), walk(o.id));
  };
  walk(id);
  return out;
}

/** The changes the form holds, or what is wrong with them (in Vietnamese). */
export function reportTypeChanges(
  t: Pick<Schemas['ReportType'], 'name' | 'period' | 'dueDay' | 'deadline' | 'active'>,
  form: { name: string; dueDay: string; deadline: string; active: boolean },
): { changes: Schemas['ReportTypeChanges'] } | { problem: string } {
  const changes: Schemas['ReportTypeChanges'] = {};
  if (!form.name.trim()) return { problem: 'Tên loại báo cáo không được để trống.' };
  if (form.name.trim() !== t.name) changes.name = form.name.trim();
  if (t.period === 'ad-hoc') {
    const day = parseDayInput(form.deadline);
    if (!day) return { problem: 'Hạn nộp phải là một ngày dạng ngày/tháng/năm.' };
    const deadline = `${day}T23:59:59+07:00`;
    if (!t.deadline || Date.parse(deadline) !== Date.parse(t.deadline)) changes.deadline = deadline;
  } else {
    const n = Number(form.dueDay);
    if (!/^\d+$/.test(form.dueDay.trim()) || n < 1 || n > 28) return { problem: 'Ngày hạn nộp phải là một số từ 1 đến 28.' };
    if (n !== t.dueDay) changes.dueDay = n;
  }
  if (form.active !== t.active) changes.active = form.active;
  return { changes };
}
