import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDomainConfig } from '../../shared/office';
import type { IncomingEntry, OutgoingEntry } from '../../shared/registers/domain/model';
import { INCOMING_COLUMNS, OUTGOING_COLUMNS, incomingRow, outgoingRow, printableRegister, viDate } from '../../shared/registers/domain/printable';

const config = loadDomainConfig(readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8'), 'config/domain.json');
const actor = { sub: 's', username: 'vanthu' };

const incoming = (over: Partial<IncomingEntry> = {}): IncomingEntry => ({
  id: 'i1',
  register: 'incoming',
  book: 'normal',
  registerKey: 'incoming/2026',
  arrivalNumber: 12,
  arrivalYear: 2026,
  arrivalDate: '2026-11-20',
  arrivedAt: '2026-11-20T02:00:00.000Z',
  numberSymbol: 'Số 10-NQ/TU',
  parsedNumberSymbol: { form: 'party', number: 10, typeSymbol: 'NQ', issuerCode: 'TU', canonical: '10-NQ/TU', key: 'party|10|nq|tu||' },
  documentDate: '2026-11-18',
  issuer: 'Tỉnh ủy Hưng Yên',
  issuerCode: 'TU',
  typeCode: 'NQ',
  typeName: 'Nghị quyết',
  subject: 'về chuyển đổi số',
  secrecy: 'mat',
  urgency: 'khan',
  scanId: null,
  handler: 'chuyenvien',
  recipients: ['Ban Tổ chức'],
  note: 'Báo cáo Thường trực',
  dueDate: '2026-11-24',
  dueAt: '2026-11-24T10:00:00.000Z',
  dueSource: 'urgency',
  status: 'assigned',
  // 23:30 on 20/11 in UTC is 06:30 on 21/11 in Hà Nội.
  assignedAt: '2026-11-20T23:30:00.000Z',
  doneAt: null,
  duplicateOf: null,
  version: 2,
  createdAt: '2026-11-20T02:00:00.000Z',
  createdBy: actor,
  updatedAt: '2026-11-20T23:30:00.000Z',
  updatedBy: actor,
  ...over,
});

const outgoing = (over: Partial<OutgoingEntry> = {}): OutgoingEntry => ({
  id: 'o1',
  register: 'outgoing',
  year: 2026,
  number: 7,
  numberSymbol: '7-NQ/TU',
  scope: { kind: 'term', key: 'TU/NQ/term-2025-2030', label: 'Nhiệm kỳ 2025–2030', periodId: '2025-2030', secretSeries: false },
  typeCode: 'NQ',
  typeName: 'Nghị quyết',
  issuerCode: 'TU',
  issuerId: null,
  issuerName: 'TỈNH ỦY HƯNG YÊN',
  subject: 'về chuyển đổi số',
  documentDate: '2026-03-05',
  signer: 'Nguyễn Văn A',
  recipients: ['Các huyện ủy', 'Lưu VT'],
  filing: 'Lưu VT',
  copies: 40,
  secrecy: null,
  urgency: null,
  note: null,
  draftId: null,
  status: 'issued',
  voidedAt: null,
  voidedBy: null,
  voidReason: null,
  version: 1,
  createdAt: '2026-03-05T02:00:00.000Z',
  createdBy: actor,
  updatedAt: '2026-03-05T02:00:00.000Z',
  updatedBy: actor,
  ...over,
});

describe('the legal columns (domain.md e)', () => {
  it('incoming: Ngày đến | Số đến | Tác giả | Số, ký hiệu | Ngày VB | Tên loại và trích yếu | Đơn vị/người nhận | Ngày chuyển | Ký nhận | Ghi chú', () => {
    expect(INCOMING_COLUMNS.map((c) => c.header).join(' | ')).toBe('Ngày đến | Số đến | Tác giả | Số, ký hiệu | Ngày VB | Tên loại và trích yếu | Đơn vị/người nhận | Ngày chuyển | Ký nhận | Ghi chú');
  });
  it('outgoing: Số, ký hiệu | Ngày | Tên loại và trích yếu | Người ký | Nơi nhận | Nơi lưu | Số lượng bản | Ngày chuyển | Ký nhận | Ghi chú', () => {
    expect(OUTGOING_COLUMNS.map((c) => c.header).join(' | ')).toBe('Số, ký hiệu | Ngày | Tên loại và trích yếu | Người ký | Nơi nhận | Nơi lưu | Số lượng bản | Ngày chuyển | Ký nhận | Ghi chú');
  });
});

describe('rows', () => {
  it('an incoming entry fills every column; dates are dd/mm/yyyy in the office time zone; the symbol as it should be printed', () => {
    expect(incomingRow(incoming(), config)).toEqual([
      '20/11/2026',
      '12',
      'Tỉnh ủy Hưng Yên',
      '10-NQ/TU',
      '18/11/2026',
      'Nghị quyết về chuyển đổi số',
      'chuyenvien; Ban Tổ chức',
      '21/11/2026',
      '',
      'Mật; Khẩn; Hạn: 24/11/2026; Báo cáo Thường trực',
    ]);
  });

  it('an outgoing entry fills every column; a void one says so with the reason', () => {
    expect(outgoingRow(outgoing(), config)).toEqual(['7-NQ/TU', '05/03/2026', 'Nghị quyết về chuyển đổi số', 'Nguyễn Văn A', 'Các huyện ủy; Lưu VT', 'Lưu VT', '40', '', '', '']);
    const v = outgoingRow(outgoing({ status: 'void', voidedAt: '2026-03-06T03:00:00.000Z', voidReason: 'Sai nơi nhận' }), config);
    expect(v[9]).toBe('HỦY SỐ ngày 06/03/2026: Sai nơi nhận');
  });

  it('viDate', () => {
    expect(viDate('2026-02-06')).toBe('06/02/2026');
    expect(viDate(null)).toBe('');
  });
});

describe('printableRegister', () => {
  it('one sheet per incoming book, the normal one first', () => {
    const sheets = printableRegister('incoming', 2026, [incoming({ book: 'secret', arrivalNumber: 1 }), incoming({ secrecy: null })], config);
    expect(sheets.map((s) => [s.name, s.title, s.rows.length])).toEqual([
      ['So VB den 2026', 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', 1],
      ['So VB den mat 2026', 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN (MẬT)', 1],
    ]);
    expect(sheets[0]!.subtitle).toBe('VĂN PHÒNG TỈNH ỦY HƯNG YÊN — Năm 2026');
  });
  it('an empty year is one empty normal book; outgoing is one book', () => {
    expect(printableRegister('incoming', 2026, [], config).map((s) => s.rows.length)).toEqual([0]);
    expect(printableRegister('outgoing', 2026, [outgoing()], config).map((s) => s.title)).toEqual(['SỔ ĐĂNG KÝ VĂN BẢN ĐI']);
  });
});
