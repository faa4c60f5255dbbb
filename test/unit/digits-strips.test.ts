/**
 * Strips of handwritten digits as the reader will crop them: t10k digits (never trained on) in
 * a row, with varied gaps, heights, stroke widths and offsets, sometimes with printed text at
 * the ends ("ngày" before a day, "/UBND" after a number). readDigits must read the digit string
 * back in most strips: a share, because a handwritten digit can be read wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDigits, warmUpDigits } from '../../shared/scans/adapters/ocr/digits';
import type { GrayImage } from '../../shared/scans/adapters/ocr/image';
import { loadMnist, mnistImage, printedCrop, scaledDigit } from '../../tools/digits-data';

const t10k = loadMnist('t10k');

interface Strip {
  digits: number[];
  height: number;
  gaps: number[];
  offsets: number[];
  /** Threshold on MNIST's grey: thin strokes above 0.5, thick below. */
  ink: number;
  before: string | null;
  after: string | null;
  paper: number;
  /** Gaps measured between the digits' ink (a fraction of the height, negative: overlapping) instead of between their boxes. */
  byInk?: boolean;
  /** How strongly the ink plane shows the pen (255: fully; a faint or thin pen, a pale scan: a few tens). */
  inkStrength?: number;
  /** A broken stroke: the pen's ink cut away along slanted lines every `period` pixels (`cut` ≥ 2 parts 8-connected ink). */
  dash?: { period: number; cut: number };
  /**
   * An uneven pen on the ink plane: the plane follows the stroke's own grey (thin parts and edges
   * weaker) times how hard the pen pressed, `top` at each digit's top to 1 at its bottom.
   */
  pressure?: { top: number };
}

const strip: fc.Arbitrary<Strip> = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    digits: fc.array(fc.integer({ min: 0, max: t10k.n - 1 }), { minLength: n, maxLength: n }),
    height: fc.integer({ min: 24, max: 64 }),
    gaps: fc.array(fc.double({ min: 0.12, max: 0.8, noNaN: true }), { minLength: n, maxLength: n }),
    offsets: fc.array(fc.double({ min: -0.12, max: 0.12, noNaN: true }), { minLength: n, maxLength: n }),
    ink: fc.double({ min: 0.15, max: 0.75, noNaN: true }),
    before: fc.option(fc.constantFrom('ngày', 'Số:', 'số'), { freq: 3 }),
    after: fc.option(fc.constantFrom('/UBND-TTHC', '/QĐ-UBND', 'tháng'), { freq: 3 }),
    paper: fc.integer({ min: 215, max: 250 }),
  }),
);

function paste(dst: GrayImage, src: GrayImage, ox: number, oy: number): void {
  for (let y = 0; y < src.height; y++) for (let x = 0; x < src.width; x++) {
    const X = x + ox, Y = y + oy;
    if (X < 0 || Y < 0 || X >= dst.width || Y >= dst.height) continue;
    dst.data[Y * dst.width + X] = Math.min(dst.data[Y * dst.width + X]!, src.data[y * src.width + x]!);
  }
}

/** The strip as a crop, and the digit string it holds. */
function render(s: Strip): { crop: GrayImage; ink: GrayImage; want: string } {
  const h = s.height;
  const parts = s.digits.map((i) => scaledDigit(mnistImage(t10k, i), h));
  const pre = s.before ? printedCrop(s.before, Math.round(h * 0.5)) : null;
  const post = s.after ? printedCrop(s.after, Math.round(h * 0.5)) : null;
  const width = (pre?.width ?? 0) + (post?.width ?? 0) + parts.reduce((a, p, k) => a + p.w + Math.round(s.gaps[k]! * h * 0.5), 0) + h;
  const height = Math.round(h * 1.6);
  const crop: GrayImage = { width, height, data: new Uint8Array(width * height).fill(s.paper) };
  // The handwriting's own plane (as a colour separation would give it): 255 where the pen wrote.
  const ink: GrayImage = { width, height, data: new Uint8Array(width * height).fill(255) };
  let x = Math.round(h * 0.2);
  const base = Math.round(h * 0.3);
  if (pre) {
    paste(crop, pre, x, base + h - pre.height + Math.round(h * 0.1));
    x += pre.width;
  }
  let inkEnd = x;
  parts.forEach((p, k) => {
    // Ink above the threshold, dark; the rest of the box stays paper.
    const cut = (i: number) => s.dash !== undefined && ((i % p.w) + Math.floor(i / p.w)) % s.dash.period < s.dash.cut;
    const g: GrayImage = { width: p.w, height: p.h, data: Uint8Array.from(p.f, (v, i) => (v > s.ink && !cut(i) ? 30 + Math.round(60 * (1 - v)) : 255)) };
    const cols = [...Array(p.w).keys()].filter((cx) => [...Array(p.h).keys()].some((cy) => p.f[cy * p.w + cx]! > s.ink));
    const [inkL, inkR] = [cols[0] ?? 0, (cols.at(-1) ?? p.w - 1) + 1];
    if (s.byInk && k > 0) x = inkEnd + Math.round(s.gaps[k]! * h) - inkL;
    else x += Math.round(s.gaps[k]! * h * 0.5);
    inkEnd = x + inkR;
    paste(crop, g, x, base + Math.round(s.offsets[k]! * h));
    const plane: GrayImage = s.pressure
      ? { width: g.width, height: g.height, data: Uint8Array.from(p.f, (v, i) => 255 - Math.round(255 * v * (s.pressure!.top + (1 - s.pressure!.top) * (Math.floor(i / p.w) / p.h)))) }
      : { width: g.width, height: g.height, data: g.data.map((v) => (v < 128 ? 0 : 255)) };
    paste(ink, plane, x, base + Math.round(s.offsets[k]! * h));
    x += p.w;
  });
  if (post) paste(crop, post, x + Math.round(h * 0.15), base + h - post.height + Math.round(h * 0.1));
  const strength = s.inkStrength ?? 255;
  for (let i = 0; i < ink.data.length; i++) ink.data[i] = Math.round(((255 - ink.data[i]!) * strength) / 255);
  return { crop, ink, want: s.digits.map((i) => String(t10k.labels[i])).join('') };
}

