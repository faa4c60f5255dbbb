import { describe, expect, it } from 'vitest';
import {
  canonicalBodyCode,
  canonicalTypeCode,
  findDraftNumberSymbol,
  findNumberSymbols,
  formatPartyNumberSymbol,
  formatStateNumberSymbol,
  hasStateDraftNumberSymbol,
  parseNumberSymbol,
  sameNumberSymbol,
} from '../../shared/office/domain/number-symbol';

type Row = [input: string, canonical: string | null, form?: 'party' | 'state', extra?: Record<string, unknown>];

const PARTY: Row[] = [
  ['Số 12-NQ/TU', '12-NQ/TU', 'party', { number: 12, typeCode: 'NQ', bodyCode: 'TU' }],
  ['12-NQ/TU', '12-NQ/TU', 'party'],
  ['Số 36-HD/VPTW', '36-HD/VPTW', 'party', { typeCode: 'HD', bodyCode: 'VPTW' }],
  ['Số 08-QĐi/TW', '08-QĐi/TW', 'party', { number: 8, numberText: '08', typeCode: 'QĐi' }],
  ['Số 24-BS/UBKTTU', '24-BS/UBKTTU', 'party', { typeCode: 'BS', bodyCode: 'UBKTTU' }],
  ['Số 5-NQ/ĐU-BCH', '5-NQ/ĐU-BCH', 'party', { bodyCode: 'ĐU-BCH' }],
  ['Số 399-QĐ/TW', '399-QĐ/TW', 'party'],
  ['Số 23-TTr/TU', '23-TTr/TU', 'party', { typeCode: 'TTr' }],
  ['Số 7-CTr/TU', '7-CTr/TU', 'party', { typeCode: 'CTr' }],
  ['Số 598-CV/UBKTTU', '598-CV/UBKTTU', 'party', { typeCode: 'CV' }],
  ['Số 451-GM/BTGTU', '451-GM/BTGTU', 'party'],
  ['Số 141-KL/ĐUK', '141-KL/ĐUK', 'party'],
  ['Số 5-CT/ĐU', '5-CT/ĐU', 'party'],
  ['Số 49-KH/HU', '49-KH/HU', 'party'],
  ['Số 74-TB/ĐUK', '74-TB/ĐUK', 'party'],
  ['Số 52-BC/ĐU', '52-BC/ĐU', 'party'],
  ['Số 3-QC/TU', '3-QC/TU', 'party'],
  ['Số 11-TT/TU', '11-TT/TU', 'party'],
  ['Số 2-BB/VPTU', '2-BB/VPTU', 'party'],
  ['Số 1-ĐA/TU', '1-ĐA/TU', 'party', { typeCode: 'ĐA' }],
  ['Số 17-NQ/BCSĐ', '17-NQ/BCSĐ', 'party'],
  // OCR-tolerant spellings
  ['Sô 12-NQ/TU', '12-NQ/TU', 'party'],
  ['So 12-NQ/TU', '12-NQ/TU', 'party'],
  ['S6 12-NQ/TU', '12-NQ/TU', 'party'],
  ['Sỏ 12-NQ/TU', '12-NQ/TU', 'party'],
  ['Số: 12-NQ/TU', '12-NQ/TU', 'party'],
  ['Số12-NQ/TU', '12-NQ/TU', 'party'],
  ['Số 12 - NQ / TU', '12-NQ/TU', 'party'],
  ['Số 12 -NQ/ TU', '12-NQ/TU', 'party'],
  ['Số 12–NQ/TU', '12-NQ/TU', 'party'],
  ['Số 12—NQ/TU', '12-NQ/TU', 'party'],
  ['Số 12−NQ/TU', '12-NQ/TU', 'party'],
  ['Số 1O-NQ/TU', '10-NQ/TU', 'party'],
  ['Số l2-NQ/TU', '12-NQ/TU', 'party'],
  ['Số 2I-NQ/TU', '21-NQ/TU', 'party'],
  ['Số 08-QÐi/TW', '08-QĐi/TW', 'party'],
  ['Số 08-QƉi/TW', '08-QĐi/TW', 'party'],
  ['Số 08-QDi/TW', '08-QĐi/TW', 'party'],
  ['So 22-NQ/DUK', '22-NQ/ĐUK', 'party', { bodyCode: 'ĐUK' }],
  ['So 5-CT/DU', '5-CT/ĐU', 'party'],
  ['Số 5 CT/ĐU', '5-CT/ĐU', 'party'],
  ['Số 5.CT/ĐU', '5-CT/ĐU', 'party'],
  ['Số 9-NQ/TU,', '9-NQ/TU', 'party'],
  ['Số 9-NQ/TU.', '9-NQ/TU', 'party'],
  ['  Số 9-NQ/TU  ', '9-NQ/TU', 'party'],
  ['Số 598-CV/UBKTTU Nghệ An, ngày 13 tháng 9 năm 2017', '598-CV/UBKTTU', 'party'],
  ['Số 12-NQ/TU - Hà Nội', '12-NQ/TU', 'party'],
  ['Số 12-NQ/TU\u2044', '12-NQ/TU', 'party'],
  ['Số 12-NQ\u2044TU', '12-NQ/TU', 'party'],
  // Codes read exactly as a known spelling stay as read; others are restored by their letters.
  ['Số 4-DA/TU', '4-DA/TU', 'party', { typeCode: 'DA' }],
  ['Số 4-ĐA/TU', '4-ĐA/TU', 'party', { typeCode: 'ĐA' }],
  ['Số 6-QĐI/TU', '6-QĐi/TU', 'party', { typeCode: 'QĐi' }],
  ['So 31-BC/HU', '31-BC/HU', 'party', { bodyCode: 'HU' }],
  ['Số 15-NQ/BCSD', '15-NQ/BCSĐ', 'party', { bodyCode: 'BCSĐ' }],
  ['Số 2-KH/DD', '2-KH/ĐĐ', 'party', { bodyCode: 'ĐĐ' }],
  ['Số 40-TB/UBKTHU', '40-TB/UBKTHU', 'party'],
  ['Số 7-CV/VPHU', '7-CV/VPHU', 'party'],
  ['Số 3-BC/BTGDVTU', '3-BC/BTGDVTU', 'party'],
  ['Số 12-NQ/TU HỎA TỐC', '12-NQ/TU', 'party'],
  ['S0 12-NQ/TU', '12-NQ/TU', 'party'],
  ['Số 12 – NQ/TU', '12-NQ/TU', 'party'],
];

