/**
 * A copy's marks (SAO Y, TRÍCH SAO, SAO LỤC, BẢN SAO): an e-copy stamp above or beside the
 * header, or a paper copy's form, carries the copy's own number and date. They number and date
 * the copy, not the document copied, which is what the office registers.
 */
import type { NumberSymbolMatch } from '../../../office';
import { foldDiacritics } from '../../../platform/text/vietnamese';

/** A copy's own number: a State "…/SY-VP", a Party "…-BS/UBKTTU". */
export const isCopySymbol = (m: NumberSymbolMatch): boolean => COPY_TYPE_CODES.has(m.parsed.typeCode);
const COPY_TYPE_CODES = new Set(['SY', 'BS']);
/** A line holding a copy's Số ("Số: 45/SY-VP", "Số 24-BS/UBKTTU", however its number reads), or naming the copy's form before a Số. */
export const isCopyNumberLine = (text: string): boolean =>
  /\/\s*SY\s*[-\u2010-\u2015]|[-\u2010-\u2015]\s*BS\s*\//u.test(text) || /\b(?:sao y|trich sao|sao luc|ban sao)\b.*\bso\b/.test(foldDiacritics(text).toLowerCase());
