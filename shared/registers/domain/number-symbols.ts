/**
 * The registers' use of the number-symbol grammar (domain.md c; shared/office/domain/number-symbol.ts):
 * an incoming document's số, ký hiệu must be one whole symbol, and two spellings of the same
 * symbol (spacing, "Số", 08 vs 8, Đ vs D) are the same letter.
 */
import { findNumberSymbols, formatPartyNumberSymbol, numberSymbolRecord, type NumberSymbolRecord } from '../../office';

/**
 * Parses the số, ký hiệu field of a received document (Party or State form, OCR-tolerant).
 * Null unless the field holds exactly one symbol and nothing else but spacing and punctuation.
 */
export function parseIncomingNumberSymbol(text: string): NumberSymbolRecord | null {
  const matches = findNumberSymbols(text);
  if (matches.length !== 1) return null;
  const m = matches[0]!;
  const rest = text.normalize('NFC').slice(0, m.index) + text.normalize('NFC').slice(m.index + m.length);
  if (/[\p{L}\p{N}]/u.test(rest)) return null;
  return numberSymbolRecord(m.parsed);
}

/** The printed symbol of an outgoing Party document: 12, NQ, TU → "12-NQ/TU". */
export function formatOutgoingNumberSymbol(number: number, typeSymbol: string, bodyCode: string): string {
  return formatPartyNumberSymbol(number, typeSymbol, bodyCode);
}
