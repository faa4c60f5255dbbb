/**
 * Frames and rules before OCR (shared/scans/adapters/ocr/frames.ts), on generated pages: a
 * receipt stamp's box whose top edge runs along the baseline of a line of text (the "CV ĐẾN"
 * stamp over the trích yếu of a real letter) joins the words it touches into one sparse
 * component. The stamp's edge must go and the words it touches must stay.
 */
import { describe, expect, it } from 'vitest';
// DejaVu from the project's own packages, not the machine's.
import '../../tools/print-fonts';
import { removeFramesAndRules } from '../../shared/scans/adapters/ocr/frames';
import type { GrayImage } from '../../shared/scans/adapters/ocr/gray';
import { paper } from '../support/paper';

const W = 1500;
const H = 700;
const LINE = 'thực hiện dự án sử dụng vốn ngoài ngân sách nhà nước tại tỉnh';
const BODY = ['Thời gian qua, các cấp, các ngành đã có nhiều cố gắng trong lãnh đạo, chỉ', 'đạo, điều hành, quản lý nhà nước về cải cách thủ tục hành chính, thu hút', 'đầu tư đối với các dự án đầu tư bằng nguồn vốn ngoài ngân sách Nhà nước'];

interface Case {
  px: number;
  /** How far the stamp's box reaches under the line, from its first letter (px). */
  under: number;
  /** The edge's offset from the baseline (px, down) and its thickness. */
  drop: number;
  thick: number;
}

/** A page with the line at `top`, body lines below; with `stamp`, the box drawn over them. Also where the line's text and the edge lie. */
function page(c: Case, stamp: boolean): { img: GrayImage; textX: number; baseline: number; textTop: number; boxX0: number } {
  const page = paper(W, H);
  const ctx = page.ctx;
  const textX = 330;
  const baseline = 160;
  ctx.font = `bold ${c.px}px "DejaVu Serif"`;
  ctx.fillText(LINE, textX, baseline);
  ctx.font = `${c.px}px "DejaVu Serif"`;
  BODY.forEach((b, i) => ctx.fillText(b, 60, baseline + 2.2 * c.px + i * 1.5 * c.px));
  const boxX0 = 40;
  if (stamp) {
    ctx.lineWidth = c.thick;
    const y = baseline + c.drop + c.thick / 2;
    ctx.strokeRect(boxX0, y, textX + c.under - boxX0, 3.2 * c.px);
    ctx.font = `${Math.round(c.px * 0.6)}px "DejaVu Sans"`;
    ctx.fillText('TRUNG TÂM CÔNG BÁO', boxX0 + 8, y - 6);
    ctx.font = `bold ${c.px}px "DejaVu Serif"`;
    ctx.fillText('CV', boxX0 + 14, y + 1.4 * c.px);
  }
  return { img: page.gray(), textX, baseline, textTop: baseline - c.px, boxX0 };
}

const dark = (img: GrayImage, x0: number, x1: number, y0: number, y1: number): number => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (img.data[y * img.width + x]! < 128) n++;
  return n;
};

const CASES: Case[] = [
  { px: 24, under: 180, drop: 1, thick: 3 },
  { px: 28, under: 260, drop: 0, thick: 4 },
  { px: 32, under: 300, drop: 2, thick: 3 },
  { px: 36, under: 380, drop: 1, thick: 5 },
  { px: 28, under: 120, drop: 3, thick: 2 },
];