const STATE: Row[] = [
  ['Số: 45/2024/NĐ-CP', '45/2024/NĐ-CP', 'state', { number: 45, year: 2024, typeCode: 'NĐ', bodyCode: 'CP' }],
  ['Số: 123/UBND-VP', '123/UBND-VP', 'state', { typeCode: 'CV', bodyCode: 'UBND', unit: 'VP' }],
  ['123/UBND-VP', '123/UBND-VP', 'state'],
  ['Số: 15/QĐ-UBND', '15/QĐ-UBND', 'state', { typeCode: 'QĐ', bodyCode: 'UBND' }],
  ['15/QĐ-UBND', '15/QĐ-UBND', 'state'],
  ['Số: 30/2020/NĐ-CP', '30/2020/NĐ-CP', 'state'],
  ['Số: 01/2011/TT-BNV', '01/2011/TT-BNV', 'state', { typeCode: 'TT', bodyCode: 'BNV' }],
  ['Số: 15 /QĐ- UBND', '15/QĐ-UBND', 'state'],
  ['Số : 15/QĐ–UBND', '15/QĐ-UBND', 'state'],
  ['So: 45/2O24/ND-CP', '45/2024/NĐ-CP', 'state', { year: 2024 }],
  ['Số: 256/BC-UBND', '256/BC-UBND', 'state', { typeCode: 'BC' }],
  ['Số: 88/KH-UBND', '88/KH-UBND', 'state'],
  ['Số: 7/TTr-SNV', '7/TTr-SNV', 'state', { typeCode: 'TTr', bodyCode: 'SNV' }],
  ['Số: 1234/SNV-TCCB', '1234/SNV-TCCB', 'state', { typeCode: 'CV', bodyCode: 'SNV', unit: 'TCCB' }],
  ['Số: 5/CT-TTg', '5/CT-TTg', 'state', { typeCode: 'CT', bodyCode: 'TTg' }],
  ['Số: 12/GM-UBND', '12/GM-UBND', 'state'],
  ['Số: 99/UBND-KT', '99/UBND-KT', 'state'],
  ['Số: 3/HD-SNV', '3/HD-SNV', 'state'],
  ['Số: 01/2024/TTLT-BTC-BNV', '01/2024/TTLT-BTC-BNV', 'state', { typeCode: 'TTLT', bodyCode: 'BTC-BNV', year: 2024 }],
  ['Số: 20/QD-UBND', '20/QĐ-UBND', 'state', { typeCode: 'QĐ' }],
  ['Số: 10/NQ-HDND', '10/NQ-HĐND', 'state', { bodyCode: 'HĐND' }],
  ['Số: 04/QĐ-BCĐ138', '04/QĐ-BCĐ138', 'state', { typeCode: 'QĐ', bodyCode: 'BCĐ138' }],
  // A body's first digit read as a letter after its letters.
  ['Số: 04/QĐ-BCĐI38', '04/QĐ-BCĐ138', 'state', { bodyCode: 'BCĐ138' }],
  ['Số: 12/KH-BCĐI389', '12/KH-BCĐ1389', 'state', { bodyCode: 'BCĐ1389' }],
  // A commune's công văn: its body's code alone, no unit, after a printed "Số".
  ['Số: 45/UBND', '45/UBND', 'state', { typeCode: 'CV', bodyCode: 'UBND', number: 45 }],
  ['Số: 45/UBND Tịnh Phong, ngày 05 tháng 3 năm 2025', '45/UBND', 'state', { typeCode: 'CV', bodyCode: 'UBND' }],
  ['Số: 1234/BTC-NSNN', '1234/BTC-NSNN', 'state', { typeCode: 'CV', bodyCode: 'BTC', unit: 'NSNN' }],
  ['Số: 3/CĐ-TTg', '3/CĐ-TTg', 'state', { typeCode: 'CĐ', bodyCode: 'TTg' }],
];

