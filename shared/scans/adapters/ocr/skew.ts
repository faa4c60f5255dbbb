/** Straightening a page: its text lines' skew, and the rotation that undoes it. */
import { inkThreshold, percentile, type GrayImage } from './gray';
import { scratchInt32 } from './scratch';

/**
 * The skew of a page's text lines in degrees (positive: lines fall to the right), from the
 * projection profile of a sample of dark pixels: the angle whose horizontal projection is
 * sharpest. Searches ±maxDeg in 0.1° steps (coarse to fine). `t`: the page's ink threshold, when
 * the caller has it already.
 */
export function estimateSkew(img: GrayImage, maxDeg = 6, t = inkThreshold(img.data)): number {
  const { width, height, data } = img;
  // Sample the top edges of dark strokes (dark pixel, light above) in the central part of the
  // page: solid dark areas (scanner lid, edge shadow) at the borders would pull towards 0°.
  const x0 = Math.floor(width * 0.08);
  const x1 = Math.ceil(width * 0.92);
  const y0 = Math.max(1, Math.floor(height * 0.05));
  const y1 = Math.ceil(height * 0.95);
  // The sampled points, in scratch arrays (a page's worth of fresh memory costs more than the scan).
  let xs: Int32Array;
  let ys: Int32Array;
  let count = 0;
  let stride = 1;
  for (;;) {
    const last = stride >= 8;
    // Above 200 000 points a coarser stride is taken, so counting stops one past that.
    const cap = last ? (y1 - y0) * Math.ceil((x1 - x0) / stride) : 200_001;
    xs = scratchInt32('skew.xs', cap, false);
    ys = scratchInt32('skew.ys', cap, false);
    count = 0;
    scan: for (let y = y0; y < y1; y++) {
      const row = y * width;
      for (let x = x0; x < x1; x += stride) {
        if (data[row + x]! <= t && data[row - width + x]! > t) {
          if (count === cap) break scan;
          xs[count] = x;
          ys[count] = y;
          count++;
        }
      }
    }
    if (count <= 200_000 || last) break;
    stride *= 2;
  }
  if (count < 500) return 0;
  const bins = new Float64Array(height + width);
  const score = (deg: number): number => {
    const tan = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    const off = width; // keep indexes positive
    for (let i = 0; i < count; i++) {
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
 * line up with the grey page. Outside the source is 0 (no ink). A plane is mostly empty: tiles of
 * the result whose source holds no ink are left 0 without being computed.
 */
export function rotateScaleGray(img: GrayImage, deg: number, width: number, height: number): GrayImage {
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
  // Source position of an output pixel (its centre), as rotateGray then scaleGray place it.
  const srcX = (x: number, y: number) => cos * ((x + 0.5) * fx - cx) + sin * ((y + 0.5) * fy - cy) + cx - 0.5;
  const srcY = (x: number, y: number) => -sin * ((x + 0.5) * fx - cx) + cos * ((y + 0.5) * fy - cy) + cy - 0.5;
  // Which source tiles hold any ink.
  const T = 32;
  const tw = Math.ceil(w / T);
  const th = Math.ceil(h / T);
  const inked = new Uint8Array(tw * th);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const trow = ((y / T) | 0) * tw;
    for (let x = 0; x < w; x++) if (d[row + x]) inked[trow + ((x / T) | 0)] = 1;
  }
  const anyInk = (sx0: number, sy0: number, sx1: number, sy1: number): boolean => {
    const a = Math.max(0, Math.floor((sx0 - 2) / T));
    const b = Math.min(tw - 1, Math.floor((sx1 + 2) / T));
    const c = Math.max(0, Math.floor((sy0 - 2) / T));
    const e = Math.min(th - 1, Math.floor((sy1 + 2) / T));
    for (let ty = c; ty <= e; ty++) for (let tx = a; tx <= b; tx++) if (inked[ty * tw + tx]) return true;
    return false;
  };
  const stepX = cos * fx;
  const stepY = -sin * fx;
  for (let by = 0; by < height; by += T) {
    const yEnd = Math.min(height, by + T);
    for (let bx = 0; bx < width; bx += T) {
      const xEnd = Math.min(width, bx + T);
      const xs = [srcX(bx, by), srcX(xEnd - 1, by), srcX(bx, yEnd - 1), srcX(xEnd - 1, yEnd - 1)];
      const ys = [srcY(bx, by), srcY(xEnd - 1, by), srcY(bx, yEnd - 1), srcY(xEnd - 1, yEnd - 1)];
      if (!anyInk(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys))) continue;
      for (let y = by; y < yEnd; y++) {
        let sx = srcX(bx, y);
        let sy = srcY(bx, y);
        const row = y * width;
        for (let x = bx; x < xEnd; x++, sx += stepX, sy += stepY) {
          if (sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1) continue;
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
    }
  }
  return { width, height, data: out };
}