describe('a stamp box whose edge runs along a line of text', () => {
  it.each(CASES)('keeps the words it touches and removes the edge (%o)', (c) => {
    const clean = page(c, false);
    const stamped = page(c, true);
    const out = removeFramesAndRules(stamped.img).image;
    // The words the edge runs under: their ink above the edge, as on the page without the stamp.
    const x1 = clean.textX + c.under;
    const before = dark(clean.img, clean.textX, x1, clean.textTop, clean.baseline - 1);
    const after = dark(out, clean.textX, x1, clean.textTop, clean.baseline - 1);
    expect(before).toBeGreaterThan(200);
    expect(after / before).toBeGreaterThanOrEqual(0.85);
    // The edge left of the text (where no letter is) is gone.
    const edgeY0 = clean.baseline + c.drop;
    const edge = dark(out, stamped.boxX0 + 2 * c.px, clean.textX - 2, edgeY0, edgeY0 + c.thick + 1);
    expect(edge).toBe(0);
  });

  it.each(CASES)('changes nothing on the same page without the stamp (%o)', (c) => {
    const clean = page(c, false);
    const out = removeFramesAndRules(clean.img).image;
    const before = dark(clean.img, 0, W, 0, H);
    expect(dark(out, 0, W, 0, H) / before).toBeGreaterThanOrEqual(0.995);
  });
});

describe('a digit the văn thư wrote big with a thin pen, and a signature', () => {
  // A handwritten digit twice the printed size (1.8–2.6 em), drawn with a 2-pixel pen, is as
  // sparse as a frame; no frame, seal ring or signature is the size of one character.
  const pen = (ctx: ReturnType<typeof paper>['ctx'], draw: () => void) => {
    ctx.lineWidth = 2;
    ctx.beginPath();
    draw();
    ctx.stroke();
  };
  it.each([
    { px: 24, tall: 1.8, digit: '0' },
    { px: 24, tall: 2.6, digit: '3' },
    { px: 30, tall: 2.2, digit: '3' },
    { px: 30, tall: 2.5, digit: '0' },
  ])('keeps the digit and removes the signature (%o)', ({ px, tall, digit }) => {
    const sheet = paper(W, H);
    const ctx = sheet.ctx;
    ctx.font = `italic ${px}px "DejaVu Serif"`;
    ctx.fillText('Kon Tum, ngày', 300, 160);
    ctx.fillText('tháng 5 năm 2024', 300 + 12 * px, 160);
    ctx.font = `${px}px "DejaVu Serif"`;
    BODY.forEach((b, i) => ctx.fillText(b, 60, 160 + 2.2 * px + i * 1.5 * px));
    ctx.strokeStyle = '#111';
    const h = tall * px, w = h * 0.55, x0 = 300 + 8 * px, y0 = 160 - h + 4;
    pen(ctx, () => {
      if (digit === '0') ctx.ellipse(x0 + w / 2, y0 + h / 2, w / 2, h / 2, 0, 0, 2 * Math.PI);
      else {
        ctx.arc(x0 + w / 2, y0 + h / 4, h / 4, -Math.PI * 0.9, Math.PI * 0.5);
        ctx.moveTo(x0 + w / 2, y0 + h / 2);
        ctx.arc(x0 + w / 2, y0 + (3 * h) / 4, h / 4, -Math.PI * 0.5, Math.PI * 0.9);
      }
    });
    // A signature: a long looping scribble, ten letters wide, well below the text.
    const sy = 560;
    pen(ctx, () => {
      ctx.moveTo(200, sy);
      for (let k = 0; k <= 40; k++) ctx.lineTo(200 + k * px * 0.25, sy + Math.sin(k * 0.9) * px * 1.2 - (k % 7) * 2);
    });
    const img = sheet.gray();
    const out = removeFramesAndRules(img).image;
    const digitBox = [Math.floor(x0 - 4), Math.ceil(x0 + w + 4), Math.floor(y0 - 4), Math.ceil(y0 + h + 4)] as const;
    const signBox = [195, Math.ceil(205 + 40 * px * 0.25), Math.floor(sy - 1.5 * px - 90), Math.ceil(sy + 1.5 * px)] as const;
    expect(dark(img, ...digitBox)).toBeGreaterThan(50);
    expect(dark(out, ...digitBox) / dark(img, ...digitBox)).toBeGreaterThanOrEqual(0.9);
    expect(dark(img, ...signBox)).toBeGreaterThan(100);
    expect(dark(out, ...signBox) / dark(img, ...signBox)).toBeLessThanOrEqual(0.1);
  });
});
