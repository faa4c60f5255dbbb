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
  // Specks: small marks with no ink around them (scanner noise read as ' . : by OCR). Dots,
  // diacritics and punctuation sit within a fraction of a letter of their letters and stay.
  const cell = Math.max(2, Math.round(letter / 2));
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(height / cell);
  const grid = new Uint32Array(gw * gh);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const grow = Math.floor(y / cell) * gw;
    for (let x = 0; x < width; x++) if (dark[row + x]) grid[grow + Math.floor(x / cell)]!++;
  }
  const speck = (c: Component, w: number, h: number): boolean => {
    if (w > 0.35 * letter || h > 0.35 * letter || c.count > letter * letter * 0.06) return false;
    const gx0 = Math.max(0, Math.floor((c.minX - letter) / cell));
    const gx1 = Math.min(gw - 1, Math.floor((c.maxX + letter) / cell));
    const gy0 = Math.max(0, Math.floor((c.minY - 0.6 * letter) / cell));
    const gy1 = Math.min(gh - 1, Math.floor((c.maxY + 0.6 * letter) / cell));
    let ink = 0;
    for (let gy = gy0; gy <= gy1; gy++) for (let gx = gx0; gx <= gx1; gx++) ink += grid[gy * gw + gx]!;
    return ink - c.count <= 2;
  };
  // 1: erase the whole component (seal ring, signature) but what touches a text line; 2: a box:
  // erase its straight sides only, so a diacritic touching the frame stays; 3: erase it all
  // (rules, specks).
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
    if (!(frame || rule || vrule)) {
      // On a low-resolution or blurred scan the letters inside a stamp's box, or under the motto's
      // underline, touch it and join its component, which is then too full to be a frame or too tall
      // to be a rule. Its straight sides still show: erase those, and keep the letters.
      if (w >= 4 * letter) {
        const sides = straightSides(labels, width, c, i + 1, letter);
        if (sides.box || sides.longestRow >= 5 * letter) {
          remove[i + 1] = sides.box ? 5 : 4;
          removed++;
          return;
        }
      }
      if (speck(c, w, h)) {
        remove[i + 1] = 3;
        removed++;
      }
      return;
    }
    removed++;
    remove[i + 1] = rule || vrule ? 3 : isBox(labels, width, c, i + 1, letter) ? 2 : 1;
  });
  if (!removed) return { image: img, removed };
  const out = new Uint8Array(data);
  // Paper level: a bright percentile, so the whitened pixels blend in.
  const paper = Math.max(t + 1, percentile(data, 0.9));
  const erase = new Uint8Array(width * height);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l && (remove[l] === 1 || remove[l] === 3)) erase[i] = 1;
  }
  // A seal ring or a signature often touches a letter of the signing block ("PHÓ", "K/T"), which
  // then belongs to the same component. Keep the component's pixels next to a text line: a run
  // of three or more letter-sized marks on one baseline (the seal's ring text curves and does not
  // form one, except perhaps at its very top).
  const letters = comps.filter((c) => {
    const h = c.maxY - c.minY + 1;
    const w = c.maxX - c.minX + 1;
    return c.count >= 8 && h >= 0.5 * letter && h <= 1.6 * letter && w <= 2 * letter;
  });
  comps.forEach((c, i) => {
    if (remove[i + 1] !== 1 || c.maxX - c.minX < 2 * letter) return;
    const padX = 0.7 * letter;
    const padY = 0.15 * letter;
    const near = letters.filter((t) => t !== c && !(t.maxX < c.minX - 3 * letter || t.minX > c.maxX + 3 * letter || t.maxY < c.minY - letter || t.minY > c.maxY + letter));
    // Group letters into baseline chains (union-find on neighbours).
    const parent = near.map((_, k) => k);
    const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
    for (let a = 0; a < near.length; a++) {
      for (let b = a + 1; b < near.length; b++) {
        const ta = near[a]!;
        const tb = near[b]!;
        const gap = Math.max(ta.minX, tb.minX) - Math.min(ta.maxX, tb.maxX);
        if (gap > letter || Math.abs(ta.maxY - tb.maxY) > 0.2 * letter) continue;
        parent[find(a)] = find(b);
      }
    }
    const size = new Map<number, number>();
    near.forEach((_, k) => size.set(find(k), (size.get(find(k)) ?? 0) + 1));
    near.forEach((t, k) => {
      if ((size.get(find(k)) ?? 0) < 3) return;
      const x0 = Math.max(c.minX, Math.floor(t.minX - padX));
      const x1 = Math.min(c.maxX, Math.ceil(t.maxX + padX));
      const y0 = Math.max(c.minY, Math.floor(t.minY - padY));
      const y1 = Math.min(c.maxY, Math.ceil(t.maxY + padY));
      for (let y = y0; y <= y1; y++) {
        const row = y * width;
        for (let x = x0; x <= x1; x++) if (labels[row + x] === i + 1) erase[row + x] = 0;
      }
    });
  });
  comps.forEach((c, i) => {
    if (remove[i + 1] === 2) markBoxSides(labels, width, c, i + 1, Math.max(6, Math.round(letter * 0.8)), erase);
    else if (remove[i + 1] === 4) markLongRows(labels, width, c, i + 1, Math.round(letter * 3), erase);
    else if (remove[i + 1] === 5) markBoxSides(labels, width, c, i + 1, Math.max(6, Math.round(letter * 0.8)), erase, Math.max(3, Math.round(letter * 0.3)));
  });
  // Erase with a 1-pixel halo: the grey anti-aliased edge of a line is not dark enough to be
  // in the component, but Tesseract still sees it.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (!erase[row + x]) continue;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const k = yy * width + xx;
          const l = labels[k]!;
          // Do not eat into another component (a letter next to the line), nor into pixels kept above.
          if (l && (!remove[l] || !erase[k])) continue;
          out[k] = paper;
        }
      }
    }
  }
  return { image: { width, height, data: out }, removed };
}

