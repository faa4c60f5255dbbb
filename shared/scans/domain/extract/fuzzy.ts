/** Edit distances for OCR-tolerant matching. Pure. */

/** Levenshtein distance between two strings (by UTF-16 unit; callers pass NFC or folded text). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** 1 − distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - levenshtein(a, b) / n;
}

export interface SubstringMatch {
  /** Edits needed to turn `pattern` into text[start, end). */
  distance: number;
  start: number;
  end: number;
}

/**
 * The stretch of `text` closest to `pattern` (approximate substring matching: what comes
 * before and after the stretch is skipped freely). O(|pattern| × |text|) time, O(|text|) memory
 * for the distance plus the start positions.
 */
export function bestSubstringMatch(pattern: string, text: string): SubstringMatch {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return { distance: 0, start: 0, end: 0 };
  if (n === 0) return { distance: m, start: 0, end: 0 };
  // Column DP over the pattern for each text position; D[i] = distance of pattern[0,i) ending at text pos j.
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    prev[i] = i;
    prevStart[i] = 0;
  }
  let best = prev[m]!;
  let bestEnd = 0;
  let bestStart = 0;
  for (let j = 1; j <= n; j++) {
    cur[0] = 0;
    curStart[0] = j;
    const cj = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern.charCodeAt(i - 1) === cj ? 0 : 1);
      const del = cur[i - 1]! + 1; // pattern char not in text
      const ins = prev[i]! + 1; // text char not in pattern
      if (sub <= del && sub <= ins) {
        cur[i] = sub;
        curStart[i] = prevStart[i - 1]!;
      } else if (ins <= del) {
        cur[i] = ins;
        curStart[i] = prevStart[i]!;
      } else {
        cur[i] = del;
        curStart[i] = curStart[i - 1]!;
      }
    }
    if (cur[m]! < best) {
      best = cur[m]!;
      bestEnd = j;
      bestStart = curStart[m]!;
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return { distance: best, start: bestStart, end: bestEnd };
}

/** Character error rate of `reference` against the best-matching stretch of `hypothesis`. */
export function substringCer(reference: string, hypothesis: string): number {
  if (!reference.length) return 0;
  return bestSubstringMatch(reference, hypothesis).distance / reference.length;
}
