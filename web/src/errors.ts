/**
 * The API's 4xx answers in Vietnamese: a sentence for the error code and, per field, what is
 * wrong with it (the API's `details`: a path like `body.subject` and an English message).
 */
import type { ApiError } from './api/client';
import { FIELD_LABELS } from './labels';

const CODE_MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: 'Thông tin chưa hợp lệ, xin xem lại các ô được đánh dấu.',
  INVALID_JSON: 'Yêu cầu gửi lên không đúng định dạng.',
  DUPLICATE: 'Văn bản này đã có trong sổ (cùng số, ký hiệu và ngày văn bản).',
  STALE_VERSION: 'Văn bản vừa được người khác cập nhật; hãy tải lại trang rồi thực hiện lại.',
  INVALID_TRANSITION: 'Không thể chuyển văn bản sang tình trạng này.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_AUTHORISED: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy văn bản, hoặc bạn không có quyền xem văn bản này.',
  UNAUTHORIZED: 'Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.',
  UNKNOWN_TYPE: 'Loại văn bản không có trong danh mục.',
  PAYLOAD_TOO_LARGE: 'Dữ liệu gửi lên quá lớn.',
  THROTTLED: 'Hệ thống đang bận; hãy thử lại sau ít phút.',
};

const STATUS_MESSAGES: Record<number, string> = {
  400: 'Thông tin chưa hợp lệ.',
  401: CODE_MESSAGES.UNAUTHORIZED!,
  403: CODE_MESSAGES.FORBIDDEN!,
  404: CODE_MESSAGES.NOT_FOUND!,
  409: 'Thao tác xung đột với trạng thái hiện tại của văn bản.',
  413: CODE_MESSAGES.PAYLOAD_TOO_LARGE!,
  429: CODE_MESSAGES.THROTTLED!,
};

/** English messages of the API's validation, each with its Vietnamese sentence. */
const MESSAGE_RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/must not be empty|required|Required/i, () => 'không được để trống'],
  [/must be at most (\d+) characters/i, (m) => `không được dài quá ${m[1]} ký tự`],
  [/real calendar date|Invalid (ISO )?date/i, () => 'phải là một ngày có thật (ngày/tháng/năm)'],
  [/future/i, () => 'không được là một ngày trong tương lai'],
  [/must be null or one of|Invalid option|must be one of/i, () => 'giá trị không nằm trong danh sách cho phép'],
  [/unknown (document )?type|not a (known )?type/i, () => 'loại văn bản không có trong danh mục'],
  [/already registered/i, () => 'văn bản này đã được vào sổ'],
  [/needs clearance (\S+)/i, () => 'bạn không được đăng ký văn bản ở độ mật này'],
  [/metadata only/i, () => 'văn bản Tối mật, Tuyệt mật chỉ được vào sổ các thông tin chung; hãy bỏ trống ô này'],
  [/at most (\d+) recipients/i, (m) => `không được quá ${m[1]} nơi nhận`],
  [/before the arrival date/i, () => 'không được trước ngày đến'],
  [/before the document date/i, () => 'không được trước ngày văn bản'],
  [/before|after/i, () => 'ngày không hợp lệ so với các ngày khác của văn bản'],
];

export function fieldOf(path: unknown): string | undefined {
  if (typeof path !== 'string' || !path) return undefined;
  return path.replace(/^body\./, '').split('.')[0];
}

export function vietnameseDetail(message: string): string {
  for (const [re, say] of MESSAGE_RULES) {
    const m = re.exec(message);
    if (m) return say(m);
  }
  return message;
}

export interface ShownError {
  /** One sentence for the whole answer. */
  summary: string;
  /** Per form field (by the API's field name): what is wrong with it. */
  fields: Record<string, string>;
  /** Problems not tied to a field, in Vietnamese. */
  other: string[];
}

export function showError(status: number, body: ApiError | undefined): ShownError {
  const code = body?.error?.code ?? '';
  const summary = CODE_MESSAGES[code] ?? STATUS_MESSAGES[status] ?? `Không thực hiện được (lỗi ${status}).`;
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const d of body?.error?.details ?? []) {
    const message = vietnameseDetail(String(d.message ?? ''));
    const field = fieldOf(d.path);
    if (field && FIELD_LABELS[field]) fields[field] = fields[field] ? `${fields[field]}; ${message}` : message;
    else other.push(field ? `${field}: ${message}` : message);
  }
  return { summary, fields, other };
}
