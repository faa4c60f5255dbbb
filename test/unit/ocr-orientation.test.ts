/**
 * Which way up a scanned page lies (shared/scans/adapters/ocr/orientation.ts): a page of
 * Vietnamese print turned by quarter turns is turned back upright, whatever its layout, size,
 * resolution and a skew of a couple of degrees; a page that is not clearly lines of print (blank,
 * a seal and a signature, a grid) is read as it lies. And the boxes of a page read turned map back
 * onto the page as it was sent (place.ts unturnBox).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../shared/scans/adapters/ocr/gray';
import { pageOrientation, turnGray, type QuarterTurns } from '../../shared/scans/adapters/ocr/orientation';
import { rotateGray } from '../../shared/scans/adapters/ocr/skew';
import { unturnBox } from '../../shared/scans/domain/extract/place';
import { paper } from '../support/paper';
import { SERIF } from '../../tools/print-fonts';

const SENTENCES = [
  'Thực hiện Kế hoạch số 12-KH/TU ngày 05 tháng 3 năm 2025 của Ban Thường vụ Tỉnh ủy về việc tổ chức hội nghị,',
  'Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố triển khai thực hiện',
  'các nội dung sau: rà soát, tổng hợp, báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024;',
  'bảo đảm trật tự, an toàn giao thông dịp Tết Nguyên đán; phòng, chống dịch bệnh trên gia súc, gia cầm.',
  'Giao Sở Tài chính chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh xem xét, quyết định.',
  'Trong quá trình thực hiện nếu có khó khăn, vướng mắc, kịp thời báo cáo, đề xuất cấp có thẩm quyền giải quyết theo quy định./.',
];

/** A letter's page 1 in Tinos: the header's two columns in capitals, a centred title, justified body lines, the signing block. */
function printedPage(seed: number, dpi: number, pt: number, bodyLines: number): GrayImage {
  let s = seed >>> 0 || 1;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const W = Math.round(8.27 * dpi);
  const H = Math.round(11.69 * dpi);
  const sheet = paper(W, H);
  const { ctx } = sheet;
  const px = (pt * dpi) / 72;
  const left = dpi * 1.1;
  const lh = px * 1.3;
  let y = dpi * 0.8;
  ctx.font = `bold ${px.toFixed(1)}px "${SERIF}"`;
  ctx.fillText('ỦY BAN NHÂN DÂN', left + dpi * 0.3, y);
  ctx.fillText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', W * 0.45, y);
  y += lh;
  ctx.fillText('TỈNH QUẢNG NGÃI', left + dpi * 0.35, y);
  ctx.fillText('Độc lập - Tự do - Hạnh phúc', W * 0.52, y);
  y += lh * 2;
  ctx.font = `${px.toFixed(1)}px "${SERIF}"`;
  ctx.fillText('Số: 47/QĐ-UBND', left + dpi * 0.3, y);
  ctx.font = `italic ${px.toFixed(1)}px "${SERIF}"`;
  ctx.fillText('Quảng Ngãi, ngày 05 tháng 02 năm 2025', W * 0.5, y);
  y += lh * 2;
  ctx.font = `bold ${(px * 1.1).toFixed(1)}px "${SERIF}"`;
  ctx.fillText('QUYẾT ĐỊNH', W / 2 - px * 3.5, y);
  y += lh * 1.5;
  ctx.font = `${px.toFixed(1)}px "${SERIF}"`;
  const words = SENTENCES.join(' ').split(' ');
  let w = Math.floor(rnd() * words.length);
  for (let i = 0; i < bodyLines && y < H - dpi; i++, y += lh) {
    let line = '';
    while (ctx.measureText(`${line} ${words[w % words.length]}`).width < W - 2 * left) line = `${line} ${words[w++ % words.length]}`.trim();
    ctx.fillText(line, left, y);
  }
  ctx.font = `bold ${px.toFixed(1)}px "${SERIF}"`;
  ctx.fillText('TM. ỦY BAN NHÂN DÂN', W * 0.6, y + lh);
  ctx.fillText('CHỦ TỊCH', W * 0.66, y + 2 * lh);
  return sheet.gray();
}

const inverse = (k: QuarterTurns): QuarterTurns => ((4 - k) % 4) as QuarterTurns;

