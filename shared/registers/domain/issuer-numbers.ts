/**
 * "A number the register has not already seen from that issuer" (issue 14, point 4): an issuing
 * body numbers its documents once per year, so two different letters from one issuer with the
 * same number in the same year cannot both be right. Each incoming entry whose symbol names its
 * issuer is filed under issuer code + year (of the document date) + number; a reading of a
 * handwritten number can then be checked against the register.
 *
 * The answer is only whether another letter holds the number: never which, nor anything of it.
 * An entry of any secrecy counts (a secret letter's number is still taken).
 */
import { foldDiacritics } from '../../platform/text/vietnamese';
import type { NumberSymbolRecord } from '../../office';

/** Where an issuer's number of a year is filed: `UBND#2026#12` (code without diacritics, upper case). */
export function issuerNumberKey(parsed: Pick<NumberSymbolRecord, 'issuerCode' | 'number'>, documentDate: string): string | null {
  const code = parsed.issuerCode ? foldDiacritics(parsed.issuerCode).replace(/[^a-z0-9]/gi, '').toUpperCase() : '';
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(documentDate)?.[1];
  if (!code || !year || !Number.isInteger(parsed.number) || parsed.number <= 0) return null;
  return `${code}#${year}#${parsed.number}`;
}

/** Whether the letters filed under one issuer's number (their letter keys) hold one other than `letterKey`. */
export const anotherLetter = (filed: readonly string[], letterKey: string): boolean => filed.some((k) => k !== letterKey);
