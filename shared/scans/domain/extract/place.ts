/**
 * Where each line of the text was read (issue 14, "the clerk sees why"): the text's lines are
 * matched to the OCR pages' lines in reading order (layout.ts), so a field knows its page and
 * the box of the lines or words its value came from. Pure.
 *
 * The one place OCR boxes become page fractions: the reading order is found in the engine's
 * own units (the units the page's text was put in order with: layout.ts measures gaps in
 * pixels), then every box is divided by the page size the engine reports (tesseract: the
 * pixels of the page image it read; Textract: its relative geometry scaled to the image's
 * size, or to the nominal A4 size it reports for a PDF page). A page without a size gets no boxes.
 */
import { readingOrderLayout, type LayoutLine, type PlacedLine } from './layout';
import { cleanChars, toLines, type FracBox, type Line } from './lines';

/** One OCR page as the extractor may receive it: its text, its lines with boxes, and the size the boxes are in. */
export interface PageLayout {
  text: string;
  lines?: LayoutLine[];
  width?: number;
  height?: number;
  /** The page was read turned clockwise by this many quarter turns: its boxes are mapped back onto the page as sent. */
  turned?: 1 | 2 | 3;
}

/**
 * A box of a page read turned clockwise by `turned` quarter turns, as fractions of the page as
 * it was sent (the console draws on that image): a half turn mirrors both axes; a quarter
 * clockwise took the sent page's left edge to the top, three quarters its right edge.
 */
export function unturnBox(b: FracBox, turned: 0 | 1 | 2 | 3 | undefined): FracBox {
  switch (turned) {
    case 2: return { x0: 1 - b.x1, y0: 1 - b.y1, x1: 1 - b.x0, y1: 1 - b.y0 };
    case 1: return { x0: b.y0, y0: 1 - b.x1, x1: b.y1, y1: 1 - b.x0 };
    case 3: return { x0: 1 - b.y1, y0: b.x0, x1: 1 - b.y0, y1: b.x1 };
    default: return b;
  }
}

/** Same spacing and letters as toLines gives a line. */
const key = (s: string): string => cleanChars(s).replace(/\s+/g, ' ').trim();

const clamp = (x: number): number => Math.max(0, Math.min(1, x));

export const unionBox = (boxes: FracBox[]): FracBox => ({
  x0: Math.min(...boxes.map((b) => b.x0)),
  y0: Math.min(...boxes.map((b) => b.y0)),
  x1: Math.max(...boxes.map((b) => b.x1)),
  y1: Math.max(...boxes.map((b) => b.y1)),
});

/**
 * Gives the lines of `text` (the pages' texts joined by one blank line, as the pipeline joins
 * them) their page, box and pieces, where a line of the page's reading order (or, failing that,
 * one of OCR's own lines) has the same text. Lines with no such twin stay without a box.
 */
export function placeLines(lines: Line[], pages: PageLayout[]): void {
  let offset = 0;
  pages.forEach((p, k) => {
    const count = toLines(p.text).length;
    const ocr = (p.lines ?? []).filter((l) => l.bbox || l.words?.length);
    const { width, height } = p;
    if (ocr.length && width && height && width > 0 && height > 0) {
      const frac = (b: FracBox): FracBox => clampBox(unturnBox({ x0: b.x0 / width, y0: b.y0 / height, x1: b.x1 / width, y1: b.y1 / height }, p.turned));
      const twins = new Map<string, PlacedLine[]>();
      const add = (pl: PlacedLine) => {
        if (!pl.bbox || !pl.text.trim()) return;
        const t = key(pl.text);
        twins.set(t, [...(twins.get(t) ?? []), pl]);
      };
      for (const pl of readingOrderLayout(ocr)) add(pl);
      // OCR's own lines, for a page whose text is not the reading order (raw layout).
      for (const l of ocr) {
        const words = (l.words ?? []).filter((w) => w.text.trim() && w.bbox);
        const bbox = l.bbox ?? (words.length ? unionBox(words.map((w) => w.bbox)) : undefined);
        if (bbox) add({ text: l.text, bbox, ...(words.length ? { parts: words.map((w) => ({ text: w.text, bbox: w.bbox })) } : {}) });
      }
      for (let i = offset; i < Math.min(lines.length, offset + count); i++) {
        const l = lines[i]!;
        if (!l.text) continue;
        const twin = twins.get(l.text)?.shift();
        if (!twin?.bbox) continue;
        l.page = k + 1;
        l.bbox = frac(twin.bbox);
        const parts: NonNullable<Line['parts']> = [];
        let from = 0;
        for (const part of twin.parts ?? []) {
          const t = key(part.text);
          const at = t ? l.text.indexOf(t, from) : -1;
          if (at < 0) continue;
          parts.push({ start: at, end: at + t.length, bbox: frac(part.bbox) });
          from = at + t.length;
        }
        if (parts.length) l.parts = parts;
      }
    }
    offset += count + 1;
  });
}

const clampBox = (b: FracBox): FracBox => ({ x0: clamp(Math.min(b.x0, b.x1)), y0: clamp(Math.min(b.y0, b.y1)), x1: clamp(Math.max(b.x0, b.x1)), y1: clamp(Math.max(b.y0, b.y1)) });

/** A piece of a line a value came from: the whole line, or the characters [start, end) of it. */
export interface Source {
  line: number;
  start?: number;
  end?: number;
}

/**
 * Where a value read from `sources` lies: the page of its first placed line and the union of
 * the boxes (of the words in a source's range, else of its whole line) on that page; null when
 * none of its lines was placed.
 */
export function locate(lines: Line[], sources: Source[]): { page: number; bbox: { left: number; top: number; width: number; height: number } } | null {
  const boxes: FracBox[] = [];
  let page: number | undefined;
  for (const s of sources) {
    const l = lines[s.line];
    if (!l?.bbox || !l.page) continue;
    if (page === undefined) page = l.page;
    if (l.page !== page) continue;
    const ranged = s.start !== undefined && l.parts ? l.parts.filter((p) => p.start < (s.end ?? l.text.length) && p.end > s.start!) : [];
    if (ranged.length) boxes.push(...ranged.map((p) => p.bbox));
    else boxes.push(l.bbox);
  }
  if (page === undefined || !boxes.length) return null;
  const u = unionBox(boxes);
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { page, bbox: { left: r(u.x0), top: r(u.y0), width: r(u.x1 - u.x0), height: r(u.y1 - u.y0) } };
}
