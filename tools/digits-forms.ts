/**
 * Pen digits in the forms a Vietnamese văn thư writes and MNIST (American hands) barely holds:
 * the looped 2 (a curl at the start, a loop where the diagonal meets the base), the flagged 1
 * (a long up-stroke from the lower left), the flat-topped 3, the crossed and the hooked 7, the open
 * 4, the 9 with a straight or curved stem, and plain forms of every digit beside them. Each form is a few
 * strokes through control points in a unit box; a sample jitters the points, slants, rotates
 * and stretches them, draws them with a round pen of a random width at a height of 14–64
 * pixels (a 4–6 mm digit at 100–300 dpi), then blurs, adds grain and thresholds, the way a
 * scanner and the reader's binarisation turn pen ink into a mask (tools/train-digits.ts).
 */
import { createCanvas } from '@napi-rs/canvas';
import { components, type Mask } from '../shared/scans/adapters/ocr/digits/segment';

export type Rng = () => number;
const uni = (r: Rng, a: number, b: number) => a + (b - a) * r();
const gauss = (r: Rng) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());

type Pt = readonly [number, number];
/** A form: strokes through points (x right, y down, both 0..1 of the digit's box). */
type Form = readonly (readonly Pt[])[];

/** An ellipse's points from angle a0 to a1 (radians, y down), centre (cx, cy), radii rx, ry. */
function arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, n = 10): Pt[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = a0 + ((a1 - a0) * i) / n;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
  });
}

const PI = Math.PI;

