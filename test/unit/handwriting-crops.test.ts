/**
 * Where the engine cuts a handwritten gap (shared/scans/adapters/ocr/handwriting.ts and the
 * spots of shared/scans/domain/extract/handwriting.ts), on drawn date lines read by the real
 * digit recogniser: a day written up to "tháng", so that OCR's box of "tháng" starts inside its
 * last digit, is read whole; a number whose tails come near the next printed line is not joined
 * to it.
 */
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDigits, warmUpDigits } from '../../shared/scans/adapters/ocr/digits';
import { MARK_DIGIT_MIN_P, readHandwriting, withMarksAsDigits } from '../../shared/scans/adapters/ocr/handwriting';
import { handwritingSpots } from '../../shared/scans/domain/extract/handwriting';
import type { LayoutLine, LayoutWord } from '../../shared/scans/domain/extract/layout';
import { paper } from '../support/paper';
// DejaVu from the project's own packages, not the machine's.
import '../../tools/print-fonts';

const HAND = 'DaumoiTestHand';
GlobalFonts.registerFromPath(path.join(__dirname, '../../node_modules/@fontsource/kalam/files/kalam-latin-400-normal.woff2'), HAND);

const W = 1400;
const H = 260;

/** A date line: printed "Quảng Ngãi, ngày", a handwritten day, printed "tháng 01 năm 2025"; OCR's words with "tháng"'s box starting `into` pixels inside the day's last digit. */
function dateLine(day: string, into: number): { page: { gray: { width: number; height: number; data: Uint8Array }; lines: LayoutLine[]; width: number; height: number } } {
  const sheet = paper(W, H);
  const ctx = sheet.ctx;
  const base = 130;
  const words: LayoutWord[] = [];
  let x = 60;
  const print = (t: string) => {
    ctx.font = 'italic 34px "DejaVu Serif"';
    const w = ctx.measureText(t).width;
    ctx.fillText(t, x, base);
    words.push({ text: t, confidence: 0.95, bbox: { x0: Math.round(x), y0: base - 30, x1: Math.round(x + w), y1: base + 8 } });
    x += w + 14;
  };
  print('Quảng');
  print('Ngãi,');
  print('ngày');
  ctx.font = `64px ${HAND}`;
  const dw = ctx.measureText(day).width;
  ctx.fillText(day, x + 6, base + 6);
  const dayEnd = x + 6 + dw;
  x = dayEnd + 8;
  const at = words.length;
  print('tháng');
  // OCR's box of the printed word starts inside the handwriting it glued to it.
  words[at]!.bbox.x0 = Math.round(dayEnd - into);
  print('01');
  print('năm');
  print('2025');
  const line: LayoutLine = {
    text: words.map((w) => w.text).join(' '),
    bbox: { x0: words[0]!.bbox.x0, y0: base - 30, x1: words.at(-1)!.bbox.x1, y1: base + 8 },
    words,
  };
  return { page: { gray: sheet.gray(), lines: [line], width: W, height: H * 10 } };
}

beforeAll(async () => {
  await warmUpDigits();
}, 60_000);

describe('a handwritten day whose last digit OCR glued to "tháng"', () => {
  it.each([
    ['20', 0],
    ['20', 10],
    ['20', 6],
    ['05', 14],
    ['28', 16],
  ])('reads "%s" whole when "tháng" is boxed from %i px inside it', async (day, into) => {
    const { page } = dateLine(day, into);
    const got = await readHandwriting(page, readDigits);
    expect(got.find((r) => r.kind === 'day')?.text).toBe(day);
  });
});

