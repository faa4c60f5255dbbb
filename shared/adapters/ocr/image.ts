/**
 * Page images for OCR: decode (JPEG/PNG via @napi-rs/canvas), to grey with the red seal
 * faded out, and removal of boxes and rules (the frames around MẬT / KHẨN stamps, the
 * underline under the national motto, the seal ring, the hand signature), which otherwise
 * make Tesseract's layout analysis drop the stamp text as a picture.
 */
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';

/** One page as 8-bit grey pixels, row-major. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Decodes a JPEG/PNG (anything the canvas decodes) to grey. */
export async function decodeToGray(bytes: Uint8Array): Promise<GrayImage> {
  const img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
  return { width: img.width, height: img.height, data: rgbaToGray(rgba, img.width * img.height) };
}

/**
 * RGBA to grey. Red and pink ink (the seal, a red title) is faded towards paper, so the black
 * text under a seal stays readable: the red channel of red ink is bright.
 */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, n: number, channels = 4): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    const r = rgba[p]!;
    const g = rgba[p + 1]!;
    const b = rgba[p + 2]!;
    const lum = (r * 299 + g * 587 + b * 114) / 1000;
    out[i] = r - Math.max(g, b) > 40 ? Math.max(lum, r) : lum;
  }
  return out;
}

/** Otsu's threshold of a grey histogram. */
export function otsuThreshold(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  const total = data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

interface Component {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  count: number;
}

/**
 * Labels the dark pixels' 8-connected components (union-find over row runs). Returns the
 * label of each run-start pixel's component through `labels` (0 = paper) and the components.
 */
function components(dark: Uint8Array, width: number, height: number): { labels: Int32Array; comps: Component[] } {
  const labels = new Int32Array(width * height);
  const parent: number[] = [0];
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (!dark[row + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && dark[row + x]) x++;
      const end = x; // exclusive
      const label = parent.length;
      parent.push(label);
      for (let i = start; i < end; i++) labels[row + i] = label;
      if (y > 0) {
        const up = row - width;
        for (let i = Math.max(0, start - 1); i < Math.min(width, end + 1); i++) {
          const l = labels[up + i]!;
          if (l) union(label, l);
        }
      }
    }
  }
  const byRoot = new Map<number, Component>();
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const l = labels[row + x]!;
      if (!l) continue;
      const r = find(l);
      labels[row + x] = r;
      let c = byRoot.get(r);
      if (!c) {
        c = { minX: x, minY: y, maxX: x, maxY: y, count: 0 };
        byRoot.set(r, c);
      }
      if (x < c.minX) c.minX = x;
      if (x > c.maxX) c.maxX = x;
      if (y > c.maxY) c.maxY = y;
      c.count++;
    }
  }
  const comps: Component[] = [];
  const index = new Map<number, number>();
  for (const [r, c] of byRoot) {
    index.set(r, comps.length + 1);
    comps.push(c);
  }
  for (let i = 0; i < labels.length; i++) if (labels[i]) labels[i] = index.get(labels[i]!)!;
  return { labels, comps };
}

const median = (xs: number[]): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/**
 * Whitens frames and rules: components far larger than a letter yet sparse (boxes, rings,
 * signatures) and long thin lines. Letters, digits and their diacritics are left alone.
 * Returns a new image and the number of components removed.
 */
export function removeFramesAndRules(img: GrayImage): { image: GrayImage; removed: number } {
  const { width, height, data } = img;
  const t = Math.min(otsuThreshold(data), 200);
  const dark = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) dark[i] = data[i]! <= t ? 1 : 0;
  const { labels, comps } = components(dark, width, height);
  // Letter height: the median height of letter-sized components.
  const heights = comps
    .filter((c) => c.count >= 8)
    .map((c) => c.maxY - c.minY + 1)
    .filter((h) => h >= height * 0.003 && h <= height * 0.03);
  const letter = Math.max(8, median(heights));
  const remove = new Uint8Array(comps.length + 1);
  let removed = 0;
  comps.forEach((c, i) => {
    const w = c.maxX - c.minX + 1;
    const h = c.maxY - c.minY + 1;
    const fill = c.count / (w * h);
    const big = w >= 4 * letter || h >= 2.2 * letter;
    const frame = big && fill < 0.2 && Math.max(w, h) >= 2.2 * letter;
    const rule = w >= 5 * letter && h <= 0.45 * letter;
    const vrule = h >= 3 * letter && w <= 0.3 * letter;
    if (frame || rule || vrule) {
      remove[i + 1] = 1;
      removed++;
    }
  });
  if (!removed) return { image: img, removed };
  const out = new Uint8Array(data);
  // Paper level: a bright percentile, so the whitened pixels blend in.
  const paper = Math.max(t + 1, percentile(data, 0.9));
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l && remove[l]) out[i] = paper;
  }
  return { image: { width, height, data: out }, removed };
}

function percentile(data: Uint8Array, p: number): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  const target = data.length * p;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= target) return v;
  }
  return 255;
}

/** Scales a grey image by a factor (bilinear, through the canvas). */
export function scaleGray(img: GrayImage, factor: number): GrayImage {
  if (factor === 1) return img;
  const src = grayToCanvas(img);
  const w = Math.round(img.width * factor);
  const h = Math.round(img.height * factor);
  const dst = createCanvas(w, h);
  const ctx = dst.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(src, 0, 0, w, h);
  return { width: w, height: h, data: rgbaToGray(ctx.getImageData(0, 0, w, h).data, w * h) };
}

function grayToCanvas(img: GrayImage): Canvas {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const id = ctx.createImageData(img.width, img.height);
  const d = id.data;
  for (let i = 0, p = 0; i < img.data.length; i++, p += 4) {
    const v = img.data[i]!;
    d[p] = v;
    d[p + 1] = v;
    d[p + 2] = v;
    d[p + 3] = 255;
  }
  ctx.putImageData(id, 0, 0);
  return canvas;
}

/**
 * A grey image as an uncompressed 8-bit PGM-free BMP is not read by every build; PNG is.
 * Encodes through the canvas.
 */
export function encodePng(img: GrayImage): Buffer {
  return grayToCanvas(img).toBuffer('image/png');
}
