/** Straightening a page: its text lines' skew, and the rotation that undoes it. */
import { otsuThreshold, percentile, type GrayImage } from './gray';

/**
 * The skew of a page's text lines in degrees (positive: lines fall to the right), from the
 * projection profile of a sample of dark pixels: the angle whose horizontal projection is
 * sharpest. Searches ±maxDeg in 0.1° steps (coarse to fine).
 */
export function estimateSkew(img: GrayImage, maxDeg = 6): number {
  const { width, height, data } = img;
  const t = Math.min(otsuThreshold(data), 200);
  // Sample the top edges of dark strokes (dark pixel, light above) in the central part of the
  // page: solid dark areas (scanner lid, edge shadow) at the borders would pull towards 0°.
  const x0 = Math.floor(width * 0.08);
  const x1 = Math.ceil(width * 0.92);
  const y0 = Math.max(1, Math.floor(height * 0.05));
  const y1 = Math.ceil(height * 0.95);
  const xs: number[] = [];
  const ys: number[] = [];
  let stride = 1;
  for (;;) {
    xs.length = 0;
    ys.length = 0;
    for (let y = y0; y < y1; y++) {
      const row = y * width;
      for (let x = x0; x < x1; x += stride) {
        if (data[row + x]! <= t && data[row - width + x]! > t) {
          xs.push(x);
          ys.push(y);
        }
      }
    }
    if (xs.length <= 200_000 || stride >= 8) break;
    stride *= 2;
  }
  if (xs.length < 500) return 0;
  const bins = new Float64Array(height + width);
  const score = (deg: number): number => {
    const tan = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    const off = width; // keep indexes positive
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round(ys[i]! - xs[i]! * tan) + off;
      if (b >= 0 && b < bins.length) bins[b]!++;
    }
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.5) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  const centre = best;
  for (let d = centre - 0.4; d <= centre + 0.4 + 1e-9; d += 0.1) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  return Math.round(best * 10) / 10;
}

/**
 * Rotates a grey page by `deg` degrees (clockwise on screen) around its centre, bilinear,
 * straight on the grey bytes; the corners brought in are paper-coloured.
 */
export function rotateGray(img: GrayImage, deg: number): GrayImage {
  if (!deg) return img;
  const { width: w, height: h, data: d } = img;
  const paper = percentile(d, 0.9);
  const out = new Uint8Array(w * h);
  const rad = (deg * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    const dy = y + 0.5 - cy;
    // Source position of the row's first pixel (inverse rotation), then a step per pixel.
    let sx = cos * (0.5 - cx) + sin * dy + cx - 0.5;
    let sy = -sin * (0.5 - cx) + cos * dy + cy - 0.5;
    const row = y * w;
    for (let x = 0; x < w; x++, sx += cos, sy -= sin) {
      if (sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1) {
        out[row + x] = paper;
        continue;
      }
      const x0 = Math.min(w - 2, sx | 0);
      const y0 = Math.min(h - 2, sy | 0);
      const fx = sx - x0;
      const fy = sy - y0;
      const k = y0 * w + x0;
      const top = d[k]! + (d[k + 1]! - d[k]!) * fx;
      const bottom = d[k + w]! + (d[k + w + 1]! - d[k + w]!) * fx;
      out[row + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Turns a page by `deg` degrees as {@link rotateGray} does and resamples it to `width` × `height`
 * (the size {@link scaleGray} gives the turned page) in one bilinear pass: a colour plane made to
 * line up with the grey page at a third of the cost of turning and scaling it in two steps.
 * Outside the source is `fill` (0: no ink, for a colour plane).
 */
export function rotateScaleGray(img: GrayImage, deg: number, width: number, height: number, fill = 0): GrayImage {
  const { width: w, height: h, data: d } = img;
  if (!deg && width === w && height === h) return img;
  const out = new Uint8Array(width * height);
  const rad = (deg * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = w / 2;
  const cy = h / 2;
  const fx = w / width;
  const fy = h / height;
  for (let y = 0; y < height; y++) {
    const dy = (y + 0.5) * fy - cy;
    const dx0 = 0.5 * fx - cx;
    let sx = cos * dx0 + sin * dy + cx - 0.5;
    let sy = -sin * dx0 + cos * dy + cy - 0.5;
    const stepX = cos * fx;
    const stepY = -sin * fx;
    const row = y * width;
    for (let x = 0; x < width; x++, sx += stepX, sy += stepY) {
      if (sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1) {
        out[row + x] = fill;
        continue;
      }
      const x0 = Math.min(w - 2, sx | 0);
      const y0 = Math.min(h - 2, sy | 0);
      const ax = sx - x0;
      const ay = sy - y0;
      const k = y0 * w + x0;
      const top = d[k]! + (d[k + 1]! - d[k]!) * ax;
      const bottom = d[k + w]! + (d[k + w + 1]! - d[k + w]!) * ax;
      out[row + x] = (top + (bottom - top) * ay + 0.5) | 0;
    }
  }
  return { width, height, data: out };
}
