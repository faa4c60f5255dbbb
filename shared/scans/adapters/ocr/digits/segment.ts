/**
 * From a crop to the 28 × 28 images the digit model reads: binarising, connected components,
 * broken strokes joined, touching digits split, specks dropped, and each piece normalised the
 * way MNIST was (a 20 × 20 box keeping the aspect, centred by its centre of mass in 28 × 28,
 * stroke width brought near MNIST's). The training script (tools/train-digits.ts) normalises
 * its samples with the same {@link normaliseMask}, so the model sees what the reader gives it.
 */
import { otsuThreshold, type GrayImage } from '../gray';

/** A binary mask: 1 = ink. */
export interface Mask {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Piece {
  /** Box in crop pixels, x1/y1 exclusive. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The piece's own ink inside its box. */
  mask: Mask;
}

export const SIDE = 28;
const BOX = 20;
/** MNIST's stroke, in pixels of the 20-pixel box. */
const TARGET_STROKE = 2.6;

/**
 * The least an `ink` plane's threshold may be. The plane is already 0 wherever a pixel is not
 * clearly coloured (image.ts: JPEG's colour fringes around black print stay under its own
 * floor), so a faint or thin pen, a pale scan, shows at a few tens: floored at 60 (before), the
 * generated State letters' faint numbers were not seen at all (a "3" and a "2" of "302"), and
 * no strip drawn at 25–55 was read; at 20, 98 of 100 (test/unit/digits-strips.test.ts), and
 * generated dev numbers 31 → 34/40, days 32 → 35/40, the real dev sets unchanged.
 */
export const INK_PLANE_FLOOR = 20;

/**
 * On the `ink` plane, a pixel above this share of the threshold (and the floor) is ink when it
 * touches ink above the threshold (hysteresis, as Canny's edges: a low threshold a half to a
 * third of the high one). A thin stroke shows weaker than a thick one of the same pen; cut at
 * Otsu's threshold alone, it broke into specks. Chosen on the generated State dev letters
 * (seed 1): numbers 34 → 36/40 at a half, 37/40 at 0.35, 36/40 at 0.65; days 36 → 37/40 at each;
 * real-scans dev unchanged (7/7, 7/7); the strips of test/unit/digits-strips.test.ts unchanged
 * (their ink is drawn at one strength). Hysteresis on grey (print's paper side) lost 2 numbers
 * and 2 days of those letters: not used.
 */
export const INK_PLANE_WEAK_SHARE = 0.35;

/**
 * Ink pixels of a crop. On the `ink` plane (0..255, how strongly a pixel is coloured ink) the
 * threshold is Otsu's with a floor, and weaker pixels joined to that ink are ink too
 * (`INK_PLANE_WEAK_SHARE`); on grey, Otsu's, and nothing when the crop has no contrast
 * (an empty crop of paper has no ink, however Otsu splits its noise).
 */
export function binarise(crop: GrayImage, ink?: GrayImage): Mask {
  const n = crop.width * crop.height;
  const out = new Uint8Array(n);
  if (ink) {
    const t = Math.max(otsuThreshold(ink.data), INK_PLANE_FLOOR);
    for (let i = 0; i < n; i++) out[i] = ink.data[i]! > t ? 1 : 0;
    // Hysteresis: a pen's thin strokes show weaker on the plane than its thick ones (a faint "1" beside a
    // firm "4" lost its top half at Otsu's threshold and its rest was taken for a part of the 4).
    const weak = Math.max(INK_PLANE_FLOOR, t * INK_PLANE_WEAK_SHARE);
    grow(out, crop.width, crop.height, (i) => ink.data[i]! > weak);
    return { width: crop.width, height: crop.height, data: out };
  }
  const t = otsuThreshold(crop.data);
  let sumD = 0, nD = 0, sumL = 0, nL = 0;
  for (let i = 0; i < n; i++) {
    const v = crop.data[i]!;
    if (v <= t) { sumD += v; nD++; } else { sumL += v; nL++; }
  }
  // Paper alone: the two classes Otsu found are close, or the "ink" is not dark.
  if (!nD || !nL || sumL / nL - sumD / nD < 60 || sumD / nD > 200) return { width: crop.width, height: crop.height, data: out };
  for (let i = 0; i < n; i++) out[i] = crop.data[i]! <= t ? 1 : 0;
  return { width: crop.width, height: crop.height, data: out };
}

/**
 * Flood fill over 8-connected pixels: pops each pixel of `stack` (`visit` sees it), and pushes
 * each neighbour `enter` admits (it marks what it admits, so no pixel is pushed twice).
 */
function flood(stack: number[], w: number, h: number, enter: (q: number) => boolean, visit?: (p: number, x: number, y: number) => void): void {
  while (stack.length) {
    const p = stack.pop()!;
    const x = p % w, y = (p - x) / w;
    visit?.(p, x, y);
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= w) continue;
        const q = yy * w + xx;
        if (enter(q)) stack.push(q);
      }
    }
  }
}

