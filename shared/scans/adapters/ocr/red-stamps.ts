/**
 * Red rubber stamps (HỎA TỐC, KHẨN, MẬT…) read from a page's red plane (issue 14, point 5).
 * The grey the page is read from fades red ink (so black text under a seal stays readable),
 * which loses a red stamp; here the red plane alone is searched for stamp-like regions (long
 * and narrow, at any angle up to ±60°), each is cut out straightened along its own axis (and a
 * few degrees either side), cleaned of its frame, and read as one line by the caller's OCR.
 * Round seals (the issuer's seal over the signature, the gazette's seals at the top: as wide
 * as tall, filled with small text) are not stamps and are left alone.
 *
 * Pure but for the OCR it is given: a red plane in (0..255, how red each pixel is), readings out.
 */
import type { GrayImage } from './gray';
import { removeFramesAndRules } from './frames';

export interface StampBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A stamp-like red region: its box on the page, and the angle of its long axis. */
export interface StampRegion {
  bbox: StampBox;
  /** Degrees the long axis is turned, anticlockwise on the page positive (rising to the right). */
  angle: number;
  /** Length and width along and across that axis, in page pixels. */
  length: number;
  breadth: number;
  /** Centre of the region's ink. */
  cx: number;
  cy: number;
}

export interface RedStamp {
  text: string;
  /** The plane it was read on: the page's red, or the grey's unread ink (a stamp on a greyscale scan, its colour unknown). */
  colour: 'red' | 'grey';
  /** 0..1, the OCR's confidence in its best reading. */
  confidence: number;
  bbox: StampBox;
  /** Degrees the stamp's text is turned, anticlockwise positive, as it read best. */
  angle: number;
}

/**
 * OCR of one straightened stamp: `mode` line (one line of text) or block (any lines). `span`:
 * the share of the image's width the words read cover, when known.
 */
export type StampReader = (img: GrayImage, mode: 'line' | 'block') => Promise<{ text: string; confidence: number; span?: number }>;

/**
 * Words covering less than this share of the cut (whose text, inside its frame and margins,
 * covers ~0.7 of it) are a part of the stamp read: the reading's confidence is halved.
 */
const PART_SPAN = 0.45;

/** A pixel this red is stamp ink. */
const INK = 96;
/** Readings under this confidence, or with fewer than two letters, are not readings. */
const UNREAD_BELOW = 0.35;
/** A reading this sure ends the search over angles. */
const SURE = 0.85;
/** The header band (where urgency and secrecy marks sit): the top of the page. */
const HEADER_BAND = 0.45;

/**
 * Regions on the grey's unread ink (a stamp on a greyscale scan): the frame is mostly cleaned away
 * with the page's rules, leaving only the words, so they are joined across wider gaps (6 cells)
 * and a region counts from 0.05 of the width (MẬT's word in a 20 mm frame is ~13 mm).
 */
export const GREY_INK_REGIONS = { reach: 6, minLength: 0.05 } as const;

/**
 * Stamp-like red regions of a red plane: ink cells grouped with small gaps bridged (`reach`
 * cells), kept when the group is long and narrow (length ≥ 1.7 × breadth: a round seal is ~1),
 * of a stamp's size against the page width (at least `minLength` of it), turned no more than
 * 60°. Largest first, at most `max`. On the grey's unread ink, {@link GREY_INK_REGIONS}.
 */
