/**
 * The scan reader's cross-check of a handwritten number against the incoming register (issue 14,
 * point 4): an issuer numbers its documents once a year, so a number the register already holds
 * from that issuer for another letter was probably misread. Only a yes/no: nothing of the other
 * entry, whatever its secrecy, comes back.
 */
export interface RegisterNumbers {
  /** Whether another letter (not this number-symbol and date) from the symbol's issuer holds its number in the date's year. */
  takenByAnotherLetter(letter: { numberSymbol: string; documentDate: string }): Promise<boolean>;
}