/** Hysteresis: pixels that pass `weak` and are 8-connected (through such pixels) to ink already in `out` become ink. */
function grow(out: Uint8Array, w: number, h: number, weak: (i: number) => boolean): void {
  const stack: number[] = [];
  for (let i = 0; i < out.length; i++) if (out[i]) stack.push(i);
  flood(stack, w, h, (q) => {
    if (out[q] || !weak(q)) return false;
    out[q] = 1;
    return true;
  });
}

interface Comp { x0: number; y0: number; x1: number; y1: number; area: number; pixels: number[] }

/** 8-connected components of a mask. */
export function components(m: Mask): Comp[] {
  const { width: w, height: h, data } = m;
  const seen = new Uint8Array(w * h);
  const out: Comp[] = [];
  for (let start = 0; start < w * h; start++) {
    if (!data[start] || seen[start]) continue;
    seen[start] = 1;
    const c: Comp = { x0: w, y0: h, x1: 0, y1: 0, area: 0, pixels: [] };
    flood(
      [start],
      w,
      h,
      (q) => {
        if (!data[q] || seen[q]) return false;
        seen[q] = 1;
        return true;
      },
      (p, x, y) => {
        c.pixels.push(p);
        c.area++;
        if (x < c.x0) c.x0 = x;
        if (y < c.y0) c.y0 = y;
        if (x + 1 > c.x1) c.x1 = x + 1;
        if (y + 1 > c.y1) c.y1 = y + 1;
      },
    );
    out.push(c);
  }
  return out;
}

function pieceOf(cs: Comp[], w: number): Piece {
  const x0 = Math.min(...cs.map((c) => c.x0)), y0 = Math.min(...cs.map((c) => c.y0));
  const x1 = Math.max(...cs.map((c) => c.x1)), y1 = Math.max(...cs.map((c) => c.y1));
  const mw = x1 - x0, mh = y1 - y0;
  const data = new Uint8Array(mw * mh);
  for (const c of cs) for (const p of c.pixels) { const x = p % w, y = (p - x) / w; data[(y - y0) * mw + (x - x0)] = 1; }
  return { x0, y0, x1, y1, mask: { width: mw, height: mh, data } };
}

/** The column of least ink in the middle of a piece (where two touching digits meet). */
function splitColumn(m: Mask): number {
  const cols = new Float64Array(m.width);
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) cols[x]! += m.data[y * m.width + x]!;
  let best = -1, bestV = Infinity;
  const lo = Math.floor(m.width * 0.3), hi = Math.ceil(m.width * 0.7);
  for (let x = lo; x < hi; x++) {
    const v = cols[x]! + 0.25 * ((cols[x - 1] ?? 0) + (cols[x + 1] ?? 0));
    if (v < bestV) { bestV = v; best = x; }
  }
  return best;
}

