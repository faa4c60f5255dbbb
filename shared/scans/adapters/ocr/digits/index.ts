/**
 * Handwritten digits: the number and the day a văn thư writes by hand into a printed letter
 * ("Số: 299 /UBND-TTHC", "ngày 15 tháng 01"). The reader gives a crop of the gap; this reads
 * the digits in it with a small CNN trained here on MNIST plus a "not a digit" class
 * (tools/train-digits.ts, weights in ./weights.ts, bundled: no file and no network to load).
 *
 * Segmentation (./segment.ts): binarise (Otsu, or the `ink` plane when given), connected
 * components, broken strokes joined, touching digits split at the projection minimum, specks
 * dropped, left to right; each piece normalised like MNIST.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import type * as TfLayers from '@tensorflow/tfjs-layers';
import type { OcrBBox } from '../../../ports/ocr-engine';
import type { GrayImage } from '../gray';
import { binarise, normaliseMask, segment, SIDE, type Piece } from './segment';
import { DIGIT_MODEL } from './weights';

export interface DigitGuess {
  char: string;
  /** The model's probability for `char`, 0..1. */
  p: number;
  /** The likeliest other digit. */
  second: { char: string; p: number };
  /** In crop pixels. */
  bbox: OcrBBox;
}

export interface DigitRun {
  /** The digits read, left to right ('' when none). */
  text: string;
  /** The least sure digit's p (0 when no digit was read). */
  confidence: number;
  digits: DigitGuess[];
  /** Pieces of ink judged not to be digits (letters, punctuation, rules, seal arcs...). */
  rejected: number;
}

export interface ReadDigitsOptions {
  /** Same size as the crop, 0..255: how strongly each pixel is coloured ink (blue handwriting apart from black print). */
  ink?: GrayImage;
}

const NOT_A_DIGIT = 10;
/** A digit piece shorter than this share of the run's tallest digit is rejected. */
const MIN_HEIGHT_SHARE = 0.6;

interface Loaded {
  tf: typeof TfCore;
  model: TfLayers.LayersModel;
}

let model: Promise<Loaded> | null = null;

/**
 * tfjs (~0.9 MB of the bundle) is imported on first use, not when the OCR worker starts: a
 * document without a handwritten field never evaluates it.
 */
function load(): Promise<Loaded> {
  model ??= (async () => {
    const [tf, tfl] = await Promise.all([import('@tensorflow/tfjs-core'), import('@tensorflow/tfjs-layers'), import('@tensorflow/tfjs-backend-cpu')]);
    // PROD: no debug checks, and no console advice to install tfjs-node.
    tf.env().set('PROD', true);
    if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
    const weightData = Uint8Array.from(Buffer.from(DIGIT_MODEL.weights, 'base64')).buffer;
    const m = await tfl.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: DIGIT_MODEL.topology as unknown as TfCore.io.ModelArtifacts['modelTopology'],
        weightSpecs: DIGIT_MODEL.weightSpecs as unknown as TfCore.io.WeightsManifestEntry[],
        weightData,
      }),
    );
    return { tf, model: m };
  })();
  model.catch(() => {
    model = null;
  });
  return model;
}

/** Loads the model ahead of the first crop (a few tens of milliseconds). */
export async function warmUpDigits(): Promise<void> {
  await classifyImages([new Float32Array(SIDE * SIDE)]);
}

/** The model's 11 probabilities for each 784-value image. */
export async function classifyImages(images: Float32Array[]): Promise<Float32Array[]> {
  if (!images.length) return [];
  const { tf, model: m } = await load();
  const flat = new Float32Array(images.length * SIDE * SIDE);
  images.forEach((im, i) => flat.set(im, i * SIDE * SIDE));
  const probs = tf.tidy(() => (m.predict(tf.tensor4d(flat, [images.length, SIDE, SIDE, 1])) as TfCore.Tensor).dataSync() as Float32Array);
  return images.map((_, i) => probs.slice(i * 11, (i + 1) * 11));
}

/**
 * Reads the handwritten digits of a crop (dark ink on light paper). With `opts.ink`, the
 * pieces are found on that plane (coloured handwriting only); the crop is not used then.
 */
export async function readDigits(crop: GrayImage, opts: ReadDigitsOptions = {}): Promise<DigitRun> {
  if (opts.ink && (opts.ink.width !== crop.width || opts.ink.height !== crop.height)) {
    throw new RangeError(`the ink plane is ${opts.ink.width} × ${opts.ink.height}, the crop ${crop.width} × ${crop.height}`);
  }
  const segments = segment(binarise(crop, opts.ink));
  const candidates = segments.flatMap((s) => (s.split.length > 1 ? [s.whole, ...s.split] : [s.whole]));
  const all = await classifyImages(candidates.map((p) => normaliseMask(p.mask)));
  const argmax = (p: Float32Array) => {
    let b = 0;
    for (let k = 1; k < 11; k++) if (p[k]! > p[b]!) b = k;
    return b;
  };
  // A wide piece is read whole when the model takes it for one digit at least as surely as
  // its parts (a wide 0), else as its parts (two digits that touch).
  const pieces: Piece[] = [];
  const probs: Float32Array[] = [];
  let at = 0;
  for (const s of segments) {
    const whole = all[at++]!;
    if (s.split.length === 1) {
      pieces.push(s.whole);
      probs.push(whole);
      continue;
    }
    const parts = s.split.map(() => all[at++]!);
    const wb = argmax(whole);
    const partsSure = Math.min(...parts.map((p) => (argmax(p) === NOT_A_DIGIT ? 0 : p[argmax(p)]!)));
    if (wb !== NOT_A_DIGIT && whole[wb]! >= partsSure) {
      pieces.push(s.whole);
      probs.push(whole);
    } else {
      pieces.push(...s.split);
      probs.push(...parts);
    }
  }
  const best = probs.map(argmax);
  // The digits of one number are written at one height: a piece much shorter than the tallest
  // digit is a fragment (the tail of a printed letter, a "/", a dot), not a digit.
  const tallest = Math.max(0, ...pieces.filter((_, i) => best[i] !== NOT_A_DIGIT).map((q) => q.y1 - q.y0));
  const digits: DigitGuess[] = [];
  let rejected = 0;
  pieces.forEach((piece, i) => {
    const p = probs[i]!;
    const b = best[i]!;
    if (b === NOT_A_DIGIT || piece.y1 - piece.y0 < MIN_HEIGHT_SHARE * tallest) {
      rejected++;
      return;
    }
    let second = b === 0 ? 1 : 0;
    for (let k = 0; k < 10; k++) if (k !== b && p[k]! > p[second]!) second = k;
    digits.push({
      char: String(b),
      p: p[b]!,
      second: { char: String(second), p: p[second]! },
      bbox: { x0: piece.x0, y0: piece.y0, x1: piece.x1, y1: piece.y1 },
    });
  });
  return {
    text: digits.map((d) => d.char).join(''),
    confidence: digits.length ? Math.min(...digits.map((d) => d.p)) : 0,
    digits,
    rejected,
  };
}
