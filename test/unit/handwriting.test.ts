/**
 * Handwritten numbers and days (issue 14, point 4), the pure steps: where the gaps are on a
 * page laid out as OCR gives it, and what a digit reading becomes. Written from the form the
 * văn thư fills ("Số: ___ /UBND-TTHC", "ngày ___ tháng 01 năm 2025") and from the checks the
 * issue names (a date not in the future, not after the issuer signed), not from the code.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HAND_MAX_CONFIDENCE,
  SIGNED_WINDOW_DAYS,
  handwritingSpots,
  handwrittenDate,
  handwrittenNumber,
  type HandReading,
} from '../../shared/scans/domain/extract/handwriting';
import { extractFields } from '../../shared/scans/domain/extract/index';
import { onlyMarks } from '../../shared/scans/domain/extract/header';
import type { LayoutLine, LayoutWord } from '../../shared/scans/domain/extract/layout';
import { digitsInGap } from '../../shared/scans/adapters/ocr/handwriting';
import { scanReader } from '../../shared/scans/app/scan-reader';
import { DEFAULT_VOCABULARY } from '../../shared/scans/domain/extract/index';
import type { OcrEngine } from '../../shared/scans/ports/ocr-engine';

const W = 2000;
const H = 2800;

/** Words laid out left to right from x, each `cw` pixels a character, `gaps` pixels apart (a gap per word index may be widened). */
function words(texts: string[], x: number, y: number, cw: number, h: number, gapAfter: Record<number, number> = {}): LayoutWord[] {
  const out: LayoutWord[] = [];
  let at = x;
  texts.forEach((t, i) => {
    const w = [...t].length * cw;
    out.push({ text: t, confidence: 0.95, bbox: { x0: Math.round(at), y0: y, x1: Math.round(at + w), y1: y + h } });
    at += w + cw * 0.5 + (gapAfter[i] ?? 0);
  });
  return out;
}
const line = (ws: LayoutWord[]): LayoutLine => ({
  text: ws.map((w) => w.text).join(' '),
  bbox: { x0: ws[0]!.bbox.x0, y0: Math.min(...ws.map((w) => w.bbox.y0)), x1: ws.at(-1)!.bbox.x1, y1: Math.max(...ws.map((w) => w.bbox.y1)) },
  words: ws,
});

