/**
 * Removal of boxes and rules before OCR: the frames around MẬT / KHẨN stamps, the underline
 * under the national motto, the seal ring, the hand signature, which otherwise make
 * Tesseract's layout analysis drop the stamp text as a picture. Dark pixels' connected
 * components far larger than a letter yet sparse, and long thin lines, are whitened.
 */
import { inkThreshold, median, percentile, type GrayImage } from './gray';
import { scratchInt32, scratchUint8 } from './scratch';

/**
 * The largest mark, in letter heights (the median height of letter-sized marks: about half the
 * font size), that is a handwritten character rather than a frame: a digit written at one to
 * three times the printed size. A signature or a stamp's box is wider, a seal ring larger.
 */
const GLYPH_W = 3;
const GLYPH_H = 6;

interface Component {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  count: number;
}

/** Grows a typed array to twice its length, keeping its contents. */
const grown = (a: Int32Array): Int32Array<ArrayBuffer> => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};

/**
 * Labels the dark pixels' 8-connected components (union-find over row runs: a run joins the
 * runs of the row above that touch it, found by walking both rows' runs side by side). Returns
 * each dark pixel's component through `labels` (1-based, 0 = paper) and the components,
 * numbered in the order their first pixel comes in reading order. Runs, not pixels, are walked
 * after the one pass that finds them: a 300 dpi page has hundreds of thousands of runs and
 * millions of pixels. `labels` is scratch memory (./scratch): valid until the next call.
 */
