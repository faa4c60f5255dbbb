/**
 * The OCR bench's ground-truth mapping (bench/ocr-truth.ts): the synthetic Party format and the
 * real State format onto the same comparisons, as a table.
 */
import { describe, expect, it } from 'vitest';
import { expectedOf, subjectKey, type Expected } from '../../bench/lib/ocr-truth';

const party = {
  id: 's3-001',
  file: 's3-001.jpg',
  format: 'jpg',
  pages: 1,
  issuerParent: 'TỈNH ỦY LẠNG SƠN',
  issuer: 'ỦY BAN KIỂM TRA',
  issuerCode: 'UBKTTU',
  typeCode: 'QĐi',
  numberSymbol: '25-QĐi/UBKTTU',
  date: '2025-02-25',
  subject: 'về công tác văn thư, lưu trữ trong các cơ quan, tổ chức đảng',
  secrecy: null,
  urgency: 'Khẩn',
  bodyText: 'Điều 1. Văn phòng cấp ủy.',
};

const real = {
  file: 'qn-12.pdf',
  format: 'pdf',
  pages: 2,
  numberSymbol: '299/UBND-TTHC',
  number: '299',
  symbol: 'UBND-TTHC',
  typeName: 'Công văn',
  typeCode: 'CV',
  issuerParent: null,
  issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
  documentDate: '2025-01-15',
  subject: 'V/v công bố Danh mục TTHC và xây dựng quy trình nội bộ giải quyết TTHC',
  secrecy: null,
  urgency: 'Hỏa tốc',
  notCovered: ['body text'],
};

const partyWant: Expected = {
  id: 's3-001',
  file: 's3-001.jpg',
  format: 'jpg',
  pages: 1,
  truthFormat: 'party-synthetic',
  numberSymbol: '25-QĐi/UBKTTU',
  typeCode: 'QĐi',
  documentDate: '2025-02-25',
  issuer: { by: 'code', value: 'UBKTTU' },
  subject: 'về công tác văn thư, lưu trữ trong các cơ quan, tổ chức đảng',
  secrecy: null,
  urgency: 'khan',
  bodyText: 'Điều 1. Văn phòng cấp ủy.',
};

const realWant: Expected = {
  id: 'qn-12',
  file: 'qn-12.pdf',
  format: 'pdf',
  pages: 2,
  truthFormat: 'state-real',
  numberSymbol: '299/UBND-TTHC',
  typeCode: 'CV',
  documentDate: '2025-01-15',
  issuer: { by: 'name', value: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI' },
  subject: 'V/v công bố Danh mục TTHC và xây dựng quy trình nội bộ giải quyết TTHC',
  secrecy: null,
  urgency: 'hoa-toc',
  bodyText: null,
};

describe('expectedOf', () => {
  it.each([
    ['synthetic Party truth', party, partyWant],
    ['real State truth (id from the file name, issuer by printed name, no body)', real, realWant],
    ['Party, secret, no urgency', { ...party, secrecy: 'Tối mật', urgency: null }, { ...partyWant, secrecy: 'toi-mat', urgency: null }],
    ['Party, Tuyệt mật in capitals', { ...party, secrecy: 'TUYỆT MẬT' }, { ...partyWant, secrecy: 'tuyet-mat' }],
    ['Party, Thượng khẩn', { ...party, urgency: 'Thượng khẩn' }, { ...partyWant, urgency: 'thuong-khan' }],
    ['Party, old tone placement Hoả tốc', { ...party, urgency: 'Hoả tốc' }, { ...partyWant, urgency: 'hoa-toc' }],
    ['Party, empty body', { ...party, bodyText: '  ' }, { ...partyWant, bodyText: null }],
    ['Party, no body', (({ bodyText: _, ...p }) => p)(party), { ...partyWant, bodyText: null }],
    ['real, Mật, no urgency', { ...real, secrecy: 'Mật', urgency: null }, { ...realWant, secrecy: 'mat', urgency: null }],
    ['real, two-line issuer: the body itself, not its parent', { ...real, issuerParent: 'UBND TỈNH QUẢNG NGÃI', issuer: 'BAN CHỈ ĐẠO 138' }, { ...realWant, issuer: { by: 'name', value: 'BAN CHỈ ĐẠO 138' } }],
    ['real, no format field: the extension', (({ format: _, ...r }) => r)(real), realWant],
    ['decomposed (NFD) text becomes NFC', { ...real, issuer: realWant.issuer.value.normalize('NFD') }, realWant],
  ] as const)('%s', (_, raw, want) => {
    expect(expectedOf(raw)).toEqual(want);
  });

  it.each([
    ['an unknown secrecy label', { ...party, secrecy: 'Hạn chế' }, /secrecy "Hạn chế"/],
    ['an unknown urgency label', { ...real, urgency: 'Gấp' }, /urgency "Gấp"/],
    ['a Party truth without issuerCode', (({ issuerCode: _, ...p }) => p)(party), /issuerCode/],
    ['a real truth with a date not ISO', { ...real, documentDate: '15/01/2025' }, /documentDate/],
  ] as const)('refuses %s', (_, raw, error) => {
    expect(() => expectedOf(raw)).toThrow(error);
  });
});

describe('subjectKey', () => {
  it.each([
    ['V/v công bố Danh mục TTHC.', 'v/v công bố danh mục tthc'],
    ['ỦY BAN NHÂN DÂN  TỈNH QUẢNG NGÃI', 'ủy ban nhân dân tỉnh quảng ngãi'],
    ['UỶ BAN NHÂN DÂN TỈNH QUẢNG NGÃI', 'ủy ban nhân dân tỉnh quảng ngãi'],
    ['về việc hoà giải;', 'về việc hòa giải'],
  ])('%j → %j', (s, key) => {
    expect(subjectKey(s)).toBe(key);
  });
});