export function findStampRegions(red: GrayImage, max = 6, reach = 2, minLength = 0.08): StampRegion[] {
  const { width: W, height: H, data } = red;
  const cell = Math.max(3, Math.round(W / 300));
  const gw = Math.ceil(W / cell);
  const gh = Math.ceil(H / cell);
  const ink = new Uint8Array(gw * gh);
  const need = Math.max(2, Math.round(cell * cell * 0.06));
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      let n = 0;
      const yEnd = Math.min(H, (gy + 1) * cell);
      const xEnd = Math.min(W, (gx + 1) * cell);
      for (let y = gy * cell; y < yEnd && n < need; y++) {
        const row = y * W;
        for (let x = gx * cell; x < xEnd; x++) if (data[row + x]! >= INK && ++n >= need) break;
      }
      if (n >= need) ink[gy * gw + gx] = 1;
    }
  }
  // Groups: inked cells within `reach` cells of each other (letters and words of one stamp join).
  const label = new Int32Array(gw * gh).fill(-1);
  const groups: { xs: number[]; ys: number[]; x0: number; y0: number; x1: number; y1: number }[] = [];
  let next = 0;
  for (let i = 0; i < ink.length; i++) {
    if (!ink[i] || label[i]! >= 0) continue;
    const stack = [i];
    label[i] = next;
    const xs: number[] = [];
    const ys: number[] = [];
    while (stack.length) {
      const k = stack.pop()!;
      const x = k % gw;
      const y = (k - x) / gw;
      xs.push(x);
      ys.push(y);
      for (let dy = -reach; dy <= reach; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= gh) continue;
        for (let dx = -reach; dx <= reach; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= gw) continue;
          const m = ny * gw + nx;
          if (ink[m] && label[m]! < 0) {
            label[m] = next;
            stack.push(m);
          }
        }
      }
    }
    next++;
    if (xs.length < 3) continue;
    let x0 = gw, y0 = gh, x1 = 0, y1 = 0;
    for (let k = 0; k < xs.length; k++) {
      x0 = Math.min(x0, xs[k]!); x1 = Math.max(x1, xs[k]!); y0 = Math.min(y0, ys[k]!); y1 = Math.max(y1, ys[k]!);
    }
    groups.push({ xs, ys, x0, y0, x1, y1 });
  }
  // A stamp's words inside its frame are one stamp with it: a group lying within a larger one's box joins it.
  groups.sort((a, b) => b.xs.length - a.xs.length);
  const kept: typeof groups = [];
  for (const g of groups) {
    const host = kept.find((k) => g.x0 >= k.x0 - 1 && g.x1 <= k.x1 + 1 && g.y0 >= k.y0 - 1 && g.y1 <= k.y1 + 1);
    if (host) {
      for (let k = 0; k < g.xs.length; k++) {
        host.xs.push(g.xs[k]!);
        host.ys.push(g.ys[k]!);
      }
    } else kept.push(g);
  }
  const out: (StampRegion & { cells: number })[] = [];
  for (const g of kept) {
    const region = shapeOf(g.xs, g.ys, cell);
    if (region && stampLike(region, W, minLength)) out.push({ ...region, cells: g.xs.length });
  }
  return out
    .sort((a, b) => b.cells - a.cells)
    .slice(0, max)
    .map(({ cells: _cells, ...r }) => r);
}

/** The region's axis (principal axis of its cells), its extents along and across it, and its box. */
function shapeOf(xs: number[], ys: number[], cell: number): StampRegion | null {
  const n = xs.length;
  if (n < 6) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  // Screen angle (y down) of the long axis, in (-90°, 90°].
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  let u0 = Infinity, u1 = -Infinity, v0 = Infinity, v1 = -Infinity;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    const u = dx * c + dy * s;
    const v = -dx * s + dy * c;
    u0 = Math.min(u0, u); u1 = Math.max(u1, u); v0 = Math.min(v0, v); v1 = Math.max(v1, v);
    x0 = Math.min(x0, xs[i]!); x1 = Math.max(x1, xs[i]!); y0 = Math.min(y0, ys[i]!); y1 = Math.max(y1, ys[i]!);
  }
  return {
    bbox: { x0: x0 * cell, y0: y0 * cell, x1: (x1 + 1) * cell, y1: (y1 + 1) * cell },
    angle: Math.round((-theta * 180) / Math.PI * 10) / 10,
    length: (u1 - u0 + 1) * cell,
    breadth: (v1 - v0 + 1) * cell,
    // The middle of the extents, not the mean: the stamp's box is centred there.
    cx: (mx + ((u0 + u1) / 2) * c - ((v0 + v1) / 2) * s + 0.5) * cell,
    cy: (my + ((u0 + u1) / 2) * s + ((v0 + v1) / 2) * c + 0.5) * cell,
  };
}

/**
 * Sizes against the page width (21 cm): the smallest mark stamp, MẬT, is 20 × 8 mm (0.095 × 0.038),
 * KHẨN and HỎA TỐC 30–40 mm long; a stamp is taken from 0.08 long (17 mm), so the red logo of
 * the government signing authority (VGCA) beside a digital signature's note, 14 × 7 mm, is not one.
 */
function stampLike(r: StampRegion, pageWidth: number, minLength: number): boolean {
  return (
    r.length >= pageWidth * minLength &&
    r.length <= pageWidth * 0.6 &&
    r.breadth >= pageWidth * 0.012 &&
    r.breadth <= pageWidth * 0.2 &&
    r.length >= r.breadth * 1.7 &&
    Math.abs(r.angle) <= 60
  );
}