const NONE: Row[] = [
  ['', null],
  ['Không có số', null],
  ['ngày 10/6/1954', null],
  ['Covid-19', null],
  ['2021-2025', null],
  ['Điều 3. Văn phòng', null],
  ['NQ/TU', null],
  ['Số -NQ/TU', null],
  ['Số OO-NQ/TU', null],
  ['tháng 10/1949', null],
  // Without "Số", or with a type's code where the body should be, "n/CODE" is no symbol.
  ['45/UBND', null],
  ['Số: 45/QĐ', null],
  ['Số: 12/2024', null],
];

describe('parseNumberSymbol', () => {
  it.each([...PARTY, ...STATE, ...NONE])('%s → %s', (input, canonical, form, extra) => {
    const p = parseNumberSymbol(input);
    if (canonical === null) {
      expect(p).toBeNull();
      return;
    }
    expect(p).not.toBeNull();
    expect(p!.canonical).toBe(canonical);
    if (form) expect(p!.form).toBe(form);
    if (extra) expect(p).toMatchObject(extra);
  });

  it('has at least 60 cases', () => {
    expect(PARTY.length + STATE.length + NONE.length).toBeGreaterThanOrEqual(60);
  });

  it('prefers the number printed after "Số" over one cited in the text', () => {
    expect(parseNumberSymbol('thực hiện Nghị quyết 10-NQ/TU; Số 12-KH/TU')!.canonical).toBe('12-KH/TU');
  });

  it('finds every symbol in a text with its position', () => {
    const text = 'Số 12-NQ/TU\nCăn cứ Quyết định số 15/QĐ-UBND và Nghị quyết 08-QĐi/TW';
    const all = findNumberSymbols(text);
    expect(all.map((m) => m.parsed.canonical)).toEqual(['12-NQ/TU', '15/QĐ-UBND', '08-QĐi/TW']);
    expect(all[0]!.hasSoPrefix).toBe(true);
    expect(text.slice(all[1]!.index, all[1]!.index + all[1]!.length)).toContain('15/QĐ-UBND');
  });
});

