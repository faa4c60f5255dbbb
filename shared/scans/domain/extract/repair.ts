/**
 * Repairs the marks OCR gets wrong on caps header text from a closed vocabulary. Pure.
 *
 * Tesseract reads bold capitals with the right letters but often the wrong marks ("ĐÁNG BỘ
 * TÍNH", "UY BAN KIEM TRA", "KHÔI"). Tên cơ quan and signing blocks are built from a small set
 * of words (domain.md a, b, d: Đảng bộ, Tỉnh ủy, Ban Tổ chức, Văn phòng, Ủy ban Kiểm tra, the
 * provinces, the signers' titles), so a run of caps words whose letters, marks aside, spell
 * one of these phrases is written with the phrase's marks. Words outside the vocabulary (a
 * commune's name) are left as read. A folded key that two phrases share (QUẬN ỦY / QUÂN ỦY)
 * is never repaired.
 */
import { foldDiacritics } from '../../../platform/text/vietnamese';
import { levenshtein } from './fuzzy';
import { isUpperWord } from './lines';

interface PhraseIndex {
  /** Folded words joined by one space → the phrase's words; null when ambiguous. */
  byKey: Map<string, string[] | null>;
  maxWords: number;
}

const WORD = /[\p{L}\p{M}]+/gu;
const words = (s: string): string[] => s.match(WORD) ?? [];
const keyOf = (ws: string[]): string => ws.map((w) => foldDiacritics(w)).join(' ');

/** The kinds of place a body's name ends with, folded ("XÃ TỊNH PHONG", "THỊ XÃ ĐỨC PHỔ"); not "quận", which "CƠ QUAN" spells without its marks. */
const PLACE_KINDS: readonly string[][] = ['tinh', 'thanh pho', 'huyen', 'thi xa', 'xa', 'phuong', 'thi tran', 'dac khu'].map((k) => k.split(' '));

const cache = new WeakMap<readonly string[], PhraseIndex>();

function indexOf(phrases: readonly string[]): PhraseIndex {
  let idx = cache.get(phrases);
  if (idx) return idx;
  const byKey = new Map<string, string[] | null>();
  let maxWords = 1;
  for (const p of phrases) {
    const ws = words(p.normalize('NFC').toUpperCase());
    if (!ws.length) continue;
    maxWords = Math.max(maxWords, ws.length);
    const key = keyOf(ws);
    const prev = byKey.get(key);
    if (prev === undefined) byKey.set(key, ws);
    else if (prev !== null && prev.join(' ') !== ws.join(' ')) byKey.set(key, null);
  }
  idx = { byKey, maxWords };
  cache.set(phrases, idx);
  return idx;
}

/**
 * Rewrites the caps words of `text` that spell a vocabulary phrase (marks aside) with the
 * phrase's marks, longest phrases first; separators and other words are kept.
 */
