/**
 * Which way up a scanned page lies. A letter fed into the scanner upside down, or a page scanned
 * sideways, reads as nothing (every header field null); turned upright first, it reads as any
 * other. Two measures of the page's ink, both cheap (one pass over a sample of its pixels):
 *
 * - **Sideways or not.** Printed text lines are horizontal: the tops of strokes (dark pixels with
 *   light above) gather on a few rows per line (the x-height and the capitals' height), while the
 *   left edges of strokes spread across the line. On a page turned a quarter, the two swap. Each
 *   is measured as how peaked its profile is (1 for ink spread evenly), projected along the best of
 *   the skews −4…4° (as the straightening searches them), so that a skewed scan does not blur it.
 * - **Upside down or not.** Within a text line, Vietnamese print carries much more ink above its
 *   core (the x-height band) than below it: capitals, ascenders (b d h k l t) and the tone and
 *   vowel marks above, against the descenders (g p q y) and the dot below. Upside down, the
 *   balance is reversed.
 *
 * The lines are found per vertical strip along that skew. A turn is made only on clear evidence
 * (enough lines, a wide margin on both measures); anything else is read as it lies. Pure.
 */
import { inkThreshold, type GrayImage } from './gray';

/** Clockwise quarter turns that bring the page upright (1: the page lies turned a quarter counter-clockwise). */
export type QuarterTurns = 0 | 1 | 2 | 3;

export interface Orientation {
  turns: QuarterTurns;
  /** How peaked the rows' stroke tops are against the columns' stroke left edges (> 1: lines run across). */
  across: number;
  /** Ink above the lines' cores against ink below them (> 1: upright), on the page as turned to run across. */
  upright: number;
  /** Text lines the second measure counted. */
  lines: number;
}

/**
 * Lines of text are plain only when one direction is this much more peaked than the other (a
 * page of print: 2–4 either way; a near-blank page with a seal: ~1.2); otherwise the page is read
 * as it lies.
 */
const LINES_MARGIN = 1.6;
/** Upside down only when the ink above the lines is less than this share of the ink below (print: ~2 upright, ~0.5 turned). */
const FLIPPED_BELOW = 0.7;
/** Fewer line pieces than this (lines × strips) and the page is read as it lies. */
const MIN_LINES = 20;
/** Strips across the page for the lines' ink (each line's rows found per strip, the skew taken out). */
const LINE_STRIPS = 4;
/** Angles tried for the skew of the lines (degrees), as the straightening does after. */
const ANGLES = Array.from({ length: 17 }, (_, i) => -4 + i * 0.5);
/** At most this many stroke edges are sampled for each measure. */
const MAX_POINTS = 150_000;

/** How peaked a profile is: 1 when its mass is spread evenly over the bins it spans, more when it gathers. */
function peakedness(bins: Float64Array): number {
  let first = -1;
  let last = -1;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < bins.length; i++) {
    const v = bins[i]!;
    if (v > 0) {
      if (first < 0) first = i;
      last = i;
      sum += v;
      sumSq += v * v;
    }
  }
  return sum < 200 ? 1 : ((last - first + 1) * sumSq) / (sum * sum);
}

/**
 * Stroke edges of a page: tops (a dark pixel under a light one) and left edges (a dark pixel right
 * of a light one), in the central part of the page (a scanner's dark border would count as lines).
 */
function strokeEdges(img: GrayImage, t: number): { top: Int32Array[]; left: Int32Array[]; step: number } {
  const { width, height, data } = img;
  const x0 = Math.max(1, Math.floor(width * 0.05));
  const x1 = Math.ceil(width * 0.95);
  const y0 = Math.max(1, Math.floor(height * 0.05));
  const y1 = Math.ceil(height * 0.95);
  const tx = new Int32Array(MAX_POINTS);
  const ty = new Int32Array(MAX_POINTS);
  const lx = new Int32Array(MAX_POINTS);
  const ly = new Int32Array(MAX_POINTS);
  // Every other row and column (a page at 250–300 dpi has more edges than needed), coarser when still too many.
  for (let step = 2; ; step *= 2) {
    let nt = 0;
    let nl = 0;
    let full = false;
    for (let y = y0; y < y1 && !full; y += step) {
      const row = y * width;
      for (let x = x0; x < x1; x += step) {
        if (data[row + x]! > t) continue;
        if (data[row - width + x]! > t) {
          tx[nt] = x;
          ty[nt++] = y;
        }
        if (data[row + x - 1]! > t) {
          lx[nl] = x;
          ly[nl++] = y;
        }
        if (nt === MAX_POINTS || nl === MAX_POINTS) {
          full = true;
          break;
        }
      }
    }
    if (!full || step >= 16) return { top: [tx.subarray(0, nt), ty.subarray(0, nt)], left: [lx.subarray(0, nl), ly.subarray(0, nl)], step };
  }
}

/**
 * The most peaked projection of points across `along` (y for rows, x for columns) over the angles
 * tried, and its angle; bins as wide as the sampling step (narrower ones would be half empty).
 */
function bestProjection(along: Int32Array, across: Int32Array, size: number, extent: number, step: number): { peak: number; deg: number } {
  const off = Math.ceil(extent / step);
  const bins = new Float64Array(Math.ceil(size / step) + 2 * off + 1);
  let best = { peak: 0, deg: 0 };
  for (const deg of ANGLES) {
    const tan = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < along.length; i++) {
      const b = Math.round((along[i]! - across[i]! * tan) / step) + off;
      if (b >= 0 && b < bins.length) bins[b]!++;
    }
    const peak = peakedness(bins);
    if (peak > best.peak) best = { peak, deg };
  }
  return best;
}