describe('the gap of a handwritten field and the printed lines around it', () => {
  const row = (y: number, x0: number, x1: number, h: number): LayoutLine => ({
    text: 'công bố Danh mục thủ tục hành chính',
    bbox: { x0, y0: y, x1, y1: y + h },
    words: [{ text: 'công', confidence: 0.95, bbox: { x0, y0: y, x1: x0 + 80, y1: y + h } }],
  });
  it('never reaches into the line above or below over the gap, and keeps its own line\'s height', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 60 }), // the line's height
        fc.double({ min: 0.05, max: 0.6, noNaN: true }), // the space to the next line, in line heights
        fc.double({ min: 0.05, max: 0.6, noNaN: true }), // the space from the line above
        (h, below, above) => {
          const y = 400;
          const cw = Math.round(h * 0.5);
          const ws: LayoutWord[] = [];
          let x = 200;
          for (const t of ['Số:', '299', '/UBND-TTHC']) {
            if (t !== '299') ws.push({ text: t, confidence: 0.95, bbox: { x0: x, y0: y, x1: x + [...t].length * cw, y1: y + h } });
            x += [...t].length * cw + (t === '299' ? 3 * cw : cw);
          }
          const own: LayoutLine = { text: 'Số: /UBND-TTHC', bbox: { x0: 200, y0: y, x1: ws.at(-1)!.bbox.x1, y1: y + h }, words: ws };
          const next = row(Math.round(y + h + below * h), 150, 900, h);
          const prev = row(Math.round(y - above * h - h), 150, 900, h);
          const spot = handwritingSpots({ lines: [prev, own, next], width: 2000, height: 2800 }).find((s) => s.kind === 'number')!;
          expect(spot).toBeDefined();
          expect(spot.bbox.y1).toBeLessThanOrEqual(next.bbox!.y0);
          expect(spot.bbox.y0).toBeGreaterThanOrEqual(prev.bbox!.y1);
          expect(spot.bbox.y1).toBeGreaterThanOrEqual(y + h);
          expect(spot.bbox.y0).toBeLessThanOrEqual(y);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a printed tail OCR glued to the handwriting before it', () => {
  // "Số: 574/UBND-KTTH" read as one word after "Số:", the handwriting as junk ("ð1#"): where the
  // tail's slash starts is where the engine boxed that character, however wide the capitals.
  const cw = 22;
  const so: LayoutWord = { text: 'Số:', confidence: 0.95, bbox: { x0: 300, y0: 400, x1: 366, y1: 440 } };
  const glued = (capWidth: number, withChars: boolean): LayoutWord => {
    const text = 'ð1#/UBND-KTTH';
    const widths = [...text].map((c, i) => (i < 3 ? 34 : c === '/' ? 14 : c === '-' ? 16 : capWidth));
    let x = 384;
    const chars = [...text].map((c, i) => {
      const b = { text: c, x0: x, x1: x + widths[i]! };
      x += widths[i]!;
      return b;
    });
    return { text, confidence: 0.6, bbox: { x0: 384, y0: 395, x1: x, y1: 445 }, ...(withChars ? { chars } : {}) };
  };
  const other: LayoutWord[] = ['ỦY', 'BAN', 'NHÂN', 'DÂN', 'tỉnh', 'Quảng', 'Ngãi'].map((t, i) => ({ text: t, confidence: 0.95, bbox: { x0: 1000 + i * 200, y0: 400, x1: 1000 + i * 200 + [...t].length * cw, y1: 440 } }));
  it.each([22, 28, 34, 40])('the gap ends at the slash when capitals are %i px wide', (capWidth) => {
    const t = glued(capWidth, true);
    const slash = t.chars![3]!.x0;
    const ws = [so, t, ...other];
    const spot = handwritingSpots({ lines: [{ text: ws.map((w) => w.text).join(' '), bbox: { x0: 300, y0: 395, x1: 2400, y1: 445 }, words: ws }], width: 2600, height: 3600 }).find((s) => s.kind === 'number')!;
    expect(spot.printedFrom).toBe(slash);
    expect(spot.bbox.x1).toBeLessThanOrEqual(slash + cw * 0.1);
  });
  it('without character boxes, estimates it from the printed characters\' width (within a few characters)', () => {
    const t = glued(28, false);
    const slash = glued(28, true).chars![3]!.x0;
    const ws = [so, t, ...other];
    const spot = handwritingSpots({ lines: [{ text: ws.map((w) => w.text).join(' '), bbox: { x0: 300, y0: 395, x1: 2400, y1: 445 }, words: ws }], width: 2600, height: 3600 }).find((s) => s.kind === 'number')!;
    expect(Math.abs(spot.printedFrom - slash)).toBeLessThan(4 * cw);
  });
});

