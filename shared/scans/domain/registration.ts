/**
 * Register proposal: the incoming entry (sổ văn bản đến) made from a scan's extracted fields,
 * with the clerk's corrections taking precedence over what OCR read.
 */
import type { Urgency } from '../../office';
import type { Secrecy } from '../../platform/security';
import { LIMITS, type IncomingInput } from '../../registers/model';
import { secrecyUnsure, type Scan } from './model';
import { noteWithSignatures } from './signatures';

/** What the clerk may correct or add when registering a scan. */
export interface ScanCorrections {
  numberSymbol?: string;
  documentDate?: string;
  issuer?: string;
  typeCode?: string;
  subject?: string;
  secrecy?: Secrecy | null;
  urgency?: Urgency | null;
  handler?: string | null;
  dueDate?: string | null;
  recipients?: string[];
  note?: string | null;
  force?: boolean;
  /** An office leader registering the letter below the secrecy OCR read on it says why (audited). */
  secrecyLoweredReason?: string;
}

/** Fields an incoming entry cannot do without. */
export const REQUIRED_FOR_REGISTRATION = ['numberSymbol', 'documentDate', 'issuer', 'typeCode', 'subject'] as const;

/**
 * The registration request for a scan: each field from the body when the clerk gave it, else
 * the extracted value. `missing` lists required fields neither OCR nor the clerk supplied.
 */
export function incomingFromScan(scan: Pick<Scan, 'scanId' | 'fields' | 'signatures'>, corrections: ScanCorrections): { input: IncomingInput; missing: string[] } {
  const fields = scan.fields;
  const pick = <K extends keyof ScanCorrections>(name: K): ScanCorrections[K] | null => {
    if (corrections[name] !== undefined) return corrections[name];
    const v = fields?.[name as string]?.value;
    return (v === undefined ? null : v) as ScanCorrections[K] | null;
  };
  const text = (name: (typeof REQUIRED_FOR_REGISTRATION)[number]): string => {
    const v = pick(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  const missing: string[] = REQUIRED_FOR_REGISTRATION.filter((name) => text(name) === '');
  // Fail closed: OCR could not tell whether a secrecy mark is absent (the field is null with a
  // reason); the clerk must say (null for none), it is never registered as not secret by default.
  if (corrections.secrecy === undefined && secrecyUnsure(fields)) missing.push('secrecy');
  const input: IncomingInput = {
    numberSymbol: text('numberSymbol'),
    documentDate: text('documentDate'),
    issuer: text('issuer'),
    typeCode: text('typeCode'),
    subject: text('subject'),
    secrecy: (pick('secrecy') ?? null) as Secrecy | null,
    urgency: (pick('urgency') ?? null) as Urgency | null,
    scanId: scan.scanId,
  };
  // The letter's own "Nơi nhận" is not the office's handling unit: only the clerk's list is used.
  for (const k of ['handler', 'dueDate', 'recipients', 'note', 'force'] as const) {
    if (corrections[k] !== undefined) (input as Record<string, unknown>)[k] = corrections[k];
  }
  // A signed PDF's signatures go into the note, after the clerk's words (domain/signatures.ts says why).
  const note = noteWithSignatures(corrections.note, scan.signatures, LIMITS.note);
  if (note !== undefined && note !== corrections.note) input.note = note;
  return { input, missing: [...missing] };
}