function trim(p: Piece): Piece | null {
  const { width: w, height: h, data } = p.mask;
  let x0 = w, y0 = h, x1 = 0, y1 = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (data[y * w + x]) {
    if (x < x0) x0 = x; if (y < y0) y0 = y; if (x + 1 > x1) x1 = x + 1; if (y + 1 > y1) y1 = y + 1;
  }
  if (x1 <= x0) return null;
  const mw = x1 - x0, mh = y1 - y0;
  const d = new Uint8Array(mw * mh);
  for (let y = 0; y < mh; y++) for (let x = 0; x < mw; x++) d[y * mw + x] = data[(y + y0) * w + x + x0]!;
  return { x0: p.x0 + x0, y0: p.y0 + y0, x1: p.x0 + x1, y1: p.y0 + y1, mask: { width: mw, height: mh, data: d } };
}

/** Splits a piece too wide for one digit at its projection minimum, recursively ([p] when it is not). */
export function splitWide(p: Piece, refH: number, depth = 0): Piece[] {
  const w = p.x1 - p.x0, h = Math.max(p.y1 - p.y0, refH * 0.6);
  if (depth > 3 || w <= 1.1 * h || w < 6) return [p];
  const cut = splitColumn(p.mask);
  if (cut <= 0) return [p];
  const left = sub(p, 0, cut), right = sub(p, cut, p.mask.width);
  // Two digits have each most of the height; a 5's long bar or a flourish does not.
  const tall = (q: Piece | null) => q !== null && q.y1 - q.y0 >= 0.5 * (p.y1 - p.y0);
  if (!tall(left) || !tall(right)) return [p];
  return [left!, right!].flatMap((q) => splitWide(q, refH, depth + 1));
}

function sub(p: Piece, a: number, b: number): Piece | null {
  const { width: w, height: h, data } = p.mask;
  const mw = b - a;
  const d = new Uint8Array(mw * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < mw; x++) d[y * mw + x] = data[y * w + x + a]!;
  return trim({ x0: p.x0 + a, y0: p.y0, x1: p.x0 + b, y1: p.y1, mask: { width: mw, height: h, data: d } });
}

/**
 * The crop's pieces, left to right: components smaller than a speck (relative to the crop's
 * height) dropped, unless specks lying close together make one that is not
 * ({@link FRAGMENT_GAP}); components overlapping in x joined (a broken stroke, the bar of a 5);
 * and for each piece the other ways its ink may hold several digits (two touching or crossing
 * digits, not a 5 and its long bar): the model decides which reading holds.
 */
export function segment(m: Mask): Segment[] {
  const H = m.height;
  const notSpeck = (c: Comp) => Math.max(c.x1 - c.x0, c.y1 - c.y0) >= Math.max(3, 0.15 * H) && c.area >= Math.max(4, 0.004 * H * H);
  const all = components(m);
  const comps = all.filter(notSpeck);
  comps.push(...joinedFragments(all.filter((c) => !notSpeck(c)), m, FRAGMENT_GAP * H).filter(notSpeck));
  comps.sort((a, b) => a.x0 - b.x0);
  const groups: Comp[][] = [];
  for (const c of comps) {
    const g = groups.find((g) => {
      const gx0 = Math.min(...g.map((k) => k.x0)), gx1 = Math.max(...g.map((k) => k.x1));
      const ov = Math.min(gx1, c.x1) - Math.max(gx0, c.x0);
      return ov > 0.5 * Math.min(gx1 - gx0, c.x1 - c.x0);
    });
    if (g) g.push(c); else groups.push([c]);
  }
  // A short piece almost touching a neighbour is a stroke the scan broke off that digit.
  const tallest = Math.max(0, ...groups.map((g) => Math.max(...g.map((k) => k.y1)) - Math.min(...g.map((k) => k.y0))));
  const span = (g: Comp[]) => ({ x0: Math.min(...g.map((k) => k.x0)), x1: Math.max(...g.map((k) => k.x1)), h: Math.max(...g.map((k) => k.y1)) - Math.min(...g.map((k) => k.y0)) });
  for (let i = 0; i + 1 < groups.length; ) {
    const a = span(groups[i]!), b = span(groups[i + 1]!);
    const short = Math.min(a.h, b.h) < 0.6 * tallest;
    if (short && b.x0 - a.x1 <= Math.max(1, 0.05 * tallest) && b.x1 - a.x0 <= tallest) {
      groups[i] = [...groups[i]!, ...groups[i + 1]!];
      groups.splice(i + 1, 1);
    } else i++;
  }
  groups.sort((a, b) => span(a).x0 - span(b).x0);
  const heights = groups.map((g) => span(g).h).sort((a, b) => a - b);
  const refH = heights.length ? heights[Math.floor(heights.length / 2)]! : H;
  return groups.map((g) => {
    const whole = pieceOf(g, m.width);
    return { whole, alternatives: alternativesOf(whole, refH), narrow: narrowSplitsOf(whole, refH) };
  });
}

