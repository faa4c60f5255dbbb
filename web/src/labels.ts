/** Vietnamese words for the API's codes: roles, clearances, secrecy, urgency, statuses, fields. */
import type { components } from './api/schema';

type S = components['schemas'];
export type Role = S['Me']['roles'][number];
export type Clearance = S['Me']['clearance'];
export type Secrecy = NonNullable<S['IncomingEntry']['secrecy']>;
export type Urgency = NonNullable<S['IncomingEntry']['urgency']>;
export type IncomingStatus = S['IncomingEntry']['status'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  'van-thu': 'Văn thư',
  'chuyen-vien': 'Chuyên viên',
  'lanh-dao-vp': 'Lãnh đạo văn phòng',
  'thuong-truc': 'Thường trực',
  'ban-tham-muu': 'Ban tham mưu',
  'don-vi': 'Đơn vị',
};

export const CLEARANCE_LABELS: Record<Clearance, string> = {
  none: 'Không có quyền đọc tài liệu mật',
  mat: 'Được đọc tài liệu Mật',
  'toi-mat': 'Được đọc tài liệu Tối mật',
  'tuyet-mat': 'Được đọc tài liệu Tuyệt mật',
};

export const SECRECY_LABELS: Record<Secrecy, string> = { mat: 'Mật', 'toi-mat': 'Tối mật', 'tuyet-mat': 'Tuyệt mật' };
export const URGENCY_LABELS: Record<Urgency, string> = { khan: 'Khẩn', 'thuong-khan': 'Thượng khẩn', 'hoa-toc': 'Hỏa tốc' };
export const STATUS_LABELS: Record<IncomingStatus, string> = {
  registered: 'Đã vào sổ',
  assigned: 'Đã giao xử lý',
  'in-progress': 'Đang xử lý',
  done: 'Đã xử lý xong',
};

/** The incoming entry's fields as the register's columns and the form name them. */
export const FIELD_LABELS: Record<string, string> = {
  arrivalNumber: 'Số đến',
  arrivalDate: 'Ngày đến',
  numberSymbol: 'Số, ký hiệu',
  documentDate: 'Ngày văn bản',
  issuer: 'Tác giả (cơ quan ban hành)',
  typeCode: 'Loại văn bản',
  subject: 'Trích yếu',
  secrecy: 'Độ mật',
  urgency: 'Độ khẩn',
  handler: 'Người/đơn vị chủ trì',
  dueDate: 'Thời hạn giải quyết',
  recipients: 'Nơi nhận',
  note: 'Ghi chú',
  status: 'Tình trạng',
  version: 'Phiên bản',
};
