/**
 * Spelling repairs after the fields are read: codes in the office's printed spelling, and the
 * Vietnamese marks of the caps header fields where OCR misread them.
 */
import type { ScanFields } from '../model';
import { foldDiacritics, stripDiacritics } from '../../../platform/text/vietnamese';
import { matchSignerTitle, repairCapsPhrases, repairTextPhrases } from './repair';
import { HEADER_PHRASES, PROVINCES, SIGNER_TITLES, TEXT_PHRASES, type ExtractVocabulary } from './vocabulary';

const codeKey = (s: string): string => foldDiacritics(s).replace(/[^a-z0-9]/g, '');

/** A code written as one of `codes` spells it, part by part ("DH" → "ĐH", "DU-BCH" → "ĐU-BCH"); as read when none fits. */
export function canonicalCodeIn(code: string, codes: readonly string[]): string {
  return code
    .split('-')
    .map((part) => (codes.includes(part) ? part : (codes.find((c) => codeKey(c) === codeKey(part)) ?? part)))
    .join('-');
}

/** Share of a text's letters that carry a Vietnamese mark (or are đ): ~0.4 for Vietnamese, 0 for Textract's output. */
export function markedShare(text: string): number {
  let letters = 0;
  let marked = 0;
  for (const ch of text.normalize('NFC')) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (ch.normalize('NFD').length > 1 || ch === 'đ' || ch === 'Đ') marked++;
  }
  return letters ? marked / letters : 0;
}

const DEFAULT_HEADER_PHRASES = [...HEADER_PHRASES, ...PROVINCES];

/**
 * Writes the caps header fields (tên cơ quan, cấp trên, signing capacity, chức vụ) with the
 * marks of the vocabulary's phrases where OCR misread them. Text without marks (Textract)
 * keeps its bare letters: only the signer's title is matched, and given back bare.
 */
export function repairHeaderMarks(fields: ScanFields, text: string, vocab: ExtractVocabulary): void {
  const marked = markedShare(text) >= 0.05;
  const phrases = vocab.headerPhrases ?? DEFAULT_HEADER_PHRASES;
  const update = (k: string, fn: (v: string) => string) => {
    const f = fields[k];
    if (f && typeof f.value === 'string' && f.value) fields[k] = { ...f, value: fn(f.value) };
  };
  if (marked) {
    // Running text: the marks of the domain's common words (a low-resolution scan misreads them).
    const textPhrases = vocab.textPhrases ?? TEXT_PHRASES;
    update('subject', (v) => repairTextPhrases(v, textPhrases));
    const r = fields.recipients;
    if (r && Array.isArray(r.value)) fields.recipients = { ...r, value: r.value.map((x) => repairTextPhrases(x, textPhrases)) };
    update('issuer', (v) => repairCapsPhrases(v, phrases));
    update('issuerParent', (v) => repairCapsPhrases(v, phrases));
    update('signingCapacity', (v) => {
      const m = /^(\S+\s+)(.+)$/.exec(v);
      return m ? m[1]! + repairCapsPhrases(m[2]!, phrases) : v;
    });
  }
  update('signerTitle', (v) => {
    // "Q. TRƯỞNG BAN": an acting head (quyền) keeps the "Q." before the title.
    const acting = /^Q\s*[.,·]\s*(?=\p{Lu})/u.exec(v);
    const rest = acting ? v.slice(acting[0].length) : v;
    const t = matchSignerTitle(rest, vocab.signerTitles ?? SIGNER_TITLES);
    if (t === null) return v;
    return (acting ? 'Q. ' : '') + (marked ? t : stripDiacritics(t));
  });
}