describe('pageOrientation', () => {
  it('turns a page of print lying sideways or upside down back upright (layouts, sizes, resolutions, a small skew)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(150, 200, 300),
        fc.integer({ min: 11, max: 14 }),
        fc.integer({ min: 8, max: 30 }),
        fc.integer({ min: -20, max: 20 }),
        fc.constantFrom<QuarterTurns>(0, 1, 2, 3),
        (seed, dpi, pt, lines, tenths, k) => {
          const page = printedPage(seed, dpi, pt, lines);
          const sent = turnGray(tenths ? rotateGray(page, tenths / 10) : page, k);
          expect(pageOrientation(sent).turns, `turned ${k} quarter(s), ${dpi} dpi, ${pt} pt, ${lines} lines, ${tenths / 10}°`).toBe(inverse(k));
        },
      ),
      { numRuns: 16 },
    );
  }, 120_000);

  it('reads a page that is not clearly lines of print as it lies', () => {
    const W = 1240;
    const H = 1754;
    const blank = (): GrayImage => ({ width: W, height: H, data: new Uint8Array(W * H).fill(238) });
    // A seal (two rings) and a signature's scribble, as on a letter's last page.
    const sealed = (() => {
      const sheet = paper(W, H);
      const { ctx } = sheet;
      ctx.lineWidth = 6;
      for (const r of [110, 70]) {
        ctx.beginPath();
        ctx.arc(W * 0.6, H * 0.5, r, 0, Math.PI * 2);
        ctx.stroke();
      }
      ctx.beginPath();
      ctx.moveTo(W * 0.5, H * 0.6);
      for (let i = 0; i < 12; i++) ctx.bezierCurveTo(W * (0.5 + i * 0.02), H * 0.55, W * (0.52 + i * 0.02), H * 0.65, W * (0.54 + i * 0.02), H * 0.6);
      ctx.stroke();
      return sheet.gray();
    })();
    // A grid of ruled cells with nothing in them (a form's table).
    const grid = (() => {
      const g = blank();
      for (let x = 100; x < W - 100; x += 160) for (let y = 100; y < H - 100; y++) for (let t = 0; t < 4; t++) g.data[y * W + x + t] = 20;
      for (let y = 100; y < H - 100; y += 60) for (let x = 100; x < W - 100; x++) g.data[y * W + x] = 20;
      return g;
    })();
    for (const [name, page] of [['blank', blank()], ['a seal and a signature', sealed], ['an empty grid', grid]] as const) {
      for (const k of [0, 1, 2, 3] as const) expect(pageOrientation(turnGray(page, k)).turns, `${name}, turned ${k}`).toBe(0);
    }
  });
});

describe('turnGray', () => {
  it('moves every pixel: four quarter turns, or one and three, give the page back; a quarter swaps the sides', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer(), (w, h, seed) => {
        const img: GrayImage = { width: w, height: h, data: Uint8Array.from({ length: w * h }, (_, i) => (i * 37 + seed) & 255) };
        const q = turnGray(img, 1);
        expect([q.width, q.height]).toEqual([h, w]);
        // Clockwise: the sent page's bottom-left pixel is the turned page's top-left.
        expect(q.data[0]).toBe(img.data[(h - 1) * w]);
        expect(turnGray(turnGray(q, 1), 2)).toEqual(img);
        expect(turnGray(q, 3)).toEqual(img);
        expect(turnGray(turnGray(img, 2), 2)).toEqual(img);
      }),
      { numRuns: 60 },
    );
  });
});

describe('unturnBox', () => {
  it('maps a box of the turned page back onto the page as sent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 30 }), fc.integer({ min: 4, max: 30 }), fc.constantFrom<QuarterTurns>(1, 2, 3), fc.nat(), fc.nat(), (w, h, k, a, b) => {
        // One dark pixel on the sent page: where it lands on the turned page, its box maps back to it.
        const x = a % w;
        const y = b % h;
        const img: GrayImage = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
        img.data[y * w + x] = 0;
        const t = turnGray(img, k);
        const at = t.data.indexOf(0);
        const tx = at % t.width;
        const ty = Math.floor(at / t.width);
        const box = unturnBox({ x0: tx / t.width, y0: ty / t.height, x1: (tx + 1) / t.width, y1: (ty + 1) / t.height }, k);
        expect(box.x0).toBeCloseTo(x / w, 9);
        expect(box.y0).toBeCloseTo(y / h, 9);
        expect(box.x1).toBeCloseTo((x + 1) / w, 9);
        expect(box.y1).toBeCloseTo((y + 1) / h, 9);
      }),
      { numRuns: 100 },
    );
  });
});