/**
 * Ink above the text lines' cores against ink below, on a page whose lines run across, skewed by
 * `deg`: per vertical strip, the rows' ink (along the skew) is cut into lines at blank rows; a
 * line's core is its rows with at least half its densest row's ink.
 */
function uprightRatio(img: GrayImage, t: number, deg: number): { ratio: number; lines: number } {
  const { width, height, data } = img;
  const x0 = Math.floor(width * 0.05);
  const x1 = Math.ceil(width * 0.95);
  const sw = Math.ceil((x1 - x0) / LINE_STRIPS);
  const tan = Math.tan((deg * Math.PI) / 180);
  const pad = Math.ceil(Math.abs(tan) * sw) + 1;
  const p = new Float64Array(height + 2 * pad);
  let above = 0;
  let below = 0;
  let lines = 0;
  for (let s = 0; s < LINE_STRIPS; s++) {
    const a = x0 + s * sw;
    const b = Math.min(x1, a + sw);
    const mid = (a + b) / 2;
    // A column dark down most of the page (a rule, the scanner's edge, a fold's shadow) would leave no row blank: left out.
    const dark = new Uint32Array(b - a);
    for (let y = 0; y < height; y += 4) {
      const row = y * width;
      for (let x = a; x < b; x += 2) if (data[row + x]! <= t) dark[x - a]!++;
    }
    p.fill(0);
    // Where each sampled column's ink lands along the skew; -1: a column left out.
    const shift = new Int32Array(b - a).fill(-1);
    for (let x = a; x < b; x += 2) if (dark[x - a]! * 4 <= height * 0.4) shift[x - a] = pad - Math.round((x - mid) * tan);
    for (let y = 0; y < height; y++) {
      const row = y * width;
      for (let x = a; x < b; x += 2) if (data[row + x]! <= t && shift[x - a]! >= 0) p[y + shift[x - a]!]!++;
    }
    // A row with a stroke or two of ink is blank between lines (a speck, a rule's end).
    const blank = Math.max(1, (b - a) / 2 / 100);
    for (let y = 0; y < p.length; ) {
      if (p[y]! <= blank) {
        y++;
        continue;
      }
      let end = y;
      while (end < p.length && p[end]! > blank) end++;
      const h = end - y;
      // Lines of print: taller than a speck, shorter than a block (a seal, a photo, a table's dark band).
      if (h >= 6 && h <= height / 25) {
        let max = 0;
        for (let k = y; k < end; k++) max = Math.max(max, p[k]!);
        let c0 = y;
        while (p[c0]! < max / 2) c0++;
        let c1 = end - 1;
        while (p[c1]! < max / 2) c1--;
        for (let k = y; k < c0; k++) above += p[k]!;
        for (let k = c1 + 1; k < end; k++) below += p[k]!;
        lines++;
      }
      y = end;
    }
  }
  return { ratio: (above + 1) / (below + 1), lines };
}

/** A grey image turned clockwise by `turns` quarters (exact: pixels are moved, not resampled). */
export function turnGray(img: GrayImage, turns: QuarterTurns): GrayImage {
  if (turns === 0) return img;
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  if (turns === 2) {
    for (let i = 0, n = w * h; i < n; i++) out[n - 1 - i] = data[i]!;
    return { width: w, height: h, data: out };
  }
  // A quarter turn: the new image is h wide and w high.
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      // Clockwise: (x, y) → (h - 1 - y, x); counter-clockwise (3 turns): (x, y) → (y, w - 1 - x).
      const to = turns === 1 ? x * h + (h - 1 - y) : (w - 1 - x) * h + y;
      out[to] = data[row + x]!;
    }
  }
  return { width: h, height: w, data: out };
}

/** Which way up the page lies, and the measures that say so. `t`: the page's ink threshold, when the caller has it already. */
export function pageOrientation(img: GrayImage, t = inkThreshold(img.data)): Orientation {
  const { top, left, step } = strokeEdges(img, t);
  // Rows: tops of strokes projected along the lines (y less x·tan); columns: left edges along x.
  const rows = bestProjection(top[1]!, top[0]!, img.height, img.width, step);
  const cols = bestProjection(left[0]!, left[1]!, img.width, img.height, step);
  const across = rows.peak / cols.peak;
  if (across < LINES_MARGIN && across > 1 / LINES_MARGIN) return { turns: 0, across, upright: 1, lines: 0 };
  const sideways = across < 1;
  // Turned a quarter clockwise, a column's skew (x less y·tan) is the lines' skew with its sign changed.
  const level = sideways ? turnGray(img, 1) : img;
  const { ratio, lines } = uprightRatio(level, t, sideways ? -cols.deg : rows.deg);
  // Turned a quarter, the page must read as lines of print one way up or the other (a page of
  // tables, whose rules peak in the columns, does not): else it is read as it lies.
  if (sideways && !(lines >= MIN_LINES && (ratio < FLIPPED_BELOW || ratio > 1 / FLIPPED_BELOW))) return { turns: 0, across, upright: ratio, lines };
  const flipped = lines >= MIN_LINES && ratio < FLIPPED_BELOW;
  const turns = ((sideways ? 1 : 0) + (flipped ? 2 : 0)) as QuarterTurns;
  return { turns, across, upright: ratio, lines };
}
