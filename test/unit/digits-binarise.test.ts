/**
 * What `binarise` takes for ink on a coloured-ink plane (0..255: how strongly a pixel is the
 * pen's colour): everything above the plane's threshold, and weaker ink only where it joins that
 * (hysteresis: a thin or lightly pressed stroke of the same pen), never a weak mark alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binarise, components, INK_PLANE_FLOOR, INK_PLANE_WEAK_SHARE } from '../../shared/scans/adapters/ocr/digits/segment';
import { otsuThreshold, type GrayImage } from '../../shared/scans/adapters/ocr/gray';

const W = 24;
const H = 20;

/** A random plane: paper (0) with strokes of random strength. */
const plane: fc.Arbitrary<GrayImage> = fc
  .array(fc.record({ x: fc.nat(W - 1), y: fc.nat(H - 1), len: fc.integer({ min: 1, max: 12 }), down: fc.boolean(), v: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 10 })
  .map((strokes) => {
    const data = new Uint8Array(W * H);
    for (const s of strokes) {
      for (let k = 0; k < s.len; k++) {
        const x = s.down ? s.x : Math.min(W - 1, s.x + k), y = s.down ? Math.min(H - 1, s.y + k) : s.y;
        data[y * W + x] = Math.max(data[y * W + x]!, s.v);
      }
    }
    return { width: W, height: H, data };
  });

const paper = (): GrayImage => ({ width: W, height: H, data: new Uint8Array(W * H).fill(255) });

describe('binarise on a coloured-ink plane', () => {
  it('takes every pixel above the threshold, and no pixel at or under the weak one', () => {
    fc.assert(
      fc.property(plane, (ink) => {
        const t = Math.max(otsuThreshold(ink.data), INK_PLANE_FLOOR);
        const weak = Math.max(INK_PLANE_FLOOR, t * INK_PLANE_WEAK_SHARE);
        const m = binarise(paper(), ink);
        for (let i = 0; i < ink.data.length; i++) {
          if (ink.data[i]! > t) expect(m.data[i]).toBe(1);
          if (ink.data[i]! <= weak) expect(m.data[i]).toBe(0);
        }
      }),
    );
  });

  it('takes weaker ink only as part of a piece that holds ink above the threshold', () => {
    fc.assert(
      fc.property(plane, (ink) => {
        const t = Math.max(otsuThreshold(ink.data), INK_PLANE_FLOOR);
        for (const c of components(binarise(paper(), ink))) expect(c.pixels.some((p) => ink.data[p]! > t)).toBe(true);
      }),
    );
  });

  it('keeps a stroke whole when its top is written lightly, and leaves a light mark apart from it out', () => {
    const ink: GrayImage = { width: W, height: H, data: new Uint8Array(W * H) };
    // A "1": rows 2–9 pressed lightly (60), rows 10–17 firmly (220); a light speck at (18, 3), apart from it.
    for (let y = 2; y < 18; y++) ink.data[y * W + 5] = y < 10 ? 60 : 220;
    ink.data[3 * W + 18] = 60;
    const pieces = components(binarise(paper(), ink));
    expect(pieces).toHaveLength(1);
    expect(pieces[0]).toMatchObject({ x0: 5, y0: 2, x1: 6, y1: 18 });
  });
});
