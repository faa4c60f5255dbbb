/**
 * The registers' view of the number-symbol grammar (domain.md c): the parsed form of an
 * incoming document's số, ký hiệu, and the printed symbol of an outgoing number.
 */
import type { ParsedNumberSymbol } from './model';

// Interim grammar until shared/domain/number-symbol.ts lands (then this file delegates to it).
const PARTY = /^(?:S[ốoỐO]\s*:?\s*)?(\d{1,5})\s*-\s*([A-ZĐ][A-Za-zĐđ]{0,4})\s*\/\s*([A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)$/u;
const STATE = /^(?:S[ốoỐO]\s*:?\s*)?(\d{1,5})\s*\/\s*(?:(\d{4})\s*\/\s*)?([A-ZĐa-zđ]+)\s*-\s*([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)$/u;

/** Parses the số, ký hiệu of a received document (Party or State form); null when it is neither. */
export function parseIncomingNumberSymbol(text: string): ParsedNumberSymbol | null {
  const s = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  let m = PARTY.exec(s);
  if (m) {
    const number = Number(m[1]);
    return { form: 'party', number, typeSymbol: m[2]!, issuerCode: m[3]!, canonical: `${number}-${m[2]}/${m[3]}` };
  }
  m = STATE.exec(s);
  if (m) {
    const number = Number(m[1]);
    const year = m[2];
    return {
      form: 'state',
      number,
      typeSymbol: year ? m[3]! : null,
      issuerCode: year ? m[4]! : m[3]!,
      canonical: `${number}/${year ? `${year}/` : ''}${m[3]}-${m[4]}`,
    };
  }
  return null;
}

/** The printed symbol of an outgoing Party document: 12, NQ, TU → "12-NQ/TU". */
export function formatOutgoingNumberSymbol(number: number, typeSymbol: string, bodyCode: string): string {
  return `${number}-${typeSymbol}/${bodyCode}`;
}
