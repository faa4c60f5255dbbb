/** Issued documents for the documents tests: a fixed one, a generator, and the PDF's text read back with pdfjs. */
import fc from 'fast-check';
import type { IssuedDocument } from '../../shared/documents/domain/layout';

export const RESOLUTION: IssuedDocument = {
  header: { name: 'TỈNH ỦY HƯNG YÊN' },
  numberSymbol: '12-NQ/TU',
  place: 'Hưng Yên',
  documentDate: '2026-02-06',
  typeName: 'Nghị quyết',
  hasTitle: true,
  subject: 'về đẩy mạnh chuyển đổi số trong các cơ quan Đảng',
  body: ['Căn cứ Điều lệ Đảng; căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XX,', 'Ban Thường vụ Tỉnh ủy quyết nghị: triển khai ký số văn bản điện tử trong toàn Đảng bộ tỉnh từ quý I năm 2026.'],
  signing: { form: 'T/M', on: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ', signer: 'Nguyễn Hữu Nghĩa' },
  recipients: ['Ban Bí thư Trung ương Đảng', 'Văn phòng Trung ương Đảng', 'Các đảng bộ trực thuộc'],
  filing: 'Văn phòng Tỉnh ủy',
  secrecy: null,
  urgency: 'khan',
};

export const LETTER: IssuedDocument = {
  ...RESOLUTION,
  header: { superior: 'TỈNH ỦY HƯNG YÊN', name: 'VĂN PHÒNG' },
  numberSymbol: '45-CV/VPTU',
  typeName: 'Công văn',
  hasTitle: false,
  subject: 'triển khai thí điểm phần mềm quản lý văn bản',
  addressees: ['Các ban xây dựng Đảng Tỉnh ủy'],
  signing: { form: 'K/T', on: 'CHÁNH VĂN PHÒNG', title: 'PHÓ CHÁNH VĂN PHÒNG', signer: 'Đỗ Thị Thủy' },
  urgency: null,
};

const WORDS = ['văn', 'bản', 'Đảng', 'tỉnh', 'ủy', 'Hưng', 'Yên', 'quyết', 'nghị', 'thực', 'hiện', 'chuyển', 'đổi', 'số', 'Tối', 'ưu', 'huyện', 'Phố', 'Hiến', 'kết', 'luận', 'nhiệm', 'kỳ', 'Nguyễn', 'Thị', 'Hằng', 'Lê', 'Quốc', 'Khánh', 'đồng', 'chí'];
const phrase = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const upper = (min: number, max: number) => phrase(min, max).map((s) => s.toLocaleUpperCase('vi'));

export const arbIssued: fc.Arbitrary<IssuedDocument> = fc.record({
  header: fc.record({ superior: fc.option(upper(2, 4), { nil: undefined }), name: upper(1, 5) }).map((h) => (h.superior ? h : { name: h.name })),
  numberSymbol: fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('NQ', 'QĐ', 'CV', 'TB', 'BC'), fc.constantFrom('TU', 'VPTU', 'BTCTU', 'ĐU')).map(([n, t, b]) => `${String(n).padStart(2, '0')}-${t}/${b}`),
  place: fc.constantFrom('Hưng Yên', 'Phố Hiến', 'Đồng Văn'),
  documentDate: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  typeName: fc.constantFrom('Nghị quyết', 'Quyết định', 'Thông báo', 'Báo cáo', 'Công văn'),
  hasTitle: fc.boolean(),
  subject: phrase(3, 14),
  body: fc.array(phrase(4, 80), { minLength: 1, maxLength: 6 }),
  signing: fc.record({ form: fc.constantFrom('direct' as const, 'T/M' as const, 'K/T' as const, 'T/L' as const), on: upper(1, 3), title: upper(1, 3), signer: phrase(2, 4) }),
  recipients: fc.array(phrase(2, 8), { minLength: 0, maxLength: 8 }),
  filing: fc.option(phrase(1, 4), { nil: null }),
  secrecy: fc.constantFrom(null, 'mat' as const, 'toi-mat' as const, 'tuyet-mat' as const),
  urgency: fc.constantFrom(null, 'khan' as const, 'thuong-khan' as const, 'hoa-toc' as const),
});

/** The text of every page, line by line as pdfjs reads it (items joined, NFC, spaces squeezed). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const it of content.items) if ('str' in it) out.push(it.str + (it.hasEOL ? '\n' : ' '));
  }
  await doc.destroy();
  return out.join('').normalize('NFC').replace(/[ \t]+/g, ' ').replace(/\s+/g, ' ');
}

export const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
