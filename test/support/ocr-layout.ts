/**
 * Pages as an OCR engine gives them (the OcrEngine port's OcrPage): printed rows laid down an
 * A4 page at 300 dpi, each piece where a Vietnamese administrative letter prints it (the
 * header's and footer's two columns, centred tên loại and trích yếu, full-width body lines,
 * stamps in the margins), as lines of words with boxes. Used by the generated documents
 * (ocr-documents.ts) and the extractor's zone tables.
 */
import type { OcrLine, OcrPage, OcrWord } from '../../shared/scans/ports/ocr-engine';

/** A piece of a printed row: a header or footer column, centred, full width, or indented body text. */
export type Piece = { text: string; at: 'left-col' | 'right-col' | 'centre' | 'full' | 'indent' | 'left' | 'top-left' | 'top-right'; split?: boolean };
export type Row = Piece[] | 'gap';

const W = 2480;
const H = 3508;
const MARGIN = 347;
export const TEXT_W = 2306 - MARGIN;
const STEP = 62;
const GLYPH_H = 44;
const SPACE = 14;
const charW = (c: string): number => (/[\p{Lu}]/u.test(c) ? 27 : /[\p{Ll}]/u.test(c) ? 20 : /\d/.test(c) ? 20 : 10);
const textW = (s: string): number => [...s].reduce((a, c) => a + (c === ' ' ? SPACE : charW(c)), 0);

/** Wraps words to lines no wider than `px`. */
export function wrapPx(text: string, px: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of text.split(' ')) {
    if (cur && textW(`${cur} ${w}`) > px) {
      out.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) out.push(cur);
  return out;
}

function wordsAt(text: string, x0: number, y0: number): OcrWord[] {
  const words: OcrWord[] = [];
  let x = x0;
  for (const w of text.split(' ').filter(Boolean)) {
    const w1 = x + textW(w);
    words.push({ text: w, confidence: 0.9, bbox: { x0: Math.round(x), y0, x1: Math.round(w1), y1: y0 + GLYPH_H } });
    x = w1 + SPACE;
  }
  return words;
}

const xOf = (p: Piece): number => {
  const w = textW(p.text);
  switch (p.at) {
    case 'left-col': return MARGIN + TEXT_W * 0.22 - w / 2;
    case 'right-col': return MARGIN + TEXT_W * 0.73 - w / 2;
    case 'centre': return MARGIN + TEXT_W / 2 - w / 2;
    case 'indent': return MARGIN + 120;
    case 'top-left': return 120;
    case 'top-right': return W - 140 - w;
    default: return MARGIN;
  }
};

const lineOf = (words: OcrWord[]): OcrLine => ({
  text: words.map((w) => w.text).join(' '),
  confidence: 0.9,
  bbox: { x0: Math.min(...words.map((w) => w.bbox.x0)), y0: Math.min(...words.map((w) => w.bbox.y0)), x1: Math.max(...words.map((w) => w.bbox.x1)), y1: Math.max(...words.map((w) => w.bbox.y1)) },
  words,
});

/** How a scan differs from the ideal page: its resolution, and the right column set a little higher or lower. */
export interface ScanLook {
  /** 300 (the boxes as above), 150 or 100 dpi: every box scaled. */
  dpi?: number;
  /** Pixels (at 300 dpi) the right column's pieces sit below (or above) the left column's on the same row. */
  rightShift?: number;
}

/**
 * Lays rows down a page. `rowLines`: a row's pieces as one OCR line (Tesseract reading the page as
 * one block) or each piece its own line (the columns read as blocks). A piece marked `split` is
 * given as two lines at the same height (OCR breaking a printed line at a wider space).
 */
export function layPage(rows: Row[], rowLines: boolean, look: ScanLook = {}, top = 140): OcrPage {
  const k = (look.dpi ?? 300) / 300;
  const scale = (w: OcrWord): OcrWord => ({ ...w, bbox: { x0: Math.round(w.bbox.x0 * k), y0: Math.round(w.bbox.y0 * k), x1: Math.round(w.bbox.x1 * k), y1: Math.round(w.bbox.y1 * k) } });
  const lines: OcrLine[] = [];
  let y = top;
  for (const row of rows) {
    if (row === 'gap') {
      y += STEP;
      continue;
    }
    const groups: OcrWord[][] = [];
    for (const p of row) {
      const words = wordsAt(p.text, xOf(p), y + (p.at === 'right-col' ? (look.rightShift ?? 0) : 0)).map(scale);
      if (p.split && words.length >= 2) {
        const half = Math.ceil(words.length / 2);
        groups.push(words.slice(0, half), words.slice(half));
      } else groups.push(words);
    }
    const split = row.some((p) => p.split);
    if (rowLines && !split) lines.push(lineOf(groups.flat()));
    else for (const g of groups) if (g.length) lines.push(lineOf(g));
    y += STEP;
  }
  return { text: lines.map((l) => l.text).join('\n'), confidence: 0.9, width: Math.round(W * k), height: Math.round(H * k), lines };
}
