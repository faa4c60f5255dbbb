/**
 * The extractor's confidences: each field's value with a confidence 0..1 (rounded to 0.01),
 * the empty result, and the fields under the threshold listed for the clerk to check.
 */
import type { Secrecy } from '../../../platform/security';
import type { Urgency } from '../../../office';
import type { ScanField, ScanFields } from '../model';

export interface ExtractedFields {
  fields: ScanFields;
  /** Fields whose confidence is under `LOW_CONFIDENCE`: the clerk should check them. */
  lowConfidence: string[];
}
export const LOW_CONFIDENCE = 0.7;

export const field = <T>(value: T | null, confidence: number): ScanField<T> => ({ value, confidence: round(value === null ? confidence : confidence) });
const round = (x: number): number => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;

export function finish(fields: ScanFields, opts: { lowConfidence?: number }): ExtractedFields {
  const threshold = opts.lowConfidence ?? LOW_CONFIDENCE;
  const core = ['numberSymbol', 'typeCode', 'issuer', 'issuerCode', 'place', 'documentDate', 'subject', 'secrecy', 'urgency', 'signer', 'recipients'];
  const lowConfidence = core.filter((k) => (fields[k]?.confidence ?? 0) < threshold);
  return { fields, lowConfidence };
}

/**
 * The fields of a document OCR read no text from: each null, saying so. Secrecy too: a page whose
 * text could not be read may carry a mark that could not be read either, so it fails closed.
 */
export function emptyFields(): ScanFields {
  const none = <T>(): ScanField<T> => ({ ...field<T>(null, 0), reason: 'no text was read from the file' });
  return {
    numberSymbol: none<string>(),
    typeCode: none<string>(),
    issuer: none<string>(),
    issuerCode: none<string>(),
    place: none<string>(),
    documentDate: none<string>(),
    subject: none<string>(),
    secrecy: { ...field<Secrecy>(null, 0), reason: 'no text was read from the file: a secrecy mark cannot be ruled out' },
    urgency: none<Urgency>(),
    signer: none<string>(),
    recipients: none<string[]>(),
  };
}