/** Strips whose digits' ink touches or crosses (a hurried văn thư's "299", "15"): their ink overlapping by 3–20 % of the height. */
const touching: fc.Arbitrary<Strip> = fc.integer({ min: 2, max: 3 }).chain((n) =>
  strip.chain((s) =>
    fc.record({
      digits: fc.array(fc.integer({ min: 0, max: t10k.n - 1 }), { minLength: n, maxLength: n }),
      gaps: fc.tuple(fc.constant(0.3), ...Array.from({ length: n - 1 }, () => fc.double({ min: -0.2, max: -0.03, noNaN: true }))),
      offsets: fc.array(fc.double({ min: -0.06, max: 0.06, noNaN: true }), { minLength: n, maxLength: n }),
    }).map((t) => ({ ...s, ...t, gaps: [...t.gaps], ink: Math.min(s.ink, 0.5), byInk: true, before: null, after: null })),
  ),
);

/** A "1" touching the digit after it ("14", "19"): the pair narrower than two digits side by side. */
const ones = [...Array(t10k.n).keys()].filter((i) => t10k.labels[i] === 1);
const oneTouching: fc.Arbitrary<Strip> = touching.chain((s) =>
  fc.record({ first: fc.constantFrom(...ones), second: fc.integer({ min: 0, max: t10k.n - 1 }) }).map(({ first, second }) => ({ ...s, digits: [first, second], gaps: [0.3, s.gaps[1]!], offsets: s.offsets.slice(0, 2) })),
);

/** How many of the strips readDigits reads back whole. */
async function readBack(strips: Strip[]): Promise<number> {
  await warmUpDigits();
  let right = 0;
  for (const s of strips) {
    const { crop, want } = render(s);
    if ((await readDigits(crop)).text === want) right++;
  }
  return right;
}

