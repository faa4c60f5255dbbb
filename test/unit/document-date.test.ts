/**
 * The office's reading of a Vietnamese document date (shared/office/domain/document-date.ts),
 * shared by the scan extractor and the draft precheck: tables of cases from 36-HD's way of
 * writing "Địa danh, ngày … tháng … năm …" and the calendar, and a property against Date.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarDate, dateWritingAdvice, findDatePhrase, hasWrittenDate, readWrittenDate } from '../../shared/office/domain/document-date';
import { foldSameLength } from '../../shared/scans/domain/extract/lines';

/** A line as the readers see it: folded (no marks, same length) and lower case. */
const fold = (s: string) => foldSameLength(s.normalize('NFC')).toLowerCase();

describe('findDatePhrase — typed (a draft)', () => {
  const rows: [line: string, want: { place: string; day: string; month: string; year: string } | null][] = [
    ['Hưng Yên, ngày 05 tháng 3 năm 2026', { place: 'hung yen', day: '05', month: '3', year: '2026' }],
    ['Hà Nội, ngày 15 tháng 12 năm 2025', { place: 'ha noi', day: '15', month: '12', year: '2025' }],
    ['TP. Hồ Chí Minh, ngày 01 tháng 02 năm 2024', { place: 'tp. ho chi minh', day: '01', month: '02', year: '2024' }],
    // Blanks left until signature.
    ['Hưng Yên, ngày    tháng    năm 2026', { place: 'hung yen', day: '', month: '', year: '2026' }],
    ['Hưng Yên, ngày … tháng … năm …', { place: 'hung yen', day: ' … ', month: ' … ', year: ' …' }],
    // No place and comma: not the date line of a draft.
    ['ngày 05 tháng 3 năm 2026', null],
    ['Căn cứ Điều lệ Đảng', null],
  ];
  it.each(rows)('%s', (line, want) => {
    const m = findDatePhrase(fold(line), 'typed');
    if (!want) return expect(m).toBeNull();
    expect(m).not.toBeNull();
    expect({ place: m!.place, day: m!.day.trim(), month: m!.month.trim(), year: m!.year.trim() }).toEqual({
      place: want.place,
      day: want.day.trim(),
      month: want.month.trim(),
      year: want.year.trim(),
    });
    // The place cuts the original line at the same positions.
    expect(fold(line.slice(m!.index, m!.index + m!.place!.length))).toBe(want.place);
  });
});

describe('findDatePhrase — OCR', () => {
  const rows: [line: string, want: { day: string; month: string; year: string; numeric: boolean } | null][] = [
    ['Hưng Yên, ngày 05 tháng 3 năm 2026', { day: '05', month: '3', year: '2026', numeric: false }],
    ['Ha Nam, ngay 5 thang 3 nam 2024', { day: '5', month: '3', year: '2024', numeric: false }],
    // Words misread, l and o among the digits.
    ['Hà Nội, ngàv l5 thảng 1O năm 2023', { day: 'l5', month: '1o', year: '2023', numeric: false }],
    ['Hà Nội, ngay: 3 thang: 2 nam: 2017', { day: '3', month: '2', year: '2017', numeric: false }],
    // The numeric form.
    ['Hà Nội, ngày 3/2/2017', { day: '3', month: '2', year: '2017', numeric: true }],
    ['Hà Nội, ngày 03-02-2017', { day: '03', month: '02', year: '2017', numeric: true }],
    ['Số 12-NQ/TU', null],
    ['Kính gửi: Ban Thường vụ Tỉnh ủy', null],
  ];
  it.each(rows)('%s', (line, want) => {
    const m = findDatePhrase(fold(line), 'ocr');
    if (!want) return expect(m).toBeNull();
    expect(m && { day: m.day, month: m.month, year: m.year, numeric: m.numeric }).toEqual(want);
  });

  it('hasWrittenDate: the words form only', () => {
    expect(hasWrittenDate(fold('Hà Nội, ngày 05 tháng 3 năm 2026'))).toBe(true);
    expect(hasWrittenDate(fold('Hà Nội, ngày 3/2/2017'))).toBe(false);
    expect(hasWrittenDate(fold('về việc tổ chức hội nghị'))).toBe(false);
  });
});

describe('calendarDate', () => {
  const rows: [y: number, m: number, d: number, iso: string | null][] = [
    [2026, 3, 5, '2026-03-05'],
    [2024, 2, 29, '2024-02-29'],
    [2025, 2, 29, null],
    [2000, 2, 29, '2000-02-29'],
    [1900 + 100 * 1, 2, 29, '2000-02-29'],
    [2100, 2, 29, null],
    [2025, 4, 31, null],
    [2025, 12, 31, '2025-12-31'],
    [2025, 13, 1, null],
    [2025, 0, 1, null],
    [2025, 1, 0, null],
    [Number.NaN, 1, 1, null],
    [2025, 1.5, 1, null],
  ];
  it.each(rows)('%d-%d-%d → %s', (y, m, d, iso) => expect(calendarDate(y, m, d)).toBe(iso));

  it('agrees with the calendar for every day of 1930–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1930, max: 2100 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }), (y, m, d) => {
        const t = new Date(Date.UTC(y, m - 1, d));
        const exists = m >= 1 && m <= 12 && d >= 1 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
        expect(calendarDate(y, m, d)).toBe(exists ? t.toISOString().slice(0, 10) : null);
      }),
    );
  });
});

describe('readWrittenDate (a draft: blanks until signature)', () => {
  const rows: [day: string, month: string, year: string, want: ReturnType<typeof readWrittenDate>][] = [
    ['05', '3', '2026', { kind: 'date', iso: '2026-03-05', day: 5, month: 3, year: 2026 }],
    ['29', '02', '2024', { kind: 'date', iso: '2024-02-29', day: 29, month: 2, year: 2024 }],
    ['29', '02', '2025', { kind: 'invalid' }],
    ['31', '4', '2026', { kind: 'invalid' }],
    ['5', '13', '2026', { kind: 'invalid' }],
    ['', '', '2026', { kind: 'blank' }],
    ['…', '…', '…', { kind: 'blank' }],
    ['05', '', '2026', { kind: 'incomplete' }],
    ['', '3', '', { kind: 'incomplete' }],
    ['05', '3', '', { kind: 'incomplete' }],
  ];
  it.each(rows)('ngày %s tháng %s năm %s', (d, m, y, want) => expect(readWrittenDate(d, m, y)).toEqual(want));
});

describe('dateWritingAdvice (36-HD: a leading zero for days 1–9 and months 1–2 only)', () => {
  const rows: [dayText: string, monthText: string, want: string | null][] = [
    ['05', '3', null],
    ['15', '12', null],
    ['06', '02', null],
    ['15', '01', null],
    ['5', '3', 'ngày 05 tháng 3'],
    ['06', '2', 'ngày 06 tháng 02'],
    ['06', '03', 'ngày 06 tháng 3'],
    ['20', '11', null],
  ];
  it.each(rows)('ngày %s tháng %s', (dayText, monthText, want) => expect(dateWritingAdvice(Number(dayText), Number(monthText), dayText, monthText)).toBe(want));
});