/** The forms per digit. The European ones (marked) are those MNIST lacks. */
export const FORMS: Record<number, { form: Form; european: boolean }[]> = {
  0: [{ form: [arc(0.5, 0.5, 0.42, 0.5, -PI / 2, (3 * PI) / 2 + 0.25, 16)], european: false }],
  1: [
    // The flagged 1: a long up-stroke from the lower left to the top, then the stem.
    { form: [[[0.0, 0.5], [0.35, 0.25], [0.72, 0.0], [0.64, 0.5], [0.56, 1.0]]], european: true },
    { form: [[[0.05, 0.38], [0.68, 0.0], [0.6, 0.5], [0.52, 1.0]]], european: true },
    { form: [[[0.2, 0.3], [0.62, 0.02], [0.56, 0.5], [0.5, 1.0]]], european: true },
    { form: [[[0.2, 0.28], [0.6, 0.0], [0.55, 1.0]], [[0.25, 1.0], [0.85, 0.98]]], european: true },
    { form: [[[0.5, 0.0], [0.5, 1.0]]], european: false },
  ],
  2: [
    // The looped 2: over the top, down the diagonal, a loop at the lower left, the base; often a curl at the start.
    { form: [[[0.22, 0.38], [0.08, 0.25], [0.25, 0.04], [0.6, 0.0], [0.85, 0.2], [0.75, 0.45], [0.45, 0.68], [0.12, 0.9], [0.1, 1.0], [0.32, 0.95], [0.4, 0.75], [0.25, 0.68], [0.2, 0.85], [0.4, 0.98], [0.95, 0.95]]], european: true },
    { form: [[[0.1, 0.3], [0.35, 0.02], [0.75, 0.03], [0.85, 0.3], [0.6, 0.6], [0.2, 0.88], [0.08, 0.98], [0.3, 0.98], [0.36, 0.78], [0.18, 0.74], [0.22, 0.92], [0.5, 1.0], [0.95, 0.95]]], european: true },
    { form: [[[0.3, 0.25], [0.18, 0.12], [0.3, 0.02], [0.4, 0.15], [0.3, 0.3], [0.22, 0.15], [0.45, 0.0], [0.82, 0.15], [0.75, 0.45], [0.3, 0.82], [0.1, 0.98], [0.3, 0.98], [0.35, 0.8], [0.2, 0.78], [0.25, 0.95], [0.6, 0.97], [0.95, 0.92]]], european: true },
    { form: [[[0.12, 0.25], [0.45, 0.0], [0.82, 0.15], [0.75, 0.45], [0.3, 0.82], [0.12, 0.95], [0.3, 0.86], [0.6, 0.92], [0.95, 0.9]]], european: false },
    { form: [[[0.1, 0.25], [0.45, 0.0], [0.85, 0.2], [0.7, 0.5], [0.05, 1.0], [0.95, 0.97]]], european: false },
  ],
  3: [
    { form: [[[0.1, 0.12], [0.5, 0.0], [0.85, 0.2], [0.45, 0.48], [0.9, 0.72], [0.55, 1.0], [0.08, 0.88]]], european: false },
    // The flat-topped 3 (a bar, then a diagonal down to the lower bowl).
    { form: [[[0.1, 0.05], [0.85, 0.04], [0.4, 0.42], [0.85, 0.62], [0.7, 0.95], [0.1, 0.9]]], european: true },
  ],
  4: [
    { form: [[[0.55, 0.02], [0.08, 0.66], [0.92, 0.62]], [[0.72, 0.3], [0.66, 1.0]]], european: true },
    { form: [[[0.3, 0.0], [0.12, 0.6], [0.95, 0.6]], [[0.75, 0.1], [0.7, 1.0]]], european: true },
  ],
  5: [{ form: [[[0.85, 0.02], [0.25, 0.02], [0.18, 0.45], [0.6, 0.4], [0.88, 0.7], [0.6, 1.0], [0.1, 0.9]]], european: false }],
  6: [{ form: [[[0.75, 0.0], [0.3, 0.3], [0.12, 0.7], [0.4, 1.0], [0.82, 0.78], [0.55, 0.5], [0.15, 0.7]]], european: false }],
  7: [
    // The crossed 7, and the 7 with a hook at the start of its top bar.
    { form: [[[0.08, 0.1], [0.92, 0.05], [0.42, 1.0]], [[0.3, 0.55], [0.82, 0.5]]], european: true },
    { form: [[[0.05, 0.28], [0.1, 0.06], [0.92, 0.05], [0.4, 1.0]]], european: true },
    { form: [[[0.05, 0.28], [0.1, 0.06], [0.92, 0.05], [0.4, 1.0]], [[0.25, 0.55], [0.8, 0.52]]], european: true },
    { form: [[[0.08, 0.08], [0.92, 0.05], [0.42, 1.0]]], european: false },
  ],
  8: [{ form: [[[0.7, 0.12], [0.5, 0.0], [0.2, 0.2], [0.5, 0.48], [0.85, 0.75], [0.5, 1.0], [0.15, 0.75], [0.5, 0.48], [0.8, 0.2], [0.6, 0.02]]], european: false }],
  9: [
    { form: [[...arc(0.45, 0.28, 0.35, 0.28, 0, 2 * PI + 0.3, 14)], [[0.8, 0.25], [0.75, 0.65], [0.62, 1.0]]], european: true },
    { form: [[...arc(0.5, 0.27, 0.36, 0.27, 0.1, 2 * PI, 14), [0.86, 0.6], [0.6, 0.95], [0.25, 0.9]]], european: true },
  ],
};

/** Catmull-Rom through a stroke's points: a smooth pen path. */
function smooth(pts: readonly Pt[], per = 6): Pt[] {
  if (pts.length < 3) return [...pts];
  const out: Pt[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const p0 = pts[Math.max(0, i - 1)]!, p1 = pts[i]!, p2 = pts[i + 1]!, p3 = pts[Math.min(pts.length - 1, i + 2)]!;
    for (let k = 0; k < per; k++) {
      const t = k / per, t2 = t * t, t3 = t2 * t;
      const f = (a: number, b: number, c: number, d: number) => 0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  out.push(pts[pts.length - 1]!);
  return out;
}

/** 3 × 3 box blur, `n` times (a scanner's softness; closes small loops as it does). */
export function blur(f: Float32Array, w: number, h: number, n: number): Float32Array {
  let a = f;
  for (let k = 0; k < n; k++) {
    const b = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      let s = 0, c = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx, yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
        s += a[yy * w + xx]!;
        c++;
      }
      b[y * w + x] = s / c;
    }
    a = b;
  }
  return a;
}

