/**
 * Colour planes (issue 14, point 5): a page in colour keeps, beside its grey, how red and how
 * blue-violet each pixel is; they hold red and blue ink and nothing of black print or paper
 * (white, grey or yellowed), through JPEG compression; a page with no coloured ink keeps none.
 * The planes are turned and scaled to the grey's geometry in one pass (same place as the grey's
 * two steps). Stamp-like red regions are found at their angle; round seals are not stamps.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCanvas } from '@napi-rs/canvas';
// DejaVu from the project's own packages, not the machine's.
import '../../tools/print-fonts';
import { decodeToPage, rgbaToGray, rgbaToPage, rotateGray, rotateScaleGray, scaleGray, type GrayImage } from '../../shared/scans/adapters/ocr/image';
import { findStampRegions } from '../../shared/scans/adapters/ocr/red-stamps';
import { PDFDocument, rgb as pdfRgb } from 'pdf-lib';
import { pdfPages } from '../../shared/scans/adapters/ocr/pdf';

type Ink = 'red' | 'blue' | 'violet' | 'black';
const rgb = fc.integer;

/** Ink colours as scans show them: stamp reds, ballpoint blues, violet, black and dark grey print. */
const inkColour = (ink: Ink): fc.Arbitrary<[number, number, number]> => {
  switch (ink) {
    case 'red':
      return fc.tuple(rgb({ min: 175, max: 240 }), rgb({ min: 15, max: 70 }), rgb({ min: 15, max: 75 }));
    case 'blue':
      return fc.tuple(rgb({ min: 15, max: 70 }), rgb({ min: 25, max: 90 }), rgb({ min: 0, max: 50 })).map(([r, g, extra]) => [r, g, Math.min(255, Math.max(r, g) + 100 + extra)]);
    case 'violet':
      return fc.tuple(rgb({ min: 90, max: 130 }), rgb({ min: 25, max: 60 }), rgb({ min: 60, max: 90 })).map(([r, g, up]) => [r, g, Math.min(255, r + up)]);
    default:
      return fc.tuple(rgb({ min: 5, max: 70 })).map(([v]) => [v, v + 3, v + 6 > 255 ? 255 : v + 6]);
  }
};
/** Paper: white, grey, or yellowed with age (blue lowest). */
const paper = fc.oneof(
  rgb({ min: 235, max: 255 }).map((v): [number, number, number] => [v, v, v]),
  rgb({ min: 190, max: 235 }).map((v): [number, number, number] => [v, v, v]),
  fc.tuple(rgb({ min: 225, max: 250 }), rgb({ min: 0, max: 25 }), rgb({ min: 15, max: 55 })).map(([r, dg, db]): [number, number, number] => [r, r - dg, r - dg - db]),
);

const CELL = 100;
const COLS = 4;
const ROWS = 3;
const page = fc.record({
  paper,
  quality: fc.integer({ min: 55, max: 95 }),
  // One stroke per cell (or none), so strokes never cross.
  strokes: fc.array(fc.option(fc.constantFrom<Ink>('red', 'blue', 'violet', 'black').chain((ink) => fc.record({ ink: fc.constant(ink), colour: inkColour(ink), turn: fc.integer({ min: 0, max: 179 }) }))), { minLength: COLS * ROWS, maxLength: COLS * ROWS }),
});

interface PageSpec {
  paper: [number, number, number];
  quality: number;
  strokes: ({ ink: Ink; colour: [number, number, number]; turn: number } | null)[];
}

function draw(p: PageSpec): Buffer {
  const canvas = createCanvas(COLS * CELL, ROWS * CELL);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `rgb(${p.paper.join(',')})`;
  ctx.fillRect(0, 0, COLS * CELL, ROWS * CELL);
  p.strokes.forEach((s, i) => {
    if (!s) return;
    const cx = (i % COLS) * CELL + CELL / 2;
    const cy = Math.floor(i / COLS) * CELL + CELL / 2;
    const a = (s.turn * Math.PI) / 180;
    ctx.strokeStyle = `rgb(${s.colour.join(',')})`;
    ctx.lineWidth = 9;
    ctx.beginPath();
    ctx.moveTo(cx - Math.cos(a) * 30, cy - Math.sin(a) * 30);
    ctx.lineTo(cx + Math.cos(a) * 30, cy + Math.sin(a) * 30);
    ctx.stroke();
  });
  return canvas.toBuffer('image/jpeg', p.quality);
}

/** Mean of a plane over the 3 × 3 pixels around a point. */
const at = (img: GrayImage, x: number, y: number): number => {
  let s = 0;
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += img.data[(y + dy) * img.width + x + dx]!;
  return s / 9;
};

