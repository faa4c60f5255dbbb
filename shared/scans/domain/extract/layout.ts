/**
 * Reading order from OCR boxes. Pure.
 *
 * An OCR engine that reads a page as one block (Tesseract with PSM 6) puts the two header
 * columns of a Party document on one line ("TỈNH ỦY X      ĐẢNG CỘNG SẢN VIỆT NAM") and the
 * recipients on the lines of the signing block ("- Như trên,      K/T CHỦ NHIỆM"). With word
 * boxes those lines split at their wide gaps; the pieces left of the page's middle and right
 * of it then go one column after the other, as a person reads them:
 *
 *   left column (tên cơ quan, *, Số, trích yếu of a công văn, stamps) → right column (motto, date)
 *   … title, body (full-width lines, unchanged) …
 *   left (Nơi nhận and its items) → right (T/M …, chức vụ, signature, name)
 *
 * Without boxes the lines are returned as they are.
 */
import { foldDiacritics } from '../../../platform/text/vietnamese';
import { NGAY } from './date';

export interface LayoutBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LayoutWord {
  text: string;
  bbox: LayoutBox;
  confidence?: number;
  /** Where each character of `text` lies across the line (x0..x1), when the engine says (Tesseract's symbols). */
  chars?: { text: string; x0: number; x1: number }[];
}

export interface LayoutLine {
  text: string;
  bbox?: LayoutBox;
  confidence?: number;
  words?: LayoutWord[];
}

export interface Segment {
  text: string;
  bbox: LayoutBox;
  confidence?: number;
  /** The words the segment joins (with single spaces), with their boxes, when the line had words. */
  words?: LayoutWord[];
}

/** One line of the reading order with where it lies: its box and its pieces (words or segments) in order. */
export interface PlacedLine {
  text: string;
  /** Union of the pieces' boxes; absent on a blank line. */
  bbox?: LayoutBox;
  /** The pieces the text is made of, in order (a word's or a segment's text and box). */
  parts?: { text: string; bbox: LayoutBox }[];
}

export interface ReadingOrderOptions {
  /** A gap wider than this many line heights splits a line into two segments (default 2.2). */
  gapLineHeights?: number;
  /** A vertical gap wider than this many line heights is a paragraph break: a blank line (default 0.9). */
  paragraphGap?: number;
}

export const median = (xs: number[]): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const height = (b: LayoutBox): number => Math.max(1, b.y1 - b.y0);

const union = (boxes: LayoutBox[]): LayoutBox => ({
  x0: Math.min(...boxes.map((b) => b.x0)),
  y0: Math.min(...boxes.map((b) => b.y0)),
  x1: Math.max(...boxes.map((b) => b.x1)),
  y1: Math.max(...boxes.map((b) => b.y1)),
});

/** A word ending in "ngày" (OCR's junk for a handwritten stroke after it allowed: "ngày?") and one opening with "tháng". */
const NGAY_END = new RegExp(`${NGAY.source}[^a-z\\s]{0,3}$`);
const THANG_START = /^[^a-z]{0,2}th[a-z?]{1,3}g/;

/**
 * The blank between "ngày" and "tháng" on the date line, left for the day written by hand
 * (wide when the day is, or when OCR did not read it), is no gap between columns.
 */
const dayBlank = (before: LayoutWord, after: LayoutWord): boolean => NGAY_END.test(foldDiacritics(before.text).toLowerCase()) && THANG_START.test(foldDiacritics(after.text).toLowerCase());

/** Splits one line into the pieces separated by wide gaps (the columns it runs across). */
export function splitLine(line: LayoutLine, gapLineHeights = 2.2): Segment[] {
  const words = (line.words ?? []).filter((w) => w.text.trim() && w.bbox);
  if (!words.length) return line.bbox && line.text.trim() ? [{ text: line.text.trim(), bbox: line.bbox, ...(line.confidence !== undefined ? { confidence: line.confidence } : {}) }] : [];
  const sorted = [...words].sort((a, b) => a.bbox.x0 - b.bbox.x0);
  // Line height from the words' heights (capitals and diacritics make a word taller than x-height).
  const h = median(sorted.map((w) => height(w.bbox)));
  const gap = Math.max(8, h * gapLineHeights);
  const groups: LayoutWord[][] = [[sorted[0]!]];
  for (let i = 1; i < sorted.length; i++) {
    const prev = groups[groups.length - 1]!;
    const right = Math.max(...prev.map((w) => w.bbox.x1));
    if (sorted[i]!.bbox.x0 - right > gap && !dayBlank(sorted[i - 1]!, sorted[i]!)) groups.push([sorted[i]!]);
    else prev.push(sorted[i]!);
  }
  return groups.map((g) => {
    const confs = g.map((w) => w.confidence).filter((c): c is number => typeof c === 'number');
    return {
      text: g.map((w) => w.text.trim()).join(' '),
      bbox: union(g.map((w) => w.bbox)),
      ...(confs.length ? { confidence: confs.reduce((a, c) => a + c, 0) / confs.length } : {}),
      words: g,
    };
  });
}

