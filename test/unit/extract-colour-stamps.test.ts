/**
 * Urgency and secrecy read from page 1's coloured stamps (issue 14, point 5: a red HỎA TỐC turned
 * on the page is in no text line): a stamp's whole reading is matched to the nearest mark, never
 * to a different one; a red stamp read unclearly in the header leaves urgency unknown (null with
 * a reason) and secrecy failed closed; the reading step carries the stamps to the extractor.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_VOCABULARY, extractFields, SECRECY_STAMPS, URGENCY_STAMPS } from '../../shared/scans/domain/extract/index';
import { markOfStamp, SECRECY_RED_UNCLEAR, URGENCY_RED_UNCLEAR } from '../../shared/scans/domain/extract/stamps';
import { scanReader } from '../../shared/scans/app/scan-reader';
import type { OcrEngine, OcrPage, OcrStamp } from '../../shared/scans/ports/ocr-engine';

/** The marks as a stamp prints them, with the value each one is. */
const PRINTED: readonly { printed: string; kind: 'secrecy' | 'urgency'; value: string }[] = [
  { printed: 'MẬT', kind: 'secrecy', value: 'mat' },
  { printed: 'TỐI MẬT', kind: 'secrecy', value: 'toi-mat' },
  { printed: 'TUYỆT MẬT', kind: 'secrecy', value: 'tuyet-mat' },
  { printed: 'KHẨN', kind: 'urgency', value: 'khan' },
  { printed: 'THƯỢNG KHẨN', kind: 'urgency', value: 'thuong-khan' },
  { printed: 'HỎA TỐC', kind: 'urgency', value: 'hoa-toc' },
];

// A State letter's header, as OCR lines with boxes on a 2000 × 2800 page: no mark in its text.
const W = 2000;
const H = 2800;
const HEADER = [
  'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'TỈNH QUẢNG NGÃI Độc lập - Tự do - Hạnh phúc',
  'Số: 299/UBND-TTHC Quảng Ngãi, ngày 15 tháng 01 năm 2025',
  'V/v công bố Danh mục thủ tục hành chính',
  'Kính gửi: Sở Giao thông vận tải',
  'Thực hiện nội dung các Quyết định của Bộ trưởng Bộ Giao thông vận tải, Chủ tịch UBND tỉnh có ý kiến như sau:',
];
const lines = HEADER.map((text, i) => ({ text, confidence: 0.9, bbox: { x0: 150, y0: 150 + i * 90, x1: 1850, y1: 200 + i * 90 } }));
const stamp = (text: string, confidence: number, y = 700): OcrStamp => ({ text, colour: 'red', confidence, bbox: { x0: 150, y0: y, x1: 500, y1: y + 250 }, angle: 35 });
const pageWith = (stamps: OcrStamp[]): OcrPage => ({ text: HEADER.join('\n'), confidence: 0.9, width: W, height: H, lines, ...(stamps.length ? { stamps } : {}) });
const read = (stamps: OcrStamp[]) => extractFields({ pages: [pageWith(stamps)] }).fields;