describe('colour planes', () => {
  it('red and blue ink stand out in their own plane only; black print and paper in neither; no coloured ink, no planes (property, JPEG)', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (p) => {
        const decoded = await decodeToPage(new Uint8Array(draw(p)));
        const coloured = p.strokes.some((s) => s && s.ink !== 'black');
        expect(!!decoded.colour).toBe(coloured);
        if (!decoded.colour) return;
        const { red, blue } = decoded.colour;
        expect([red.width, red.height, blue.width, blue.height]).toEqual([decoded.gray.width, decoded.gray.height, decoded.gray.width, decoded.gray.height]);
        p.strokes.forEach((s, i) => {
          const cx = (i % COLS) * CELL + CELL / 2;
          const cy = Math.floor(i / COLS) * CELL + CELL / 2;
          // Paper: a cell's corner, far from any stroke.
          expect(at(red, cx - 45, cy - 45)).toBeLessThanOrEqual(8);
          expect(at(blue, cx - 45, cy - 45)).toBeLessThanOrEqual(8);
          if (!s) return;
          const r = at(red, cx, cy);
          const b = at(blue, cx, cy);
          if (s.ink === 'red') {
            expect(r).toBeGreaterThanOrEqual(128);
            expect(b).toBeLessThanOrEqual(32);
          } else if (s.ink === 'blue' || s.ink === 'violet') {
            expect(b).toBeGreaterThanOrEqual(96);
            expect(r).toBeLessThanOrEqual(32);
          } else {
            expect(r).toBeLessThanOrEqual(32);
            expect(b).toBeLessThanOrEqual(32);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('black print on white, grey or yellowed paper, JPEG-compressed, keeps no colour planes (property)', async () => {
    const blackOnly = page.map((p) => ({ ...p, strokes: p.strokes.map((s) => (s ? { ...s, ink: 'black' as const, colour: [20 + (s.turn % 50), 22 + (s.turn % 50), 26 + (s.turn % 50)] as [number, number, number] } : s)) }));
    await fc.assert(
      fc.asyncProperty(blackOnly, async (p) => {
        expect((await decodeToPage(new Uint8Array(draw(p)))).colour).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it('the grey is the grey OCR always read, with or without planes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4 * 600, maxLength: 4 * 600 }), fc.boolean(), (rgba, withRed) => {
        // Half the time enough strongly red pixels for the page to count as in colour.
        if (withRed) for (let p = 0; p < 4 * 200; p += 4) rgba.set([220, 20, 30], p);
        const page = rgbaToPage(rgba, 30, 20);
        expect(Array.from(page.gray.data)).toEqual(Array.from(rgbaToGray(rgba, 600)));
        if (withRed) expect(page.colour).toBeDefined();
        // A page whose stamps are not read (a PDF's later pages): the same grey, no planes.
        const greyOnly = rgbaToPage(rgba, 30, 20, 4, false);
        expect(Array.from(greyOnly.gray.data)).toEqual(Array.from(page.gray.data));
        expect(greyOnly.colour).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('the grey keeps red ink faded (the seal over black text) whether or not the planes are kept', () => {
    const rgba = new Uint8Array([200, 40, 40, 255, 20, 20, 20, 255]);
    const p = rgbaToPage(rgba, 2, 1);
    expect(p.gray.data[0]).toBeGreaterThanOrEqual(200);
    expect(p.gray.data[1]).toBeLessThanOrEqual(25);
  });

  it('a plane turned and scaled in one pass lies where the grey’s two steps put it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 170 }), fc.integer({ min: 30, max: 120 }), fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }), (x, y, deg, factor) => {
        const w = 200;
        const h = 150;
        const data = new Uint8Array(w * h);
        for (let dy = 0; dy < 6; dy++) for (let dx = 0; dx < 6; dx++) data[(y + dy) * w + x + dx] = 255;
        const plane = { width: w, height: h, data };
        const twoSteps = scaleGray(rotateGray(plane, deg), factor);
        const onePass = rotateScaleGray(plane, deg, twoSteps.width, twoSteps.height);
        const centre = (img: GrayImage) => {
          let s = 0, sx = 0, sy = 0;
          for (let i = 0; i < img.data.length; i++) {
            const v = img.data[i]!;
            s += v;
            sx += v * (i % img.width);
            sy += v * Math.floor(i / img.width);
          }
          return [sx / s, sy / s];
        };
        const [ax, ay] = centre(twoSteps);
        const [bx, by] = centre(onePass);
        expect(Math.hypot(ax! - bx!, ay! - by!)).toBeLessThan(1);
      }),
      { numRuns: 100 },
    );
  });
});

/** A red plane with a framed stamp turned by `angle` (anticlockwise) and, when asked, a round seal. */
function redPlane(opts: { stamp?: { words: string; angle: number }; seal?: boolean }): GrayImage {
  const W = 1240;
  const H = 1754;
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = ctx.strokeStyle = 'rgb(205,30,40)';
  if (opts.stamp) {
    ctx.save();
    ctx.translate(W * 0.3, H * 0.3);
    ctx.rotate((-opts.stamp.angle * Math.PI) / 180);
    ctx.font = 'bold 52px "DejaVu Serif"';
    const tw = ctx.measureText(opts.stamp.words).width;
    ctx.lineWidth = 5;
    ctx.strokeRect(-tw / 2 - 22, -48, tw + 44, 96);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(opts.stamp.words, 0, 0);
    ctx.restore();
  }
  if (opts.seal) {
    // The issuer's seal: two rings, small text around, a star in the middle.
    // 3.6 cm across on a 21 cm page.
    const cx = W * 0.65;
    const cy = H * 0.75;
    ctx.lineWidth = 5;
    for (const r of [105, 72]) {
      ctx.beginPath();
      ctx.arc(cx, cy, r, 0, Math.PI * 2);
      ctx.stroke();
    }
    ctx.font = 'bold 16px "DejaVu Sans"';
    const text = 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI';
    [...text].forEach((ch, i) => {
      const a = -Math.PI + (i / text.length) * Math.PI * 1.9;
      ctx.save();
      ctx.translate(cx + Math.cos(a) * 88, cy + Math.sin(a) * 88);
      ctx.rotate(a + Math.PI / 2);
      ctx.fillText(ch, -6, 8);
      ctx.restore();
    });
    ctx.font = 'bold 44px "DejaVu Sans"';
    ctx.fillText('★', cx - 18, cy + 15);
  }
  const page = rgbaToPage(ctx.getImageData(0, 0, W, H).data, W, H);
  return page.colour!.red;
}

describe('stamp-like red regions', () => {
  it.each([-45, -30, -10, 0, 20, 40])('a framed stamp turned %s° is one region at its angle', (angle) => {
    const regions = findStampRegions(redPlane({ stamp: { words: 'HỎA TỐC', angle } }));
    expect(regions).toHaveLength(1);
    expect(Math.abs(regions[0]!.angle - angle)).toBeLessThanOrEqual(5);
  });

  it('the smallest mark stamp (MẬT, 20 × 8 mm) is a stamp; a signing authority’s red logo (14 × 7 mm) beside a signature note is not', () => {
    const W = 1240;
    const mm = W / 210;
    const plane = (paint: (ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']>) => void): GrayImage => {
      const canvas = createCanvas(W, 1754);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, W, 1754);
      ctx.fillStyle = ctx.strokeStyle = 'rgb(220,25,35)';
      paint(ctx);
      return rgbaToPage(ctx.getImageData(0, 0, W, 1754).data, W, 1754).colour!.red;
    };
    const mat = plane((ctx) => {
      ctx.lineWidth = mm * 0.8;
      ctx.strokeRect(200, 300, 20 * mm, 8 * mm);
      ctx.font = `bold ${Math.round(5.5 * mm)}px "DejaVu Serif"`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('MẬT', 200 + 10 * mm, 300 + 4 * mm);
    });
    expect(findStampRegions(mat)).toHaveLength(1);
    const logo = plane((ctx) => {
      ctx.lineWidth = 1.6 * mm;
      ctx.lineCap = 'round';
      // Two slanted strokes (the logo's “Y”), 14 × 7 mm over all.
      for (const dx of [0, 5.5 * mm]) {
        ctx.beginPath();
        ctx.moveTo(700 + dx + 0.8 * mm, 60 + 6.2 * mm);
        ctx.lineTo(700 + dx + 7.7 * mm, 60 + 0.8 * mm);
        ctx.stroke();
      }
    });
    expect(findStampRegions(logo)).toEqual([]);
  });

  it('a round seal is not a stamp; beside it the stamp still is', () => {
    expect(findStampRegions(redPlane({ seal: true }))).toEqual([]);
    const both = findStampRegions(redPlane({ seal: true, stamp: { words: 'KHẨN', angle: 25 } }));
    expect(both).toHaveLength(1);
    expect(Math.abs(both[0]!.angle - 25)).toBeLessThanOrEqual(5);
  });
});

describe('a PDF’s colour planes', () => {
  it('come with the first colourPages pages only; every page keeps the grey it would have had', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < 3; i++) {
      const page = pdf.addPage([595, 842]);
      page.drawRectangle({ x: 100, y: 500, width: 300, height: 200, color: pdfRgb(0.85, 0.1, 0.1) });
      page.drawRectangle({ x: 100, y: 200, width: 300, height: 40 + 20 * i, color: pdfRgb(0.05, 0.05, 0.05) });
    }
    const bytes = await pdf.save();
    const read = async (opts: { colourPages?: number }) => {
      const out = [];
      for await (const p of pdfPages(bytes, { renderDpi: 72, ...opts })) {
        if (p.kind !== 'image') throw new Error('a drawn page is read as an image');
        out.push(p);
      }
      return out;
    };
    const all = await read({});
    const first = await read({ colourPages: 1 });
    expect(all.map((p) => p.colour !== undefined)).toEqual([true, true, true]);
    expect(first.map((p) => p.colour !== undefined)).toEqual([true, false, false]);
    first.forEach((p, i) => expect(Buffer.from(p.image.data).equals(Buffer.from(all[i]!.image.data)), `page ${i + 1}`).toBe(true));
  });
});
