/**
 * The footer: signing capacity (T/M, K/T, T/L…, inferred under a seal when hidden), the
 * signer's title and name, and nơi nhận (the recipients' items, the signing block merged
 * onto them cut away).
 */
import { foldDiacritics, stripDiacritics } from '../../../platform/text/vietnamese';
import { levenshtein } from './fuzzy';
import { matchSignerTitle } from './repair';
import { isTitleWord, isUpperWord, lettersFold, wordTokens, type Line } from './lines';
import { COLLECTIVE_SIGNERS, OFFICE_HEAD_TITLES, SIGNER_TITLES, SIGNING_CAPACITIES, type ExtractVocabulary } from './vocabulary';
import { markedShare } from './spelling';

// --- chữ ký, nơi nhận -----------------------------------------------------------------------------

export interface FooterHits {
  /** `lines`: where each was read; `start`: where on its (last) line, when it shares the line with the other column. */
  capacity: { value: string; confidence: number; lines: number[]; start?: number } | null;
  title: { value: string; confidence: number; lines: number[]; start?: number } | null;
  name: { value: string; confidence: number; lines: number[] } | null;
  recipients: { value: string[]; confidence: number; lines: number[] } | null;
}

/** The trailing run of ALL-CAPS words of a string (the right column merged onto a line). */
function trailingUpperRun(s: string): { text: string; start: number } | null {
  const toks = wordTokens(s);
  let i = toks.length - 1;
  // Skip one or two junk tokens (single letters, stray marks) at the very end.
  while (i >= 0 && toks[i]!.text.length <= 1 && !isUpperWord(toks[i]!.text)) i--;
  let j = i;
  while (j >= 0 && isUpperWord(toks[j]!.text) && !/\d/.test(toks[j]!.text)) j--;
  if (j === i) return null;
  const first = toks[j + 1]!;
  const last = toks[i]!;
  return { text: s.slice(first.start, last.end), start: first.start };
}

function capacityOn(l: Line): { printed: string; words: string; start: number } | null {
  const toks = wordTokens(l.text);
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    // "TM." / "KT." (State style): the dot is outside the word token.
    const f = foldDiacritics(t.text) + (l.text[t.end] === '.' ? '.' : '');
    let printed: string | null = null;
    let next = k + 1;
    for (const c of SIGNING_CAPACITIES) {
      if (c.pattern.test(f)) {
        printed = c.printed;
        break;
      }
    }
    // "T / M" read as three tokens.
    if (!printed && k + 1 < toks.length && /^[tk]$/.test(f)) {
      const joined = `${f}/${foldDiacritics(toks[k + 1]!.text)}`;
      for (const c of SIGNING_CAPACITIES) {
        if (c.pattern.test(joined)) {
          printed = c.printed;
          next = k + 2;
          break;
        }
      }
    }
    if (!printed) continue;
    if (!/^[TKtk]/.test(t.text) || !isUpperWord(t.text.replace(/[^\p{L}]/gu, '') || 'x')) continue;
    const words: string[] = [];
    let end = -1;
    for (let j = next; j < toks.length; j++) {
      if (!isUpperWord(toks[j]!.text) || /\d/.test(toks[j]!.text)) break;
      words.push(toks[j]!.text);
      end = toks[j]!.end;
    }
    if (!words.length) continue;
    return { printed, words: l.text.slice(toks[next]!.start, end), start: t.start };
  }
  return null;
}

function titleWordsMatch(folded: string, vocab: ExtractVocabulary): number {
  let best = 0;
  const squashed = folded.replace(/ /g, '');
  for (const w of vocab.titleWords) {
    // OCR drops the space in "BÍTHƯ": compare without spaces too.
    if (folded === w || squashed === w.replace(/ /g, '')) best = Math.max(best, 1);
    else if (folded.endsWith(` ${w}`) || folded.startsWith(`${w} `)) best = Math.max(best, 0.7);
  }
  return best;
}