describe('handwritingSpots: the gaps the văn thư fills', () => {
  it('finds the gap after "Số" up to the printed tail, and the day and month gaps of the date line, in the header band', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 18, max: 30 }), // printed character width
        fc.integer({ min: 60, max: 220 }), // the handwritten number's width
        fc.integer({ min: 40, max: 140 }), // the handwritten day's width
        fc.integer({ min: 150, max: 700 }), // the header's top
        fc.constantFrom('/UBND-TTHC', '/QĐ-UBND', '/CT-UBND', '/BC-STC', '-NQ/TU', '-CV/VPTU'),
        (cw, numberW, dayW, top, tail) => {
          const h = Math.round(cw * 1.6);
          const so = words(['Số:'], 320, top, cw, h);
          const tailWord = words([tail], so[0]!.bbox.x1 + numberW, top, cw, h);
          const date = words(['Quảng', 'Ngãi,', 'ngày', 'tháng', '01', 'năm', '2025'], 1000, top, cw, h, { 2: dayW });
          const spots = handwritingSpots({ lines: [line([...so, ...tailWord, ...date])], width: W, height: H });
          const number = spots.find((s) => s.kind === 'number');
          const day = spots.find((s) => s.kind === 'day');
          const month = spots.find((s) => s.kind === 'month');
          expect(number).toBeDefined();
          // Right of "Số:", ending before the printed tail's second character.
          expect(number!.bbox.x0).toBeGreaterThanOrEqual(so[0]!.bbox.x1);
          expect(number!.bbox.x1).toBeLessThan(tailWord[0]!.bbox.x0 + cw);
          // It covers the gap's middle, with room above and below the printed line.
          const mid = so[0]!.bbox.x1 + numberW / 2;
          expect(number!.bbox.x0).toBeLessThan(mid);
          expect(number!.bbox.x1).toBeGreaterThan(mid);
          expect(number!.bbox.y0).toBeLessThan(top);
          expect(number!.bbox.y1).toBeGreaterThan(top + h);
          const ngay = date[2]!;
          const thang = date[3]!;
          expect(day!.bbox.x0).toBeGreaterThanOrEqual(ngay.bbox.x1 - cw * 0.5);
          expect(day!.bbox.x1).toBeLessThanOrEqual(thang.bbox.x0 + 1);
          expect(month!.bbox.x0).toBeGreaterThanOrEqual(thang.bbox.x1 - cw * 0.5);
          expect(month!.bbox.x1).toBeLessThanOrEqual(date[5]!.bbox.x0 + 1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('starts the number gap where "Số:" ends when OCR boxed "Số:" over handwriting it did not read', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18, max: 30 }), fc.integer({ min: 50, max: 160 }), (cw, over) => {
        const so = words(['Số:'], 330, 400, cw, Math.round(cw * 1.6));
        // The box reaches `over` pixels (a digit or more) past the printed "Số:" (the first digits of "3875" under it).
        so[0]!.bbox.x1 += over;
        const tail = words(['/UBND-NNTN'], so[0]!.bbox.x1 + 2 * cw, 400, cw, Math.round(cw * 1.6));
        const date = words(['Thanh', 'Hóa,', 'ngày', 'tháng', '8', 'năm', '2018'], 1100, 400, cw, Math.round(cw * 1.6), { 2: 80 });
        const number = handwritingSpots({ lines: [line([...so, ...tail, ...date])], width: W, height: H }).find((s) => s.kind === 'number')!;
        expect(number.bbox.x0).toBeLessThanOrEqual(so[0]!.bbox.x0 + 3.1 * cw + 1);
        expect(number.bbox.x0).toBeGreaterThanOrEqual(so[0]!.bbox.x0 + 2 * cw);
      }),
      { numRuns: 100 },
    );
  });

  it('finds the number gap when OCR glued the handwriting to the printed tail ("ð1#/UBND-KTTH")', () => {
    const cw = 26;
    const so = words(['Số:'], 330, 400, cw, 50);
    const glued = words(['ð1#/UBND-KTTH'], 400, 400, cw, 50);
    // The handwriting took more room than three printed characters: the word is wider than its letters.
    glued[0]!.bbox.x1 = glued[0]!.bbox.x0 + 10 * cw * 1.1 + 95;
    const spots = handwritingSpots({ lines: [line([...so, ...glued, ...words(['Quảng', 'Ngãi,'], 1000, 400, cw, 50)])], width: W, height: H });
    const number = spots.find((s) => s.kind === 'number')!;
    expect(number.bbox.x0).toBeGreaterThanOrEqual(so[0]!.bbox.x1);
    expect(number.bbox.x1).toBeGreaterThan(glued[0]!.bbox.x0 + 60);
    expect(number.bbox.x1).toBeLessThan(glued[0]!.bbox.x0 + 95 + cw);
  });

  it('reaches into a "tháng" word OCR glued to the end of the handwritten day ("“tháng", "7tháng")', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 18, max: 30 }),
        fc.array(fc.constantFrom('“', '7', '4', 'Ÿ', '‘', '1', 'ž'), { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 30, max: 120 }),
        (cw, junk, dayW) => {
          const h = Math.round(cw * 1.6);
          const head = words(['Quảng', 'Ngãi,', 'ngày'], 1000, 400, cw, h);
          // The handwriting's last stroke sits where OCR starts the word: the printed "tháng" begins `junk.length` characters in.
          const x0 = head[2]!.bbox.x1 + dayW;
          const thang = words([`${junk.join('')}tháng`], x0, 400, cw, h)[0]!;
          const tail = words(['01', 'năm', '2025'], thang.bbox.x1 + cw / 2, 400, cw, h);
          const day = handwritingSpots({ lines: [line([...head, thang, ...tail])], width: W, height: H }).find((s) => s.kind === 'day');
          expect(day).toBeDefined();
          const printedT = thang.bbox.x0 + junk.length * cw;
          expect(day!.bbox.x1).toBeGreaterThan(thang.bbox.x0 + junk.length * cw * 0.7);
          expect(day!.bbox.x1).toBeLessThanOrEqual(printedT + cw * 0.5);
        },
      ),
      { numRuns: 100 },
    );
  });

  it.each([
    ['a "Số" cited in the body, below the header band', 0.6, ['Nghị', 'định', 'số:', '71/2016/NĐ-CP'], 0],
    ['a "Số" line with no printed tail', 0.1, ['Số:', '12345'], 0],
    ['no words at all', 0.1, [], 0],
  ])('gives no number gap for %s', (_what, yFrac, texts, expected) => {
    const ws = words(texts as string[], 300, Math.round(H * (yFrac as number)), 24, 40);
    const lines = ws.length ? [line(ws)] : [];
    expect(handwritingSpots({ lines, width: W, height: H }).filter((s) => s.kind === 'number')).toHaveLength(expected as number);
  });

  it.each([
    ['"Số" glued to the handwriting with no colon', ['Số2wL', '/QĐ-UBND'], 1],
    ['"Số" glued, the handwriting\'s rest read as a word of its own', ['Số2', '27', '/UBND-KT'], 1],
    ['"Số" glued with a colon, not first on the line (merged columns)', ['TỈNH', 'Số:4ể', '/CT-UBND'], 1],
    ['a first word that only starts like "Số", printed words after it', ['SÓC', 'TRĂNG', '/QĐ-UBND'], 0],
    ['"Số" glued with no colon, not first on the line', ['Về', 'Số2wL', '/QĐ-UBND'], 0],
    ['the type\'s small print read in lower case', ['số:48Ô', '/pc-UBND'], 1],
    ['a lower-case word after a slash with no capitals after it (running text)', ['số:48', '/năm', 'nay'], 0],
  ])('number gap for %s', (_what, texts, expected) => {
    const lines = [line(words(texts as string[], 300, 300, 24, 40, { 0: 60 }))];
    expect(handwritingSpots({ lines, width: W, height: H }).filter((s) => s.kind === 'number')).toHaveLength(expected as number);
  });

  // The handwritten day glued to "ngày" may itself read as a y ("ngàyŸ6": a "1" read as "Ÿ"): the gap starts after "ngày"'s own y.
  it.each([['ngàyŸ6'], ['ngàVV§'], ['ngàyy5'], ['ngày']])('day gap starts after the first y of "%s"', (glued) => {
    const cw = 24;
    const ws = words(['Phú', 'Yên,', glued, 'tháng', '12', 'năm', '2018'], 1000, 300, cw, 40, { 2: 60 });
    const day = handwritingSpots({ lines: [line(ws)], width: W, height: H }).find((s) => s.kind === 'day');
    expect(day).toBeDefined();
    expect(day!.bbox.x0).toBeLessThanOrEqual(ws[2]!.bbox.x0 + 4 * cw + 1);
    expect(day!.bbox.x0).toBeGreaterThanOrEqual(ws[2]!.bbox.x0 + 4 * cw - 1);
  });

  it('day gap starts at the engine\'s box of the "y" when the word holding "ngày" also holds the place, in narrower print', () => {
    // "Lắk,ngày93": eight printed characters 20 px wide on a line whose other words are 26 px a character, then the day.
    const ws = words(['Đắk', 'Lắk,ngày93', 'tháng', '8', 'năm', '2020'], 1000, 300, 26, 40, { 1: 60 });
    const glued = ws[1]!;
    const printed = [...'Lắk,ngày'].map((c, k) => ({ text: c, x0: glued.bbox.x0 + k * 20, x1: glued.bbox.x0 + (k + 1) * 20 }));
    const yEnd = printed.at(-1)!.x1;
    glued.chars = [...printed, { text: '9', x0: yEnd + 2, x1: yEnd + 20 }, { text: '3', x0: yEnd + 24, x1: yEnd + 42 }];
    glued.bbox = { ...glued.bbox, x1: yEnd + 42 };
    const day = handwritingSpots({ lines: [line(ws)], width: W, height: H }).find((s) => s.kind === 'day');
    expect(day?.bbox.x0).toBeLessThanOrEqual(yEnd + 2);
    expect(day?.bbox.x0).toBeGreaterThanOrEqual(yEnd - 12);
  });

  // "ngày|5": a "1" written against the y, boxed with it ("y" over both, "?" for the 5). The line's
  // print is set wider than the letters of "ngày" themselves (spaces and capitals: 25 px a character
  // on the line, 21 px letters in "ngày"), so the character estimate does not find the stroke.
  it.each([
    [1.0, 'a "y" as wide as a letter: the gap starts after it', false],
    [1.3, 'a "y" a little wider (an italic y\'s tail): after it too', false],
    [1.7, 'a "y" boxed over a stroke after it: a letter\'s width into it', true],
    [2.1, 'a "y" boxed over a wider stroke: a letter\'s width into it', true],
  ])('day gap with the y boxed %s letters wide: %s (property)', (yW, _what, stretched) => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 30 }), (lw) => {
        const ws = words(['Quảng', 'Nam,', 'ngày?', 'tháng', '3', 'năm', '2021'], 1000, 300, Math.round(lw * 1.2), 40, { 2: 80 });
        const w = ws[2]!;
        const x0 = w.bbox.x0;
        const pitch = lw * 1.1;
        const y = { text: 'y', x0: Math.round(x0 + 3 * pitch), x1: Math.round(x0 + 3 * pitch + yW * lw) };
        w.chars = [...'ngà'].map((c, k) => ({ text: c, x0: Math.round(x0 + k * pitch), x1: Math.round(x0 + k * pitch + lw) })).concat([y, { text: '?', x0: y.x1 + 3, x1: y.x1 + 3 + lw }]);
        w.bbox = { ...w.bbox, x1: y.x1 + 3 + lw };
        const day = handwritingSpots({ lines: [line(ws)], width: W, height: H }).find((s) => s.kind === 'day');
        // Stretched: from about a letter into the y's box; plain: from the y's end (or the estimate, when sooner).
        const from = stretched ? y.x0 + 1.2 * lw : Math.min(y.x1, x0 + 4 * lw * 1.2);
        expect(day!.bbox.x0).toBeGreaterThanOrEqual(from - 0.25 * lw);
        expect(day!.bbox.x0).toBeLessThanOrEqual(from + 0.25 * lw);
      }),
      { numRuns: 30 },
    );
  });

  it.each([
    ['"tháng" read whole', ['Phú', 'Yên,', 'ngày', 'tháng', '11', 'năm', '2024']],
    ['"tháng" whose "t" the handwriting took ("@háng")', ['Phú', 'Yên,', 'ngày', '@háng', '11', 'năm', '2024']],
  ])('day gap when %s', (_what, texts) => {
    const ws = words(texts as string[], 1000, 300, 24, 40, { 2: 80 });
    const day = handwritingSpots({ lines: [line(ws)], width: W, height: H }).find((s) => s.kind === 'day');
    expect(day?.bbox.x0).toBeGreaterThanOrEqual(ws[2]!.bbox.x1 - 12);
    expect(day?.bbox.x1).toBeLessThanOrEqual(ws[3]!.bbox.x0 + 1);
  });

  // A short letter's body starts high on the page, inside the header band: its citations are not the gaps.
  const header = (soWords: string[]) => [
    line(words(['ỦY', 'BAN', 'NHÂN', 'DÂN'], 300, 200, 24, 40)),
    line(words([...soWords, '/QĐ-UBND'], 300, 330, 24, 40, { 0: 90 })),
    line(words(['QUYẾT', 'ĐỊNH'], 800, 470, 24, 40)),
  ];
  const body = [
    line(words(['Căn', 'cứ', 'Nghị', 'định', 'số', '30/2020/NĐ-CP', 'ngày', '05', 'tháng', '3', 'năm', '2020'], 300, 620, 24, 40)),
    line(words(['Thực', 'hiện', 'Công', 'văn', 'số', '12/UBND-KT', 'ngày', '12', 'tháng', '01', 'năm', '2025'], 300, 700, 24, 40)),
  ];
  it.each([
    ['the header\'s "Số" read', ['Số:'], 'header'],
    // Junk before the tail: the Số line whose "Số" and number OCR lost (its gap, in the header).
    ['the header\'s "Số" read as junk', ['ð#%'], 'header'],
  ])('a body that opens in the header band gives no gap of its own (%s)', (_what, soWords, where) => {
    const spots = handwritingSpots({ lines: [...header(soWords as string[]), ...body], width: W, height: H });
    expect(spots.filter((s) => s.bbox.y1 > 600)).toEqual([]);
    const number = spots.find((s) => s.kind === 'number');
    expect(number ? (number.bbox.y1 < 600 ? 'header' : 'body') : null).toBe(where);
  });
});