/** A grey field (1 = ink) to a trimmed mask at threshold t; null when empty. */
export function fieldToMask(f: Float32Array, w: number, h: number, t: number): Mask | null {
  let x0 = w, y0 = h, x1 = 0, y1 = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (f[y * w + x]! > t) {
    if (x < x0) x0 = x; if (y < y0) y0 = y; if (x >= x1) x1 = x + 1; if (y >= y1) y1 = y + 1;
  }
  if (x1 <= x0 || y1 <= y0) return null;
  const mw = x1 - x0, mh = y1 - y0, d = new Uint8Array(mw * mh);
  for (let y = 0; y < mh; y++) for (let x = 0; x < mw; x++) d[y * mw + x] = f[(y + y0) * w + x + x0]! > t ? 1 : 0;
  return { width: mw, height: mh, data: d };
}

/** Blur, grain and a threshold: how a scan and the reader's binarisation turn ink into a mask. */
export function scanned(r: Rng, f: Float32Array, w: number, h: number, height: number, pen: number): Mask | null {
  // Small digits (100–150 dpi) come out softer: more blur relative to the stroke.
  // A thin pen's stroke is not blurred wider than itself (the scan would have lost it, not the reader).
  const n = Math.min(Math.floor(pen / 1.2), height < 24 ? Math.floor(uni(r, 0, 2.5)) : Math.floor(uni(r, 0, 3.5)));
  const g = blur(f, w, h, n);
  let peak = 0;
  for (let i = 0; i < g.length; i++) if (g[i]! > peak) peak = g[i]!;
  const sigma = uni(r, 0, 0.08) * peak;
  if (sigma > 0) for (let i = 0; i < g.length; i++) g[i] = g[i]! + sigma * gauss(r);
  const m = fieldToMask(g, w, h, uni(r, 0.3, 0.6) * peak);
  const kept = m && withoutSpecks(m);
  // A digit the threshold broke into bits or lost is not a sample of it.
  return kept && kept.height >= 0.75 * height ? kept : null;
}

/** Drops components under 4 % of the largest one's area (grain the reader's segmentation drops too), trimmed. */
export function withoutSpecks(m: Mask): Mask | null {
  const cs = components(m);
  const big = Math.max(0, ...cs.map((c) => c.area));
  const f = new Float32Array(m.width * m.height);
  for (const c of cs) if (c.area >= 0.04 * big) for (const p of c.pixels) f[p] = 1;
  return fieldToMask(f, m.width, m.height, 0.5);
}

/** One sample of a form of `label`: `european` only from the European forms. */
export function formDigit(r: Rng, label: number, europeanOnly = false): Mask | null {
  const forms = FORMS[label]!.filter((f) => !europeanOnly || f.european);
  const { form } = forms[Math.floor(r() * forms.length)]!;
  const H = Math.exp(uni(r, Math.log(14), Math.log(64)));
  const W = H * uni(r, 0.5, 0.85);
  const pen = Math.max(1.1, H * uni(r, 0.05, 0.16));
  const slant = uni(r, -0.35, 0.15), rot = gauss(r) * 0.08;
  const jit = uni(r, 0.02, 0.06);
  const size = Math.ceil(H * 1.7 + 2 * pen);
  const cv = createCanvas(size, size);
  const ctx = cv.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = pen;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const c = Math.cos(rot), s = Math.sin(rot);
  for (const stroke of form) {
    if (form.length > 1 && stroke !== form[0] && label === 7 && r() < 0.15) continue; // the bar is sometimes left out
    const pts = stroke.map(([u, v]) => [u + gauss(r) * jit, v + gauss(r) * jit] as const);
    ctx.beginPath();
    smooth(pts).forEach(([u, v], i) => {
      const x0 = (u - 0.5) * W - slant * (v - 0.5) * H, y0 = (v - 0.5) * H;
      const x = size / 2 + c * x0 - s * y0, y = size / 2 + s * x0 + c * y0;
      if (i) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
    });
    ctx.stroke();
  }
  const rgba = ctx.getImageData(0, 0, size, size).data;
  const f = new Float32Array(size * size);
  for (let i = 0; i < size * size; i++) f[i] = 1 - rgba[i * 4]! / 255;
  return scanned(r, f, size, size, H, pen);
}

/** The digits that have European forms. */
export const EUROPEAN = [1, 2, 3, 4, 7, 9] as const;