/**
 * How far apart (to the crop's height) the specks of one broken stroke may lie to be joined:
 * t10k strips whose strokes were cut into specks, 13/200 read right with specks dropped one by
 * one, 77 joined within 0.03, 84 within 0.05; generated State dev letters 34/40 numbers and
 * 36/40 days at either (the "9"s of a dashed "5399" read), the rest unchanged.
 */
export const FRAGMENT_GAP = 0.05;

/**
 * Pieces too small to be a digit (specks), joined where they lie within `gap` pixels of each
 * other: a thin or dashed pen, or a faint stroke the binarisation broke, leaves a digit as a
 * chain of specks, each dropped alone. A chain is one component (still judged as a speck when
 * it is small).
 */
function joinedFragments(small: Comp[], m: Mask, gap: number): Comp[] {
  if (small.length < 2) return small;
  const r = Math.max(1, Math.round(gap));
  // Union-find over the fragments: two are joined when some of their pixels are within r (Chebyshev).
  const parent = small.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Int32Array(m.width * m.height).fill(-1);
  small.forEach((c, i) => { for (const p of c.pixels) owner[p] = i; });
  small.forEach((c, i) => {
    for (const p of c.pixels) {
      const x = p % m.width, y = (p - x) / m.width;
      for (let dy = -r; dy <= r; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= m.height) continue;
        for (let dx = -r; dx <= r; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= m.width) continue;
          const j = owner[yy * m.width + xx]!;
          if (j >= 0 && j !== i) { const a = find(i), b = find(j); if (a !== b) parent[a] = b; }
        }
      }
    }
  });
  const byRoot = new Map<number, Comp>();
  small.forEach((c, i) => {
    const k = find(i);
    const g = byRoot.get(k);
    if (!g) { byRoot.set(k, { ...c, pixels: [...c.pixels] }); return; }
    g.x0 = Math.min(g.x0, c.x0); g.y0 = Math.min(g.y0, c.y0); g.x1 = Math.max(g.x1, c.x1); g.y1 = Math.max(g.y1, c.y1);
    g.area += c.area;
    g.pixels.push(...c.pixels);
  });
  return [...byRoot.values()];
}

/**
 * How wide (to its height) a piece must be to be offered as several digits: two digits side by
 * side are wider than one, but two touching ones written close ("27", "36" in a cursive hand) may
 * be as wide as high. 0.95 (was 1.1) with the network PyTorch fitted: t10k touching-1 pairs 107 →
 * 121 of 200, touching strips 133 → 135; generated State dev numbers 29 → 31/40; MNIST, fonts,
 * forms, real crops and printed words unchanged.
 */
export const MIN_SPLIT_WIDTH = 0.95;

/** A piece of ink and the other ways it may be read as several digits. */
export interface Segment {
  whole: Piece;
  /** Readings of the same ink as 2–4 digits, each left to right ([] when the piece can only be one). */
  alternatives: Piece[][];
  /**
   * Two-digit readings of a piece too narrow for `alternatives` (a "1" touching the next digit:
   * "14", "19"), taken only when the piece whole is no digit and both parts are sure digits.
   */
  narrow: Piece[][];
}

/** How wide (to its height) a piece must be for its narrow two-digit readings (a "1" leaning into a "4" is as narrow as 0.6: t10k pairs 94 → 97 of 200 at 0.7 → 0.6, nothing else changed). */
export const MIN_NARROW_SPLIT_WIDTH = 0.6;