type Side = 'left' | 'right' | 'full';

/** A row that starts with "Kính gửi" / "Kính trình" (OCR forms: marks lost, "Kinh gửi:"). */
const addressesRow = (r: { segments: Segment[] }): boolean => /^[^\p{L}]*k[i1l]nh\s*(?:gui|trinh)/iu.test(foldDiacritics(r.segments[0]?.text ?? ''));

interface Row {
  segments: (Segment & { side: Side })[];
  bbox: LayoutBox;
  kind: 'full' | 'columns';
}

/**
 * The page's lines in reading order, as text lines: header and footer columns one after
 * the other, full-width lines as they are, and a blank line at each paragraph break.
 */
export function readingOrderLines(lines: LayoutLine[], opts: ReadingOrderOptions = {}): string[] {
  return readingOrderLayout(lines, opts).map((l) => l.text);
}

const partsOf = (segs: Segment[]): { text: string; bbox: LayoutBox }[] =>
  segs.flatMap((s) => (s.words?.length ? s.words.map((w) => ({ text: w.text.trim(), bbox: w.bbox })) : [{ text: s.text, bbox: s.bbox }]));

/** {@link readingOrderLines} with each line's box and pieces (the same texts, in the same order). */
export function readingOrderLayout(lines: LayoutLine[], opts: ReadingOrderOptions = {}): PlacedLine[] {
  const withBoxes = lines.filter((l) => l.bbox || l.words?.length);
  if (!withBoxes.length || withBoxes.length < lines.filter((l) => l.text.trim()).length * 0.8) {
    return lines.map((l) => (l.bbox ? { text: l.text, bbox: l.bbox } : { text: l.text }));
  }
  const split = lines.map((l) => splitLine(l, opts.gapLineHeights)).filter((segs) => segs.length);
  if (!split.length) return [];
  // The text's horizontal extent (margins excluded) and its middle, from the pieces that are words
  // (a page edge or the scanner lid read as "|", "s", "Ễ" at the margin would pull it outwards).
  const wordy = (s: Segment) => (s.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 4;
  const extents = split.map((segs) => segs.filter(wordy)).filter((segs) => segs.length).map((segs) => union(segs.map((s) => s.bbox)));
  const ext = extents.length ? extents : split.map((segs) => union(segs.map((s) => s.bbox)));
  const x0 = median(ext.map((b) => b.x0).sort((a, b) => a - b).slice(0, Math.max(1, Math.ceil(ext.length * 0.3))));
  const x1 = median(ext.map((b) => b.x1).sort((a, b) => b - a).slice(0, Math.max(1, Math.ceil(ext.length * 0.3))));
  const textLineH = median(split.flatMap((segs) => segs.filter(wordy).map((s) => height(s.bbox)))) || median(split.flatMap((segs) => segs.map((s) => height(s.bbox))));
  // Marks read from the page's edges, not text: a short piece wholly in the margin beyond the
  // text's extent, or a flat doubtful piece with letters (a rule or the lid's edge read as "2X:",
  // one or two pixels high; a dashed separator has no letters and stays).
  const junk = (s: Segment): boolean => {
    const w = s.bbox.x1 - s.bbox.x0;
    const inMargin = (s.bbox.x0 >= x1 + 1.5 * textLineH || s.bbox.x1 <= x0 - 1.5 * textLineH) && w <= 3 * textLineH;
    const flat = height(s.bbox) < 0.3 * textLineH && (s.confidence ?? 1) < 0.5 && /[\p{L}\p{N}]/u.test(s.text);
    return inMargin || flat;
  };
  // A speck beside real text on a row (a doubtful one- or two-character piece: "!", ":", "'") would
  // split a centred title into two columns; it carries nothing.
  const speck = (s: Segment, row: Segment[]): boolean =>
    row.length > 1 && row.some((o) => o !== s && wordy(o)) && (s.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) <= 2 && s.text.length <= 3 && (s.confidence ?? 1) < 0.3;
  // A row of scattered doubtful marks, most of them one or two pixels high and none a word: the
  // page's top or bottom edge (or a fold) read as text.
  const edgeRow = (row: Segment[]): boolean =>
    row.length >= 3 && !row.some((s) => wordy(s) && (s.confidence ?? 1) >= 0.3) && row.filter((s) => height(s.bbox) < 0.3 * textLineH).length * 2 >= row.length;
  const rows: Row[] = [];
  for (const all of split) {
    if (edgeRow(all)) continue;
    const segs = all.filter((s) => !junk(s) && !speck(s, all));
    if (!segs.length) continue;
    rows.push({ segments: segs.map((s) => ({ ...s, side: 'full' as Side })), bbox: union(segs.map((s) => s.bbox)), kind: 'full' });
  }
  if (!rows.length) return [];
  const width = Math.max(1, x1 - x0);
  const mid = (x0 + x1) / 2;
  // The header and footer columns are centred blocks around a quarter and three quarters of
  // the text's width. A piece reaching over both centres is full-width (body text); one centred
  // on the page is a title or trích yếu; the others belong to the column of their side.
  const leftCentre = x0 + width * 0.25;
  const rightCentre = x0 + width * 0.75;
  for (const r of rows) {
    for (const s of r.segments) {
      const c = (s.bbox.x0 + s.bbox.x1) / 2;
      if ((s.bbox.x0 < leftCentre && s.bbox.x1 > rightCentre) || Math.abs(c - mid) < width * 0.08) s.side = 'full';
      else s.side = c < mid ? 'left' : 'right';
    }
    // Two pieces split by a wide gap are the two columns, whatever their widths.
    if (r.segments.length >= 2) {
      const first = r.segments[0]!;
      const last = r.segments[r.segments.length - 1]!;
      if (first.bbox.x1 < mid + width * 0.1 && last.bbox.x0 > mid - width * 0.1) {
        for (const s of r.segments) s.side = (s.bbox.x0 + s.bbox.x1) / 2 < mid ? 'left' : 'right';
        first.side = 'left';
        last.side = 'right';
      }
    }
    r.kind = r.segments.some((s) => s.side === 'full') ? 'full' : 'columns';
  }
  const lineH = median(rows.map((r) => median(r.segments.map((s) => height(s.bbox)))));
  const paraGap = lineH * (opts.paragraphGap ?? 0.9);

  const out: PlacedLine[] = [];
  const blank = (): boolean => out.length > 0 && out[out.length - 1]!.text === '';
  const place = (segs: Segment[]): PlacedLine => ({ text: segs.map((s) => s.text).join('   '), bbox: union(segs.map((s) => s.bbox)), parts: partsOf(segs) });
  let lastBottom: number | null = null;
  const emitRow = (r: Row) => {
    if (lastBottom !== null && r.bbox.y0 - lastBottom > paraGap && out.length && !blank()) out.push({ text: '' });
    out.push(place(r.segments));
    lastBottom = r.bbox.y1;
  };
  let i = 0;
  while (i < rows.length) {
    const r = rows[i]!;
    if (r.kind === 'full') {
      emitRow(r);
      i++;
      continue;
    }
    // A band of column rows; it ends at a full-width row. Only the part up to its last row with a
    // right-hand segment is reordered (a short body line after the footer's columns stays put).
    // "Kính gửi:" with its recipients to its right opens the body: it starts a band of its own, so
    // that the header's right column (the motto, the date line) is read before it.
    let j = i;
    while (j < rows.length && rows[j]!.kind === 'columns' && !(j > i && addressesRow(rows[j]!))) j++;
    let lastRight = -1;
    for (let k = i; k < j; k++) if (rows[k]!.segments.some((s) => s.side === 'right')) lastRight = k;
    const hasLeft = rows.slice(i, lastRight + 1).some((row) => row.segments.some((s) => s.side === 'left'));
    if (lastRight < 0 || !hasLeft) {
      for (let k = i; k < j; k++) emitRow(rows[k]!);
      i = j;
      continue;
    }
    // The left column may run on below the right one (a công văn's V/v wrapped under a one-line
    // issuer, the date level with its first line): its rows that follow on without a paragraph's
    // gap are read with it, before the right column.
    let leftEnd = lastRight;
    while (leftEnd + 1 < j && rows[leftEnd + 1]!.segments.every((s) => s.side === 'left') && rows[leftEnd + 1]!.bbox.y0 - rows[leftEnd]!.bbox.y1 <= paraGap) leftEnd++;
    if (lastBottom !== null && r.bbox.y0 - lastBottom > paraGap && out.length && !blank()) out.push({ text: '' });
    for (const side of ['left', 'right'] as const) {
      for (let k = i; k <= (side === 'left' ? leftEnd : lastRight); k++) {
        const segs = rows[k]!.segments.filter((s) => s.side === side);
        if (segs.length) out.push(place(segs));
      }
    }
    lastBottom = Math.max(...rows.slice(i, leftEnd + 1).map((row) => row.bbox.y1));
    i = leftEnd + 1;
  }
  while (out.length && out[out.length - 1]!.text === '') out.pop();
  return out;
}

/** {@link readingOrderLines} joined with newlines. */
export function readingOrderText(lines: LayoutLine[], opts: ReadingOrderOptions = {}): string {
  return readingOrderLines(lines, opts).join('\n');
}
