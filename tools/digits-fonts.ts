/**
 * Handwriting fonts (the @fontsource devDependencies) as a source of digit shapes for the
 * handwritten-digit model (tools/train-digits.ts) and as a measure of how it generalises.
 *
 * The fonts are split once, by a rule fixed before any result was seen: the third of them with
 * the lowest SHA-256 of `daumoi-digit-fonts-v1:<package name>` are held out, never trained on,
 * and used only to measure (test/unit/digits-model.test.ts); the rest are for training.
 *
 * A font whose digits are missing (drawn by a fallback font) is dropped: its 0–9 glyphs must not
 * be those of the same text set in the fallback.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { inkOnWhite } from './canvas';
import type { Mask } from '../shared/scans/adapters/ocr/digits/segment';
import { blur, fieldToMask, withoutSpecks } from './digits-forms';

export type Rng = () => number;
const uni = (r: Rng, a: number, b: number) => a + (b - a) * r();
const gauss = (r: Rng) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());

/** The salt of the split rule: changing it is a new split (a new version). */
export const SPLIT_SALT = 'daumoi-digit-fonts-v1:';

export const splitKey = (pkg: string): string => createHash('sha256').update(SPLIT_SALT + pkg).digest('hex');

/** The @fontsource packages of package.json, sorted by name. */
export function fontPackages(root = process.cwd()): string[] {
  const pj = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  return Object.keys({ ...pj.dependencies, ...pj.devDependencies }).filter((n) => n.startsWith('@fontsource/')).sort();
}

/**
 * Fonts added after the split was fixed (school and everyday hands: Playwrite VN among them, the
 * Vietnamese school model), for training the model only. They stay out of the split, so its
 * held-out third (and what it measures) does not move, and out of the generated letters, whose
 * training fonts stay the split's.
 */
export const TRAINING_ONLY: readonly string[] = [
  'delicious-handrawn', 'edu-nsw-act-foundation', 'edu-qld-beginner', 'edu-sa-beginner', 'edu-tas-beginner', 'edu-vic-wa-nt-beginner',
  'grape-nuts', 'mynerve', 'nerko-one', 'playwrite-cz', 'playwrite-de-grund', 'playwrite-hr', 'playwrite-nl', 'playwrite-vn',
  'sedgwick-ave', 'square-peg',
].map((n) => `@fontsource/${n}`);

/**
 * Fonts for generated dev letters only (`--fonts dev`): never trained on and never held out. Once
 * the split's training fonts went into the model's training, letters written in them overstate
 * what the reader does with hands it has not seen; these give dev material that does not, to
 * tune on, while the held-out fonts stay for measuring.
 */
export const DEV_ONLY: readonly string[] = [
  'calligraffitti', 'crafty-girls', 'fuzzy-bubbles', 'just-me-again-down-here', 'mansalva', 'montez', 'oooh-baby', 'rancho', 'swanky-and-moo-moo',
].map((n) => `@fontsource/${n}`);

/**
 * The split: of the fonts neither {@link TRAINING_ONLY} nor {@link DEV_ONLY}, the third (rounded
 * down) with the lowest SHA-256 key held out, the rest for training; `extra` and `dev` are the
 * training-only and dev-only fonts present.
 */
export function splitFonts(pkgs: readonly string[]): { train: string[]; heldOut: string[]; extra: string[]; dev: string[] } {
  const only = new Set(TRAINING_ONLY), dev = new Set(DEV_ONLY);
  const split = pkgs.filter((p) => !only.has(p) && !dev.has(p));
  const byKey = [...split].sort((a, b) => (splitKey(a) < splitKey(b) ? -1 : splitKey(a) > splitKey(b) ? 1 : 0));
  const n = Math.floor(split.length / 3);
  const held = new Set(byKey.slice(0, n));
  return { train: split.filter((p) => !held.has(p)), heldOut: split.filter((p) => held.has(p)), extra: pkgs.filter((p) => only.has(p)), dev: pkgs.filter((p) => dev.has(p)) };
}

export interface DigitFont {
  pkg: string;
  /** The family alias it is registered under. */
  alias: string;
  /** Weights available (400 always). */
  weights: number[];
}