/** Puts back the spaces OCR dropped in a known title ("BÍTHƯ" → "BÍ THƯ"). */
function respaceTitle(title: string, vocab: ExtractVocabulary): string {
  const letters = [...title].filter((c) => /[\p{L}\p{M}]/u.test(c));
  const folded = foldDiacritics(letters.join(''));
  for (const w of vocab.titleWords) {
    if (w.replace(/ /g, '') !== folded || lettersFold(foldDiacritics(title)) === w) continue;
    let out = '';
    let k = 0;
    for (const part of w.split(' ')) {
      out += (out ? ' ' : '') + letters.slice(k, k + part.length).join('');
      k += part.length;
    }
    return out;
  }
  return title;
}

/** A token that is no word of a recipient: marks, letters mixed with digits (s3, J8), a lone letter. */
const junkToken = (t: string): boolean =>
  /[^\p{L}\p{M}\p{N}()/,.;:'’"“”-]/u.test(t) || (/\p{L}/u.test(t) && /\d/.test(t) && !/^\d+[/-]\d+/.test(t)) || (/^\p{L}$/u.test(t) && !/^[A-ZĐ]$/.test(t));

/** Drops junk tokens (seal and signature remnants read as text) from the end of a recipient. */
function trimJunkTail(s: string): string {
  let out = s.trim();
  for (let guard = 0; guard < 8; guard++) {
    const m = /\s+(\S+)$/.exec(out);
    if (!m) break;
    const tok = m[1]!.replace(/[,;.:]+$/, '');
    if (tok && !junkToken(tok) && /[\p{L}\p{N}]/u.test(tok)) break;
    out = out.slice(0, m.index).trim();
  }
  return out;
}

function nameOn(l: Line, vocab: ExtractVocabulary): { value: string; score: number } | null {
  if (!l.text) return null;
  let text = l.text;
  let merged = false;
  if (/^[-–—•+~_]/.test(text)) {
    // A recipient line with the name merged after it ("- Văn phòng Tỉnh ủy,   Vũ Hữu Việt").
    const m = /^.*[,;.]\s+(?=\S)/.exec(text);
    if (!m) return null;
    text = text.slice(m[0].length);
    merged = true;
  }
  const toks = wordTokens(text);
  let i = toks.length - 1;
  // Junk after the name (seal or signature remnants): short tokens that are not title case.
  let skipped = 0;
  while (i >= 0 && !isTitleWord(toks[i]!.text) && skipped < 2 && toks[i]!.text.length <= 3) {
    i--;
    skipped++;
  }
  let j = i;
  while (j >= 0 && isTitleWord(toks[j]!.text)) j--;
  const run = toks.slice(j + 1, i + 1);
  if (run.length < 2 || run.length > 6) return null;
  // Not a name when more text sits before the run on the line (a sentence), except junk.
  const before = text.slice(0, run[0]!.start).replace(/[^\p{L}]/gu, '');
  if (before.length > 3) return null;
  const fam = vocab.familyNames.includes(foldDiacritics(run[0]!.text));
  if (merged && !fam) return null;
  let score = fam ? 2 : 1;
  if (run.length >= 3 && run.length <= 4) score += 0.5;
  score -= skipped * 0.3 + (merged ? 0.2 : 0);
  return { value: text.slice(run[0]!.start, run[run.length - 1]!.end), score };
}

export function findFooter(lines: Line[], vocab: ExtractVocabulary, bodyFrom: number): FooterHits {
  const out: FooterHits = { capacity: null, title: null, name: null, recipients: null };
  // "Nơi nhận:" (OCR: "Noi nhan", "Nơi nhân").
  let noiNhan = -1;
  let noiNhanEnd = 0;
  for (let i = lines.length - 1; i >= bodyFrom; i--) {
    // "Nơi nhận:" (OCR: "Noi nhan", "Nơi nhân", "N “nhận:" with the first word garbled).
    const m = /(?:^|\s)n[o0]i\s*nh[a-z]{1,2}n\s*[:;.]?/.exec(lines[i]!.fold) ?? /^.{0,6}?(?<![a-z])nh[a-z]{1,2}n\s*:/.exec(lines[i]!.fold);
    if (m && m.index <= 3) {
      noiNhan = i;
      noiNhanEnd = m.index + m[0].length;
      break;
    }
  }
  // Signing capacity in the footer (after the body), usually right of "Nơi nhận".
  const footFrom = Math.max(bodyFrom, noiNhan >= 0 ? noiNhan - 3 : lines.length - 25);
  let capLine = -1;
  for (let i = footFrom; i < lines.length; i++) {
    const c = capacityOn(lines[i]!);
    if (c) {
      out.capacity = { value: `${c.printed} ${c.words}`, confidence: 0.9, lines: [i], start: c.start };
      capLine = i;
      break;
    }
  }
  // Signer's title: the caps run on the line after the capacity, else a known title in the footer.
  let titleLine = -1;
  const titleFrom = capLine >= 0 ? capLine + 1 : Math.max(bodyFrom, noiNhan >= 0 ? noiNhan - 3 : lines.length - 20);
  for (let i = titleFrom; i < Math.min(lines.length, titleFrom + (capLine >= 0 ? 3 : 30)); i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    // The chức vụ sits between the capacity and the name: after the name the signing block has ended.
    if (capLine >= 0 && (nameOn(l, vocab)?.score ?? 0) >= 2) break;
    const run = trailingUpperRun(l.text.replace(/[\s:;.,|!]+$/, ''));
    if (!run) continue;
    const f = lettersFold(foldDiacritics(run.text));
    const known = titleWordsMatch(f, vocab);
    if (capLine < 0 && !known) continue;
    // A collective whose name ends in a title's words ("ĐOÀN CHỦ TỊCH") left alone by a seal over its "T/M" is no chức vụ.
    if (capLine < 0 && known < 1 && (vocab.collectiveSigners ?? COLLECTIVE_SIGNERS).includes(f)) continue;
    if (f.split(' ').length < 1 || run.text.replace(/[^\p{L}]/gu, '').length < 3) continue;
    if (/^noi nhan/.test(f)) continue;
    // Sure only of a title read whole; one that merely ends in a title's words may be something else.
    out.title = { value: respaceTitle(run.text, vocab), confidence: known >= 1 ? 0.9 : 0.7, lines: [i], start: run.start };
    titleLine = i;
    break;
  }
  // A seal over "T/M" or "K/T" leaves the collective's name alone above the title ("BAN THƯỜNG VỤ"):
  // collectives sign T/M, the office head for the standing board T/L (36-HD). Inferred, so less sure.
  if (!out.capacity && titleLine > footFrom) {
    const titleFold = out.title ? lettersFold(foldDiacritics(out.title.value)) : '';
    for (let i = titleLine - 1; i >= Math.max(footFrom, titleLine - 3) && !out.capacity; i--) {
      const run = trailingUpperRun(lines[i]!.text.replace(/[\s:;.,|!]+$/, ''));
      if (!run) continue;
      const toks = wordTokens(run.text);
      // Remnants of the hidden "T/M" before the name: one or two short tokens.
      for (let skip = 0; skip <= Math.min(2, toks.length - 1) && !out.capacity; skip++) {
        if (skip && toks[skip - 1]!.text.replace(/[^\p{L}]/gu, '').length > 2) break;
        const body = run.text.slice(toks[skip]!.start);
        if (!(vocab.collectiveSigners ?? COLLECTIVE_SIGNERS).includes(lettersFold(foldDiacritics(body)))) continue;
        const onBehalf = OFFICE_HEAD_TITLES.includes(titleFold) ? 'T/L' : 'T/M';
        out.capacity = { value: `${onBehalf} ${body}`, confidence: 0.55, lines: [i] };
      }
    }
  }
  // A seal over "K/T" (and often over "PHÓ") leaves the head's title above the deputy's: "TRƯỞNG BAN"
  // then "TRƯỞNG BAN", "HÓ TRƯỞNG BAN" or "PHÓ TRƯỞNG BAN". A deputy signs K/T for the head (36-HD).
  // Inferred, so less sure.
  if (!out.capacity && out.title && titleLine >= 0) {
    const marked = markedShare(lines.slice(titleLine).map((l) => l.text).join(' ')) >= 0.05;
    const canon = matchSignerTitle(out.title.value, vocab.signerTitles ?? SIGNER_TITLES) ?? out.title.value;
    const head = marked ? canon : stripDiacritics(canon);
    const headKey = lettersFold(foldDiacritics(head)).replace(/ /g, '');
    for (let i = titleLine + 1; i < Math.min(lines.length, titleLine + 3) && headKey.length >= 4; i++) {
      const run = trailingUpperRun(lines[i]!.text.replace(/[\s:;.,|!]+$/, ''));
      if (!run) continue;
      const key = lettersFold(foldDiacritics(run.text)).replace(/ /g, '');
      if (!key.endsWith(headKey)) continue;
      const extra = key.slice(0, key.length - headKey.length);
      if (extra && levenshtein(extra, 'pho') > 1) continue;
      out.capacity = { value: `K/T ${head}`, confidence: 0.55, lines: [titleLine, i] };
      out.title = { value: `${marked ? 'PHÓ' : 'PHO'} ${head}`, confidence: 0.55, lines: [i] };
      titleLine = i;
      break;
    }
  }
  // A seal over "TL." (or "T/L", "T/UQ") leaves the head's title above the signer's ("CHỦ TỊCH" / "CHÁNH VĂN PHÒNG"):
  // the chức vụ is the title right above the name; the office head signs for the head (T/L). Inferred, so less sure.
  if (!out.capacity && out.title && titleLine >= 0) {
    for (let i = titleLine + 1; i < Math.min(lines.length, titleLine + 3); i++) {
      const l = lines[i]!;
      if (!l.text) continue;
      if ((nameOn(l, vocab)?.score ?? 0) >= 2) break;
      const run = trailingUpperRun(l.text.replace(/[\s:;.,|!]+$/, ''));
      const f = run ? lettersFold(foldDiacritics(run.text)) : '';
      if (!run || !titleWordsMatch(f, vocab)) continue;
      const head = out.title.value;
      out.title = { value: respaceTitle(run.text, vocab), confidence: 0.7, lines: [i], start: run.start };
      if (OFFICE_HEAD_TITLES.includes(f)) out.capacity = { value: `T/L ${head}`, confidence: 0.55, lines: [titleLine] };
      titleLine = i;
    }
  }
  // Name: a title-case run of 2–6 words below the title (from the bottom up, family names first).
  const nameFrom = titleLine >= 0 ? titleLine + 1 : capLine >= 0 ? capLine + 1 : Math.max(bodyFrom, lines.length - 12);
  let bestName: { value: string; score: number; line: number } | null = null;
  for (let i = nameFrom; i < lines.length; i++) {
    const n = nameOn(lines[i]!, vocab);
    if (n && (!bestName || n.score > bestName.score)) bestName = { ...n, line: i };
  }
  if (bestName) out.name = { value: bestName.value, confidence: bestName.score >= 2 ? 0.85 : 0.6, lines: [bestName.line] };

  // Recipients: the "- …" items after "Nơi nhận:".
  if (noiNhan >= 0) {
    const items: string[] = [];
    const from: number[] = [];
    let open = false; // the last item has not ended (no , ; . yet): a wrapped line continues it
    for (let i = noiNhan + 1; i < lines.length; i++) {
      const l = lines[i]!;
      if (!l.text) continue;
      if (bestName && i === bestName.line && !/^[-–—•+~]/.test(l.text)) break;
      const dash = /^[-–—•+~*·]\s*/.exec(l.text);
      let body: string;
      if (dash) body = l.text.slice(dash[0].length);
      else if (open) body = l.text;
      else if (i === noiNhan + 1 && /^\p{L}/u.test(l.text) && !isUpperWord(wordTokens(l.text)[0]?.text ?? '')) body = l.text; // dash lost
      else continue;
      body = stripMergedRight(body, out, vocab);
      // The archive item ("Lưu …") is the last: it ends at its full stop, whatever follows.
      const archiveEnd = /^(l[uư]u\b[^.]*\.)/iu.exec(body);
      if (archiveEnd && /^luu\b/.test(foldDiacritics(body))) body = archiveEnd[1]!;
      const endsWithStop = /[,;.]\s*$/.test(body);
      body = trimJunkTail(body);
      if (endsWithStop && !/[,;.]\s*$/.test(body)) body += ',';
      if (!body) continue;
      const ended = /[,;.]\s*$/.test(body);
      let clean = body.replace(/[\s,;.:]+$/u, '').trim();
      // "(để b/c" whose ")" the seal or a speck took: close a short trailing parenthesis.
      if (ended && /\([^()]{1,12}$/u.test(clean)) clean += ')';
      if (!clean) continue;
      if (dash || !open) items.push(clean);
      else items[items.length - 1] = `${items[items.length - 1]} ${clean}`;
      from.push(i);
      open = !ended;
      if (/\.\s*$/.test(body) && /^luu\b/.test(foldDiacritics(items[items.length - 1]!))) break;
    }
    // The text on the "Nơi nhận:" line itself is the right column (capacity), not an item.
    void noiNhanEnd;
    if (items.length) out.recipients = { value: items, confidence: 0.8, lines: from };
  }
  return out;
}

/** Removes the signing block's text merged onto a recipient line ("- Như trên, PHÓ CHỦ NHIỆM"). */
function stripMergedRight(body: string, footer: FooterHits, vocab: ExtractVocabulary): string {
  let s = body.replace(/\s+[|!]+(?=\s|$)/g, ' ').trim();
  const archive = /^luu\b/.test(foldDiacritics(s));
  // 1. A trailing run of capitals: the capacity or title of the right column.
  const run = trailingUpperRun(s.replace(/[\s:;.,|!]+$/, ''));
  if (run && run.start > 0) {
    const f = lettersFold(foldDiacritics(run.text));
    const signing =
      titleWordsMatch(f, vocab) > 0 ||
      (footer.title && f === lettersFold(foldDiacritics(footer.title.value))) ||
      (footer.capacity && f === lettersFold(foldDiacritics(footer.capacity.value))) ||
      SIGNING_CAPACITIES.some((c) => c.pattern.test(foldDiacritics(wordTokens(run.text)[0]?.text ?? '')));
    const words = wordTokens(run.text).length;
    if (signing || (!archive && words >= 2 && run.text.replace(/[^\p{L}]/gu, '').length >= 4)) s = s.slice(0, run.start).trim();
  }
  // 2. After the item's own punctuation: junk, or the signer's name.
  const m = /^(.*[,;.])\s+(.+)$/.exec(s);
  if (m) {
    const tail = m[2]!;
    const toks = wordTokens(tail);
    const nameLike = toks.length >= 2 && toks.every((t) => isTitleWord(t.text)) && (footer.name ? tail.includes(footer.name.value) : false);
    // Short words closed by the item's own ";" or "," ("- UBND các huyện, thị xã;") end the item: they are no remnant.
    const closesItem = /[,;.]$/.test(tail) && toks.every((t) => /^\p{L}{2,}$/u.test(t.text) && !junkToken(t.text)) && tail.replace(/[^\p{L}]/gu, '').length > 3;
    const junk = !archive && !closesItem && (tail.replace(/[^\p{L}]/gu, '').length <= 3 || tail.split(/\s+/).every((t) => junkToken(t.replace(/[,;.:]+$/, '')) || t.replace(/[,;.:]+$/, '').length <= 3));
    if (nameLike || junk) s = m[1]!;
  }
  return s;
}
