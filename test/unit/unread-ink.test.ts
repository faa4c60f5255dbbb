/**
 * Unread ink in the header band (issue 14: secrecy fails closed): ink OCR gave no text for is
 * found, ink under a read line, specks and ink below the body's first line are not; the
 * reading step passes it to the extractor, which then gives no "no mark".
 */
import { describe, expect, it } from 'vitest';
import { unreadHeaderInk } from '../../shared/scans/adapters/ocr/unread-ink';
import type { GrayImage } from '../../shared/scans/adapters/ocr/gray';
import { scanReader, toReadText } from '../../shared/scans/app/scan-reader';
import { DEFAULT_VOCABULARY, extractFields } from '../../shared/scans/domain/extract/index';
import { SECRECY_UNREAD_INK } from '../../shared/scans/domain/extract/stamps';
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
});