/** The longest run of a component's pixels along a row, within rows [y0, y1]. */
function longestRowRun(labels: Int32Array, width: number, c: Component, label: number, y0: number, y1: number): number {
  let best = 0;
  for (let y = Math.max(c.minY, y0); y <= Math.min(c.maxY, y1); y++) {
    const row = y * width;
    let run = 0;
    for (let x = c.minX; x <= c.maxX; x++) {
      if (labels[row + x] === label) {
        run++;
        if (run > best) best = run;
      } else run = 0;
    }
  }
  return best;
}

/** The longest run of a component's pixels down a column, within columns [x0, x1]. */
function longestColumnRun(labels: Int32Array, width: number, c: Component, label: number, x0: number, x1: number): number {
  let best = 0;
  for (let x = Math.max(c.minX, x0); x <= Math.min(c.maxX, x1); x++) {
    let run = 0;
    for (let y = c.minY; y <= c.maxY; y++) {
      if (labels[y * width + x] === label) {
        run++;
        if (run > best) best = run;
      } else run = 0;
    }
  }
  return best;
}

/**
 * Whether a wide component has a box's four straight sides along its bounding box (letters may
 * touch them), and its longest straight row (an underline with letters touching it).
 */
function straightSides(labels: Int32Array, width: number, c: Component, label: number, letter: number): { box: boolean; longestRow: number } {
  const w = c.maxX - c.minX + 1;
  const h = c.maxY - c.minY + 1;
  const band = Math.max(3, Math.round(letter * 0.25));
  const longestRow = longestRowRun(labels, width, c, label, c.minY, c.maxY);
  if (h < letter || longestRow < 0.8 * w) return { box: false, longestRow };
  const top = longestRowRun(labels, width, c, label, c.minY, c.minY + band);
  const bottom = longestRowRun(labels, width, c, label, c.maxY - band, c.maxY);
  const left = longestColumnRun(labels, width, c, label, c.minX, c.minX + band);
  const right = longestColumnRun(labels, width, c, label, c.maxX - band, c.maxX);
  return { box: top >= 0.8 * w && bottom >= 0.8 * w && left >= 0.6 * h && right >= 0.6 * h, longestRow };
}

/**
 * Marks the runs of a component's pixels at least `minRun` long, along its rows or its columns,
 * in the lines (rows or columns) `keep` accepts.
 */
function markRuns(labels: Int32Array, width: number, c: Component, label: number, minRun: number, erase: Uint8Array, axis: 'rows' | 'columns', keep: (line: number) => boolean = () => true): void {
  const rows = axis === 'rows';
  const [firstLine, lastLine, first, last] = rows ? [c.minY, c.maxY, c.minX, c.maxX] : [c.minX, c.maxX, c.minY, c.maxY];
  const at = (line: number, pos: number) => (rows ? line * width + pos : pos * width + line);
  for (let line = firstLine; line <= lastLine; line++) {
    if (!keep(line)) continue;
    let p = first;
    while (p <= last) {
      if (labels[at(line, p)] !== label) {
        p++;
        continue;
      }
      const start = p;
      while (p <= last && labels[at(line, p)] === label) p++;
      if (p - start >= minRun) for (let k = start; k < p; k++) erase[at(line, k)] = 1;
    }
  }
}

/** Marks the runs of a component along its rows at least `minRun` long (an underline's pixels). */
function markLongRows(labels: Int32Array, width: number, c: Component, label: number, minRun: number, erase: Uint8Array): void {
  markRuns(labels, width, c, label, minRun, erase, 'rows');
}

/** A rectangle outline: most of the component's pixels lie near its bounding box's sides. */
function isBox(labels: Int32Array, width: number, c: Component, label: number, letter: number): boolean {
  const w = c.maxX - c.minX + 1;
  const h = c.maxY - c.minY + 1;
  if (w < 2 * letter || h < letter) return false;
  const band = Math.max(3, Math.round(letter * 0.25));
  let near = 0;
  for (let y = c.minY; y <= c.maxY; y++) {
    const row = y * width;
    for (let x = c.minX; x <= c.maxX; x++) {
      if (labels[row + x] !== label) continue;
      if (y - c.minY < band || c.maxY - y < band || x - c.minX < band || c.maxX - x < band) near++;
    }
  }
  return near / c.count > 0.6;
}

