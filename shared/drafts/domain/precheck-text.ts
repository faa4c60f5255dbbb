/**
 * The draft's text as the precheck reads it: lines with a folded comparison key (tone placement
 * and case ignored) and their columns, and where the tên loại and the header zone are.
 */
import type { DocumentType, DomainConfig } from '../../office';

// --- reading the text ------------------------------------------------------------------------

export interface Line {
  /** NFC original. */
  raw: string;
  /** Folded comparison key: no diacritics, upper case, single spaces. */
  key: string;
  /** Columns of a two-column layout (split on runs of 2+ spaces or tabs). */
  cells: string[];
}

export interface DraftText {
  lines: Line[];
  /** Index (in lines) of the tên loại heading, if any. */
  titleIndex: number;
  titleType?: DocumentType;
  /** Lines before the tên loại (or the first 12 lines): header, Số, date, trích yếu of a CV. */
  headerEnd: number;
}

/** Folds one UTF-16 unit: strips diacritics (tone placement no longer matters), đ → d. Keeps length. */
function foldUnit(c: string): string {
  if (c === 'đ') return 'd';
  if (c === 'Đ' || c === 'Ð') return 'D';
  const code = c.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return c;
  const f = c.normalize('NFD').replace(/\p{M}/gu, '');
  return f.length === 1 ? f : f.length === 0 ? ' ' : f[0]!;
}
export const foldSameLength = (s: string): string => {
  let out = '';
  for (let k = 0; k < s.length; k++) out += foldUnit(s[k]!);
  return out;
};
/** Comparison key: folded, upper case, whitespace collapsed. */
export const keyOf = (s: string): string => foldSameLength(s.normalize('NFC')).toUpperCase().replace(/\s+/g, ' ').trim();
export const isUpperLine = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();
export const isDecoration = (s: string) => !/[\p{L}\p{N}]/u.test(s);

export const HEADER_SCAN = 12;
const TITLE_SCAN = 20;

export function readDraft(body: string, config: DomainConfig): DraftText {
  const lines: Line[] = body
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '')
    .map((raw) => ({ raw, key: keyOf(raw), cells: raw.trim().split(/\s{2,}|\t+/).filter((c) => c !== '') }));
  // Longest names first so a longer heading is not taken for a shorter one.
  const titles = config.documentTypes.map((t) => ({ t, key: keyOf(t.name) })).sort((a, b) => b.key.length - a.key.length);
  let titleIndex = -1;
  let titleType: DocumentType | undefined;
  for (let i = 0; i < Math.min(lines.length, TITLE_SCAN) && titleIndex < 0; i++) {
    const l = lines[i]!;
    if (!isUpperLine(l.raw)) continue;
    const hit = titles.find(({ key }) => l.key === key || l.key.startsWith(`${key} `));
    if (hit) {
      titleIndex = i;
      titleType = hit.t;
    }
  }
  let headerEnd = titleIndex >= 0 ? titleIndex : Math.min(lines.length, HEADER_SCAN);
  const addressee = lines.findIndex((l) => /^KINH (GUI|TRINH)\b/.test(l.key));
  if (titleIndex < 0 && addressee >= 0) headerEnd = Math.min(headerEnd, addressee);
  return { lines, titleIndex, headerEnd, ...(titleType ? { titleType } : {}) };
}
