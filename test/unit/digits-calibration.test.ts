/**
 * Calibrating the digit model by a temperature: what temperature scaling must do whatever the
 * model (a probability distribution in, one out, the likeliest class kept), and that fitting
 * finds the temperature that generated over-sure or under-sure probabilities.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrate, nll, temperatureScaled } from '../../shared/scans/adapters/ocr/digits/calibration';
import { rngOf } from '../../tools/digits-data';

const K = 11;
const row = fc.array(fc.double({ min: 1e-6, max: 1, noNaN: true }), { minLength: K, maxLength: K }).map((xs) => {
  const s = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => x / s);
});
const argmax = (xs: ArrayLike<number>) => Array.from(xs).reduce((b, v, i, a) => (v > a[b]! ? i : b), 0);

describe('temperatureScaled', () => {
  it('gives distributions that keep the likeliest class, sharper below 1 and flatter above', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), fc.double({ min: 0.3, max: 4, noNaN: true }), (rows, t) => {
        const p = Float32Array.from(rows.flat());
        const q = temperatureScaled(p, t);
        for (let i = 0; i < rows.length; i++) {
          const a = p.subarray(i * K, (i + 1) * K), b = q.subarray(i * K, (i + 1) * K);
          expect(b.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
          for (const v of b) expect(v).toBeGreaterThanOrEqual(0);
          const top = argmax(a);
          if (a[top]! - Math.max(...Array.from(a).filter((_, j) => j !== top)) > 1e-3) expect(argmax(b)).toBe(top);
          // The top class's probability moves away from uniform when t < 1, towards it when t > 1.
          if (t < 0.95 && a[top]! > 1 / K + 0.01 && a[top]! < 0.999) expect(b[top]!).toBeGreaterThanOrEqual(a[top]! - 1e-4);
          if (t > 1.05 && a[top]! > 1 / K + 0.01) expect(b[top]!).toBeLessThanOrEqual(a[top]! + 1e-4);
        }
      }),
    );
  });
  it('is the identity at t = 1', () => {
    fc.assert(
      fc.property(row, (r) => {
        const p = Float32Array.from(r);
        temperatureScaled(p, 1).forEach((v, i) => expect(v).toBeCloseTo(p[i]!, 5));
      }),
    );
  });
});

describe('calibrate', () => {
  // Labels drawn from softmax(z), the model's output given as softmax(z · s): s > 1 is over-sure, s < 1 under-sure; the right temperature is s.
  it.each([0.6, 1, 1.8, 3])('finds the temperature %s that undoes a model sure by that factor', (s) => {
    const r = rngOf(7 + Math.round(s * 10));
    const n = 4000;
    const p = new Float32Array(n * K);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const z = Array.from({ length: K }, () => 3 * (r() - 0.5) * 2);
      const e = z.map(Math.exp);
      const sum = e.reduce((a, b) => a + b, 0);
      let u = r();
      let label = K - 1;
      for (let k = 0; k < K; k++) {
        u -= e[k]! / sum;
        if (u <= 0) {
          label = k;
          break;
        }
      }
      y[i] = label;
      const es = z.map((v) => Math.exp(v * s));
      const ss = es.reduce((a, b) => a + b, 0);
      es.forEach((v, k) => (p[i * K + k] = v / ss));
    }
    const t = calibrate(p, y);
    expect(t).toBeGreaterThan(s * 0.85);
    expect(t).toBeLessThan(s * 1.15);
    expect(nll(temperatureScaled(p, t), y)).toBeLessThanOrEqual(nll(p, y) + 1e-9);
  });
});