/**
 * Marks the pixels of a box's straight sides: runs of the component at least `minRun` long;
 * with `band`, only rows and columns that near the bounding box's sides (letters touching the
 * box keep their strokes).
 */
function markBoxSides(labels: Int32Array, width: number, c: Component, label: number, minRun: number, erase: Uint8Array, band?: number): void {
  const nearSide = (v: number, lo: number, hi: number) => band === undefined || v - lo < band || hi - v < band;
  markRuns(labels, width, c, label, minRun, erase, 'rows', (y) => nearSide(y, c.minY, c.maxY));
  markRuns(labels, width, c, label, minRun, erase, 'columns', (x) => nearSide(x, c.minX, c.maxX));
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

/**
 * Scales a grey image by a factor, straight on the grey bytes (three times faster than a
 * canvas round trip through RGBA): area averaging when shrinking (every source pixel counts
 * by the share of it a target pixel covers, so thin strokes keep their weight), bilinear
 * when enlarging.
 */
export function scaleGray(img: GrayImage, factor: number): GrayImage {
  if (factor === 1) return img;
  return factor < 1 ? shrinkGray(img, factor) : enlargeGray(img, factor);
}

/** Per target index along one axis: the source pixels it covers and their shares (area averaging). */
function coverage(srcLen: number, dstLen: number): { start: Int32Array; count: Int32Array; weights: Float32Array; stride: number } {
  const scale = srcLen / dstLen;
  const stride = Math.ceil(scale) + 1;
  const start = new Int32Array(dstLen);
  const count = new Int32Array(dstLen);
  const weights = new Float32Array(dstLen * stride);
  for (let i = 0; i < dstLen; i++) {
    const a = i * scale;
    const b = Math.min(srcLen, (i + 1) * scale);
    const first = Math.floor(a);
    start[i] = first;
    let n = 0;
    for (let k = first; k < b && n < stride; k++, n++) weights[i * stride + n] = (Math.min(b, k + 1) - Math.max(a, k)) / scale;
    count[i] = n;
  }
  return { start, count, weights, stride };
}

function shrinkGray(img: GrayImage, factor: number): GrayImage {
  const { width: sw, height: sh, data: sd } = img;
  const w = Math.max(1, Math.round(sw * factor));
  const h = Math.max(1, Math.round(sh * factor));
  const cx = coverage(sw, w);
  const cy = coverage(sh, h);
  // Horizontal pass into floats, then vertical.
  const tmp = new Float32Array(w * sh);
  for (let y = 0; y < sh; y++) {
    const srow = y * sw;
    const trow = y * w;
    for (let x = 0; x < w; x++) {
      const s0 = cx.start[x]!;
      const n = cx.count[x]!;
      const wo = x * cx.stride;
      let acc = 0;
      for (let k = 0; k < n; k++) acc += sd[srow + s0 + k]! * cx.weights[wo + k]!;
      tmp[trow + x] = acc;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const s0 = cy.start[y]!;
    const n = cy.count[y]!;
    const wo = y * cy.stride;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += tmp[(s0 + k) * w + x]! * cy.weights[wo + k]!;
      out[row + x] = Math.min(255, (acc + 0.5) | 0);
    }
  }
  return { width: w, height: h, data: out };
}

function enlargeGray(img: GrayImage, factor: number): GrayImage {
  const { width: sw, height: sh, data: sd } = img;
  const w = Math.max(1, Math.round(sw * factor));
  const h = Math.max(1, Math.round(sh * factor));
  const out = new Uint8Array(w * h);
  const rx = sw / w;
  const ry = sh / h;
  // Horizontal sample positions and weights, shared by every row.
  const x0s = new Int32Array(w);
  const wxs = new Float32Array(w);
  for (let x = 0; x < w; x++) {
    const sx = Math.min(sw - 1, Math.max(0, (x + 0.5) * rx - 0.5));
    const x0 = Math.max(0, Math.min(sw - 2, Math.floor(sx)));
    x0s[x] = x0;
    wxs[x] = sw > 1 ? sx - x0 : 0;
  }
  for (let y = 0; y < h; y++) {
    const sy = Math.min(sh - 1, Math.max(0, (y + 0.5) * ry - 0.5));
    const y0 = Math.max(0, Math.min(sh - 2, Math.floor(sy)));
    const wy = sh > 1 ? sy - y0 : 0;
    const r0 = y0 * sw;
    const r1 = sh > 1 ? r0 + sw : r0;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const i = x0s[x]!;
      const wx = wxs[x]!;
      const j = sw > 1 ? i + 1 : i;
      const top = sd[r0 + i]! + (sd[r0 + j]! - sd[r0 + i]!) * wx;
      const bottom = sd[r1 + i]! + (sd[r1 + j]! - sd[r1 + i]!) * wx;
      out[row + x] = (top + (bottom - top) * wy + 0.5) | 0;
    }
  }
  return { width: w, height: h, data: out };
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