describe('marks the model took for no digit, among the handwritten digits', () => {
  const d = (char: string, x0: number, p = 0.95, h = 44, w = 26) => ({ char, p, bbox: { x0, y0: 20, x1: x0 + w, y1: 20 + h } });
  const mark = (x0: number, digit: { char: string; p: number } | undefined, h = 44, w = 28, y1 = 64) => ({ bbox: { x0, y0: y1 - h, x1: x0 + w, y1 }, ...(digit ? { digit } : {}) });
  it.each([
    ['a digit-sized mark before two digits, likeliest a 2', [d('9', 40), d('9', 70)], [mark(5, { char: '2', p: 0.86 })], '299'],
    ['a digit-sized mark between digits', [d('0', 5), d('8', 70)], [mark(36, { char: '3', p: 0.5 })], '038'],
    ['a mark the model cannot place among digits', [d('9', 40), d('9', 70)], [mark(5, { char: '2', p: 0.3 })], '99'],
    ['a mark with no digit at all', [d('9', 40), d('9', 70)], [mark(5, undefined)], '99'],
    ['a short mark (a dot, a dash)', [d('9', 40), d('9', 70)], [mark(5, { char: '1', p: 0.9 }, 20)], '99'],
    ['a mark much wider than a digit (a stroke, a seal arc)', [d('9', 40), d('9', 70)], [mark(5, { char: '0', p: 0.9 }, 44, 60)], '99'],
    ['a mark alone, with no digit read', [], [mark(5, { char: '7', p: 0.95 })], ''],
    ['a small digit on the digits\' line, surely a digit (the 0 of a "60")', [d('6', 5)], [mark(40, { char: '0', p: 0.99 }, 22, 18)], '60'],
    ['a small digit on the line the model is less sure of', [d('6', 5)], [mark(40, { char: '0', p: 0.9 }, 22, 18)], '6'],
    ['a small sure mark above the line (an accent, a speck of the line above)', [d('6', 5)], [mark(40, { char: '0', p: 0.99 }, 22, 18, 42)], '6'],
    ['a sure mark under half the height on the line (a dot)', [d('6', 5)], [mark(40, { char: '0', p: 0.99 }, 16, 12)], '6'],
  ])('%s', (_what, digits, marks, text) => {
    const got = withMarksAsDigits(digits, marks);
    expect(got.map((x) => x.char).join('')).toBe(text);
    // Left to right, and a taken mark keeps its own (lower) probability.
    expect(got.map((x) => x.bbox.x0)).toEqual([...got.map((x) => x.bbox.x0)].sort((a, b) => a - b));
    const taken = got.filter((x) => marks.some((m) => m.bbox === x.bbox));
    expect(taken.map((x) => x.p)).toEqual(taken.map((x) => marks.find((m) => m.bbox === x.bbox)!.digit!.p));
  });
  it(`never takes a mark below ${MARK_DIGIT_MIN_P} among the digits`, () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: MARK_DIGIT_MIN_P - 1e-9, noNaN: true }), (p) => withMarksAsDigits([d('5', 40)], [mark(5, { char: '2', p })]).length === 1),
    );
  });
});

describe('a printed character whose box OCR stretched over the handwriting before it', () => {
  // Tesseract may box the "t" of "tháng" from inside the day's last digit ("2Ÿ tháng", the "t"
  // three characters wide): the day's gap must still reach the handwriting's end, and stop
  // before the printed "t".
  const cw = 22;
  const line = (handEnd: number, tStart: number, tBoxFrom: number): LayoutLine => {
    const at = (text: string, x0: number): LayoutWord => ({ text, confidence: 0.95, bbox: { x0, y0: 400, x1: x0 + [...text].length * cw, y1: 440 } });
    const place = [at('Quảng', 900), at('Ngãi,', 1040)];
    const ngay = at('ngày', handEnd - 60 - 4 * cw);
    const hand: LayoutWord = { text: '2Ÿ', confidence: 0.4, bbox: { x0: handEnd - 44, y0: 392, x1: handEnd, y1: 448 } };
    const hx = tStart + Math.round(cw * 0.6);
    const rest = ['h', 'á', 'n', 'g'].map((c, i) => ({ text: c, x0: hx + i * cw, x1: hx + (i + 1) * cw }));
    const thang: LayoutWord = { text: 'tháng', confidence: 0.9, bbox: { x0: tBoxFrom, y0: 400, x1: rest.at(-1)!.x1, y1: 440 }, chars: [{ text: 't', x0: tBoxFrom, x1: hx }, ...rest] };
    const after = [at('12', rest.at(-1)!.x1 + 20), at('năm', rest.at(-1)!.x1 + 80), at('2021', rest.at(-1)!.x1 + 170)];
    const ws = [...place, ngay, hand, thang, ...after];
    return { text: ws.map((w) => w.text).join(' '), bbox: { x0: 900, y0: 392, x1: after.at(-1)!.bbox.x1, y1: 448 }, words: ws };
  };
  const dayGap = (space: number, overlap: number | null) => {
    const handEnd = 1490;
    const tStart = handEnd + space;
    const spot = handwritingSpots({ lines: [line(handEnd, tStart, overlap === null ? tStart : handEnd - overlap)], width: 2400, height: 3400 }).find((s) => s.kind === 'day');
    return { handEnd, tStart, spot };
  };
  it('a "t" box stretched back over the last digit: the gap ends between the handwriting and the printed "t"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 30 }), fc.integer({ min: 32, max: 80 }), (space, overlap) => {
        const { handEnd, tStart, spot } = dayGap(space, overlap);
        expect(spot!.printedFrom).toBeGreaterThanOrEqual(handEnd - cw * 0.3);
        expect(spot!.printedFrom).toBeLessThanOrEqual(tStart + cw * 0.5);
      }),
      { numRuns: 300 },
    );
  });
  it('a "t" box of a printed character\'s width: the gap ends where it starts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 30 }), (space) => {
        const { tStart, spot } = dayGap(space, null);
        expect(spot!.printedFrom).toBe(tStart);
      }),
    );
  });
});

