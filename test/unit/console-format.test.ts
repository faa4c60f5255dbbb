/** The console's pure parts: dates as the office reads them, navigation by role (api.md's labels), the API's errors in Vietnamese. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate, formatDateTime, parseDayInput, todayInOffice } from '../../web/src/format';
import { sectionsFor } from '../../web/src/navigation';
import { showError } from '../../web/src/errors';

describe('dates (dd/mm/yyyy, Asia/Ho_Chi_Minh)', () => {
  it.each([
    ['2026-12-05', '05/12/2026'],
    ['2026-01-31T17:00:00Z', '01/02/2026'], // midnight in Hà Nội is 17:00 UTC the day before
    ['2026-01-31T16:59:59Z', '31/01/2026'],
    [null, '—'],
  ])('%s → %s', (value, shown) => expect(formatDate(value)).toBe(shown));
  it('shows an instant with its time in the office', () => expect(formatDateTime('2026-12-05T21:30:00Z')).toBe('06/12/2026 04:30'));
  it('reads back every day it shows', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        expect(parseDayInput(formatDate(day))).toBe(day);
      }),
    );
  });
  it('refuses what is not dd/mm/yyyy', () => {
    for (const t of ['2026-12-05', '5/12', 'hôm nay', '']) expect(parseDayInput(t)).toBeUndefined();
  });
  it('knows today in the office, not in UTC', () => expect(todayInOffice(new Date('2026-12-31T18:00:00Z'))).toBe('2027-01-01'));
});

describe('navigation by role (api.md, Console)', () => {
  const labels = (roles: string[]) => sectionsFor(roles).map((s) => s.label);
  it.each([
    ['van-thu', ['Văn bản đến', 'Tiếp nhận văn bản quét', 'Văn bản đi', 'Báo cáo'], ['Việc của tôi', 'Dự thảo']],
    ['chuyen-vien', ['Văn bản đến', 'Văn bản đi', 'Việc của tôi', 'Dự thảo', 'Báo cáo'], ['Tiếp nhận văn bản quét', 'Theo dõi giao việc']],
    ['thuong-truc', ['Văn bản đến', 'Việc của tôi', 'Dự thảo', 'Báo cáo', 'Theo dõi giao việc'], ['Tiếp nhận văn bản quét']],
    ['lanh-dao-vp', ['Việc của tôi', 'Theo dõi giao việc'], ['Tiếp nhận văn bản quét']],
    ['ban-tham-muu', ['Dự thảo'], ['Văn bản đến', 'Văn bản đi', 'Tiếp nhận văn bản quét', 'Việc của tôi', 'Báo cáo']],
    ['don-vi', [], ['Văn bản đến', 'Văn bản đi', 'Tiếp nhận văn bản quét', 'Việc của tôi', 'Dự thảo', 'Báo cáo']],
  ])('%s', (role, shown, hidden) => {
    for (const l of shown) expect(labels([role])).toContain(l);
    for (const l of hidden) expect(labels([role])).not.toContain(l);
  });
});

describe('the API’s 4xx in Vietnamese', () => {
  it('puts each problem beside its field, and sums the answer up', () => {
    const e = showError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Invalid request',
        details: [
          { path: 'body.subject', message: 'must not be empty' },
          { path: 'body.documentDate', message: 'must be a real calendar date YYYY-MM-DD' },
          { path: 'body.numberSymbol', message: 'must be at most 50 characters' },
        ],
      },
    });
    expect(e.summary).toBe('Thông tin chưa hợp lệ, xin xem lại các ô được đánh dấu.');
    expect(e.fields).toEqual({ subject: 'không được để trống', documentDate: 'phải là một ngày có thật (ngày/tháng/năm)', numberSymbol: 'không được dài quá 50 ký tự' });
  });
  it('says a 404 without telling whether the letter exists', () => {
    expect(showError(404, { error: { code: 'NOT_FOUND', message: 'x' } }).summary).toBe('Không tìm thấy văn bản, hoặc bạn không có quyền xem văn bản này.');
  });
  it('has a Vietnamese sentence for any status it does not know', () => {
    expect(showError(418, undefined).summary).toBe('Không thực hiện được (lỗi 418).');
  });
});