export function components(dark: Uint8Array, width: number, height: number): { labels: Int32Array; comps: Component[] } {
  let parent = new Int32Array(1024);
  let runX0 = new Int32Array(1024);
  let runX1 = new Int32Array(1024);
  let runY = new Int32Array(1024);
  let runs = 1; // run 0 is paper
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let above = 1; // the first run of the row above
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const first = runs;
    let p = above;
    let x = 0;
    while (x < width) {
      if (!dark[row + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && dark[row + x]) x++;
      const end = x; // exclusive
      if (runs === parent.length) {
        parent = grown(parent);
        runX0 = grown(runX0);
        runX1 = grown(runX1);
        runY = grown(runY);
      }
      const label = runs++;
      parent[label] = label;
      runX0[label] = start;
      runX1[label] = end;
      runY[label] = y;
      // The runs above that touch this one, diagonals included: they end at or after start - 1 and begin at or before end.
      while (p < first && runX1[p]! < start) p++;
      for (let q = p; q < first && runX0[q]! <= end; q++) {
        const ra = find(label);
        const rb = find(q);
        if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
    above = first;
  }
  // Components in the order of their first pixel (runs come in reading order); each run's pixels relabelled with its component's number.
  const labels = scratchInt32('frames.labels', width * height, true);
  const index = new Int32Array(runs);
  const minX: number[] = [0];
  const minY: number[] = [0];
  const maxX: number[] = [0];
  const maxY: number[] = [0];
  const count: number[] = [0];
  for (let r = 1; r < runs; r++) {
    const root = find(r);
    const x0 = runX0[r]!;
    const x1 = runX1[r]! - 1;
    const y = runY[r]!;
    let c = index[root]!;
    if (!c) {
      c = index[root] = minX.length;
      minX.push(x0);
      minY.push(y);
      maxX.push(x1);
      maxY.push(y);
      count.push(0);
    }
    labels.fill(c, y * width + x0, y * width + x1 + 1);
    if (x0 < minX[c]!) minX[c] = x0;
    if (x1 > maxX[c]!) maxX[c] = x1;
    maxY[c] = y;
    count[c]! += x1 - x0 + 1;
  }
  const comps: Component[] = [];
  for (let c = 1; c < minX.length; c++) comps.push({ minX: minX[c]!, minY: minY[c]!, maxX: maxX[c]!, maxY: maxY[c]!, count: count[c]! });
  return { labels, comps };
}

/**
 * Whitens frames and rules: components far larger than a letter yet sparse (boxes, rings,
 * signatures) and long thin lines. Letters, digits and their diacritics are left alone.
 * Returns a new image and the number of components removed.
 */
export function removeFramesAndRules(img: GrayImage): { image: GrayImage; removed: number } {
  const { width, height, data } = img;
  const t = inkThreshold(data);
  const dark = scratchUint8('frames.dark', width * height, false);
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
    for (let gx = 0, x0 = 0; gx < gw; gx++, x0 += cell) {
      const x1 = Math.min(width, x0 + cell);
      let ink = 0;
      for (let x = x0; x < x1; x++) ink += dark[row + x]!;
      grid[grow + gx]! += ink;
    }
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
    // A mark the size of a handwritten character (a digit the văn thư wrote big with a thin pen) is
    // as sparse as a frame, but no frame, ring or signature is that small: it stays.
    const glyph = w <= GLYPH_W * letter && h <= GLYPH_H * letter;
    const frame = big && fill < 0.2 && Math.max(w, h) >= 2.2 * letter && !glyph;
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
  const out = data.slice();
  // Paper level: a bright percentile, so the whitened pixels blend in.
  const paper = Math.max(t + 1, percentile(data, 0.9));
  const erase = scratchUint8('frames.erase', width * height, true);
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
  const ruled: number[] = [];
  comps.forEach((c, i) => {
    if (remove[i + 1] !== 1 || c.maxX - c.minX < 2 * letter) return;
    const padY = 0.15 * letter;
    // Letters some way either side: a line's free letters past the component's end form its chain.
    const near = letters.filter((t) => t !== c && !(t.maxX < c.minX - 15 * letter || t.minX > c.maxX + 15 * letter || t.maxY < c.minY - letter || t.minY > c.maxY + letter));
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
    const keep = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = Math.max(c.minY, Math.floor(y0)); y <= Math.min(c.maxY, Math.ceil(y1)); y++) {
        const row = y * width;
        for (let x = Math.max(c.minX, Math.floor(x0)); x <= Math.min(c.maxX, Math.ceil(x1)); x++) if (labels[row + x] === i + 1) erase[row + x] = 0;
      }
    };
    const chains = new Map<number, { minX: number; maxX: number; minY: number; maxY: number }>();
    near.forEach((t, k) => {
      if ((size.get(find(k)) ?? 0) < 3) return;
      const b = chains.get(find(k));
      chains.set(find(k), b ? { minX: Math.min(b.minX, t.minX), maxX: Math.max(b.maxX, t.maxX), minY: Math.min(b.minY, t.minY), maxY: Math.max(b.maxY, t.maxY) } : { minX: t.minX, maxX: t.maxX, minY: t.minY, maxY: t.maxY });
    });
    // Keep the component's ink along each line's band, up to 25 letter heights either side of its
    // free letters: a line of text runs on past the letters that stayed apart, and a stamp's edge
    // or a rule drawn across it (a receipt stamp over the trích yếu) joins the words it touches to
    // the component, which would go with it. The rule itself, a long straight row, still goes (below).
    if (chains.size) {
      for (const b of chains.values()) keep(b.minX - 25 * letter, b.maxX + 25 * letter, b.minY - padY, b.maxY + padY);
      ruled.push(i);
    }
  });
  for (const i of ruled) {
    markLongRows(labels, width, comps[i]!, i + 1, Math.round(letter * 3), erase);
    markRuleEdges(labels, width, comps[i]!, i + 1, Math.max(1, Math.round(letter * 0.1)), erase);
  }
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

/**
 * A scanned rule's ragged edge: the component's pixels just above or below a marked row run
 * (at most `depth` rows) where the ink stops right there, so not a letter's stroke that goes on.
 */
function markRuleEdges(labels: Int32Array, width: number, c: Component, label: number, depth: number, erase: Uint8Array): void {
  const ink = (x: number, y: number) => y >= c.minY && y <= c.maxY && labels[y * width + x] === label;
  const edge: number[] = [];
  for (let y = c.minY; y <= c.maxY; y++) {
    for (let x = c.minX; x <= c.maxX; x++) {
      if (!erase[y * width + x] || !ink(x, y)) continue;
      for (const dir of [-1, 1]) {
        let d = 1;
        while (d <= depth && ink(x, y + dir * d) && !erase[(y + dir * d) * width + x]) d++;
        if (d > 1 && d <= depth + 1 && !ink(x, y + dir * d)) for (let k = 1; k < d; k++) edge.push((y + dir * k) * width + x);
      }
    }
  }
  for (const k of edge) erase[k] = 1;
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