describe('formatting and comparison', () => {
  it('formats Party symbols', () => {
    expect(formatPartyNumberSymbol(12, 'NQ', 'TU')).toBe('12-NQ/TU');
    expect(formatPartyNumberSymbol('08', 'qđi', 'TW')).toBe('08-QĐi/TW');
    expect(formatPartyNumberSymbol(3, 'CTR', 'DUK')).toBe('3-CTr/ĐUK');
  });
  it('formats State symbols', () => {
    expect(formatStateNumberSymbol(15, 'QĐ', 'UBND')).toBe('15/QĐ-UBND');
    expect(formatStateNumberSymbol(45, 'ND', 'CP', 2024)).toBe('45/2024/NĐ-CP');
  });
  it('round-trips parse(format(x))', () => {
    for (const [n, t, b] of [[1, 'NQ', 'TU'], [99, 'QĐi', 'TW'], [450, 'TTr', 'ĐUK'], [7, 'HD', 'VPĐU']] as const) {
      const p = parseNumberSymbol(formatPartyNumberSymbol(n, t, b))!;
      expect([p.number, p.typeCode, p.bodyCode]).toEqual([n, t, b]);
    }
  });
  it('canonicalises known codes and keeps unknown ones', () => {
    expect(canonicalTypeCode('QDI')).toBe('QĐi');
    expect(canonicalTypeCode('ctr')).toBe('CTr');
    expect(canonicalTypeCode('XYZ')).toBe('XYZ');
    expect(canonicalBodyCode('VPDU')).toBe('VPĐU');
    expect(canonicalBodyCode('ABC-DEF')).toBe('ABC-DEF');
  });
  it('compares symbols ignoring spacing, leading zeros and Đ/D', () => {
    expect(sameNumberSymbol('Số 08-QĐi/TW', '8-QDi/TW')).toBe(true);
    expect(sameNumberSymbol('12-NQ/TU', '12-KL/TU')).toBe(false);
    expect(sameNumberSymbol('Số: 45/2024/NĐ-CP', '45/2024/ND-CP')).toBe(true);
  });
});

describe("a draft's số, ký hiệu line (the number left blank until issuance)", () => {
  const rows: [line: string, want: { colon: boolean; numberText: string; typeCode: string; bodyCode: string } | null, state?: boolean][] = [
    ['Số    -NQ/TU', { colon: false, numberText: '', typeCode: 'NQ', bodyCode: 'TU' }],
    ['Số 12-NQ/TU', { colon: false, numberText: '12', typeCode: 'NQ', bodyCode: 'TU' }],
    ['Số …-CV/VPTU', { colon: false, numberText: '…', typeCode: 'CV', bodyCode: 'VPTU' }],
    ['Số:    -QĐ/TU', { colon: true, numberText: '', typeCode: 'QĐ', bodyCode: 'TU' }],
    ['Số  -NQ/ĐU-BCH', { colon: false, numberText: '', typeCode: 'NQ', bodyCode: 'ĐU-BCH' }],
    ['TỈNH ỦY HƯNG YÊN     Số    -CTr/TU', { colon: false, numberText: '', typeCode: 'CTr', bodyCode: 'TU' }],
    ['Số:    /QĐ-UBND', null, true],
    ['Số: 45/2024/NĐ-CP', null, true],
    ['Căn cứ Điều lệ Đảng', null, false],
  ];
  it.each(rows)('%s', (line, want, state = false) => {
    const got = findDraftNumberSymbol(line);
    expect(got && { ...got, numberText: got.numberText.trim() }).toEqual(want);
    if (!want) expect(hasStateDraftNumberSymbol(line)).toBe(state);
  });
});

describe('any number survives (a leading 5 then 0 or 6 is not a misread "Số")', () => {
  it('reads n-TYPE/BODY and n/BODY-UNIT as number n for every n', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.constantFrom('Số ', 'Số: ', ''), (n, so) => {
        expect(parseNumberSymbol(`${so}${n}-CV/VPTU`)).toMatchObject({ number: n, canonical: `${n}-CV/VPTU` });
        expect(parseNumberSymbol(`${so}${n}/UBND-VP`)).toMatchObject({ number: n, canonical: `${n}/UBND-VP` });
      }),
      { numRuns: 400, examples: [[503, ''], [5061, ''], [60, ''], [506, 'Số ']] },
    );
  });
});
