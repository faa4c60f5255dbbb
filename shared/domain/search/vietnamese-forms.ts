/** TEMPORARY until shared/domain/vietnamese.ts lands: the two forms search needs of a syllable. */
export const surfaceOf = (s: string): string => s.normalize('NFC').toLowerCase();
export const foldSyllable = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