describe('a coloured stamp’s reading is the mark it nearly is, never another', () => {
  it.each([
    ['HỎA TỐC', 'hoa-toc'],
    ['HOA TOC', 'hoa-toc'],
    ['HỎA TÓC', 'hoa-toc'],
    ['“KHẨN', 'khan'],
    ['THƯƠNG KHẨN', 'thuong-khan'],
    ['TUYỆT MẬT', 'tuyet-mat'],
    ['TỐI MẬT', 'toi-mat'],
    ['MẬT', 'mat'],
    // A bold H read as two I's.
    ['KIIẨN', 'khan'],
    ['THƯỢNG KIIẨN', 'thuong-khan'],
    ['HỎA TỐC', 'hoa-toc'],
    ['CÔNG VĂN ĐẾN', null],
    ['SAO Y BẢN CHÍNH', null],
    ['THƯỢNG', null],
    ['', null],
  ] as const)('%s → %s', (text, value) => {
    expect(markOfStamp(text)?.mark.value ?? null).toBe(value);
  });

  it('one letter of a mark changed, dropped or added: that mark or none, never another (property)', () => {
    const letters = 'abcdeghiklmnopqrstuvxyđâăêôơư'.split('');
    fc.assert(
      fc.property(fc.constantFrom(...PRINTED), fc.nat(), fc.constantFrom(...letters), fc.constantFrom('sub', 'del', 'ins'), (m, pos, ch, op) => {
        const s = m.printed;
        const i = pos % s.length;
        const slip = op === 'sub' ? s.slice(0, i) + ch.toUpperCase() + s.slice(i + 1) : op === 'del' ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + ch.toUpperCase() + s.slice(i);
        const got = markOfStamp(slip);
        expect(got === null || got.mark.value === m.value).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('every mark of the vocabulary is printed in the table above', () => {
    expect([...SECRECY_STAMPS, ...URGENCY_STAMPS].map((s) => s.value).sort()).toEqual(PRINTED.map((p) => p.value).sort());
  });
});

describe('the extractor reads urgency and secrecy from page 1’s coloured stamps', () => {
  it.each(PRINTED)('a clear red $printed stamp gives $kind $value', ({ printed, kind, value }) => {
    const f = read([stamp(printed, 0.92)]);
    expect(f[kind]!.value).toBe(value);
    expect(f[kind]!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('without the stamp the same page has no urgency and, read clearly, no secrecy mark', () => {
    const f = read([]);
    expect(f.urgency.value).toBeNull();
    expect(f.secrecy.value).toBeNull();
    expect(f.secrecy.reason).toBeUndefined();
  });

  it.each([0.2, 0.45, 0.55])('a red stamp in the header read with confidence %s: urgency null with a reason, secrecy fails closed', (c) => {
    const f = read([stamp('HỎA TỐC', c)]);
    expect(f.urgency.value).toBeNull();
    expect(f.urgency.reason).toBe(URGENCY_RED_UNCLEAR);
    expect(f.secrecy.value).toBeNull();
    expect(f.secrecy.reason).toBe(SECRECY_RED_UNCLEAR);
  });

  it('an unclear red stamp low on the page (a seal’s neighbour, a receipt) leaves no doubt; a clear stamp that is no mark changes nothing', () => {
    const low = read([stamp('xx', 0.3, 2300)]);
    expect(low.urgency.reason).not.toBe(URGENCY_RED_UNCLEAR);
    expect(low.secrecy.reason).toBeUndefined();
    const receipt = read([stamp('CÔNG VĂN ĐẾN', 0.9)]);
    expect(receipt.urgency.value).toBeNull();
    expect(receipt.secrecy.value).toBeNull();
    expect(receipt.secrecy.reason).toBeUndefined();
  });

  it('a clear mark read elsewhere stands beside an unclear stamp; two secrecy marks: the higher one', () => {
    const f = read([stamp('HỎA TỐC', 0.9), stamp('?', 0.3, 1000)]);
    expect(f.urgency.value).toBe('hoa-toc');
    expect(f.secrecy.reason).toBe(SECRECY_RED_UNCLEAR);
    expect(read([stamp('MẬT', 0.9), stamp('TỐI MẬT', 0.8, 1000)]).secrecy.value).toBe('toi-mat');
  });

  it('the reading step carries page 1’s stamps to the extractor', async () => {
    const engine: OcrEngine = { name: 'fake', recognize: async () => ({ engine: 'fake', pages: [pageWith([stamp('HỎA TỐC', 0.93)])] }) };
    const reader = scanReader(engine, () => DEFAULT_VOCABULARY);
    const got = await reader.read(new Uint8Array(), 'application/pdf');
    expect(reader.extract(got.pages.map((p) => p.text).join('\n\n'), got).fields.urgency.value).toBe('hoa-toc');
  });
});
