/**
 * A handwritten number the incoming register already holds from the same issuer, in the same
 * year, for another letter (ports/register-numbers.ts) was most likely misread: the field becomes
 * null with why, and what was read stays in the reason for the clerk to check on the page. Only
 * handwritten readings are checked: a printed number is the issuer's own, and the same letter
 * arriving twice is the registers' duplicate check, not a misreading.
 */
import type { ScanField, ScanFields } from './model';

/** Whether the number-symbol was read (in part) from handwriting and has a value to check. */
export const handwrittenNumberToCheck = (f: ScanField<string> | undefined): f is ScanField<string> & { value: string } =>
  !!f && typeof f.value === 'string' && f.value !== '' && /^handwritten\b/.test(f.reason ?? '');

/** The field once the register said its number belongs to another letter. */
export function numberTakenField(f: ScanField<string> & { value: string }): ScanField<string> {
  return {
    ...f,
    value: null,
    confidence: Math.min(f.confidence, 0.2),
    reason:
      `handwritten: đọc được "${f.value}" nhưng sổ văn bản đến đã có số này của cùng cơ quan ban hành trong năm cho một văn bản khác; kiểm tra trên bản quét ` +
      `(read "${f.value}", but the incoming register already holds this number from the same issuer this year for another letter; check it on the page)`,
  };
}

/** The fields and low-confidence list after the cross-check (`taken`: the register's answer). */
export function applyNumberTaken(fields: ScanFields, lowConfidence: string[], taken: boolean): { fields: ScanFields; lowConfidence: string[] } {
  const f = fields.numberSymbol;
  if (!taken || !handwrittenNumberToCheck(f)) return { fields, lowConfidence };
  return {
    fields: { ...fields, numberSymbol: numberTakenField(f) },
    lowConfidence: lowConfidence.includes('numberSymbol') ? lowConfidence : [...lowConfidence, 'numberSymbol'],
  };
}
