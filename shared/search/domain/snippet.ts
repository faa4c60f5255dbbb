/** The snippet of a search hit: the stretch of its subject or text around the first query word found. */
import { foldDiacritics } from '../../platform/text/vietnamese';

/** Folds a text one character at a time, so positions in the folded text are positions in the original. */
function foldSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = foldDiacritics(ch);
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The snippet: from the first of `texts` where a query word occurs as a whole syllable, about
 * `max` characters around it; else the start of the first text.
 */
export function snippetOf(texts: readonly (string | null | undefined)[], words: readonly string[], max = 200): string {
  const sources = texts.filter((t): t is string => !!t).map((t) => collapse(t.normalize('NFC')));
  for (const text of sources) {
    const folded = foldSameLength(text);
    let at = -1;
    for (const w of words) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
      const m = re.exec(folded);
      if (m && (at < 0 || m.index < at)) at = m.index;
    }
    if (at < 0) continue;
    if (text.length <= max) return text;
    let start = Math.max(0, at - Math.floor(max / 3));
    let end = Math.min(text.length, start + max);
    start = Math.max(0, end - max);
    // Cut at blanks, not inside a syllable.
    if (start > 0) start = text.indexOf(' ', start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(' ', end) > at ? text.lastIndexOf(' ', end) : end;
    return `${start > 0 ? '… ' : ''}${text.slice(start, end)}${end < text.length ? ' …' : ''}`;
  }
  const first = sources[0] ?? '';
  return first.length <= max ? first : `${first.slice(0, first.lastIndexOf(' ', max) > 0 ? first.lastIndexOf(' ', max) : max)} …`;
}
