/**
 * Vietnamese text forms. Pure.
 *
 * - NFC: the one Unicode form stored and compared (NFD input, e.g. from macOS or some OCR, is composed).
 * - Tone placement: on an open "oa", "oe", "uy" the traditional style puts the tone on the
 *   first vowel (hòa, khỏe, ủy, thúy), the newer one (1980s school rules) on the second (hoà,
 *   khoẻ, uỷ, thuý). Both are in use, often in one document; `normaliseTonePlacement` writes
 *   the traditional form, the one Party documents (and this project's data) mostly use. With a final consonant or glide the tone is
 *   on the second vowel in both styles (hoàn, thuyết, ngoài) and nothing moves; "qu" + y
 *   (quý) is u-consonant + y and nothing moves either.
 * - Fold: no diacritics, đ→d, lower case (what a user types without a Vietnamese keyboard).
 * - Tokens: syllables (runs of letters and digits).
 */

/** Combining tone marks (NFD): grave, acute, tilde, hook above, dot below. */
const TONES = '\u0300\u0301\u0303\u0309\u0323';
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/;

export const nfc = (s: string): string => s.normalize('NFC');

/** Letters OCR and fonts use for Đ/đ that are not Vietnamese đ. */
const D_LOOKALIKES: Record<string, string> = { '\u00D0': 'Đ', '\u0189': 'Đ', '\u00F0': 'đ', '\u0256': 'đ' };

/** NFC, with the look-alikes of Đ/đ (Ð U+00D0, Ɖ U+0189, ð, ɖ) read as Đ/đ. */
export function normaliseLetters(s: string): string {
  return s.normalize('NFC').replace(/[\u00D0\u0189\u00F0\u0256]/g, (c) => D_LOOKALIKES[c] ?? c);
}

// One syllable in NFD: onset consonants, then o|u (with no mark of its own but perhaps the
// tone), then a|e|y (perhaps the tone), then the end of the syllable.
const OPEN_GLIDE = new RegExp(`^([^aeiouyAEIOUY]*)([oOuU])([${TONES}]?)([aAeEyY])([${TONES}]?)$`);

function moveToneInSyllable(syl: string): string {
  const d = syl.normalize('NFD');
  const m = OPEN_GLIDE.exec(d);
  if (!m) return syl;
  const [, onset, v1, t1, v2, t2] = m as unknown as [string, string, string, string, string, string];
  if (!t2 || t1) return syl; // tone already on the first vowel, or no tone
  const pair = (v1 + v2).toLowerCase();
  if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return syl;
  // "qu" + y/a/e: the u belongs to the onset (quý, quả, què); leave it.
  if (v1.toLowerCase() === 'u' && /q$/i.test(onset)) return syl;
  if (v1.toLowerCase() === 'o' && /q$/i.test(onset)) return syl;
  return (onset + v1 + t2 + v2).normalize('NFC');
}

/**
 * Writes every syllable's tone in the traditional place (hoà→hòa, khoẻ→khỏe, uỷ→ủy, thuý→thúy),
 * keeping everything else; the result is NFC.
 */
export function normaliseTonePlacement(s: string): string {
  return normaliseLetters(s).replace(/\p{L}+/gu, (w) => (TONE_RE.test(w.normalize('NFD')) ? moveToneInSyllable(w) : w));
}

/** Without diacritics, đ→d, lower case: "Tỉnh ủy Hà Tĩnh" → "tinh uy ha tinh". */
export function foldDiacritics(s: string): string {
  return normaliseLetters(s)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** Without diacritics but keeping case and đ→d (for matching against upper-case headers). */
export function stripDiacritics(s: string): string {
  return normaliseLetters(s)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** True when the text carries no Vietnamese diacritic at all (typed or OCR'd without them). */
export function hasNoDiacritics(s: string): boolean {
  return !/[\u0300-\u036f]|[đĐ]/.test(normaliseLetters(s).normalize('NFD'));
}

export interface TokenOptions {
  /** Fold each token (no diacritics); default false: NFC, one tone placement, lower case. */
  fold?: boolean;
}

/** The syllables of a text: runs of letters and digits, lower case, tones normalised. */
export function tokens(s: string, opts: TokenOptions = {}): string[] {
  const norm = normaliseTonePlacement(s).toLowerCase();
  const out = norm.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return opts.fold ? out.map(foldDiacritics) : out;
}

/** The canonical comparable form of a phrase: NFC, one tone placement, lower case, single spaces. */
export function normalisePhrase(s: string): string {
  return normaliseTonePlacement(s).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Equal after NFC, tone placement and case ("Hoà Bình" = "hòa bình"); `fold` also ignores diacritics. */
export function sameVietnamese(a: string, b: string, opts: { fold?: boolean } = {}): boolean {
  if (opts.fold) return tokens(a, { fold: true }).join(' ') === tokens(b, { fold: true }).join(' ');
  return tokens(a).join(' ') === tokens(b).join(' ');
}
