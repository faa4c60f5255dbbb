/**
 * The connected components frames.ts labels (shared/scans/adapters/ocr/frames.ts), against their
 * definition: dark pixels joined by any of their eight neighbours form one component; components
 * are numbered in the order their first pixel comes in reading order; each has its box and pixel
 * count. A breadth-first flood fill over the same pixels is the reference, on random pages of
 * every density (fast-check), and on shapes that join only at a corner or only through a row below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { components } from '../../shared/scans/adapters/ocr/frames';

/** Reference: flood fill from each unlabelled dark pixel in reading order. */
function floodFill(dark: Uint8Array, width: number, height: number) {
  const labels = new Int32Array(width * height);
  const comps: { minX: number; minY: number; maxX: number; maxY: number; count: number }[] = [];
  for (let start = 0; start < dark.length; start++) {
    if (!dark[start] || labels[start]) continue;
    const c = { minX: width, minY: height, maxX: -1, maxY: -1, count: 0 };
    comps.push(c);
    const queue = [start];
    labels[start] = comps.length;
    while (queue.length) {
      const i = queue.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      c.minX = Math.min(c.minX, x);
      c.maxX = Math.max(c.maxX, x);
      c.minY = Math.min(c.minY, y);
      c.maxY = Math.max(c.maxY, y);
      c.count++;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
          const k = yy * width + xx;
          if (dark[k] && !labels[k]) {
            labels[k] = comps.length;
            queue.push(k);
          }
        }
      }
    }
  }
  return { labels, comps };
}

const page = (rows: string[]) => {
  const width = rows[0]!.length;
  return { width, height: rows.length, dark: Uint8Array.from(rows.join('').split(''), (ch) => (ch === '#' ? 1 : 0)) };
};

describe('components of dark pixels', () => {
  it('are what a flood fill over eight neighbours finds, numbered in reading order (random pages)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (width, height, density, seed) => {
          let s = seed >>> 0 || 1;
          const dark = new Uint8Array(width * height);
          for (let i = 0; i < dark.length; i++) {
            s ^= s << 13;
            s ^= s >>> 17;
            s ^= s << 5;
            dark[i] = (s >>> 0) / 2 ** 32 < density ? 1 : 0;
          }
          const got = components(dark, width, height);
          const want = floodFill(dark, width, height);
          expect(got.comps).toEqual(want.comps);
          expect(Array.from(got.labels)).toEqual(Array.from(want.labels));
        },
      ),
      { numRuns: 400 },
    );
  });

  it.each([
    ['joined at a corner only', ['#...', '.#..', '..#.', '...#'], 1],
    ['a U joined through the row below', ['#..#', '#..#', '####'], 1],
    ['two runs a pixel apart on one row', ['#.#', '...', '#.#'], 4],
    ['a V whose arms meet two rows down', ['#...#', '.#.#.', '..#..'], 1],
    ['an empty page', ['...', '...'], 0],
    ['a full page', ['###', '###'], 1],
  ])('%s', (_name, rows, n) => {
    const { width, height, dark } = page(rows);
    const got = components(dark, width, height);
    expect(got.comps).toHaveLength(n);
    expect(got.comps).toEqual(floodFill(dark, width, height).comps);
  });
});