describe('readDigits on strips of t10k digits', () => {
  // One cut at the projection's minimum (the segmentation before several readings were scored) read 80 of these 200;
  // the lowest columns scored by the model, 113; with narrow splits, 119; with cuts at even steps across the middle too, 126; with the network PyTorch fitted, 133.
  it('reads at least 60 % of 200 strips of touching or overlapping digits back', async () => {
    const right = await readBack(fc.sample(touching, { numRuns: 200, seed: 1404 }));
    console.log(`touching strips read right: ${right}/200`);
    expect(right / 200).toBeGreaterThanOrEqual(0.6);
  }, 180_000);

  // Cut only when at least 1.1 times as wide as high, 61 of these 200 were read right; with narrow splits (taken when the pair whole is no digit), 88; with cuts at even steps across a wide piece's middle too, 94; with narrow pieces down to 0.6 as wide as high (0.7 before), 97; with the network PyTorch fitted, 107; with pieces 0.95 as wide as high offered as two digits (1.1 before), 121.
  it('reads a "1" touching the next digit as two digits in at least 57 % of 200 such pairs', async () => {
    const right = await readBack(fc.sample(oneTouching, { numRuns: 200, seed: 1405 }));
    console.log(`a 1 touching the next digit, read right: ${right}/200`);
    expect(right / 200).toBeGreaterThanOrEqual(0.57);
  }, 180_000);

  // 259/300 with the earlier network, 286/300 with the one PyTorch fitted.
  it('reads the digit string back in at least 92 % of 300 strips', async () => {
    const right = await readBack(fc.sample(strip, { numRuns: 300, seed: 1401 }));
    console.log(`strips read right: ${right}/300`);
    expect(right / 300).toBeGreaterThanOrEqual(0.92);
  }, 180_000);

  it('on the ink plane, never sees the printed text beside the digits', async () => {
    const strips = fc.sample(strip.filter((s) => s.before !== null || s.after !== null), { numRuns: 100, seed: 1403 });
    let right = 0;
    let rejected = 0;
    for (const s of strips) {
      const { crop, ink, want } = render(s);
      const run = await readDigits(crop, { ink });
      if (run.text === want) right++;
      rejected += run.rejected;
    }
    console.log(`strips read right on the ink plane: ${right}/${strips.length}, ${rejected} pieces rejected`);
    expect(right / strips.length).toBeGreaterThanOrEqual(0.85);
    // Printed text is not on the plane, so what is rejected is at most the odd digit.
    expect(rejected).toBeLessThanOrEqual(strips.length * 0.1);
  }, 120_000);

  // A faint pen on the ink plane (a thin ballpoint, a pale colour scan): with the plane's threshold floored at 60
  // (before), none of these was read; floored at 20, 98 of 100.
  it('on the ink plane, reads a faint pen (the plane at 25–55 where it wrote) in at least 85 % of 100 strips', async () => {
    const faint = fc.sample(fc.tuple(strip, fc.integer({ min: 25, max: 55 })).map(([s, inkStrength]) => ({ ...s, inkStrength })), { numRuns: 100, seed: 1406 });
    let right = 0;
    for (const s of faint) {
      const { crop, ink, want } = render(s);
      if ((await readDigits(crop, { ink })).text === want) right++;
    }
    console.log(`faint strips read right on the ink plane: ${right}/100`);
    expect(right / 100).toBeGreaterThanOrEqual(0.85);
  }, 120_000);

  // A pen that presses less at the top of each digit, the plane following the stroke's grey: at Otsu's threshold alone
  // (before), 91 of these 100 were read; with weaker ink joined to it (hysteresis at 0.35 of the threshold), 97.
  it('on the ink plane, reads an uneven pen (weak at the top of each digit) in at least 93 % of 100 strips', async () => {
    const uneven = fc.sample(
      fc.tuple(strip, fc.double({ min: 0.1, max: 0.4, noNaN: true })).map(([s, top]) => ({ ...s, height: Math.max(36, s.height), pressure: { top } })),
      { numRuns: 100, seed: 1408 },
    );
    let right = 0;
    for (const s of uneven) {
      const { crop, ink, want } = render(s);
      if ((await readDigits(crop, { ink })).text === want) right++;
    }
    console.log(`uneven-pen strips read right on the ink plane: ${right}/100`);
    expect(right / 100).toBeGreaterThanOrEqual(0.93);
  }, 120_000);

  // A stroke the scan broke into specks, each too small to be a digit alone: dropped one by one (before), 13 of
  // these 200 were read right; joined when they lie within 0.03 of the crop's height, 77; within 0.05, 84.
  it('reads digits whose strokes are broken into specks in at least 38 % of 200 strips', async () => {
    const broken = fc.sample(
      fc.tuple(strip, fc.integer({ min: 6, max: 10 }), fc.integer({ min: 2, max: 3 })).map(([s, period, cut]) => ({ ...s, height: Math.max(40, s.height), before: null, after: null, dash: { period, cut } })),
      { numRuns: 200, seed: 1407 },
    );
    let right = 0;
    for (const s of broken) {
      const { crop, want } = render(s);
      if ((await readDigits(crop)).text === want) right++;
    }
    console.log(`strips with broken strokes read right: ${right}/200`);
    expect(right / 200).toBeGreaterThanOrEqual(0.38);
  }, 180_000);

  it('gives each digit a box inside the crop, left to right', async () => {
    await fc.assert(
      fc.asyncProperty(strip, async (s) => {
        const { crop } = render(s);
        const run = await readDigits(crop);
        for (const d of run.digits) {
          expect(d.bbox.x0).toBeGreaterThanOrEqual(0);
          expect(d.bbox.y0).toBeGreaterThanOrEqual(0);
          expect(d.bbox.x1).toBeLessThanOrEqual(crop.width);
          expect(d.bbox.y1).toBeLessThanOrEqual(crop.height);
          expect(d.p).toBeGreaterThanOrEqual(d.second.p);
        }
        const xs = run.digits.map((d) => d.bbox.x0);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
        expect(run.text).toBe(run.digits.map((d) => d.char).join(''));
        expect(run.confidence).toBe(run.digits.length ? Math.min(...run.digits.map((d) => d.p)) : 0);
      }),
      { numRuns: 60, seed: 1402 },
    );
  }, 120_000);
});