/** A piece between MIN_NARROW_SPLIT_WIDTH and MIN_SPLIT_WIDTH times as wide as high, cut at its lowest columns into two tall parts. */
function narrowSplitsOf(p: Piece, refH: number): Piece[][] {
  const w = p.x1 - p.x0, h = Math.max(p.y1 - p.y0, refH * 0.6);
  if (w < MIN_NARROW_SPLIT_WIDTH * h || w >= MIN_SPLIT_WIDTH * h || w < 6) return [];
  const tall = (q: Piece | null): q is Piece => q !== null && q.y1 - q.y0 >= 0.6 * (p.y1 - p.y0);
  return cutColumns(p.mask, 3).map((c) => [sub(p, 0, c), sub(p, c, p.mask.width)]).filter((parts): parts is Piece[] => parts.every(tall));
}

/** Columns of least ink between 20 % and 80 % of the width (local minima of the projection, least first), at least a tenth of the width apart. */
function cutColumns(m: Mask, most: number): number[] {
  const cols = new Float64Array(m.width);
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) cols[x]! += m.data[y * m.width + x]!;
  const lo = Math.max(1, Math.floor(m.width * 0.2)), hi = Math.min(m.width - 1, Math.ceil(m.width * 0.8));
  const v = (x: number) => cols[x]! + 0.25 * ((cols[x - 1] ?? 0) + (cols[x + 1] ?? 0));
  const minima: number[] = [];
  for (let x = lo; x < hi; x++) if (v(x) <= v(x - 1) && v(x) <= v(x + 1)) minima.push(x);
  minima.sort((a, b) => v(a) - v(b));
  const out: number[] = [];
  for (const x of minima) {
    if (out.some((o) => Math.abs(o - x) < Math.max(2, 0.1 * m.width))) continue;
    out.push(x);
    if (out.length >= most) break;
  }
  return out;
}

/**
 * The ways a piece at least as wide as it is high may hold several digits: cut at one of its
 * lowest columns into two, at two of them into three when
 * it is wide, and cut recursively at projection minima when it is wider still. Each part must
 * keep most of the height: a 5's bar or a flourish is not a digit.
 */
function alternativesOf(p: Piece, refH: number): Piece[][] {
  const w = p.x1 - p.x0, h = Math.max(p.y1 - p.y0, refH * 0.6);
  const tall = (q: Piece | null): q is Piece => q !== null && q.y1 - q.y0 >= 0.5 * (p.y1 - p.y0);
  const out: Piece[][] = [];
  if (w >= MIN_SPLIT_WIDTH * h && w >= 6) {
    const cuts = cutColumns(p.mask, 3);
    // Two digits: at the projection's low columns, and at even steps across the middle (a touching
    // pair's join is not always the lowest column: an open "0" leaning on a "4").
    const step = Math.max(2, Math.round(w / 12));
    const evenCuts = [];
    for (let c = Math.round(w * 0.3); c <= Math.round(w * 0.7); c += step) if (!cuts.some((k) => Math.abs(k - c) < step / 2)) evenCuts.push(c);
    for (const c of [...cuts, ...evenCuts]) {
      const parts = [sub(p, 0, c), sub(p, c, p.mask.width)];
      if (parts.every(tall)) out.push(parts as Piece[]);
    }
    if (w > 1.2 * h) {
      for (let i = 0; i < cuts.length; i++) for (let j = 0; j < cuts.length; j++) {
        const [a, b] = [cuts[i]!, cuts[j]!];
        if (b - a < Math.max(3, 0.2 * w)) continue;
        const parts = [sub(p, 0, a), sub(p, a, b), sub(p, b, p.mask.width)];
        if (parts.every(tall)) out.push(parts as Piece[]);
      }
    }
    const rec = splitWide(p, refH);
    if (rec.length > 1 && !out.some((o) => o.length === rec.length && o.every((q, k) => q.x0 === rec[k]!.x0 && q.x1 === rec[k]!.x1))) out.push(rec);
  }
  return out;
}

