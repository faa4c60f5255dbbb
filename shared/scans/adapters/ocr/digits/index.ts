/**
 * Handwritten digits: the number and the day a văn thư writes by hand into a printed letter
 * ("Số: 299 /UBND-TTHC", "ngày 15 tháng 01"). The reader gives a crop of the gap; this reads
 * the digits in it with a small CNN trained here on MNIST plus a "not a digit" class
 * (tools/train-digits.ts, weights in ./weights.ts, bundled: no file and no network to load).
 *
 * Segmentation (./segment.ts): binarise (Otsu, or the `ink` plane when given), connected
 * components, broken strokes joined, specks dropped, left to right; a piece wide enough to hold
 * touching digits is offered whole and cut in several ways (at its projection's low columns,
 * into two or three), and the model's probabilities choose the reading (several digits must beat
 * the piece whole by a margin). A narrower piece (a "1" touching the next digit: "14") is cut in
 * two only when the model takes it whole for no digit and both parts for sure digits. Each piece
 * is normalised like MNIST; the probabilities are
 * calibrated by the temperature fitted when the model was trained (./calibration.ts).
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import type * as TfLayers from '@tensorflow/tfjs-layers';
import type { OcrBBox } from '../../../ports/ocr-engine';
import type { GrayImage } from '../gray';
import { binarise, normaliseMask, segment, SIDE, type Piece } from './segment';
import { temperatureScaled } from './calibration';
import { DIGIT_MODEL } from './weights';

/** The model's temperature (weights written before calibration have none: 1). */
const DIGIT_TEMPERATURE: number = (DIGIT_MODEL as { temperature?: number }).temperature ?? 1;

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
  /**
   * Where those pieces are, in crop pixels; `digit`, for a piece the model took for no digit, is
   * its likeliest digit all the same (probability among the ten digits only).
   */
  rejectedAt: (OcrBBox & { digit?: { char: string; p: number } })[];
}

export interface ReadDigitsOptions {
  /** Same size as the crop, 0..255: how strongly each pixel is coloured ink (blue handwriting apart from black print). */
  ink?: GrayImage;
}

const NOT_A_DIGIT = 10;
/** How much better (mean log-probability) a reading as several digits must be than the piece whole, per extra digit. */
const SPLIT_MARGIN = 0.1;
/** How sure each digit of a narrow piece's split must be (the piece whole read as no digit). */
const NARROW_MIN_P = 0.9;
/**
 * A narrow piece whole that the model gives this chance of being one digit, though it takes it for
 * none, is not split: a digit it half knows (a looped 2, its loop read as a 6) is not two digits.
 * It stays a rejected piece, and the reading keeps the doubt of one.
 */
const NARROW_WHOLE_MAX_DIGIT_P = 0.2;
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

/** The model's 11 calibrated probabilities for each 784-value image. */
export async function classifyImages(images: Float32Array[]): Promise<Float32Array[]> {
  if (!images.length) return [];
  const { tf, model: m } = await load();
  const flat = new Float32Array(images.length * SIDE * SIDE);
  images.forEach((im, i) => flat.set(im, i * SIDE * SIDE));
  const raw = tf.tidy(() => (m.predict(tf.tensor4d(flat, [images.length, SIDE, SIDE, 1])) as TfCore.Tensor).dataSync() as Float32Array);
  // Calibrated: the temperature the training script fitted on held-back samples (./calibration.ts).
  const probs = temperatureScaled(raw, DIGIT_TEMPERATURE);
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
  // Every reading of every piece, classified in one batch: the piece whole, and each way it may hold several digits.
  const options = segments.map((s) => [[s.whole], ...s.alternatives, ...s.narrow]);
  const flat = options.flat(2);
  const all = await classifyImages(flat.map((p) => normaliseMask(p.mask)));
  const argmax = (p: Float32Array) => {
    let b = 0;
    for (let k = 1; k < 11; k++) if (p[k]! > p[b]!) b = k;
    return b;
  };
  // A reading's score: the mean log-probability of its parts' digits (a part the model takes for
  // no digit counts as 0.01). Several digits must beat the piece read whole by a margin per extra
  // digit: half a digit is often a fair "1", so a wide 0 is not read as "11".
  const sure = (p: Float32Array) => (argmax(p) === NOT_A_DIGIT ? 0.01 : p[argmax(p)]!);
  const bestDigitP = (p: Float32Array) => Math.max(...Array.from(p.subarray(0, NOT_A_DIGIT)));
  const pieces: Piece[] = [];
  const probs: Float32Array[] = [];
  let at = 0;
  for (const [si, opts] of options.entries()) {
    let bestParts: Piece[] = opts[0]!;
    let bestProbs: Float32Array[] = [];
    let bestScore = -Infinity;
    const narrowFrom = 1 + segments[si]!.alternatives.length;
    for (const [oi, parts] of opts.entries()) {
      const ps = parts.map(() => all[at++]!);
      // A narrow piece's split counts only while the piece whole (read first; a narrow piece has no other
      // alternatives) stands, as no digit, and each of its parts is a sure digit: the first such split,
      // at the column of least ink first, is taken.
      if (oi >= narrowFrom && (bestParts.length > 1 || argmax(bestProbs[0]!) !== NOT_A_DIGIT || bestDigitP(bestProbs[0]!) >= NARROW_WHOLE_MAX_DIGIT_P || ps.some((p) => argmax(p) === NOT_A_DIGIT || p[argmax(p)]! < NARROW_MIN_P))) continue;
      const score = ps.reduce((a, p) => a + Math.log(sure(p)), 0) / ps.length - SPLIT_MARGIN * (parts.length - 1);
      if (score > bestScore) {
        bestScore = score;
        bestParts = parts;
        bestProbs = ps;
      }
    }
    pieces.push(...bestParts);
    probs.push(...bestProbs);
  }
  const best = probs.map(argmax);
  // The digits of one number are written at one height: a piece much shorter than the tallest
  // digit is a fragment (the tail of a printed letter, a "/", a dot), not a digit.
  const tallest = Math.max(0, ...pieces.filter((_, i) => best[i] !== NOT_A_DIGIT).map((q) => q.y1 - q.y0));
  const digits: DigitGuess[] = [];
  const rejectedAt: DigitRun['rejectedAt'] = [];
  pieces.forEach((piece, i) => {
    const p = probs[i]!;
    const b = best[i]!;
    if (b === NOT_A_DIGIT || piece.y1 - piece.y0 < MIN_HEIGHT_SHARE * tallest) {
      let d = 0;
      for (let k = 1; k < 10; k++) if (p[k]! > p[d]!) d = k;
      const digits = 1 - p[NOT_A_DIGIT]!;
      rejectedAt.push({ x0: piece.x0, y0: piece.y0, x1: piece.x1, y1: piece.y1, ...(digits > 1e-6 ? { digit: { char: String(d), p: p[d]! / digits } } : {}) });
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
    rejected: rejectedAt.length,
    rejectedAt,
  };
}