/** The latin woff2 files of a package, by weight (normal style only). */
function files(root: string, pkg: string): Map<number, string> {
  const dir = path.join(root, 'node_modules', pkg, 'files');
  const name = pkg.slice('@fontsource/'.length);
  const out = new Map<number, string>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)) {
    const m = new RegExp(`^${name}-latin-(\\d+)-normal\\.woff2$`).exec(f);
    if (m) out.set(Number(m[1]), path.join(dir, f));
  }
  return out;
}

const FALLBACK = 'DejaVu Sans';

/** The ink of "0123456789" in a family, at 40 px, as a string of bits (to compare fonts). */
function digitPrint(family: string): string {
  const { ctx } = inkOnWhite(420, 70);
  ctx.font = `40px "${family}"`;
  ctx.fillText('0123456789', 5, 50);
  const d = ctx.getImageData(0, 0, 420, 70).data;
  let s = '';
  for (let i = 0; i < 420 * 70; i++) s += d[i * 4]! < 128 ? '1' : '0';
  return s;
}

let registered: Map<string, DigitFont> | null = null;
/** Packages dropped because their digits are missing (drawn by the fallback). */
export const droppedFonts: string[] = [];

/** Registers every font package's latin files, and returns those with digits of their own. */
export function loadFonts(root = process.cwd()): Map<string, DigitFont> {
  if (registered) return registered;
  registered = new Map();
  const fallback = digitPrint(FALLBACK);
  for (const pkg of fontPackages(root)) {
    const fs = files(root, pkg);
    if (!fs.has(400)) {
      droppedFonts.push(pkg);
      continue;
    }
    const alias = `digitfont-${pkg.slice('@fontsource/'.length)}`;
    for (const [w, f] of fs) GlobalFonts.registerFromPath(f, w === 400 ? alias : `${alias}-${w}`);
    const print = digitPrint(alias);
    if (print === fallback || !print.includes('1')) {
      droppedFonts.push(pkg);
      continue;
    }
    registered.set(pkg, { pkg, alias, weights: [...fs.keys()].sort((a, b) => a - b) });
  }
  return registered;
}

/** The split of the fonts that have digits: training fonts, held-out fonts, the training-only and the dev-only ones. */
export function digitFonts(root = process.cwd()): { train: DigitFont[]; heldOut: DigitFont[]; extra: DigitFont[]; dev: DigitFont[] } {
  const fonts = loadFonts(root);
  const of = (ps: string[]) => ps.filter((p) => fonts.has(p)).map((p) => fonts.get(p)!);
  const { train, heldOut, extra, dev } = splitFonts(fontPackages(root));
  return { train: of(train), heldOut: of(heldOut), extra: of(extra), dev: of(dev) };
}

/** The fonts the digit model is trained on: the split's training fonts and the training-only ones (never held-out or dev-only). */
export function trainingFonts(root = process.cwd()): DigitFont[] {
  const { train, extra } = digitFonts(root);
  return [...train, ...extra];
}

const heights = new Map<string, number>();
/** The ink height of `text` in a family at 100 px (from the glyphs' bounding box). */
function inkHeight(family: string, text: string): number {
  const key = `${family}\u0000${text}`;
  let h = heights.get(key);
  if (h === undefined) {
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = `100px "${family}"`;
    const m = ctx.measureText(text);
    h = Math.max(20, m.actualBoundingBoxAscent + m.actualBoundingBoxDescent);
    heights.set(key, h);
  }
  return h;
}

/**
 * `text` (a digit, or two touching digits) in a font as a pen digit on a scan: a height of
 * 14–64 pixels, slant, rotation, stretch, a stroke made thicker (an outline drawn round the
 * fill) or thinner (eroded), blur, grain and a threshold. A trimmed mask, or null when the
 * threshold lost it.
 */