function morph(m: Mask, grow: boolean): Mask {
  const { width: w, height: h, data } = m;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let any = false, all = true;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx, yy = y + dy;
      const v = xx >= 0 && yy >= 0 && xx < w && yy < h ? data[yy * w + xx]! : 0;
      if (v) any = true; else all = false;
    }
    out[y * w + x] = (grow ? any : all) ? 1 : 0;
  }
  return { width: w, height: h, data: out };
}

/** Grows a mask by `n` pixels on every side (room for dilation). */
function pad(m: Mask, n: number): Mask {
  const w = m.width + 2 * n, h = m.height + 2 * n;
  const d = new Uint8Array(w * h);
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) d[(y + n) * w + x + n] = m.data[y * m.width + x]!;
  return { width: w, height: h, data: d };
}

const count = (m: Mask) => m.data.reduce((s, v) => s + v, 0);

/** Mean stroke width of a mask: twice its area over its boundary. */
export function strokeWidth(m: Mask): number {
  const { width: w, height: h, data } = m;
  let area = 0, edge = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!data[y * w + x]) continue;
    area++;
    if (x === 0 || y === 0 || x === w - 1 || y === h - 1 || !data[y * w + x - 1] || !data[y * w + x + 1] || !data[(y - 1) * w + x] || !data[(y + 1) * w + x]) edge++;
  }
  return edge ? (2 * area) / edge : 0;
}

/**
 * A piece's mask as the model's input: 784 values 0..1 (1 = ink), like an MNIST digit. The
 * stroke is first thickened or thinned (3 × 3 steps) towards MNIST's width at the scale the
 * piece will be drawn at.
 */
export function normaliseMask(input: Mask): Float32Array {
  let m = input;
  const big = Math.max(m.width, m.height);
  const scale = BOX / big;
  const want = TARGET_STROKE / scale;
  const sw = strokeWidth(m);
  if (sw > 0 && sw < want - 1.5) {
    const k = Math.min(3, Math.round((want - sw) / 2));
    m = pad(m, k);
    for (let i = 0; i < k; i++) m = morph(m, true);
  } else if (sw > want + 2) {
    const k = Math.min(3, Math.round((sw - want) / 2));
    const before = count(m);
    for (let i = 0; i < k; i++) {
      const e = morph(m, false);
      if (count(e) < 0.45 * before) break;
      m = e;
    }
  }
  const t = trim({ x0: 0, y0: 0, x1: m.width, y1: m.height, mask: m });
  if (t) m = t.mask;
  const s = BOX / Math.max(m.width, m.height);
  const bw = Math.max(1, Math.round(m.width * s)), bh = Math.max(1, Math.round(m.height * s));
  // Area sampling: each box pixel is the share of ink in the source rectangle it covers.
  const box = new Float32Array(bw * bh);
  const sx = m.width / bw, sy = m.height / bh;
  for (let by = 0; by < bh; by++) {
    const ya = by * sy, yb = ya + sy;
    for (let bx = 0; bx < bw; bx++) {
      const xa = bx * sx, xb = xa + sx;
      let acc = 0;
      for (let y = Math.floor(ya); y < Math.ceil(yb); y++) {
        const wy = Math.min(yb, y + 1) - Math.max(ya, y);
        for (let x = Math.floor(xa); x < Math.ceil(xb); x++) {
          if (!m.data[y * m.width + x]) continue;
          acc += wy * (Math.min(xb, x + 1) - Math.max(xa, x));
        }
      }
      box[by * bw + bx] = Math.min(1, acc / (sx * sy));
    }
  }
  let mass = 0, cx = 0, cy = 0;
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) { const v = box[y * bw + x]!; mass += v; cx += v * x; cy += v * y; }
  const ox = mass ? Math.round(SIDE / 2 - 0.5 - cx / mass) : Math.round((SIDE - bw) / 2);
  const oy = mass ? Math.round(SIDE / 2 - 0.5 - cy / mass) : Math.round((SIDE - bh) / 2);
  const dx = Math.min(SIDE - bw, Math.max(0, ox)), dy = Math.min(SIDE - bh, Math.max(0, oy));
  const out = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) out[(y + dy) * SIDE + x + dx] = box[y * bw + x]!;
  return out;
}
