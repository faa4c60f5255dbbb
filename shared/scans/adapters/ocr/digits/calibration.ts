/**
 * Temperature scaling (Guo et al., 2017): the digit model's softmax is over-sure on ink unlike
 * its training data; one temperature T, fitted on held-back samples by the training script
 * (tools/train-digits.ts), turns its probabilities p into softmax(log p / T), so that among
 * digits read at p ≈ 0.8 about 80 % are right. T does not change which class is likeliest.
 */

/** The rows of `p` (each `k` probabilities) scaled by temperature `t`. */
export function temperatureScaled(p: Float32Array, t: number, k = 11): Float32Array {
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i += k) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, Math.log(Math.max(p[i + j]!, 1e-30)) / t);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp(Math.log(Math.max(p[i + j]!, 1e-30)) / t - max);
      out[i + j] = e;
      sum += e;
    }
    for (let j = 0; j < k; j++) out[i + j] = out[i + j]! / sum;
  }
  return out;
}

/** Mean negative log-likelihood of the labels `y` under the rows of `p`. */
export function nll(p: Float32Array, y: Uint8Array, k = 11): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s -= Math.log(Math.max(p[i * k + y[i]!]!, 1e-30));
  return s / y.length;
}

/**
 * The temperature in 0.25..5 that minimises the labels' negative log-likelihood (a golden-section
 * search: the likelihood is unimodal in the temperature), to two decimals.
 */
export function calibrate(p: Float32Array, y: Uint8Array, k = 11): number {
  const f = (t: number) => nll(temperatureScaled(p, t, k), y, k);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = 0.25, b = 5;
  let c = b - g * (b - a), d = a + g * (b - a);
  let fc = f(c), fd = f(d);
  while (b - a > 0.005) {
    if (fc < fd) {
      b = d; d = c; fd = fc;
      c = b - g * (b - a); fc = f(c);
    } else {
      a = c; c = d; fc = fd;
      d = a + g * (b - a); fd = f(d);
    }
  }
  return Math.round(((a + b) / 2) * 100) / 100;
}
