/**
 * What the search index knows of a register entry: its heading fields, filter values, secrecy
 * and, for an entry made from a scan, the OCR text.
 */
import type { Secrecy } from '../../platform/security';
import type { IncomingEntryView, OutgoingEntry, RegisterName } from '../../registers';

export interface SearchDocument {
  id: string;
  register: RegisterName;
  numberSymbol: string | null;
  typeCode: string | null;
  typeName: string | null;
  issuer: string | null;
  issuerCode: string | null;
  /** Trích yếu. */
  subject: string;
  /** Ngày văn bản (YYYY-MM-DD). */
  documentDate: string;
  /** The register's year (arrival year for incoming, year of the document for outgoing). */
  year: number;
  secrecy: Secrecy | null;
  /** Other text searched but not a heading: signer, recipients, note. */
  other: string[];
  /** Full text read from the scan; never for Tối mật / Tuyệt mật documents. */
  text: string | null;
}

/** A register entry as a search document; `text` is the OCR text of its scan, when there is one. */
export function searchDocumentOf(entry: IncomingEntryView | OutgoingEntry, text: string | null = null): SearchDocument {
  const common = {
    id: entry.id,
    register: entry.register,
    numberSymbol: entry.numberSymbol || null,
    typeCode: entry.typeCode || null,
    typeName: entry.typeName || null,
    subject: entry.subject,
    documentDate: entry.documentDate,
    secrecy: entry.secrecy,
    text: entry.secrecy === 'toi-mat' || entry.secrecy === 'tuyet-mat' ? null : text,
  };
  if (entry.register === 'incoming') {
    return {
      ...common,
      issuer: entry.issuer,
      issuerCode: entry.issuerCode,
      year: entry.arrivalYear,
      other: [...entry.recipients, entry.note ?? ''].filter(Boolean),
    };
  }
  return {
    ...common,
    issuer: entry.issuerName,
    issuerCode: entry.issuerCode,
    year: entry.year,
    other: [entry.signer, ...entry.recipients, entry.note ?? ''].filter(Boolean),
  };
}
