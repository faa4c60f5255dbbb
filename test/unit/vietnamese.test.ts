import { describe, expect, it } from 'vitest';
import { foldDiacritics, hasNoDiacritics, normaliseLetters, normalisePhrase, normaliseTonePlacement, sameVietnamese, stripDiacritics, tokens } from '../../shared/platform/text/vietnamese';

describe('normaliseTonePlacement', () => {
  it.each([
    ['hoà', 'hòa'],
    ['Hoà Bình', 'Hòa Bình'],
    ['HOÀ', 'HÒA'],
    ['hoả tốc', 'hỏa tốc'],
    ['HOẢ TỐC', 'HỎA TỐC'],
    ['khoẻ', 'khỏe'],
    ['hoè', 'hòe'],
    ['uỷ ban', 'ủy ban'],
    ['Tỉnh uỷ', 'Tỉnh ủy'],
    ['UỶ BAN', 'ỦY BAN'],
    ['thuý', 'thúy'],
    ['Thuỷ', 'Thủy'],
    ['luỹ kế', 'lũy kế'],
    ['quy hoạch hoá', 'quy hoạch hóa'],
    ['toà án', 'tòa án'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseTonePlacement(input)).toBe(expected);
  });

  it.each([
    // Already new style, or the tone belongs on the second vowel in both styles.
    'hòa', 'ủy', 'hoàn thành', 'thuyết', 'quyết định', 'ngoài', 'khuya', 'hoặc', 'quý', 'quả', 'Quỳnh', 'tuyên', 'người', 'Nguyễn',
  ])('leaves %s alone', (word) => {
    expect(normaliseTonePlacement(word)).toBe(word.normalize('NFC'));
  });

  it('composes NFD input', () => {
    const nfd = 'hoà thuận'.normalize('NFD');
    expect(normaliseTonePlacement(nfd)).toBe('hòa thuận');
    expect(normaliseTonePlacement(nfd)).toBe(normaliseTonePlacement(nfd).normalize('NFC'));
  });
});

describe('foldDiacritics', () => {
  it.each([
    ['Tỉnh ủy Hà Tĩnh', 'tinh uy ha tinh'],
    ['ĐẢNG CỘNG SẢN VIỆT NAM', 'dang cong san viet nam'],
    ['đường', 'duong'],
    ['Ðảng', 'dang'],
    ['Ɖảng', 'dang'],
    ['hoà', 'hoa'],
    ['hòa', 'hoa'],
    ['Nguyễn Thị Thuý', 'nguyen thi thuy'],
    ['12-NQ/TU', '12-nq/tu'],
  ])('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
    expect(foldDiacritics(input.normalize('NFD'))).toBe(expected);
  });

  it('stripDiacritics keeps case', () => {
    expect(stripDiacritics('Đảng ủy Khối')).toBe('Dang uy Khoi');
  });

  it('normaliseLetters maps Đ look-alikes', () => {
    expect(normaliseLetters('QÐi')).toBe('QĐi');
  });

  it('hasNoDiacritics', () => {
    expect(hasNoDiacritics('Dang uy khoi')).toBe(true);
    expect(hasNoDiacritics('Đảng')).toBe(false);
    expect(hasNoDiacritics('dang')).toBe(true);
  });
});

describe('tokens', () => {
  it('splits into lower-case syllables with new-style tones', () => {
    expect(tokens('Văn phòng Tỉnh uỷ, Hoà Bình!')).toEqual(['văn', 'phòng', 'tỉnh', 'ủy', 'hòa', 'bình']);
  });
  it('folds on request', () => {
    expect(tokens('Văn phòng Tỉnh uỷ', { fold: true })).toEqual(['van', 'phong', 'tinh', 'uy']);
  });
  it('keeps digits and splits symbols', () => {
    expect(tokens('Số 12-NQ/TU năm 2024')).toEqual(['số', '12', 'nq', 'tu', 'năm', '2024']);
  });
  it('treats old and new tone placement as the same text', () => {
    expect(sameVietnamese('Thượng khẩn, hoả tốc', 'thượng khẩn, hỏa tốc')).toBe(true);
    expect(sameVietnamese('văn phòng', 'van phong')).toBe(false);
    expect(sameVietnamese('văn phòng', 'van phong', { fold: true })).toBe(true);
    expect(normalisePhrase('  Về  việc   HOÀ giải ')).toBe('về việc hòa giải');
  });
});
