/** Line and token helpers of the extractor. Pure. */
import { normaliseLetters } from '../../../platform/text/vietnamese';

/** One line of OCR text with its folded twin (same length: character i of one is character i of the other). */
export interface Line {
  index: number;
  text: string;
  fold: string;
  /** Where OCR read the line, when it gave boxes (place.ts): its page (1-based), box (page fractions) and pieces. */
  page?: number;
  bbox?: FracBox;
  /** The line's words (or segments) with their character ranges in `text`. */
  parts?: { start: number; end: number; bbox: FracBox }[];
}

/** A box as fractions 0..1 of its page (x0, y0 top left; x1, y1 bottom right). */
export interface FracBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Folds a string character by character, keeping its length: no diacritics, đ→d, lower case.
 * (Length-keeping lets a match found in the folded text be cut out of the original.)
 */
export function foldSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    let c = ch;
    if (c === 'đ' || c === 'Đ') c = 'd';
    else {
      const base = c.normalize('NFD')[0] ?? c;
      c = base.toLowerCase();
      if (c.length !== 1) c = '?';
    }
    // Characters outside the BMP take two units; keep the length aligned.
    out += ch.length === 2 ? `${c}?` : c;
  }
  return out;
}

/** The characters of OCR text as the extractor reads them: normalised letters, odd spaces as spaces, zero-width joiners dropped. */
export function cleanChars(text: string): string {
  return normaliseLetters(text)
    .replace(/[\u00A0\u2000-\u200B\u202F\u3000]/g, ' ')
    .replace(/[\u200C\u200D\uFEFF]/g, '');
}

export function toLines(text: string): Line[] {
  const norm = cleanChars(text).replace(/\r\n?/g, '\n');
  return norm.split('\n').map((raw, index) => {
    const t = raw.replace(/[ \t]+/g, ' ').trim();
    return { index, text: t, fold: foldSameLength(t) };
  });
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words of a line: runs of letters, digits and the marks inside them (with / . for T/M, V/v). */
export function wordTokens(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(/[\p{L}\p{M}\p{N}]+(?:[/.'’-][\p{L}\p{M}\p{N}]+)*/gu)) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  return out;
}

const hasLetter = (s: string): boolean => /\p{L}/u.test(s);

/** ALL CAPS word (at least one letter, no lower-case letter). */
export const isUpperWord = (s: string): boolean => hasLetter(s) && s === s.toUpperCase() && s !== s.toLowerCase();

/** Title-case word: a capital then only lower-case letters ("Nguyễn", "Thị"). */
export const isTitleWord = (s: string): boolean => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(s);

/** Share of the letters of a string that are capitals. */
export function upperShare(s: string): number {
  let up = 0;
  let all = 0;
  for (const ch of s) {
    if (!/\p{L}/u.test(ch)) continue;
    all++;
    if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) up++;
  }
  return all ? up / all : 0;
}

/** Letters only, folded, single-spaced: "TỜ  TRÌNH:" → "to trinh". */
export const lettersFold = (fold: string): string =>
  fold
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Repairs common OCR slips in digits: O/o → 0, l/I/| → 1 (only inside a run with a real digit). */
export function fixDigitRun(s: string): string {
  return /\d/.test(s) ? s.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1') : s;
}