const reading = (kind: HandReading['kind'], text: string, p: number, seconds: (string | null)[] = []): HandReading => ({
  kind,
  text,
  confidence: p,
  digits: [...text].map((char, i) => ({ char, p, ...(seconds[i] ? { second: { char: seconds[i]!, p: 0.3 } } : {}) })),
});

describe('handwrittenNumber', () => {
  it('is never given as sure, and an unsure or non-digit reading is null with the reason "handwritten"', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,6}[a-z]?$/), fc.double({ min: 0, max: 1, noNaN: true }), (text, p) => {
        const v = handwrittenNumber(reading('number', text, p));
        if (v.value === null) {
          expect(v.reason).toMatch(/^handwritten/);
        } else {
          expect(v.confidence).toBeLessThanOrEqual(HAND_MAX_CONFIDENCE);
          expect(v.confidence).toBeLessThan(0.9);
          expect(Number(v.value)).toBe(Number(text));
          expect(p).toBeGreaterThanOrEqual(0.6);
        }
      }),
    );
    expect(handwrittenNumber(undefined).value).toBeNull();
  });
});

describe('handwrittenDate', () => {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  it('never gives a date after the issuer signed or after today, nor one long before the signing as surely as one just before it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2015-01-01'), max: new Date('2026-11-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 31 }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
        fc.integer({ min: 1, max: 31 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (signed, day, printedMonth, second, p) => {
          const signedOn = iso(signed);
          const year = Number(signedOn.slice(0, 4));
          const month = printedMonth ?? Number(signedOn.slice(5, 7));
          const r = reading('day', String(day).padStart(2, '0'), p, [null, String(second % 10)]);
          const v = handwrittenDate(r, { printed: month }, year, { signedOn, latest: '2026-12-05' });
          // Each outcome checked as such: a value within the bounds, or null with why.
          const checked = v.value === null ? { value: null, ok: /handwritten|after the issuer signed/.test(v.reason) } : {
            value: v.value,
            ok: v.value <= signedOn && v.value <= '2026-12-05' && v.confidence < 0.9 &&
              // Further before the signing than the window: on the reading alone, as without a signing.
              ((Date.parse(signedOn) - Date.parse(v.value)) / 86_400_000 <= SIGNED_WINDOW_DAYS || v.confidence <= 0.75),
          };
          expect(checked.ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    // [day read, second choice of the last digit, printed month, signed on, expected]
    ['15', null, 1, '2025-01-15', '2025-01-15'],
    ['04', null, 2, '2025-02-04', '2025-02-04'],
    ['03', null, 4, '2018-04-04', '2018-04-03'],
    // The first choice is after the signing; the only second choice inside the window is taken.
    ['26', '0', 1, '2025-01-21', '2025-01-20'],
    // Neither choice is possible (both after the signing): null, not a guess.
    ['28', '9', 2, '2025-02-07', null],
    // Long before the signing (a copy signed weeks later), with no second choice near it: the reading stands.
    ['05', null, 1, '2025-02-20', '2025-01-05'],
    // Long before the signing, but a second choice lies just before it: the signing vouches for that one.
    ['05', '8', 2, '2025-02-20', '2025-02-08'],
    // No day in February 30.
    ['30', null, 2, undefined, null],
  ])('day %s (second choice %s), month %s, signed %s → %s', (day, second, month, signedOn, expected) => {
    const r = reading('day', day as string, 0.9, [null, second as string | null]);
    const v = handwrittenDate(r, { printed: month as number }, Number((signedOn as string | undefined)?.slice(0, 4) ?? 2025), { ...(signedOn ? { signedOn: signedOn as string } : {}) });
    expect(v.value).toBe(expected);
  });

  it('reads a handwritten month when the printed one is not readable', () => {
    const v = handwrittenDate(reading('day', '15', 0.95), { printed: null, reading: reading('month', '01', 0.9) }, 2025, { signedOn: '2025-01-15' });
    expect(v.value).toBe('2025-01-15');
  });
});

describe('the extractor with handwriting readings', () => {
  const stateHeader = (numberGap: string, dayGap: string) =>
    [
      'ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH QUẢNG NGÃI            Độc lập - Tự do - Hạnh phúc',
      `Số: ${numberGap}/UBND-TTHC       Quảng Ngãi, ngày${dayGap}tháng 01 năm 2025`,
      'V/v công bố Danh mục TTHC',
      '',
      'Kính gửi: Sở Giao thông vận tải',
      'Thực hiện Quyết định số 1743/QĐ-BGTVT ngày 31/12/2024 của Bộ Giao thông vận tải.',
      'TL. CHỦ TỊCH',
      'Nguyễn Quốc Việt',
    ].join('\n');

  it.each([
    // [print OCR's day (letters or digits where the văn thư wrote it), the day that reads]
    [' ởi ', '2025-01-01'],
    [' 27 ', '2025-01-27'],
    [' l7 ', '2025-01-17'],
  ])('print OCR read the day as "%s" where the recogniser saw ink it could not read: that day at most 0.5, the reason "handwritten"', (dayGap, iso) => {
    const unread: HandReading = { kind: 'day', text: '', confidence: 0, digits: [], rejected: 1 };
    const opts = { today: new Date('2025-03-01') };
    const alone = extractFields(stateHeader('12', dayGap), opts).fields.documentDate;
    // Print OCR's reading alone reads that day (the check below means something)…
    expect(alone.value).toBe(iso);
    const f = extractFields(stateHeader('12', dayGap), { ...opts, handwriting: [unread] }).fields.documentDate;
    expect(f.value).toBe(iso);
    expect(f.confidence).toBeLessThanOrEqual(0.5);
    expect(f.reason).toMatch(/^handwritten: .*could not read the day/);
  });

  it('takes the recogniser\'s number and day where print OCR could not read them, below 0.9', () => {
    const f = extractFields(stateHeader('ê#', '5'), {
      today: new Date('2025-03-01'),
      signedOn: '2025-01-15',
      handwriting: [reading('number', '299', 0.97), reading('day', '15', 0.95), reading('month', '01', 0.99)],
    }).fields;
    expect(f.numberSymbol.value).toBe('299/UBND-TTHC');
    expect(f.documentDate.value).toBe('2025-01-15');
    expect(f.numberSymbol.confidence).toBeLessThan(0.9);
    expect(f.documentDate.confidence).toBeLessThan(0.9);
  });

  it.each([
    // [print OCR's reading of the gaps, the recogniser's, the number and date expected]
    ['8 ', ' 23 ', '08', '03', '08/UBND-TTHC', '2025-01-03'],
    ['12 ', ' 21 ', '12', '12', '12/UBND-TTHC', '2025-01-12'],
    ['5 ', ' 05 ', '05', '05', '05/UBND-TTHC', '2025-01-05'],
  ])('on a State letter, print OCR read "%s" and "%s", the recogniser %s and %s: the written number, the recogniser\'s day, below 0.9', (numberGap, dayGap, handNumber, handDay, number, date) => {
    const f = extractFields(stateHeader(numberGap as string, dayGap as string), {
      today: new Date('2025-03-01'),
      handwriting: [reading('number', handNumber as string, 0.95), reading('day', handDay as string, 0.9), reading('month', '01', 0.99)],
    }).fields;
    expect(f.numberSymbol.value).toBe(number);
    expect(f.documentDate.value).toBe(date);
    expect(f.numberSymbol.confidence).toBeLessThan(0.9);
    expect(f.documentDate.confidence).toBeLessThan(0.9);
  });

  it.each([
    ['the recogniser sure', 0.95, 0],
    ['the recogniser less sure', 0.7, 0],
    ['a mark in the gap it could not read as a digit', 0.95, 1],
  ])('on a State letter where print OCR and the recogniser disagree on the number (%s): the recogniser\'s, at 0.5, both named', (_what, p, rejected) => {
    const f = extractFields(stateHeader('899 ', ' 15 '), {
      today: new Date('2025-03-01'),
      handwriting: [{ ...reading('number', '299', p as number), ...(rejected ? { rejected: rejected as number } : {}) }, reading('day', '15', 0.9), reading('month', '01', 0.99)],
    }).fields;
    expect(f.numberSymbol.value).toBe('299/UBND-TTHC');
    expect(f.numberSymbol.confidence).toBe(0.5);
    expect(f.numberSymbol.reason).toMatch(/"899".*"299"/);
  });

  it.each([
    // [print OCR's number, the recogniser's, its second choices, the number expected, confidence]
    ['print OCR\'s number is the recogniser\'s with one digit its second choice', '148 ', '748', ['1', null, null], '148/UBND-TTHC', 0.6],
    ['print OCR\'s number needs two second choices', '118 ', '748', ['1', '1', null], '748/UBND-TTHC', 0.5],
    ['print OCR\'s number is no choice of the recogniser\'s', '148 ', '748', [null, null, null], '748/UBND-TTHC', 0.5],
  ])('the number, when %s', (_what, numberGap, hand, seconds, want, confidence) => {
    const f = extractFields(stateHeader(numberGap as string, ' 15 '), {
      today: new Date('2025-03-01'),
      handwriting: [reading('number', hand as string, 0.9, seconds as (string | null)[]), reading('day', '15', 0.9), reading('month', '01', 0.99)],
    }).fields;
    expect(f.numberSymbol.value).toBe(want);
    expect(f.numberSymbol.confidence).toBe(confidence);
  });

  it.each([
    ['print OCR\'s day is the recogniser\'s with one digit its second choice', ' 28 ', '23', [null, '8'], '2025-01-28'],
    ['print OCR\'s day is no choice of the recogniser\'s', ' 28 ', '23', [null, null], '2025-01-23'],
  ])('the day, when %s', (_what, dayGap, hand, seconds, want) => {
    const f = extractFields(stateHeader('12 ', dayGap as string), {
      today: new Date('2025-03-01'),
      handwriting: [reading('number', '12', 0.9), reading('day', hand as string, 0.9, seconds as (string | null)[]), reading('month', '01', 0.99)],
    }).fields;
    expect(f.documentDate.value).toBe(want);
    expect(f.documentDate.confidence).toBeLessThan(0.9);
  });

  it.each([
    // [what, print OCR's number gap and day gap, the recogniser's number and day (unsure), confidence ≤ 0.5 for the number, for the date]
    ['both read otherwise', '892 ', ' 23 ', '99', '03', true, true],
    ['the number alike, the day otherwise', '892 ', ' 23 ', '892', '03', false, true],
    ['the day alike (its leading zero aside), the number otherwise', '892 ', ' 3 ', '299', '03', true, false],
  ])('print OCR\'s reading of a gap the recogniser, unsure, read otherwise is kept at 0.5 with both named (%s)', (_what, numberGap, dayGap, handNumber, handDay, numberDoubt, dayDoubt) => {
    const f = extractFields(stateHeader(numberGap as string, dayGap as string), {
      today: new Date('2025-03-01'),
      handwriting: [reading('number', handNumber as string, 0.4), reading('day', handDay as string, 0.4), reading('month', '01', 0.99)],
    }).fields;
    const printed = `${(numberGap as string).trim()}/UBND-TTHC`;
    const day = `2025-01-${(dayGap as string).trim().padStart(2, '0')}`;
    // The values stay print OCR's: the recogniser is not sure of its own.
    expect(f.numberSymbol.value).toBe(printed);
    expect(f.documentDate.value).toBe(day);
    expect(f.numberSymbol.confidence <= 0.5).toBe(numberDoubt);
    expect((f.numberSymbol.reason ?? '').includes(`unsure, "${handNumber}"`)).toBe(numberDoubt);
    expect(f.documentDate.confidence <= 0.5).toBe(dayDoubt);
    expect((f.documentDate.reason ?? '').includes(`unsure, the day "${handDay}"`)).toBe(dayDoubt);
  });

  it('never takes a body date instead, and says why when the handwritten day is after the signing', () => {
    const f = extractFields(stateHeader('ê#', ' '), {
      today: new Date('2025-03-01'),
      signedOn: '2025-01-15',
      handwriting: [reading('number', '299', 0.4), reading('day', '25', 0.95)],
    }).fields;
    expect(f.documentDate.value).toBeNull();
    expect(f.documentDate.reason).toMatch(/after the issuer signed/);
    expect(f.numberSymbol.value).toBeNull();
    expect(f.numberSymbol.reason).toMatch(/^handwritten/);
  });
});

describe('digitsInGap: what the engine keeps of the recogniser\'s digits', () => {
  const spot = { kind: 'number' as const, bbox: { x0: 400, y0: 300, x1: 540, y1: 400 }, printedFrom: 535, charWidth: 24 };
  const digit = (char: string, x0: number, x1: number, y0 = 30, y1 = 75, p = 0.9) => ({ char, p, bbox: { x0, y0, x1, y1 } });
  it.each([
    ['the handwritten digits', [digit('2', 5, 35), digit('9', 40, 70), digit('9', 75, 105)], '299'],
    ['a slash at the printed tail read as a 1', [digit('8', 20, 50), digit('8', 55, 85), digit('1', 122, 134)], '88'],
    ['a piece of the line above (top of the crop)', [digit('5', 10, 30, 0, 14), digit('7', 40, 70)], '7'],
    ['a piece of the line below (bottom of the crop)', [digit('4', 10, 40), digit('1', 50, 60, 88, 100)], '4'],
    ['a digit cut by the gap\'s start, its middle inside', [digit('2', -10, 24), digit('9', 30, 60)], '29'],
    ['a sure first digit written over the colon, a third of it inside', [digit('7', -16, 9, 30, 75, 0.99), digit('5', 14, 40)], '75'],
    ['an unsure mark over the colon, a third of it inside', [digit('1', -16, 9, 30, 75, 0.9), digit('5', 14, 40)], '5'],
    ['a sure digit-like piece of the print before the gap, a fifth of it inside', [digit('7', -20, 5, 30, 75, 0.99), digit('5', 14, 40)], '5'],
  ])('keeps %s', (_what, digits, kept) => {
    expect(digitsInGap(spot, digits).map((d) => d.char).join('')).toBe(kept);
  });
});

describe('handwrittenNumber with pieces the recogniser did not read as digits', () => {
  it('offers the digits it read, less sure, saying a mark in the gap was not read', () => {
    const clean = handwrittenNumber({ ...reading('number', '99', 0.95) });
    const doubtful = handwrittenNumber({ ...reading('number', '99', 0.95), rejected: 1 });
    expect(clean.value).toBe('99');
    expect(doubtful.value).toBe('99');
    expect((doubtful as { confidence: number }).confidence).toBeLessThan((clean as { confidence: number }).confidence);
    expect((doubtful as { confidence: number }).confidence).toBeLessThanOrEqual(0.6);
    expect((doubtful as { reason: string }).reason).toMatch(/could not read as a digit/);
  });
});

describe('the scan reader gives the extractor its days in the office\'s time zone', () => {
  // 20:00 UTC on 15 January is already 16 January in Hà Nội (UTC+7): a day written "16", signed
  // that morning, is today there, not tomorrow.
  const page = [
    'ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'TỈNH QUẢNG NGÃI            Độc lập - Tự do - Hạnh phúc',
    'Số: 12/UBND-TTHC       Quảng Ngãi, ngày  tháng 01 năm 2025',
    'V/v công bố Danh mục TTHC',
    '',
    'Kính gửi: Sở Giao thông vận tải',
  ].join('\n');
  const engine = (signedAt: string): OcrEngine => ({
    name: 'stand-in',
    recognize: async () => ({ engine: 'stand-in', pages: [{ text: page, confidence: 0.9, handwriting: [reading('day', '16', 0.95)] }], signatures: [{ signedAt }] }),
  });
  it.each([
    ['Asia/Ho_Chi_Minh', '2025-01-16T08:30:00+07:00', '2025-01-16'],
    // The same moments seen from UTC: the 16th is still tomorrow, and the issuer signed on the 16th only there too.
    ['UTC', '2025-01-16T08:30:00+07:00', null],
  ])('in %s, signed %s → %s', async (timeZone, signedAt, expected) => {
    const reader = scanReader(engine(signedAt), () => DEFAULT_VOCABULARY, () => new Date('2025-01-15T20:00:00Z'), () => timeZone);
    const read = await reader.read(new Uint8Array(), 'image/png');
    expect(reader.extract(read.pages.map((p) => p.text).join('\n\n'), read).fields.documentDate.value).toBe(expected);
  });
});

describe('a handwritten number that swallowed the slash ("Số: 4UBND-NNTN")', () => {
  it('ends the number gap before the slash, and drops a digit read where the slash stands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18, max: 30 }), fc.constantFrom('4', '12', '307'), fc.constantFrom('UBND-NNTN', 'QĐ-UBND', 'SNV-TCBC'), (cw, digits, tail) => {
        const ws = words(['Số:', `${digits}${tail}`], 500, 400, cw, Math.round(cw * 1.6));
        // The engine boxes each character of the glued word.
        ws[1] = { ...ws[1]!, chars: [...ws[1]!.text].map((c, i) => ({ text: c, x0: ws[1]!.bbox.x0 + i * cw, x1: ws[1]!.bbox.x0 + (i + 1) * cw })) };
        const number = handwritingSpots({ lines: [line(ws)], width: W, height: H }).find((s) => s.kind === 'number');
        expect(number).toBeDefined();
        const capitals = ws[1]!.bbox.x0 + digits.length * cw;
        // The printed part starts at the slash, half a character before the capitals.
        expect(number!.printedFrom).toBeLessThanOrEqual(capitals - 0.4 * cw);
        expect(number!.printedFrom).toBeGreaterThan(capitals - cw);
        // A stroke read where the slash stands is print; a digit written before it is kept.
        const at = (x0: number, x1: number) => ({ bbox: { x0: x0 - number!.bbox.x0, x1: x1 - number!.bbox.x0, y0: 5, y1: number!.bbox.y1 - number!.bbox.y0 - 5 }, p: 0.99 });
        const slash = at(capitals - 0.55 * cw, capitals - 0.05 * cw);
        const digit = at(capitals - 1.6 * cw, capitals - 0.6 * cw);
        expect(digitsInGap(number!, [digit, slash])).toEqual([digit]);
      }),
      { numRuns: 50 },
    );
  });

  it('gives the symbol\'s letters and the recogniser\'s number, below 0.9', () => {
    const page = ['ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỈNH KON TUM            Độc lập - Tự do - Hạnh phúc', 'Số: 4UBND-NNTN          Kon Tum, ngày 12 tháng 3 năm 2023', 'V/v tăng cường công tác phòng, chống thiên tai', '', 'Kính gửi: Thường trực HĐND tỉnh', 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;', 'KT. CHỦ TỊCH', 'Nguyễn Văn An'].join('\n');
    const read = extractFields(page, { today: new Date('2024-01-01'), handwriting: [reading('number', '4', 0.99)] }).fields.numberSymbol;
    expect(read.value).toBe('4/UBND-NNTN');
    expect(read.confidence).toBeLessThan(0.9);
    const none = extractFields(page, { today: new Date('2024-01-01') }).fields.numberSymbol;
    expect(none.value).toBeNull();
    expect(none.reason).toMatch(/^handwritten/);
  });
});

