/**
 * Straightening (shared/scans/adapters/ocr/skew.ts): a page of text lines turned by a known angle
 * is measured as turned by that angle, whatever its layout, whether its ink is sparse (every
 * stroke edge sampled) or dense (a coarser sample: more than 200 000 edges); a page with
 * almost no ink is left straight.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateSkew, rotateGray } from '../../shared/scans/adapters/ocr/skew';
import type { GrayImage } from '../../shared/scans/adapters/ocr/gray';

/** A page of text-like lines: words as dark bars of random lengths, on light paper. */
function textPage(width: number, height: number, opts: { pitch: number; stroke: number; seed: number; margin?: number }): GrayImage {
  const data = new Uint8Array(width * height).fill(235);
  let s = opts.seed >>> 0 || 1;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const margin = opts.margin ?? Math.round(width * 0.1);
  for (let top = Math.round(height * 0.08); top + opts.stroke < height * 0.92; top += opts.pitch) {
    let x = margin;
    while (x < width - margin) {
      const len = 15 + Math.floor(rnd() * 90);
      for (let y = top; y < top + opts.stroke; y++) for (let k = x; k < Math.min(width - margin, x + len); k++) data[y * width + k] = 25;
      x += len + 6 + Math.floor(rnd() * 14);
    }
  }
  return { width, height, data };
}

describe('estimateSkew', () => {
  it('measures the angle a page of text was turned by (sparse ink: every edge sampled)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 28, max: 60 }), (tenths, seed, pitch) => {
        const angle = tenths / 10;
        const page = rotateGray(textPage(1000, 1400, { pitch, stroke: 10, seed }), angle);
        expect(Math.abs(estimateSkew(page) - angle)).toBeLessThanOrEqual(0.2);
      }),
      { numRuns: 25 },
    );
  });

  it('measures it on dense ink too, where the edges are sampled more coarsely', () => {
    for (const [angle, seed] of [
      [1.7, 11],
      [-3.2, 12],
      [0.6, 13],
      [-0.9, 14],
    ] as const) {
      // Lines every 8 px over a 1600 × 2200 page: ~230 lines of ~1500 px, above 200 000 edges.
      const page = rotateGray(textPage(1600, 2200, { pitch: 8, stroke: 3, seed, margin: 40 }), angle);
      expect(Math.abs(estimateSkew(page) - angle), `turned ${angle}°`).toBeLessThanOrEqual(0.2);
    }
  });

  it('leaves a page with almost no ink straight', () => {
    const blank: GrayImage = { width: 800, height: 1100, data: new Uint8Array(800 * 1100).fill(240) };
    expect(estimateSkew(blank)).toBe(0);
    // One short mark: fewer than 500 stroke edges, too few to measure by.
    const dot = textPage(800, 1100, { pitch: 5000, stroke: 3, seed: 3, margin: 380 });
    expect(estimateSkew(rotateGray(dot, 4))).toBe(0);
  });
});