export function fontDigit(r: Rng, font: DigitFont, text: string, opts: { overlap?: number } = {}): Mask | null {
  const H = Math.exp(uni(r, Math.log(14), Math.log(64)));
  const w = font.weights[Math.floor(r() * font.weights.length)]!;
  const family = w === 400 ? font.alias : `${font.alias}-${w}`;
  // Fonts draw their digits at very different shares of the em: size the em so the ink is H high.
  const px = (100 * H) / inkHeight(family, text);
  const slant = uni(r, -0.35, 0.2), rot = gauss(r) * 0.07, sx = uni(r, 0.75, 1.2);
  const size = Math.ceil(H * 1.8 + px * text.length * 0.9 + 8);
  const { ctx } = inkOnWhite(size, size);
  ctx.font = `${px.toFixed(1)}px "${family}"`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.translate(size / 2, size / 2);
  ctx.rotate(rot);
  ctx.transform(sx, 0, -slant, 1, 0, 0);
  // Thicker: an outline round the fill (a broad pen); thinner: eroded after rendering.
  const u = r();
  const thick = u < 0.45 ? uni(r, 0.5, Math.max(1, H * 0.09)) : 0;
  if (text.length === 1) {
    if (thick) {
      ctx.lineWidth = thick;
      ctx.lineJoin = 'round';
      ctx.strokeText(text, 0, 0);
    }
    ctx.fillText(text, 0, 0);
  } else {
    // Two digits side by side, touching or overlapping a little.
    const a = ctx.measureText(text[0]!).width, b = ctx.measureText(text[1]!).width;
    const ov = (opts.overlap ?? 0) * px;
    const x0 = -(a + b - ov) / 2;
    for (const [ch, x] of [[text[0]!, x0 + a / 2], [text[1]!, x0 + a - ov + b / 2]] as const) {
      if (thick) {
        ctx.lineWidth = thick;
        ctx.lineJoin = 'round';
        ctx.strokeText(ch, x, 0);
      }
      ctx.fillText(ch, x, 0);
    }
  }
  const rgba = ctx.getImageData(0, 0, size, size).data;
  let f: Float32Array = new Float32Array(size * size);
  for (let i = 0; i < size * size; i++) f[i] = 1 - rgba[i * 4]! / 255;
  const n = H < 24 ? Math.floor(uni(r, 0, 2.5)) : Math.floor(uni(r, 0, 3.5));
  f = blur(f, size, size, n);
  let peak = 0;
  for (let i = 0; i < f.length; i++) if (f[i]! > peak) peak = f[i]!;
  if (peak <= 0) return null;
  const sigma = uni(r, 0, 0.08) * peak;
  if (sigma > 0) for (let i = 0; i < f.length; i++) f[i] = f[i]! + sigma * gauss(r);
  // Thinner: a high threshold on the blurred ink eats the stroke's edge.
  const t = u >= 0.45 && u < 0.7 ? uni(r, 0.5, 0.7) : uni(r, 0.3, 0.55);
  const m = fieldToMask(f, size, size, t * peak);
  const kept = m && withoutSpecks(m);
  return kept && kept.height >= 0.75 * H ? kept : null;
}

/** A mask on paper (dark ink on light grey), with a margin of a quarter of its height. */
export function maskOnPaper(m: Mask): { width: number; height: number; data: Uint8Array } {
  const pad = Math.round(m.height / 4), w = m.width + 2 * pad, h = m.height + 2 * pad;
  const data = new Uint8Array(w * h).fill(240);
  for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) if (m.data[y * m.width + x]) data[(y + pad) * w + x + pad] = 25;
  return { width: w, height: h, data };
}

/**
 * `n` digits in the held-out fonts (never trained on), each digit 0–9 in turn in each font in
 * turn, at random heights and jitters (fontDigit), on paper: the measure of how the model
 * generalises to hands it has not seen.
 */
export function heldOutFontCrops(r: Rng, n: number): { label: number; font: string; crop: { width: number; height: number; data: Uint8Array } }[] {
  const { heldOut } = digitFonts();
  const out: { label: number; font: string; crop: { width: number; height: number; data: Uint8Array } }[] = [];
  for (let i = 0; out.length < n; i++) {
    const label = out.length % 10, font = heldOut[Math.floor(out.length / 10) % heldOut.length]!;
    const m = fontDigit(r, font, String(label));
    if (m) out.push({ label, font: font.pkg, crop: maskOnPaper(m) });
  }
  return out;
}