describe('a handwritten number glued to "Số" ("Số234/BC-UBND": neither colon nor space)', () => {
  const page = (soLine: string) =>
    ['ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'PHƯỜNG CẨM THÀNH            Độc lập - Tự do - Hạnh phúc', `${soLine}          Cẩm Thành, ngày 06 tháng 11 năm 2021`, 'BÁO CÁO', 'Tình hình thực hiện dự toán ngân sách quý I năm 2021', '', 'Thực hiện Công văn số 1402/UBND-KT ngày 04 tháng 9 năm 2019 của UBND tỉnh;', 'TM. ỦY BAN NHÂN DÂN', 'Trần Phước Hiền'].join('\n');
  it.each([
    // [the Số line as print OCR read it, the recogniser's reading, the number given]
    ['Số234/BC-UBND', '99', '99/BC-UBND'],
    ['So234/BC-UBND', '99', '99/BC-UBND'],
    ['Số: 234/BC-UBND', '99', '234/BC-UBND'],
    ['Số 234/BC-UBND', '99', '234/BC-UBND'],
  ])('%s, the recogniser reading %s: %s, never sure', (soLine, hand, want) => {
    const read = extractFields(page(soLine), { today: new Date('2024-01-01'), handwriting: [reading('number', hand, 0.99)] }).fields.numberSymbol;
    expect(read.value).toBe(want);
    expect(read.confidence).toBeLessThan(0.9);
  });
});

describe('a first digit written against the colon of "Số:" (its box swallowed by the colon\'s)', () => {
  /** A Số line whose colon the engine boxed `colonW` wide, and the number gap found on it. */
  const gapWith = (cw: number, colonW: number) => {
    const ws = words(['Số:', '/QĐ-UBND'], 400, 400, cw, Math.round(cw * 1.6), { 0: cw * 4 });
    const so = ws[0]!;
    const x1 = Math.round(so.bbox.x0 + 2 * cw + colonW);
    ws[0] = { ...so, bbox: { ...so.bbox, x1 }, chars: [{ text: 'S', x0: so.bbox.x0, x1: so.bbox.x0 + cw }, { text: 'ố', x0: so.bbox.x0 + cw, x1: so.bbox.x0 + 2 * cw }, { text: ':', x0: so.bbox.x0 + 2 * cw, x1 }] };
    const number = handwritingSpots({ lines: [line(ws)], width: W, height: H }).find((x) => x.kind === 'number');
    return { number, colonAt: so.bbox.x0 + 2 * cw, soEnd: x1 };
  };
  it('starts the number gap at the colon when the engine boxed it wider than a letter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18, max: 30 }), fc.double({ min: 1.2, max: 2.5, noNaN: true }), (cw, swallowed) => {
        const { number, colonAt } = gapWith(cw, swallowed * cw);
        expect(number!.bbox.x0).toBeLessThanOrEqual(colonAt + 0.5 * cw);
      }),
      { numRuns: 40 },
    );
  });
  it('after "Số:" as before when the colon is boxed as a colon', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18, max: 30 }), fc.double({ min: 0.2, max: 0.6, noNaN: true }), (cw, colon) => {
        const { number, soEnd } = gapWith(cw, colon * cw);
        expect(number!.bbox.x0).toBeGreaterThanOrEqual(soEnd);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a copy\'s marks above the header (SAO Y: "Số: 45/SY-VP" and its date)', () => {
  it('the number and day gaps are the document\'s, not the copy\'s, whatever the sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18, max: 30 }), fc.integer({ min: 120, max: 300 }), fc.boolean(), (cw, top, dateBeside) => {
        const h = Math.round(cw * 1.6);
        const step = h * 2;
        const copyNo = words(['Số:', '/SY-VP', ...(dateBeside ? ['Quảng', 'Ngãi,', 'ngày', 'tháng', '12', 'năm', '2021'] : [])], 300, top, cw, h, dateBeside ? { 0: cw * 3, 4: cw * 2, 5: cw * 2 } : { 0: cw * 3 });
        const copyDate = words(['Quảng', 'Ngãi,', 'ngày', 'tháng', '12', 'năm', '2021'], 300, top + step, cw, h, { 2: cw * 2 });
        const docNo = words(['Số:', '/QĐ-UBND', 'Quảng', 'Ngãi,', 'ngày', 'tháng', '11', 'năm', '2021'], 300, top + 4 * step, cw, h, { 0: cw * 3, 4: cw * 2 });
        const page = { lines: [line(words(['SAO', 'Y'], 300, top - step, cw, h)), line(copyNo), ...(dateBeside ? [] : [line(copyDate)]), line(words(['ỦY', 'BAN', 'NHÂN', 'DÂN'], 300, top + 3 * step, cw, h)), line(docNo)], width: W, height: H };
        const spots = handwritingSpots(page);
        expect(spots.map((s) => s.kind)).toEqual(['number', 'day', 'month']);
        for (const s of spots) expect(s.bbox.y0).toBeGreaterThan(top + 3 * step);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a Số line whose "Số" OCR lost with the handwritten number', () => {
  // [what OCR read of the Số line (words), the tail's index, whether the line goes on into the right column]
  it.each([
    ['a tail alone', ['/SNV-TCBC'], 0],
    ['marks before the tail', ['saV', '\\Š', '/BC-UBND'], 2],
    ['the right column on the same line', ['saV', '/BC-UBND', 'Gia', 'Lai,', 'ngày', 'tháng', '4', 'năm', '2018'], 1],
  ])('finds the number gap left of the printed tail: %s', (_, texts, k) => {
    fc.assert(
      fc.property(fc.integer({ min: 18, max: 30 }), fc.integer({ min: 150, max: 700 }), (cw, top) => {
        const ws = words(texts, 500, top, cw, Math.round(cw * 1.6));
        const number = handwritingSpots({ lines: [line(ws)], width: W, height: H }).find((s) => s.kind === 'number');
        expect(number).toBeDefined();
        const tail = ws[k]!.bbox;
        // It ends where the tail starts, and holds room for "Số:" and a number before it.
        expect(number!.bbox.x1).toBeLessThan(tail.x0 + cw);
        expect(number!.bbox.x1).toBeGreaterThanOrEqual(tail.x0);
        expect(tail.x0 - number!.bbox.x0).toBeGreaterThanOrEqual(Math.min(tail.x0 - ws[0]!.bbox.x0, 5 * cw) - 1);
        expect(number!.bbox.y0).toBeLessThan(top);
      }),
      { numRuns: 50 },
    );
  });

  it.each([
    ['a word before the slash (a citation, not the Số line)', ['Nghị', 'quyết', '/NQ-CP']],
    ['more than marks before it', ['xx', 'yy', 'zz', 'ww', 'vv', '/UBND-VP']],
    ['no State tail', ['SỞ', 'NỘI', 'VỤ']],
  ])('finds no number gap on a line with %s', (_, texts) => {
    const ws = words(texts, 500, 400, 24, 38);
    expect(handwritingSpots({ lines: [line(ws)], width: W, height: H }).find((s) => s.kind === 'number')).toBeUndefined();
  });

  it.each([
    [[], true],
    [['saV', '\\Š'], true],
    [['ð#%'], true],
    [['5ố', 'x'], true],
    [['Về', 'Số2'], false],
    [['ab', 'Số7'], false],
    [['Kính'], false],
    [['xx', 'yy', 'zz', 'ww', 'vv'], false],
  ] as const)('before the tail %j: marks only is %s, for the header\'s Số line and the number gap alike', (before, marks) => {
    const texts = [...before, '/SNV-TCBC'];
    expect(onlyMarks(before.join(' '))).toBe(marks);
    const ws = words(texts, 500, 400, 24, 38);
    expect(handwritingSpots({ lines: [line(ws)], width: W, height: H }).some((s) => s.kind === 'number')).toBe(marks);
    const f = extractFields(header(texts.join(' ')), { today: new Date('2019-01-01'), handwriting: [reading('number', '12', 0.99)] }).fields;
    expect(f.numberSymbol.value === '12/SNV-TCBC').toBe(marks);
  });

  it('keeps the gap after a "Số" read on its line, not a tail-alone line', () => {
    const so = words(['Số:', '/UBND-VP'], 500, 400, 24, 38, { 0: 120 });
    const other = words(['/SNV-TCBC'], 500, 480, 24, 38);
    const number = handwritingSpots({ lines: [line(so), line(other)], width: W, height: H }).find((s) => s.kind === 'number')!;
    expect(number.bbox.x0).toBeGreaterThanOrEqual(so[0]!.bbox.x1);
    expect(number.bbox.x1).toBeLessThanOrEqual(so[1]!.bbox.x0 + 24);
  });

  const header = (soLine: string) =>
    ['UBND TỈNH GIA LAI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ NỘI VỤ            Độc lập - Tự do - Hạnh phúc', soLine, 'Gia Lai, ngày 13 tháng 7 năm 2018', 'V/v phê duyệt kế hoạch lựa chọn nhà thầu', '', 'Kính gửi: Ủy ban nhân dân tỉnh', 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;', 'KT. GIÁM ĐỐC', 'Nguyễn Văn An'].join('\n');

  it.each([
    ['/SNV-TCBC', '738', '738/SNV-TCBC', 'SNV'],
    ['saV \\Š /SNV-TCBC', '12', '12/SNV-TCBC', 'SNV'],
    ['/QĐ-SNV', '5', '5/QĐ-SNV', 'SNV'],
  ])('"%s": the symbol\'s letters from the tail, the number from the recogniser ("%s"), below 0.9; the issuer without the tail', (soLine, hand, want, code) => {
    const f = extractFields(header(soLine), { today: new Date('2019-01-01'), handwriting: [reading('number', hand, 0.99)] }).fields;
    expect(f.numberSymbol.value).toBe(want);
    expect(f.numberSymbol.confidence).toBeLessThan(0.9);
    expect(f.issuerCode.value).toBe(code);
    expect(f.issuer.value).toBe('SỞ NỘI VỤ');
  });

  it('with nothing read in the gap, the number is null with the reason "handwritten"', () => {
    const f = extractFields(header('/SNV-TCBC'), { today: new Date('2019-01-01') }).fields;
    expect(f.numberSymbol.value).toBeNull();
    expect(f.numberSymbol.reason).toMatch(/^handwritten/);
    expect(f.issuerCode.value).toBe('SNV');
  });
});
