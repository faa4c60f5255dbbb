/**
 * Reading the handwritten gaps of a page (issue 14, point 4): the extractor's `handwritingSpots`
 * says where the văn thư wrote the number and the day (from print OCR's words); the digit
 * recogniser reads each spot's crop, on the blue-ink plane when the page has one (handwriting
 * in blue, print in black), else on the grey. Marks that are not the handwritten digits are
 * dropped: the printed tail's first character at the right edge, pieces of the lines above
 * and below at the top and bottom edges.
 */
import { handwritingSpots, type HandReading, type HandSpot } from '../../domain/extract/handwriting';
import type { LayoutLine } from '../../domain/extract/layout';
import type { GrayImage } from './image';
import { binarise, components } from './digits/segment';

/** One digit as the recogniser gives it, its box in the crop's pixels. */
export interface ReadDigit {
  char: string;
  p: number;
  second?: { char: string; p: number };
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** The recogniser: a crop (dark ink on light paper; `ink`, a same-size plane of coloured ink, when the page has one) in, digits out. */
/** A piece of ink the recogniser took for no digit: where, and its likeliest digit all the same (among the ten digits). */
export type RejectedPiece = ReadDigit['bbox'] & { digit?: { char: string; p: number } };

export type DigitReader = (crop: GrayImage, opts?: { ink?: GrayImage }) => Promise<{ digits: ReadDigit[]; rejected?: number; rejectedAt?: RejectedPiece[] }>;

/** The part of an image inside a box (clamped to the image). */
export function cropGray(img: GrayImage, b: { x0: number; y0: number; x1: number; y1: number }): GrayImage {
  const x0 = Math.max(0, Math.min(img.width, Math.floor(b.x0)));
  const x1 = Math.max(x0, Math.min(img.width, Math.ceil(b.x1)));
  const y0 = Math.max(0, Math.min(img.height, Math.floor(b.y0)));
  const y1 = Math.max(y0, Math.min(img.height, Math.ceil(b.y1)));
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(img.data.subarray((y + y0) * img.width + x0, (y + y0) * img.width + x1), y * width);
  return { width, height, data };
}

/** The share of a plane's pixels that are clearly ink. */
const inkShare = (plane: GrayImage): number => {
  let n = 0;
  for (let i = 0; i < plane.data.length; i++) if (plane.data[i]! >= 96) n++;
  return plane.data.length ? n / plane.data.length : 0;
};

/** How sure the recogniser must be of a digit cut by the gap's start to keep it with only a third of it inside. */
const SURE_OVER_PRINT_P = 0.95;

/** Keeps the digits that sit in the gap: left of the printed part, centred on the line's height band. */
export function digitsInGap<T extends { bbox: ReadDigit['bbox']; p?: number }>(spot: HandSpot, digits: T[]): T[] {
  const w = spot.bbox.x1 - spot.bbox.x0;
  const h = spot.bbox.y1 - spot.bbox.y0;
  const printedAt = spot.printedFrom - spot.bbox.x0;
  return digits.filter((d) => {
    const cy = (d.bbox.y0 + d.bbox.y1) / 2;
    if (cy < h * 0.18 || cy > h * 0.85) return false;
    // Left of the gap is the print before it ("Số:", "ngày"): a digit cut by the gap's start still has its
    // middle inside, or a third of it when the recogniser is sure of it (a first digit written over the colon).
    const inside = d.bbox.x1 / Math.max(1, d.bbox.x1 - d.bbox.x0);
    if (inside < ((d.p ?? 0) >= SURE_OVER_PRINT_P ? 1 / 3 : 0.5)) return false;
    // The printed tail's first character ("/", "-", a "t" of "tháng") starts near printedFrom, an estimate
    // from the printed characters' width (half a character either way): a slash there reads as a 1.
    if (d.bbox.x0 >= Math.min(w, printedAt) - spot.charWidth * 0.6) return false;
    return true;
  });
}

/**
 * The crop read for a spot: the gap, a printed character's width past its right end and a bit
 * more than half one before its start. The gap's ends are estimates from the printed
 * characters' width, and a handwritten digit often runs past them (the "0" of a "20" written up
 * to "tháng", the "0" of "05" written close to "ngày"); cut there, the digit reads as another
 * ("6", "7"). What lies outside the gap is dropped after reading (`digitsInGap`).
 */
export function spotCrop(spot: HandSpot, pageWidth: number): HandSpot['bbox'] {
  return { ...spot.bbox, x0: Math.max(0, Math.round(spot.bbox.x0 - spot.charWidth * 0.6)), x1: Math.min(pageWidth, Math.round(spot.bbox.x1 + spot.charWidth)) };
}

/**
 * The crop without the ink of its margin before the gap that does not reach into the gap: the
 * print before it (the colon of "Số:", the "y" of "ngày"), which the recogniser would otherwise
 * join to the first handwritten digit. A digit the gap's start cuts reaches into it and stays.
 */
export function clearBeforeGap(crop: GrayImage, margin: number, ink?: GrayImage): { crop: GrayImage; ink?: GrayImage } {
  if (margin <= 0) return { crop, ...(ink ? { ink } : {}) };
  const before = components(binarise(crop, ink)).filter((c) => c.x1 <= margin);
  if (!before.length) return { crop, ...(ink ? { ink } : {}) };
  const data = new Uint8Array(crop.data);
  const inkData = ink ? new Uint8Array(ink.data) : undefined;
  for (const c of before) {
    for (const p of c.pixels) {
      data[p] = 255;
      if (inkData) inkData[p] = 0;
    }
  }
  return { crop: { ...crop, data }, ...(ink && inkData ? { ink: { ...ink, data: inkData } } : {}) };
}

/** The page's handwriting readings: each spot's crop read by `read`. A spot the recogniser fails on gives an empty reading. */
export async function readHandwriting(
  page: { gray: GrayImage; blue?: GrayImage; lines: LayoutLine[]; width: number; height: number },
  read: DigitReader,
): Promise<HandReading[]> {
  const out: HandReading[] = [];
  for (const spot of handwritingSpots(page)) {
    const area = spotCrop(spot, page.gray.width);
    const crop = cropGray(page.gray, area);
    if (!crop.width || !crop.height) continue;
    // Handwriting in blue is read on the blue plane; black handwriting on a colour page on the grey.
    const blue = page.blue ? cropGray(page.blue, area) : undefined;
    const ink = blue && inkShare(blue) >= 0.005 ? blue : undefined;
    let reading = await readSpot(spot, area, crop, ink, read);
    // A dark pen with a tint of blue shows on the blue plane weak and broken: what the plane left unread
    // (a mark in the gap, or nothing), the grey may read whole. Its reading is taken only when it leaves
    // nothing unread in the gap (print and stamps on the grey leave marks there).
    if (ink && (reading.rejected || !reading.text)) {
      const grey = await readSpot(spot, area, crop, undefined, read);
      if (grey.text && !grey.rejected) reading = grey;
    }
    out.push(reading);
  }
  return out;
}

/** A spot's reading on one plane: the `ink` plane when given, else the grey crop. */
async function readSpot(spot: HandSpot, area: HandSpot['bbox'], crop: GrayImage, ink: GrayImage | undefined, read: DigitReader): Promise<HandReading> {
  // In the gap's own coordinates (the crop starts left of it).
  const dx = spot.bbox.x0 - area.x0;
  const clear = clearBeforeGap(crop, dx, ink);
  const raw = await read(clear.crop, clear.ink ? { ink: clear.ink } : undefined);
  const shift = (b: ReadDigit['bbox']): ReadDigit['bbox'] => ({ x0: b.x0 - dx, y0: b.y0, x1: b.x1 - dx, y1: b.y1 });
  // Only what the recogniser could not read inside the gap casts doubt: past it is print.
  const marks = digitsInGap(spot, (raw.rejectedAt ?? []).map(({ digit, ...b }) => ({ bbox: shift(b), ...(digit ? { digit } : {}) })));
  const rejected = raw.rejectedAt ? marks.length : (raw.rejected ?? 0);
  const kept = withMarksAsDigits(digitsInGap(spot, raw.digits.map((d) => ({ ...d, bbox: shift(d.bbox) }))), marks);
  const box = kept.length
    ? {
        x0: spot.bbox.x0 + Math.min(...kept.map((d) => d.bbox.x0)),
        y0: spot.bbox.y0 + Math.min(...kept.map((d) => d.bbox.y0)),
        x1: spot.bbox.x0 + Math.max(...kept.map((d) => d.bbox.x1)),
        y1: spot.bbox.y0 + Math.max(...kept.map((d) => d.bbox.y1)),
      }
    : spot.bbox;
  return {
    kind: spot.kind,
    text: kept.map((d) => d.char).join(''),
    confidence: kept.length ? Math.min(...kept.map((d) => d.p)) : 0,
    digits: kept.map((d) => ({ char: d.char, p: d.p, ...(d.second ? { second: d.second } : {}) })),
    bbox: box,
    ...(rejected ? { rejected } : {}),
  };
}

/** How sure the model must be of a mark's likeliest digit, among the ten digits only, to take the mark for it. */
export const MARK_DIGIT_MIN_P = 0.45;
/** A mark down to this share of the tallest digit is taken when it stands on their line and is likeliest a digit at SMALL_MARK_MIN_P. */
export const SMALL_MARK_SHARE = 0.45;
export const SMALL_MARK_MIN_P = 0.95;

/**
 * The digits read in a gap, with the marks the model took for no digit (or the recogniser set
 * aside as too short beside the others) that stand among them as digits do: as tall as the
 * digits read (three quarters of the tallest, at most half as wide again as the widest) and
 * likeliest, among the digits, to be one at `MARK_DIGIT_MIN_P`; or a small digit written beside
 * tall ones (the "0" of a "60", the "5" of a "905": down to `SMALL_MARK_SHARE` of the tallest),
 * standing on their line and a digit at `SMALL_MARK_MIN_P` (a dot, an accent or a speck of the
 * line above is not on the line, or not that sure). Inside
 * the văn thư's gap such a mark is a digit the model has not learnt to read (the looped "2" of
 * a Vietnamese hand, a flat-topped "3"); it is taken for its likeliest digit at that probability,
 * and the reading keeps its doubt (it still counts the mark: `rejected`).
 */
export function withMarksAsDigits(digits: ReadDigit[], marks: { bbox: ReadDigit['bbox']; digit?: RejectedPiece['digit'] }[]): ReadDigit[] {
  if (!digits.length) return digits;
  const tallest = Math.max(...digits.map((d) => d.bbox.y1 - d.bbox.y0));
  const widest = Math.max(...digits.map((d) => d.bbox.x1 - d.bbox.x0));
  const line = Math.max(...digits.map((d) => d.bbox.y1));
  const standsAmong = (m: (typeof marks)[number]) => {
    const h = m.bbox.y1 - m.bbox.y0;
    if (m.bbox.x1 - m.bbox.x0 > 1.5 * widest) return false;
    if (h >= 0.75 * tallest) return true;
    return h >= SMALL_MARK_SHARE * tallest && m.digit!.p >= SMALL_MARK_MIN_P && Math.abs(m.bbox.y1 - line) <= 0.2 * tallest;
  };
  const taken = marks
    .filter((m) => m.digit && m.digit.p >= MARK_DIGIT_MIN_P && standsAmong(m))
    .map((m) => ({ char: m.digit!.char, p: m.digit!.p, bbox: m.bbox }));
  return taken.length ? [...digits, ...taken].sort((a, b) => a.bbox.x0 - b.bbox.x0) : digits;
}
