/**
 * Unread ink in the header band (issue 14: secrecy fails closed): ink OCR gave no text for is
 * found, ink under a line read as print, specks and ink below the body's first line are not;
 * the pieces OCR makes of a turned stamp ("HỎ", "4 TỐ") cover nothing. The ink is cut out as a
 * plane for the stamp reader; the reading step passes what no stamp read as a mark explains to
 * the extractor, which then gives neither "no secrecy mark" nor "no urgency mark".
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inkPlaneOf, isPrint, unreadHeaderInk } from '../../shared/scans/adapters/ocr/unread-ink';
import type { GrayImage } from '../../shared/scans/adapters/ocr/gray';
import { scanReader, toReadText } from '../../shared/scans/app/scan-reader';
import { DEFAULT_VOCABULARY, extractFields } from '../../shared/scans/domain/extract/index';
import { inkExplainedByStamps, SECRECY_UNREAD_INK, URGENCY_UNREAD_INK } from '../../shared/scans/domain/extract/stamps';
import type { OcrEngine } from '../../shared/scans/ports/ocr-engine';

const W = 1000;
const H = 1400;
function page(inks: { x0: number; y0: number; x1: number; y1: number }[]): GrayImage {
  const data = new Uint8Array(W * H).fill(235);
  for (const b of inks) for (let y = b.y0; y < b.y1; y++) for (let x = b.x0; x < b.x1; x += 2) data[y * W + x] = 20;
  return { width: W, height: H, data };
}
const line = (text: string, x0: number, y0: number, x1: number) => ({ text, bbox: { x0, y0, x1, y1: y0 + 30 } });
const header = [line('TỈNH ỦY A', 100, 100, 400), line('Số 12-CV/TU', 120, 200, 380), line('V/v chuẩn bị hội nghị', 100, 250, 450), line('Kính gửi: Các huyện ủy', 300, 450, 800), line('Về chức năng văn phòng cấp ủy là cơ quan', 100, 520, 900)];
const textInk = header.map((l) => ({ ...l.bbox, y0: l.bbox.y0 + 5, y1: l.bbox.y1 - 5 }));

describe('unread ink in the header band', () => {
  it.each([
    ['a stamp box OCR left unread, between the trích yếu and Kính gửi', [{ x0: 180, y0: 320, x1: 300, y1: 380 }], 1],
    ['nothing but the read lines', [], 0],
    ['a speck', [{ x0: 200, y0: 330, x1: 206, y1: 336 }], 0],
    ['ink below the body’s first line (a seal in the body)', [{ x0: 180, y0: 600, x1: 300, y1: 660 }], 0],
  ] as const)('%s', (_name, extra, count) => {
    expect(unreadHeaderInk(page([...textInk, ...extra]), header)).toHaveLength(count);
  });

  // A stamp between the trích yếu and Kính gửi that OCR read as a "line" of its own.
  const stampInk = { x0: 180, y0: 320, x1: 300, y1: 380 };
  const stampLine = (text: string, confidence: number) => ({ text, confidence, bbox: { x0: 175, y0: 315, x1: 305, y1: 385 } });
  it.each([
    ['a piece of two letters ("HỎ")', stampLine('HỎ', 0.89), 1],
    ['two pieces read unsurely ("4 TỐ" at 0.65)', stampLine('4 TỐ', 0.65), 1],
    ['specks ("tt, ?" at 0.46)', stampLine('tt, ?', 0.46), 1],
    ['the mark read surely ("HỎA TỐC" at 0.93)', stampLine('HỎA TỐC', 0.93), 0],
    ['a word read surely ("KHẨN" at 0.9)', stampLine('KHẨN', 0.9), 0],
  ] as const)('ink under %s is unread or read as the line says', (_name, l, count) => {
    expect(unreadHeaderInk(page([...textInk, stampInk]), [...header, l])).toHaveLength(count);
  });
});

describe('a line read as print', () => {
  it.each([
    ['Số: 299/UBND-TTHC Quảng Ngãi, ngày 21 tháng 01 năm 2025', 0.84, true],
    ['BAN TUYÊN GIÁO', 0.47, true],
    ['QUYẾT ĐỊNH', 0.9, true],
    ['MẬT', 0.9, true],
    ['18/10/2024)', 0.96, true],
    ['HỎ', 0.89, false],
    ['4 TỐ', 0.65, false],
    ['O4 T5', 0.44, false],
    ['o', 0.73, false],
  ] as const)('%s (%s): %s', (text, confidence, print) => {
    expect(isPrint({ text, confidence })).toBe(print);
  });
});

describe('the unread ink as a plane for the stamp reader', () => {
  const img = (w: number, h: number, paper: number, ink: { x0: number; y0: number; x1: number; y1: number; v: number }[]): GrayImage => {
    const data = new Uint8Array(w * h).fill(paper);
    for (const b of ink) for (let y = b.y0; y < b.y1; y++) for (let x = b.x0; x < b.x1; x++) data[y * w + x] = b.v;
    return { width: w, height: h, data };
  };
  it('paper is 0 and the darkest ink 255, whatever the paper’s grey; nothing outside the widened boxes; print lines left out (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 170, max: 250 }), fc.integer({ min: 10, max: 120 }), fc.integer({ min: 40, max: 120 }), (paper, inkV, x0) => {
        const stampBox = { x0, y0: 100, x1: x0 + 60, y1: 130 };
        // Ink inside the box, ink beside it (the rest of the stamp OCR read as a piece), a print line above, ink far away.
        const g = img(400, 300, paper, [
          { ...stampBox, v: inkV },
          { x0: x0 + 70, y0: 105, x1: x0 + 100, y1: 125, v: inkV },
          { x0: x0, y0: 92, x1: x0 + 100, y1: 97, v: inkV },
          { x0: 350, y0: 250, x1: 390, y1: 290, v: inkV },
        ]);
        const printLine = { text: 'Số: 12-CV/TU Hà Nội, ngày 5', confidence: 0.9, bbox: { x0: 0, y0: 90, x1: 400, y1: 98 } };
        const plane = inkPlaneOf(g, [stampBox], [printLine, { text: 'HỎ', confidence: 0.8, bbox: { x0: x0 + 65, y0: 100, x1: x0 + 105, y1: 130 } }]);
        const at = (x: number, y: number) => plane.data[y * 400 + x]!;
        expect(at(x0 + 5, 110)).toBe(255);
        expect(at(x0 + 80, 110)).toBe(255);
        expect(at(x0 + 30, 98 + 1)).toBe(0);
        expect(at(x0 + 30, 94)).toBe(0);
        expect(at(360, 260)).toBe(0);
        expect(plane.data.every((v) => v === 0 || v === 255)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('unread ink a stamp explains', () => {
  const box = { x0: 100, y0: 100, x1: 200, y1: 150 };
  const st = (text: string, confidence: number, bbox = { x0: 80, y0: 80, x1: 320, y1: 170 }) => ({ text, confidence, bbox });
  it.each([
    ['a stamp read clearly as HỎA TỐC over it', [st('HỎA TỐC', 0.8)], 1],
    ['a stamp read clearly as a mark a letter off ("TỎA TỐC")', [st('TỎA TỐC', 0.7)], 1],
    ['a stamp read unclearly', [st('HỎA TỐC', 0.5)], 0],
    ['a stamp read clearly as no mark ("CV ĐẾN")', [st('CV ĐẾN', 0.9)], 0],
    ['a mark read elsewhere', [st('MẬT', 0.9, { x0: 600, y0: 80, x1: 800, y1: 170 })], 0],
    ['no stamp', [], 0],
  ] as const)('%s: %s box(es) explained', (_name, stamps, n) => {
    expect(inkExplainedByStamps([box], stamps)).toHaveLength(n);
  });
});

describe('the reading step passes unread ink to the extractor', () => {
  const text = header.map((l) => l.text).join('\n');
  it('secrecy is null with a reason, not "no mark", when page 1 has unread header ink', () => {
    const s = extractFields(text, { unreadHeaderInk: true }).fields.secrecy;
    expect(s.value).toBeNull();
    expect(s.reason).toBe(SECRECY_UNREAD_INK);
    expect(s.confidence).toBeLessThan(0.7);
    expect(extractFields(text).fields.secrecy.reason).toBeUndefined();
    expect(extractFields(`${text.replace('V/v', 'MẬT\nV/v')}`, { unreadHeaderInk: true }).fields.secrecy.value).toBe('mat');
  });
  it('urgency is null with a reason, not "no mark", when page 1 has unread header ink; a mark read stands', () => {
    const u = extractFields(text, { unreadHeaderInk: true }).fields.urgency;
    expect(u.value).toBeNull();
    expect(u.reason).toBe(URGENCY_UNREAD_INK);
    expect(u.confidence).toBeLessThan(0.7);
    expect(extractFields(text).fields.urgency.reason).not.toBe(URGENCY_UNREAD_INK);
    expect(extractFields(`${text.replace('V/v', 'HỎA TỐC\nV/v')}`, { unreadHeaderInk: true }).fields.urgency.value).toBe('hoa-toc');
  });
  it('toReadText keeps how many unread regions a page has; extract uses page 1’s', async () => {
    const engine: OcrEngine = {
      name: 'fake',
      recognize: async () => ({ engine: 'fake', pages: [{ text, confidence: 0.9, unreadInk: [{ x0: 1, y0: 1, x1: 2, y1: 2 }] }] }),
    };
    const reader = scanReader(engine, () => DEFAULT_VOCABULARY);
    const read = await reader.read(new Uint8Array(), 'image/png');
    expect(read.pages[0]!.unreadInk).toBe(1);
    expect(toReadText({ engine: 'x', pages: [{ text: 'a', confidence: 1 }] }).pages[0]).toEqual({ text: 'a', confidence: 1 });
    expect(reader.extract(text, read).fields.secrecy.reason).toBe(SECRECY_UNREAD_INK);
  });
  it('ink a stamp read there as a mark explains is not passed on; the mark is read', async () => {
    const stamp = { text: 'HỎA TỐC', colour: 'grey' as const, confidence: 0.8, bbox: { x0: 150, y0: 300, x1: 420, y1: 400 }, angle: -10 };
    // The page's lines and size: the extractor takes page 1's stamps with their place on it.
    const pageOf = (unreadInk: { x0: number; y0: number; x1: number; y1: number }[]) => ({ text, confidence: 0.9, width: W, height: H, lines: header.map((l) => ({ ...l, confidence: 0.9 })), unreadInk, stamps: [stamp] });
    const explained = toReadText({ engine: 'x', pages: [pageOf([{ x0: 180, y0: 320, x1: 300, y1: 380 }])] });
    expect(explained.pages[0]!.unreadInk).toBeUndefined();
    const reader = scanReader({ name: 'fake', recognize: async () => ({ engine: 'fake', pages: [pageOf([{ x0: 180, y0: 320, x1: 300, y1: 380 }])] }) }, () => DEFAULT_VOCABULARY);
    const fields = reader.extract(text, await reader.read(new Uint8Array(), 'image/png')).fields;
    expect(fields.urgency.value).toBe('hoa-toc');
    expect(fields.secrecy.value).toBeNull();
    expect(fields.secrecy.reason).toBeUndefined();
    // Ink elsewhere on the page stays unread.
    expect(toReadText({ engine: 'x', pages: [pageOf([{ x0: 180, y0: 320, x1: 300, y1: 380 }, { x0: 700, y0: 320, x1: 800, y1: 380 }])] }).pages[0]!.unreadInk).toBe(1);
  });
});