/**
 * The region cut out of the red plane along a baseline turned `angle` degrees (anticlockwise),
 * as dark ink on white, scaled so the stamp is ~90 px across its breadth.
 */
export function cutStamp(red: GrayImage, r: StampRegion, angle: number): GrayImage {
  const pad = Math.max(4, r.breadth * 0.15);
  const scale = Math.max(0.4, Math.min(3, 90 / r.breadth));
  const U = Math.max(8, Math.round((r.length + 2 * pad) * scale));
  const V = Math.max(8, Math.round((r.breadth + 2 * pad) * scale));
  const rad = (-angle * Math.PI) / 180;
  const c = Math.cos(rad);
  const s = Math.sin(rad);
  const out = new Uint8Array(U * V);
  const { width: W, height: H, data } = red;
  for (let v = 0; v < V; v++) {
    const dv = (v + 0.5) / scale - (r.breadth / 2 + pad);
    for (let u = 0; u < U; u++) {
      const du = (u + 0.5) / scale - (r.length / 2 + pad);
      const sx = r.cx + du * c - dv * s - 0.5;
      const sy = r.cy + du * s + dv * c - 0.5;
      let val = 0;
      if (sx >= 0 && sy >= 0 && sx < W - 1 && sy < H - 1) {
        const x0 = sx | 0;
        const y0 = sy | 0;
        const fx = sx - x0;
        const fy = sy - y0;
        const k = y0 * W + x0;
        const top = data[k]! + (data[k + 1]! - data[k]!) * fx;
        const bottom = data[k + W]! + (data[k + W + 1]! - data[k + W]!) * fx;
        val = top + (bottom - top) * fy;
      }
      // Faded stamp ink counts fully: the plane's strength is stretched before it is turned to dark-on-white.
      out[v * U + u] = 255 - Math.min(255, (val * 1.6) | 0);
    }
  }
  return removeFramesAndRules({ width: U, height: V, data: out }).image;
}

const letters = (s: string): number => (s.match(/\p{L}/gu) ?? []).length;

/**
 * Reads the stamp-like red regions of a page: each along its axis and a few degrees either
 * side (within ±50°), as one line, then as a block when no line reading was sure; the best
 * reading is kept. Returns the stamps read and the boxes of stamp ink in the header band
 * that gave no reading (the caller counts them as unread ink: secrecy then fails closed).
 */
export async function readRedStamps(red: GrayImage, read: StampReader, opts: { maxRegions?: number; colour?: RedStamp['colour']; reach?: number; minLength?: number } = {}): Promise<{ stamps: RedStamp[]; unread: StampBox[] }> {
  const stamps: RedStamp[] = [];
  const unread: StampBox[] = [];
  for (const r of findStampRegions(red, opts.maxRegions ?? 4, opts.reach, opts.minLength)) {
    const angles = [...new Set([r.angle, r.angle + 4, r.angle - 4].map((a) => Math.max(-50, Math.min(50, Math.round(a)))))];
    type Reading = { text: string; confidence: number; angle: number };
    const better = (best: Reading | null, got: { text: string; confidence: number; span?: number }, angle: number): Reading | null => {
      const text = got.text.replace(/\s+/g, ' ').trim();
      const confidence = got.span !== undefined && got.span < PART_SPAN ? got.confidence / 2 : got.confidence;
      return letters(text) >= 2 && (!best || confidence > best.confidence) ? { text, confidence, angle } : best;
    };
    let found: Reading | null = null;
    for (const a of angles) {
      found = better(found, await read(cutStamp(red, r, a), 'line'), a);
      if (found && found.confidence >= SURE) break;
    }
    if (!found || found.confidence < SURE) {
      const at = found?.angle ?? angles[0]!;
      found = better(found, await read(cutStamp(red, r, at), 'block'), at);
    }
    if (found && found.confidence >= UNREAD_BELOW) {
      stamps.push({ text: found.text, colour: opts.colour ?? 'red', confidence: Math.round(found.confidence * 1000) / 1000, bbox: r.bbox, angle: found.angle });
    } else if ((r.bbox.y0 + r.bbox.y1) / 2 < red.height * HEADER_BAND) {
      unread.push(r.bbox);
    }
  }
  return { stamps, unread };
}