export function repairCapsPhrases(text: string, phrases: readonly string[]): string {
  const { byKey, maxWords } = indexOf(phrases);
  const toks = [...text.normalize('NFC').matchAll(WORD)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
  const replacement = new Map<number, string>();
  for (let i = 0; i < toks.length; ) {
    let matched = 0;
    // After a place's kind ("XÃ", "PHƯỜNG", "HUYỆN") comes its name: a single word there is the name's
    // ("XÃ TỊNH PHONG" is not "TỈNH"); a province's name is a phrase of two words and still repaired.
    const named = PLACE_KINDS.some((k) => i >= k.length && keyOf(toks.slice(i - k.length, i).map((t) => t.text)) === k.join(' '));
    for (let n = Math.min(maxWords, toks.length - i); n >= (named ? 2 : 1); n--) {
      const span = toks.slice(i, i + n);
      if (!span.every((t) => isUpperWord(t.text))) continue;
      const target = byKey.get(keyOf(span.map((t) => t.text)));
      if (!target) continue;
      target.forEach((w, k) => replacement.set(i + k, w));
      matched = n;
      break;
    }
    i += matched || 1;
  }
  if (!replacement.size) return text.normalize('NFC');
  let out = '';
  let at = 0;
  const src = text.normalize('NFC');
  toks.forEach((t, k) => {
    out += src.slice(at, t.start) + (replacement.get(k) ?? t.text);
    at = t.end;
  });
  return out + src.slice(at);
}

/**
 * A signer's title as printed, from an OCR reading: the title whose letters it spells (marks
 * aside), else one letter away ("HÓ BÍ THƯ" → "PHÓ BÍ THƯ"), else the longest title it ends
 * with ("ỐÁ BÍ THƯ" → "BÍ THƯ", junk from the seal before it). Null when none fits.
 */
export function matchSignerTitle(reading: string, titles: readonly string[]): string | null {
  const ws = words(reading.normalize('NFC'));
  if (!ws.length) return null;
  const folded = keyOf(ws);
  const canon = titles.map((t) => ({ t, f: keyOf(words(t)) }));
  const same = canon.filter((c) => c.f === folded || c.f.replace(/ /g, '') === folded.replace(/ /g, ''));
  // Titles whose letters differ only in their marks ("THỦ TRƯỞNG", "THỨ TRƯỞNG"): the one the marks read name.
  if (same.length > 1) {
    const read = ws.join(' ').toUpperCase();
    return same.map((c) => ({ t: c.t, d: levenshtein(c.t, read) })).sort((a, b) => a.d - b.d)[0]!.t;
  }
  if (same.length) return same[0]!.t;
  if (folded.replace(/ /g, '').length >= 6) {
    const near = canon.map((c) => ({ ...c, d: levenshtein(c.f, folded) })).filter((c) => c.d <= 1);
    if (near.length === 1) return near[0]!.t;
  }
  for (let k = 1; k < ws.length; k++) {
    const tail = keyOf(ws.slice(k));
    const hit = canon.find((c) => c.f === tail);
    if (hit) return hit.t;
  }
  return null;
}

interface TextPhraseIndex {
  /** Folded syllables and their separators ("de b/c") → the phrase's syllables (lower case); null when two phrases fold alike. */
  byKey: Map<string, string[] | null>;
  /** Every phrase as written (lower case, NFC): a reading already spelled as one is left alone. */
  written: Set<string>;
  maxWords: number;
}

const textCache = new WeakMap<readonly string[], TextPhraseIndex>();

function textIndexOf(phrases: readonly string[]): TextPhraseIndex {
  let idx = textCache.get(phrases);
  if (idx) return idx;
  const byKey = new Map<string, string[] | null>();
  const written = new Set<string>();
  let maxWords = 1;
  for (const p of phrases) {
    const lower = p.normalize('NFC').toLowerCase();
    const ws = words(lower);
    if (ws.length < 2) continue;
    maxWords = Math.max(maxWords, ws.length);
    written.add(lower.replace(/\s+/g, ' ').trim());
    const key = foldSpan(lower);
    const prev = byKey.get(key);
    if (prev === undefined) byKey.set(key, ws);
    else if (prev !== null && prev.join(' ') !== ws.join(' ')) byKey.set(key, null);
  }
  idx = { byKey, written, maxWords };
  textCache.set(phrases, idx);
  return idx;
}

/** The folded key of a run of words with what separates them ("phòng,  chống" → "phong, chong"). */
const foldSpan = (s: string): string => foldDiacritics(s).replace(/\s+/g, ' ').trim();

/** A syllable written with another's marks, in the case the reading had ("Tỉnh", "TỈNH", "tỉnh"). */
function inCaseOf(read: string, target: string): string {
  if (read === read.toUpperCase() && read !== read.toLowerCase() && read.length > 1) return target.toUpperCase();
  const first = read[0]!;
  return first !== first.toLowerCase() ? target[0]!.toUpperCase() + target.slice(1) : target;
}

/**
 * Rewrites runs of two or more syllables of running text (a trích yếu, a recipient) that spell
 * one of `phrases` but for their marks with the phrase's marks: Tesseract reads the small marks
 * of a low-resolution or blurred scan wrongly ("tập thế" for "tập thể", "tống kết", "chỉ bộ").
 * Only marks change, never letters; a run already spelled as a listed phrase, and a folded key
 * two phrases share, are left as read; longer phrases win.
 */
export function repairTextPhrases(text: string, phrases: readonly string[]): string {
  const { byKey, written, maxWords } = textIndexOf(phrases);
  const src = text.normalize('NFC');
  const toks = [...src.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
  const replacement = new Map<number, string>();
  for (let i = 0; i < toks.length; ) {
    let matched = 0;
    for (let n = Math.min(maxWords, toks.length - i); n >= 2; n--) {
      const span = toks.slice(i, i + n);
      // A phrase is one run: only spaces and its own marks (", " "/") between its syllables.
      if (span.some((t, k) => k > 0 && !/^[ ,/]{1,3}$/.test(src.slice(span[k - 1]!.end, t.start)))) continue;
      const read = src.slice(span[0]!.start, span[n - 1]!.end).toLowerCase().replace(/\s+/g, ' ');
      const target = byKey.get(foldSpan(read));
      if (!target) continue;
      if (!written.has(read)) target.forEach((w, k) => replacement.set(i + k, inCaseOf(span[k]!.text, w)));
      matched = n;
      break;
    }
    i += matched || 1;
  }
  if (!replacement.size) return src;
  let out = '';
  let at = 0;
  toks.forEach((t, k) => {
    out += src.slice(at, t.start) + (replacement.get(k) ?? t.text);
    at = t.end;
  });
  return out + src.slice(at);
}
