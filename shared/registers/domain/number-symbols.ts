/**
 * The registers' use of the number-symbol grammar (domain.md c; shared/office/domain/number-symbol.ts):
 * an incoming document's số, ký hiệu must be one whole symbol, and two spellings of the same
 * symbol (spacing, "Số", 08 vs 8, Đ vs D) are the same letter.
 */
import { findNumberSymbols, formatPartyNumberSymbol } from '../../office';
import { foldDiacritics } from '../../platform/text/vietnamese';
import type { ParsedNumberSymbol } from './model';

const fold = (s: string | undefined): string => foldDiacritics(s ?? '').replace(/[^a-z0-9]/g, '');

/**
 * Parses the số, ký hiệu field of a received document (Party or State form, OCR-tolerant).
 * Null unless the field holds exactly one symbol and nothing else but spacing and punctuation.
 */
export function parseIncomingNumberSymbol(text: string): ParsedNumberSymbol | null {
  const matches = findNumberSymbols(text);
  if (matches.length !== 1) return null;
  const m = matches[0]!;
  const rest = text.normalize('NFC').slice(0, m.index) + text.normalize('NFC').slice(m.index + m.length);
  if (/[\p{L}\p{N}]/u.test(rest)) return null;
  const p = m.parsed;
  return {
    form: p.form,
    number: p.number,
    typeSymbol: p.typeCode,
    issuerCode: p.bodyCode,
    canonical: p.canonical,
    key: [p.form, p.number, fold(p.typeCode), fold(p.bodyCode), p.year ?? '', fold(p.unit)].join('|'),
  };
}

/** The printed symbol of an outgoing Party document: 12, NQ, TU → "12-NQ/TU". */
export function formatOutgoingNumberSymbol(number: number, typeSymbol: string, bodyCode: string): string {
  return formatPartyNumberSymbol(number, typeSymbol, bodyCode);
}