describe('handwriting glued to "Số:"', () => {
  // "Số:94" read as one word: the gap starts where the engine boxed the colon, when that is
  // before the estimate from the line's mean character width (a colon is narrow), so the first
  // digit, written close to the colon, is not taken for print before the gap.
  const cw = 22;
  const other: LayoutWord[] = ['Thanh', 'Hóa,', 'ngày', 'tháng', 'năm'].map((t, i) => ({ text: t, confidence: 0.95, bbox: { x0: 1000 + i * 200, y0: 400, x1: 1000 + i * 200 + [...t].length * cw, y1: 440 } }));
  it.each([
    ['a narrow colon', 8, 2],
    ['a wide colon', 12, 6],
  ])('with %s', (_what, colonW, space) => {
    const boxes: [string, number][] = [['S', 26], ['ố', 22], [':', colonW as number]];
    let x = 300;
    const chars = boxes.map(([text, w]) => {
      const c = { text, x0: x, x1: x + w };
      x += w;
      return c;
    });
    const colonEnd = x;
    const nine = { text: '9', x0: colonEnd + (space as number), x1: colonEnd + (space as number) + 26 };
    const four = { text: '4', x0: nine.x1 + 2, x1: nine.x1 + 28 };
    const so: LayoutWord = { text: 'Số:94', confidence: 0.5, bbox: { x0: 300, y0: 395, x1: four.x1, y1: 445 }, chars: [...chars, nine, four] };
    const tail: LayoutWord = { text: '/QĐ-UBND', confidence: 0.9, bbox: { x0: four.x1 + 60, y0: 400, x1: four.x1 + 60 + 8 * cw, y1: 440 } };
    const ws = [so, tail, ...other];
    const spot = handwritingSpots({ lines: [{ text: ws.map((w) => w.text).join(' '), bbox: { x0: 300, y0: 395, x1: 2100, y1: 445 }, words: ws }], width: 2400, height: 3400 }).find((s) => s.kind === 'number')!;
    expect(spot.bbox.x0).toBeLessThanOrEqual(colonEnd + cw * 0.1 + 1);
    expect((nine.x0 + nine.x1) / 2).toBeGreaterThan(spot.bbox.x0);
  });
});

describe('a pen whose colour shows on the blue plane only in part', () => {
  it.each(['14', '28', '05', '31'])('reads the day "%s" on the grey when the blue plane leaves a mark in the gap unread', async (day) => {
    const { page } = dateLine(day, 0);
    const { width, height, data } = page.gray;
    const words = page.lines[0]!.words!;
    const from = words[2]!.bbox.x1, to = words[3]!.bbox.x0;
    const dark = (x: number, y: number) => data[y * width + x]! < 128;
    // The first digit: the first run of columns holding ink after "ngày"; its rows with ink.
    const cols = [...Array(to - from).keys()].map((k) => from + k).filter((x) => [...Array(height).keys()].some((y) => dark(x, y)));
    let end = cols[0]!;
    while (cols.includes(end + 1)) end++;
    const rows = [...Array(height).keys()].filter((y) => cols.some((x) => dark(x, y)));
    const top = rows[0]!, bottom = rows.at(-1)!;
    // The plane shows the pen (a near-black ink, barely blue) fully on the later digits, on the first only in its lowest third.
    const blue = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = from; x < to; x++) {
      if (dark(x, y) && (x > end || y > bottom - (bottom - top) / 3)) blue[y * width + x] = 200;
    }
    const got = await readHandwriting({ ...page, blue: { width, height, data: blue } }, readDigits);
    expect(got.find((r) => r.kind === 'day')?.text).toBe(day);
  });
});
