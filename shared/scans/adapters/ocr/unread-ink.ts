/**
 * Ink OCR gave no text for, in the header band of a page (issue 14: fail closed on secrecy).
 * A boxed or red MẬT stamp Tesseract could not read leaves no line, but its ink is on the
 * page: the reader must then not say "no mark". Pure: the cleaned page and the lines read
 * from it in, the unread ink's boxes out.
 */
import { inkThreshold, type GrayImage } from './gray';

export interface InkBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Words opening the body: the header band ends at the first line starting with one. */
const BODY_OPENERS = /^(?:kinh gui|can cu|thuc hien|theo de nghi|xet de nghi|trong boi canh)/;
const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/**
 * A line OCR read as print: three words or more (≥ 0.4: a header line read poorly is still print), or two words, or a word of
 * three letters or figures or more ("18/10/2024)"), read surely (≥ 0.85). The pieces OCR makes of a turned stamp ("HỎ",
 * "4 TỐ" at 0.65, "tt, ?" at 0.46) are not: their ink is unread.
 */
export const isPrint = (l: { text: string; confidence?: number }): boolean => {
  const t = l.text.trim();
  const words = t.split(/\s+/).length;
  const c = l.confidence ?? 1;
  return (words >= 3 && c >= 0.4) || (c >= 0.85 && (words >= 2 || (t.match(/[\p{L}\p{N}]/gu) ?? []).length >= 3));
};

/**
 * Boxes of ink in the header band (from the page top to the first body line, at most 45 % of
 * the page, within the text's width) that no OCR line covers: at least a short word's size
 * (about a short capitals word: two line heights wide, most of one tall), so specks and the star under a name do not count.
 */
export function unreadHeaderInk(img: GrayImage, lines: readonly { text: string; confidence?: number; bbox: InkBox }[]): InkBox[] {
  // The band is where all the lines are; only those read as print cover ink.
  const boxes = lines.map((l) => l.bbox).filter((b) => b.x1 > b.x0 && b.y1 > b.y0);
  if (!boxes.length) return [];
  const printed = lines.filter(isPrint).map((l) => l.bbox);
  const heights = boxes.map((b) => b.y1 - b.y0).sort((a, b) => a - b);
  const lineH = Math.max(8, heights[Math.floor(heights.length / 2)]!);
  const body = lines.find((l) => l.bbox.y0 > 0 && BODY_OPENERS.test(fold(l.text.trim())) && /^\p{Lu}/u.test(l.text.trim()));
  const bandEnd = Math.min(body ? body.bbox.y0 - lineH * 0.3 : img.height * 0.45, img.height * 0.45);
  const x0 = Math.max(0, Math.min(...boxes.map((b) => b.x0)));
  const x1 = Math.min(img.width - 1, Math.max(...boxes.map((b) => b.x1)));
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y0)) - lineH);
  if (bandEnd <= top || x1 <= x0) return [];
  const t = inkThreshold(img.data);
  const cell = Math.max(3, Math.round(lineH / 3));
  const gx0 = Math.floor(x0 / cell);
  const gw = Math.floor(x1 / cell) - gx0 + 1;
  const gy0 = Math.floor(top / cell);
  const gh = Math.floor(bandEnd / cell) - gy0;
  if (gw <= 0 || gh <= 0) return [];
  const pad = lineH * 0.25;
  const covered = (x: number, y: number) => printed.some((b) => x >= b.x0 - pad && x <= b.x1 + pad && y >= b.y0 - pad && y <= b.y1 + pad);
  const inked = new Uint8Array(gw * gh);
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      const cx0 = (gx0 + gx) * cell;
      const cy0 = (gy0 + gy) * cell;
      if (covered(cx0 + cell / 2, cy0 + cell / 2)) continue;
      let dark = 0;
      for (let y = cy0; y < Math.min(img.height, cy0 + cell); y++) {
        const row = y * img.width;
        for (let x = cx0; x < Math.min(img.width, cx0 + cell); x++) if (img.data[row + x]! <= t) dark++;
      }
      if (dark >= cell * cell * 0.06) inked[gy * gw + gx] = 1;
    }
  }
  // Groups of inked cells (8-neighbours); a group is ink when it is at least two letters wide.
  const seen = new Uint8Array(gw * gh);
  const out: InkBox[] = [];
  for (let i = 0; i < inked.length; i++) {
    if (!inked[i] || seen[i]) continue;
    const stack = [i];
    seen[i] = 1;
    let minX = gw, minY = gh, maxX = 0, maxY = 0;
    while (stack.length) {
      const k = stack.pop()!;
      const x = k % gw;
      const y = (k - x) / gw;
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const n = ny * gw + nx;
          if (inked[n] && !seen[n]) {
            seen[n] = 1;
            stack.push(n);
          }
        }
      }
    }
    const w = (maxX - minX + 1) * cell;
    const h = (maxY - minY + 1) * cell;
    if (w >= lineH * 2 && h >= lineH * 0.8) out.push({ x0: (gx0 + minX) * cell, y0: (gy0 + minY) * cell, x1: (gx0 + maxX + 1) * cell, y1: (gy0 + maxY + 1) * cell });
  }
  return out;
}


/**
 * The unread ink of `boxes` and around it as a plane like a colour plane (0 paper, 255 ink):
 * a stamp on a greyscale scan (a HỎA TỐC turned on the page, which OCR left unread or read as a
 * piece or two) is searched for and read there as red stamps are on the red plane. Each box is
 * widened by its own width either side and by a third of its height above and below (OCR may
 * have read part of the stamp), leaving out the lines OCR read as print. The grey is stretched
 * between the windows' paper (its 80th percentile) and their darkest ink (2nd).
 */
export function inkPlaneOf(img: GrayImage, boxes: readonly InkBox[], lines: readonly { text: string; confidence?: number; bbox: InkBox }[]): GrayImage {
  const out = new Uint8Array(img.width * img.height);
  const print = lines.filter(isPrint).map((l) => l.bbox);
  const spans = boxes.map((b) => {
    const w = b.x1 - b.x0;
    const h = b.y1 - b.y0;
    return {
      y0: Math.max(0, Math.floor(b.y0 - h / 3)),
      y1: Math.min(img.height, Math.ceil(b.y1 + h / 3)),
      x0: Math.max(0, Math.floor(b.x0 - w)),
      x1: Math.min(img.width, Math.ceil(b.x1 + w)),
    };
  });
  const inPrint = (x: number, y: number) => print.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1);
  const hist = new Float64Array(256);
  let n = 0;
  for (const b of spans) {
    for (let y = b.y0; y < b.y1; y++) {
      for (let x = b.x0; x < b.x1; x++) {
        const v = img.data[y * img.width + x]!;
        hist[v] = hist[v]! + 1;
        n++;
      }
    }
  }
  const at = (p: number): number => {
    let acc = 0;
    for (let v = 0; v < 256; v++) if ((acc += hist[v]!) >= p * n) return v;
    return 255;
  };
  const ink = at(0.02);
  const paper = at(0.8);
  const range = Math.max(1, paper - ink);
  for (const b of spans) {
    for (let y = b.y0; y < b.y1; y++) {
      const row = y * img.width;
      for (let x = b.x0; x < b.x1; x++) {
        if (!inPrint(x, y)) out[row + x] = Math.max(0, Math.min(255, Math.round(((paper - img.data[row + x]!) * 255) / range)));
      }
    }
  }
  return { width: img.width, height: img.height, data: out };
}
