/**
 * The reader's zones (issue 14), tested from the documents' kinds: headers of both families
 * (Party "Số 12-NQ/TU", State "Số: 47/QĐ-UBND", "45/2024/NĐ-CP", công văn "299/UBND-TTHC")
 * generated with decoy numbers and dates cited in the body, the trích yếu and a receipt stamp;
 * the reader never gives a decoy at confidence ≥ 0.9. Then one table per zone.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractFields } from '../../shared/scans/domain/extract/index';
import { documentEnd, headerZoneLimit, opensBody } from '../../shared/scans/domain/extract/zones';
import { findSymbol, symbolMendedByTitle } from '../../shared/scans/domain/extract/header';
import { findNumberSymbols } from '../../shared/office';
import { markDoubt, SECRECY_DOUBT } from '../../shared/scans/domain/extract/stamps';
import { toLines } from '../../shared/scans/domain/extract/lines';
import { unreadDateLine } from '../../shared/scans/domain/extract/date';
import { incomingFromScan } from '../../shared/scans/domain/registration';
import type { ScanFields } from '../../shared/scans/domain/model';

const HIGH = 0.9;
const pad = (n: number) => String(n).padStart(2, '0');

const dateArb = fc.record({ y: fc.integer({ min: 2015, max: 2025 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
const iso = (x: { y: number; m: number; d: number }) => `${x.y}-${pad(x.m)}-${pad(x.d)}`;

/** A cited document in running text: "Nghị quyết số 19/NQ-CP ngày 03/02/2018 của Chính phủ". */
const decoyArb = fc.record({
  n: fc.integer({ min: 1, max: 2000 }),
  date: dateArb,
  form: fc.constantFrom('party', 'state', 'state-year'),
  lead: fc.constantFrom('Thực hiện Nghị quyết số', 'Căn cứ Quyết định số', 'Theo Công văn số', 'Thực hiện Chỉ thị số'),
});
type Decoy = typeof decoyArb extends fc.Arbitrary<infer T> ? T : never;
const decoySymbol = (d: { n: number; form: string; date: { y: number } }) =>
  d.form === 'party' ? `${d.n}-CT/TW` : d.form === 'state' ? `${d.n}/QĐ-TTg` : `${d.n}/${d.date.y}/NĐ-CP`;
const decoyLine = (d: Decoy) =>
  `${d.lead} ${decoySymbol(d)} ngày ${pad(d.date.d)}/${pad(d.date.m)}/${d.date.y} của cấp trên về việc triển khai,`;

const docArb = fc.record({
  family: fc.constantFrom('party', 'state'),
  kind: fc.constantFrom('titled', 'cong-van'),
  n: fc.integer({ min: 1, max: 999 }),
  date: dateArb,
  handwritten: fc.constantFrom('none', 'number', 'day'),
  decoys: fc.array(decoyArb, { minLength: 1, maxLength: 3 }),
  receipt: fc.boolean(),
  citedInSubject: fc.boolean(),
  /** The two header columns merged onto one line each (OCR reading the page as one block). */
  merged: fc.boolean(),
  /** "Số" read in lower case at the line start ("số: 8Š /QĐ-UBND"). */
  lowerSo: fc.boolean(),
});
type Doc = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

function render(doc: Doc): { text: string; number: string; date: string } {
  const party = doc.family === 'party';
  const cv = doc.kind === 'cong-van';
  const typeCode = cv ? 'CV' : 'KH';
  const number = party ? `${doc.n}-${typeCode}/TU` : cv ? `${doc.n}/UBND-VX` : `${doc.n}/KH-UBND`;
  const so = doc.lowerSo ? 'số' : 'Số';
  const numText = doc.handwritten === 'number' ? (party ? `${so} ð#-${typeCode}/TU` : `${so}: ð# ${number.slice(number.indexOf('/'))}`) : party ? `${so} ${number}` : `${so}: ${number}`;
  const day = doc.handwritten === 'day' ? 'ngàyØf' : `ngày ${pad(doc.date.d)}`;
  const dateLine = `${party ? 'Hà Nội' : 'Quảng Ngãi'}, ${day} tháng ${pad(doc.date.m)} năm ${doc.date.y}`;
  const d0 = doc.decoys[0]!;
  const cited = doc.citedInSubject ? ` bãi bỏ các Nghị quyết: Số ${decoySymbol(d0)} ngày ${pad(d0.date.d)}/${pad(d0.date.m)}/${d0.date.y}` : '';
  const left = party ? ['TỈNH ỦY QUẢNG NGÃI', 'VĂN PHÒNG', '*', numText] : ['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', numText];
  const right = party ? ['ĐẢNG CỘNG SẢN VIỆT NAM', '', '', dateLine] : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', dateLine];
  const header = doc.merged ? left.map((l, i) => `${l}     ${right[i]}`.trim()) : [...left, ...right.filter(Boolean)];
  const lines = [
    ...(doc.receipt ? [`CV ĐẾN Số: ${d0.n} Ngày: ${pad(d0.date.d)}/${pad(d0.date.m)}/${d0.date.y}`] : []),
    ...header,
    ...(cv ? [`V/v triển khai nhiệm vụ năm ${doc.date.y}${cited}`] : ['', 'KẾ HOẠCH', `triển khai nhiệm vụ năm ${doc.date.y}${cited}`]),
    '',
    ...(cv ? ['Kính gửi: Các sở, ban, ngành tỉnh', ''] : []),
    ...doc.decoys.map(decoyLine),
    'các đơn vị thực hiện nghiêm túc số 15 nội dung sau đây.',
  ];
  return { text: lines.join('\n'), number, date: iso(doc.date) };
}

describe('zones: a number or date cited in the body never becomes the document’s own', () => {
  it('never gives a decoy number or date at confidence ≥ 0.9, in either family', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const { text, number, date } = render(doc);
        const { fields } = extractFields(text);
        const decoys = doc.decoys.map(decoySymbol);
        const decoyDates = doc.decoys.map((d) => iso(d.date));
        if (fields.numberSymbol.value !== null && fields.numberSymbol.confidence >= HIGH) expect(fields.numberSymbol.value).toBe(number);
        expect(decoys).not.toContain(fields.numberSymbol.value);
        if (fields.documentDate.value !== null && fields.documentDate.confidence >= HIGH) expect(fields.documentDate.value).toBe(date);
        if (!decoyDates.includes(date)) expect(decoyDates).not.toContain(fields.documentDate.value);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the header’s own number and date when printed, and gives null with a reason when written by hand', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const { text, number, date } = render(doc);
        const { fields } = extractFields(text);
        if (doc.handwritten === 'number') {
          expect(fields.numberSymbol.value).toBeNull();
          expect(fields.numberSymbol.reason).toMatch(/handwritten/);
          // The symbol's letters are still read from the Số line.
          expect(fields.typeCode.value).toBe(doc.kind === 'cong-van' ? 'CV' : 'KH');
        } else {
          expect(fields.numberSymbol.value).toBe(number);
          // On a scan, a State letter's number is written by hand (whatever print OCR made of it): never sure; typed (a born-digital page), sure.
          expect(fields.numberSymbol.confidence >= HIGH).toBe(doc.family === 'party');
          expect(extractFields(text, { typedHeader: true }).fields.numberSymbol.confidence).toBeGreaterThanOrEqual(HIGH);
        }
        if (doc.handwritten === 'day') {
          expect(fields.documentDate.value).toBeNull();
          expect(fields.documentDate.reason).toMatch(/handwritten/);
        } else expect(fields.documentDate.value).toBe(date);
        expect(fields.system!.value).toBe(doc.family);
      }),
      { numRuns: 200 },
    );
  });
});

describe('zone table: where the header zone ends', () => {
  const cases: [string, string[], number][] = [
    ['Kính gửi opens the body', ['UBND TỈNH X', 'Số: 1/UBND-VP', 'V/v a', 'Kính gửi: Sở Y', 'Thực hiện …'], 3],
    ['a capitalised "Thực hiện" opens it', ['ĐẢNG ỦY XÃ A', 'Số 26-KH/ĐU', 'KẾ HOẠCH', 'học tập và triển khai', 'Thực hiện chương trình công tác'], 4],
    ['a lower-case "thực hiện" continues the trích yếu', ['ĐẢNG ỦY XÃ A', 'Số 26-KH/ĐU', 'KẾ HOẠCH', 'thực hiện Nghị quyết', 'Căn cứ Điều lệ Đảng'], 4],
    ['a numbered section opens it', ['ĐẢNG ỦY XÃ A', 'Số 2-BC/ĐU', 'BÁO CÁO', 'tình hình', 'I- MỤC ĐÍCH'], 4],
    ['an Arabic-numbered section opens it', ['UBND TỈNH X', 'Số: 1/UBND-VP', 'V/v a', '1. Giao Sở Y chủ trì'], 3],
    ['a signing stamp\'s time read as numbers above the header does not', ['BẢO VÀ TIN HỌC', 'D9030:', '160) 2005004600)', 'ỦY BAN NHÂN DÂN', 'Số: 1/UBND-VP', 'V/v a', 'Kính gửi: Sở Y'], 6],
    ['nor a time or a date at a line\'s start', ['ỦY BAN NHÂN DÂN', 'TỈNH X', '16.01.2025 07:46:10', '10) 30 phút', 'Số: 1/UBND-VP', 'Kính gửi: Sở Y'], 5],
  ];
  it.each(cases)('%s', (_name, text, end) => {
    expect(headerZoneLimit(toLines(text.join('\n')))).toBe(end);
  });
  it('a body line is told by its first letter', () => {
    expect(opensBody(toLines('Căn cứ Luật Tổ chức')[0]!)).toBe(true);
    expect(opensBody(toLines('căn cứ vào đó')[0]!)).toBe(false);
  });
});

describe('zone table: the Số line', () => {
  const cases: [string, string, string | null][] = [
    ['Party, at the line start', 'TỈNH ỦY A\nSố 12-NQ/TU', '12-NQ/TU'],
    ['State, with a colon', 'ỦY BAN NHÂN DÂN\nSố: 47/QĐ-UBND', '47/QĐ-UBND'],
    ['State regulatory, with the year', 'CHÍNH PHỦ\nSố: 45/2024/NĐ-CP', '45/2024/NĐ-CP'],
    ['State công văn', 'ỦY BAN NHÂN DÂN\nSố: 299/UBND-TTHC', '299/UBND-TTHC'],
    ['merged after the issuer’s capitals', 'BAN CHỈ ĐẠO 138 Số: 04/QĐ-BCĐ', '04/QĐ-BCĐ'],
    ['cited in running text (lower-case "số")', 'Thực hiện Nghị quyết số 19/NQ-CP của Chính phủ', null],
    ['cited after a colon in a trích yếu ("Nghị quyết: Số …")', 'Về việc bãi bỏ các Nghị quyết: Số 39/2011/NQ-HĐND', null],
    ['an incoming-receipt stamp', 'CV ĐẾN Số: 521', null],
    ['digits glued to a receipt stamp\'s capitals are no symbol', 'CV ĐẾN Số: 521UBND-VP', null],
    ['nor after a mark', 'CV ĐẾN Số: ©521UBND-VP', null],
  ];
  it.each(cases)('%s', (_name, text, want) => {
    const hit = findSymbol(toLines(text));
    expect(hit && !hit.unreadNumber ? hit.match.parsed.canonical : null).toBe(want);
  });
  it.each([
    ['junk glued to the tail', 'Số: ð1#/UBND-KTTH', 'CV', 'UBND'],
    ['handwriting read with a slash of its own', 'Số:/7   /UBND-NNTN', 'CV', 'UBND'],
    ['handwriting read as a fraction', 'Số: 3/6   /QĐ-UBND', 'QĐ', 'UBND'],
    ['"Số" read with a doubled S', 'SsốZ%   /QĐ-UBND', 'QĐ', 'UBND'],
    ['the type\'s small print read in lower case', 'số:48Ô /bc-UBND', 'BC', 'UBND'],
    ['handwriting that swallowed the slash', 'Số: 4UBND-NNTN', 'CV', 'UBND'],
    ['handwriting that swallowed the slash of a type with a small letter (TTr)', 'Số: 3TTr-BKHCN', 'TTr', 'BKHCN'],
    ['… and of a CTr', 'Số: 12CTr-UBND Hà Nội, ngày 7 tháng 01 năm 2021', 'CTr', 'UBND'],
    ['handwriting that swallowed a typed symbol\'s slash, the right column beside it', 'Số: 127QĐ-UBND Kon Tum, ngày 12 tháng 3 năm 2023', 'QĐ', 'UBND'],
    ['handwriting that swallowed the slash, its first stroke read as a mark', 'số ©57QĐ-UBND Đắk Lắk, ngày 2 tháng 01 năm 2018', 'QĐ', 'UBND'],
    ['the body\'s first capital read in lower case (same shape)', 'số:Ä7Ú /sKHĐT-TH Khánh Hòa, ngày 17 tháng 5 năm 2019', 'CV', 'SKHĐT'],
  ])('a Số line with a handwritten number keeps the symbol’s letters (%s)', (_what, line, type, body) => {
    const hit = findSymbol(toLines(`ỦY BAN NHÂN DÂN\n${line}`));
    expect(hit?.unreadNumber).toBe(true);
    expect(hit?.match.parsed.typeCode).toBe(type);
    expect(hit?.match.parsed.bodyCode).toBe(body);
  });
});

describe('zone table: a copy\'s marks (SAO Y, TRÍCH SAO) number and date the copy, not the document', () => {
  const STATE = ['ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỈNH QUẢNG NGÃI            Độc lập - Tự do - Hạnh phúc', 'Số: 1234/QĐ-UBND          Quảng Ngãi, ngày 06 tháng 11 năm 2021', 'QUYẾT ĐỊNH', 'Về việc giao chỉ tiêu kế hoạch năm 2021', '', 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;', 'TM. ỦY BAN NHÂN DÂN', 'Trần Phước Hiền'];
  const PARTY = ['ĐẢNG BỘ TỈNH QUẢNG NGÃI          ĐẢNG CỘNG SẢN VIỆT NAM', 'ỦY BAN KIỂM TRA', '*', 'Số 112-QĐ/UBKTTU          Quảng Ngãi, ngày 06 tháng 11 năm 2021', 'QUYẾT ĐỊNH', 'về việc thi hành kỷ luật', '', 'Căn cứ Điều lệ Đảng;'];
  it.each([
    // [where the copy's marks stand, the lines before the header, the header, the document's number, type, date]
    ['an e-copy stamp above the header, its date under its number', ['SAO Y BẢN CHÍNH', 'VĂN PHÒNG UBND TỈNH', 'Số: 45/SY-VP', 'Quảng Ngãi, ngày 10 tháng 12 năm 2021'], STATE, '1234/QĐ-UBND', 'QĐ', '2021-11-06'],
    ['the copy\'s number and date on one line', ['VĂN PHÒNG UBND TỈNH    SAO Y', 'Số: 45/SY-VP    Quảng Ngãi, ngày 10 tháng 12 năm 2021'], STATE, '1234/QĐ-UBND', 'QĐ', '2021-11-06'],
    ['"SAO Y" and the number on one line', ['SAO Y    Số: 45/SY-VP'], STATE, '1234/QĐ-UBND', 'QĐ', '2021-11-06'],
    ['the copy\'s number not read', ['SAO Y', 'Số: /SY-VP'], STATE, '1234/QĐ-UBND', 'QĐ', '2021-11-06'],
    ['the document\'s number written by hand, the copy\'s printed', ['SAO Y', 'Số: 45/SY-VP'], STATE.map((l) => l.replace('1234/QĐ-UBND', '   /QĐ-UBND')), null, 'QĐ', '2021-11-06'],
    ['a Party copy (TRÍCH SAO, "-BS/")', ['TRÍCH SAO', 'Số 24-BS/UBKTTU'], PARTY, '112-QĐ/UBKTTU', 'QĐ', '2021-11-06'],
  ])('%s', (_where, copy, header, number, type, date) => {
    const f = extractFields([...copy, ...header].join('\n'), { today: new Date('2024-01-01') }).fields;
    expect([f.numberSymbol.value, f.typeCode.value, f.documentDate.value]).toEqual([number, type, date]);
    expect(f.issuer.value).toBe(header === PARTY ? 'ĐẢNG BỘ TỈNH QUẢNG NGÃI ỦY BAN KIỂM TRA' : 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI');
  });
});

describe('zone table: letters of the mass organisations (Đoàn, Mặt trận, Hội), which a Party office receives daily', () => {
  const body = ['', 'Kính gửi: Các cơ quan, đơn vị', 'Thực hiện Kế hoạch số 12-KH/TU ngày 05/01/2024 của Tỉnh ủy;', 'Đề nghị các đơn vị triển khai thực hiện.', 'Nơi nhận:', '- Như trên;', '- Lưu VP.'];
  const STATE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  it.each([
    // [the body, the header lines, number, issuer, its parent, subject]
    ['Tỉnh đoàn (its own motto, a trích yếu in quotes)', ['TỈNH ĐOÀN QUẢNG NGÃI          ĐOÀN TNCS HỒ CHÍ MINH', '***', 'Số: 245-CV/TĐTN-VP          Quảng Ngãi, ngày 12 tháng 3 năm 2024', '"V/v tổ chức Tháng Thanh niên năm 2024"'], '245-CV/TĐTN-VP', 'TỈNH ĐOÀN QUẢNG NGÃI', null, 'V/v tổ chức Tháng Thanh niên năm 2024'],
    ['BCH Đoàn, a plan', ['BCH ĐOÀN TỈNH QUẢNG NGÃI          ĐOÀN TNCS HỒ CHÍ MINH', '***', 'Số: 56-KH/TĐTN-TNTH          Quảng Ngãi, ngày 02 tháng 4 năm 2024', 'KẾ HOẠCH', 'Tổ chức các hoạt động hè năm 2024'], '56-KH/TĐTN-TNTH', 'BCH ĐOÀN TỈNH QUẢNG NGÃI', null, 'Tổ chức các hoạt động hè năm 2024'],
    ['Mặt trận: the committee over its place, the standing board under them', ['ỦY BAN MTTQ VIỆT NAM          ' + STATE, 'TỈNH QUẢNG NGÃI          Độc lập - Tự do - Hạnh phúc', 'BAN THƯỜNG TRỰC', 'Số: 456/MTTQ-BTT          Quảng Ngãi, ngày 15 tháng 5 năm 2024', 'V/v phối hợp tổ chức Ngày hội Đại đoàn kết'], '456/MTTQ-BTT', 'BAN THƯỜNG TRỰC', 'ỦY BAN MTTQ VIỆT NAM TỈNH QUẢNG NGÃI', 'V/v phối hợp tổ chức Ngày hội Đại đoàn kết'],
    ['Mặt trận, its committee alone', ['ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM          ' + STATE, 'HUYỆN BÌNH SƠN          Độc lập - Tự do - Hạnh phúc', 'Số: 45/MTTQ-BTT          Bình Sơn, ngày 15 tháng 5 năm 2024', 'V/v phối hợp tổ chức Ngày hội Đại đoàn kết'], '45/MTTQ-BTT', 'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM HUYỆN BÌNH SƠN', null, 'V/v phối hợp tổ chức Ngày hội Đại đoàn kết'],
    ['Hội Liên hiệp Phụ nữ', ['HỘI LHPN VIỆT NAM          ' + STATE, 'BCH TỈNH QUẢNG NGÃI          Độc lập - Tự do - Hạnh phúc', 'Số: 123/HPN-TG          Quảng Ngãi, ngày 12 tháng 3 năm 2024', 'V/v tuyên truyền kỷ niệm ngày 8/3'], '123/HPN-TG', 'BCH TỈNH QUẢNG NGÃI', 'HỘI LHPN VIỆT NAM', 'V/v tuyên truyền kỷ niệm ngày 8/3'],
    ['a State body with an organ under it', ['ỦY BAN NHÂN DÂN          ' + STATE, 'TỈNH QUẢNG NGÃI          Độc lập - Tự do - Hạnh phúc', 'BAN CHỈ ĐẠO 138', 'Số: 04/QĐ-BCĐ          Quảng Ngãi, ngày 15 tháng 5 năm 2024', 'QUYẾT ĐỊNH', 'Về việc kiện toàn Ban Chỉ đạo'], '04/QĐ-BCĐ', 'BAN CHỈ ĐẠO 138', 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', 'Về việc kiện toàn Ban Chỉ đạo'],
  ])('%s', (_what, header, number, issuer, parent, subject) => {
    const f = extractFields([...header, ...body, 'TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Nguyễn Văn An'].join('\n'), { today: new Date('2025-01-01') }).fields;
    expect([f.numberSymbol.value, f.issuer.value, f.issuerParent?.value ?? null, f.subject.value]).toEqual([number, issuer, parent, subject]);
  });
});

describe('zone table: a body\'s kind over its place is one name; a place\'s committee is a body of its own', () => {
  const STATE = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', ''];
  const PARTY = ['ĐẢNG CỘNG SẢN VIỆT NAM', '', ''];
  const body = ['V/v phối hợp thực hiện nhiệm vụ năm 2024', '', 'Kính gửi: Ban Thường vụ Tỉnh ủy', 'Thực hiện Kế hoạch số 12-KH/TU ngày 05/01/2024 của Tỉnh ủy;', 'Nơi nhận:', '- Như trên;', 'GIÁM ĐỐC', 'Nguyễn Văn An'];
  it.each([
    // [the issuer's lines, the motto's, the Số line, issuer, its parent]
    [['TÒA ÁN NHÂN DÂN', 'TỈNH QUẢNG NGÃI'], STATE, 'Số: 123/TA-VP', 'TÒA ÁN NHÂN DÂN TỈNH QUẢNG NGÃI', null],
    [['KHO BẠC NHÀ NƯỚC', 'TỈNH QUẢNG NGÃI'], STATE, 'Số: 123/KBQN-KTNN', 'KHO BẠC NHÀ NƯỚC TỈNH QUẢNG NGÃI', null],
    [['BỘ QUỐC PHÒNG', 'BỘ CHỈ HUY QUÂN SỰ', 'TỈNH QUẢNG NGÃI'], STATE, 'Số: 123/BCH-TM', 'BỘ CHỈ HUY QUÂN SỰ TỈNH QUẢNG NGÃI', 'BỘ QUỐC PHÒNG'],
    [['ĐẢNG BỘ TỈNH QUẢNG NGÃI', 'HUYỆN ỦY BÌNH SƠN'], PARTY, 'Số 123-CV/HU', 'HUYỆN ỦY BÌNH SƠN', 'ĐẢNG BỘ TỈNH QUẢNG NGÃI'],
    [['BAN CHẤP HÀNH ĐẢNG BỘ', 'TỈNH QUẢNG NGÃI'], PARTY, 'Số 12-CV/TU', 'BAN CHẤP HÀNH ĐẢNG BỘ TỈNH QUẢNG NGÃI', null],
  ])('%j', (issuerLines, motto, so, issuer, parent) => {
    const header = [...issuerLines.map((l, i) => `${l}          ${motto[i] ?? ''}`.trimEnd()), `${so}          Quảng Ngãi, ngày 12 tháng 3 năm 2024`];
    const f = extractFields([...header, ...body].join('\n'), { today: new Date('2026-01-01') }).fields;
    expect([f.issuer.value, f.issuerParent?.value ?? null]).toEqual([issuer, parent]);
  });
});

describe('zone table: who adopted it, in capitals between the tên loại and the trích yếu', () => {
  const head = (symbol: string) => ['BAN CHẤP HÀNH TRUNG ƯƠNG          ĐẢNG CỘNG SẢN VIỆT NAM', '*', `Số ${symbol}          Hà Nội, ngày 14 tháng 6 năm 2024`, ''];
  const body = ['', 'Thực hiện Nghị quyết số 12-NQ/TW ngày 05/01/2024 của Ban Chấp hành Trung ương;', 'Nơi nhận:', '- Như trên;', 'T/M BỘ CHÍNH TRỊ', 'Tô Lâm'];
  it.each([
    // [the document, the lines from its tên loại to its trích yếu, the symbol, the subject]
    ['a Politburo directive', ['CHỈ THỊ', 'CỦA BỘ CHÍNH TRỊ', 'về đại hội đảng bộ các cấp tiến tới Đại hội XIV của Đảng'], '35-CT/TW', 'về đại hội đảng bộ các cấp tiến tới Đại hội XIV của Đảng'],
    ['a conclusion of two organs', ['KẾT LUẬN', 'CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ', 'về chủ trương sắp xếp tổ chức bộ máy'], '123-KL/TW', 'về chủ trương sắp xếp tổ chức bộ máy'],
    ['a plenum\'s resolution, two lines naming it', ['NGHỊ QUYẾT', 'HỘI NGHỊ LẦN THỨ TÁM', 'BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII', '', 'về Chiến lược bảo vệ Tổ quốc trong tình hình mới'], '44-NQ/TW', 'về Chiến lược bảo vệ Tổ quốc trong tình hình mới'],
    ['a provincial standing board\'s resolution', ['NGHỊ QUYẾT', 'CỦA BAN THƯỜNG VỤ TỈNH ỦY', 'về phát triển kinh tế biển đến năm 2030'], '05-NQ/TW', 'về phát triển kinh tế biển đến năm 2030'],
    ['no such line: the trích yếu right under the tên loại', ['QUY ĐỊNH', 'về lấy phiếu tín nhiệm đối với chức vụ lãnh đạo'], '96-QĐ/TW', 'về lấy phiếu tín nhiệm đối với chức vụ lãnh đạo'],
  ])('%s', (_what, title, symbol, subject) => {
    const f = extractFields([...head(symbol), ...title, ...body].join('\n'), { today: new Date('2026-01-01') }).fields;
    expect([f.numberSymbol.value, f.subject.value]).toEqual([symbol, subject]);
  });
});

describe('zone table: a Party symbol\'s slash lost on a black-and-white scan', () => {
  const page = (so: string) => ['THÀNH ỦY ĐÀ NẴNG          ĐẢNG CỘNG SẢN VIỆT NAM', '*', so, 'Đà Nẵng, ngày 2 tháng 1 năm 2017', '', 'QUY ĐỊNH', 'về chế độ làm việc của chi bộ', '', '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;'].join('\n');
  it.each([
    // [the Số line as OCR read it, the symbol given]
    ['Số 8-QĐiTU', '8-QĐi/TU'],
    ['Số 372-CV\'ĐU', '372-CV/ĐU'],
    ['Số 12-CTr’HU', '12-CTr/HU'],
    ['Số 8-QĐi/TU', '8-QĐi/TU'],
    ['Số 13-QĐIHU', '13-QĐi/HU'],
  ])('%s → %s, never sure when the slash was put back', (so, want) => {
    const f = extractFields(page(so), { today: new Date('2024-01-01') }).fields.numberSymbol;
    expect(f.value).toBe(want);
    expect(f.confidence >= 0.9).toBe(so.includes('/'));
  });
});

describe('zone table: a Số line read in the other family\'s form', () => {
  const page = (motto: string, issuer: string, soLine: string) =>
    [`${issuer}          ${motto}`, 'TỈNH GIA LAI', `${soLine}          Gia Lai, ngày 20 tháng 01 năm 2021`, 'QUYẾT ĐỊNH', 'Về việc giao chỉ tiêu kế hoạch năm 2021', '', 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;'].join('\n');
  const STATE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const PARTY = 'ĐẢNG CỘNG SẢN VIỆT NAM';
  it.each([
    // [motto, the Số line as OCR read it, the number-symbol, whether its number is unread]
    ['a State letter, its handwritten number read as "3-L"', STATE, 'số3-L /QĐ-UBND', null, true],
    ['a State letter, "12-KH" before a State tail', STATE, 'Số: 12-KH/KH-SNV', null, true],
    ['a Party letter keeps its Party symbol', PARTY, 'Số 3-QĐ/TU', '3-QĐ/TU', false],
    ['a State letter with a State symbol is untouched', STATE, 'Số: 394/QĐ-UBND', '394/QĐ-UBND', false],
  ])('%s', (_what, motto, soLine, want, unread) => {
    const f = extractFields(page(motto, 'ỦY BAN NHÂN DÂN', soLine), { today: new Date('2021-06-01') }).fields.numberSymbol;
    expect(f.value).toBe(want);
    expect(/^handwritten/.test(f.reason ?? '')).toBe(unread);
  });
  it('the State tail then takes the digit recogniser\'s number, below 0.9', () => {
    const handwriting = [{ kind: 'number' as const, text: '394', confidence: 0.99, digits: [...'394'].map((char) => ({ char, p: 0.99 })) }];
    const f = extractFields(page(STATE, 'ỦY BAN NHÂN DÂN', 'số3-L /QĐ-UBND'), { today: new Date('2021-06-01'), handwriting }).fields.numberSymbol;
    expect(f.value).toBe('394/QĐ-UBND');
    expect(f.confidence).toBeLessThan(0.9);
  });
});

describe('zone table: the issuer column', () => {
  const cases: [string, string, string][] = [
    ['State, two lines are one name', 'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 47/QĐ-UBND\nQuảng Ngãi, ngày 05 tháng 02 năm 2025', 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI'],
    ['a signing stamp above is not the issuer', 'TRUNG TÂM CÔNG\nBÁO VÀ TIN HỌC\n\nỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 47/QĐ-UBND', 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI'],
    ['Party, the body under its superior', 'TỈNH ỦY THANH HÓA\nVĂN PHÒNG\n*\nSố 9-HD/VPTU', 'VĂN PHÒNG'],
    ['a Số line read as junk still ends the name', 'UBND TỈNH QUẢNG NAM\nSỞ TÀI CHÍNH\nSố7/2 IBUSTC\nQuảng Nam, ngày 7) tháng 4 năm 2022', 'SỞ TÀI CHÍNH'],
    ['a name OCR read without its marks ("SO" for "SỞ") is not a Số line', 'UBND TỈNH QUẢNG NAM\nSO GIAO THONG VAN TAI\nSố7/2 IBUSTC\nQuảng Nam, ngày 7) tháng 4 năm 2022', 'SO GIAO THONG VAN TAI'],
    ['… and a name the vocabulary knows gets its marks back', 'UBND TỈNH QUẢNG NAM\nSO TAI CHINH\nSố7/2 IBUSTC\nQuảng Nam, ngày 7) tháng 4 năm 2022', 'SỞ TÀI CHÍNH'],
    ['a State body\'s marks misread ("BẢO HIẾM")', 'BẢO HIẾM XÃ HỘI\nTỈNH QUẢNG NAM\nSố: 79/BC-BHXH\nQuảng Nam, ngày 7 tháng 4 năm 2022', 'BẢO HIỂM XÃ HỘI TỈNH QUẢNG NAM'],
  ];
  it.each(cases)('%s', (_name, text, want) => {
    expect(extractFields(text).fields.issuer.value).toBe(want);
  });
});

describe('zone table: secrecy fails closed', () => {
  const header = (mark: string) => `TỈNH ỦY A\nVĂN PHÒNG\n*\nSố 12-CV/VPTU\n${mark}\nV/v chuẩn bị hội nghị\n\nKính gửi: Các huyện ủy`;
  const cases: [string, string, string | null, string | null][] = [
    ['a clear MẬT', 'MẬT', 'mat', null],
    ['no mark, the zone read clearly', '', null, null],
    ['a word a letter from MẬT', 'MẠI', null, SECRECY_DOUBT],
    ['a line of specks where a stamp sits', "'*^ .* ~ :;", null, SECRECY_DOUBT],
  ];
  it.each(cases)('%s', (_name, mark, value, reason) => {
    const s = extractFields(header(mark)).fields.secrecy;
    expect(s.value).toBe(value);
    expect(s.reason ?? null).toBe(reason);
    if (reason) expect(s.confidence).toBeLessThan(0.7);
  });
  it.each([
    // [the stamp's line as OCR read it, the secrecy given, whether it is unsure]
    ['TỐI read "LIOI" before MẬT (a black-and-white scan)', 'LIOI MAT |', 'tuyet-mat', true],
    ['TUYỆT two letters off: the two-word stamp itself', 'TUVFT MẬT', 'tuyet-mat', false],
    ['TỐI read "IOL"', 'IOL MẬT', 'tuyet-mat', true],
    ['TỐI read a letter off: the two-word stamp itself', 'TÕI MẬT', 'toi-mat', false],
    ['MẬT alone', 'MẬT', 'mat', false],
    ['the issuer\'s last word on the stamp\'s line is no misread TỐI', 'ỦY BAN KIỂM TRA     MẬT', 'mat', false],
    ['nor "BÍ MẬT" a stamp', 'BẢO VỆ BÍ MẬT NHÀ NƯỚC', null, false],
  ])('a word before MẬT that may be TỐI or TUYỆT misread fails closed to TUYỆT MẬT: %s', (_name, mark, value, unsure) => {
    const s = extractFields(header(mark)).fields.secrecy;
    expect(s.value).toBe(value);
    expect(!!s.reason).toBe(unsure);
    if (unsure) expect(s.confidence).toBeLessThan(0.9);
  });
  it('markDoubt reads only the header zone', () => {
    expect(markDoubt(toLines("Số 1-CV/TU\n\n'*^ .* ~ :;"), 1)).toBeNull();
  });
  it('registration needs the clerk’s word on secrecy when OCR was unsure (never registered as not secret by default)', () => {
    const f = (value: unknown, confidence = 0.95) => ({ value, confidence });
    const fields = {
      numberSymbol: f('12-CV/VPTU'), documentDate: f('2025-01-02'), issuer: f('VĂN PHÒNG'), typeCode: f('CV'), subject: f('V/v a'),
      issuerCode: f('VPTU'), place: f(null), urgency: f(null), signer: f(null), recipients: f(null),
      secrecy: { value: null, confidence: 0.4, reason: SECRECY_DOUBT },
    } as unknown as ScanFields;
    expect(incomingFromScan({ scanId: 'S1', fields }, {}).missing).toEqual(['secrecy']);
    expect(incomingFromScan({ scanId: 'S1', fields }, { secrecy: null }).missing).toEqual([]);
    expect(incomingFromScan({ scanId: 'S1', fields }, { secrecy: 'mat' }).input.secrecy).toBe('mat');
  });
});

describe('zone table: the family', () => {
  it.each([
    ['Party motto', 'TỈNH ỦY A\nSố 12-NQ/TU\nĐẢNG CỘNG SẢN VIỆT NAM', 'party'],
    ['State motto', 'ỦY BAN NHÂN DÂN\nSố: 47/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc', 'state'],
    ['no motto read: the symbol’s grammar, Party', 'TỈNH ỦY A\nSố 12-NQ/TU', 'party'],
    ['no motto read: the symbol’s grammar, State', 'SỞ NỘI VỤ\nSố: 1234/SNV-TCCB', 'state'],
  ] as const)('%s', (_name, text, family) => {
    expect(extractFields(text).fields.system!.value).toBe(family);
  });
});

describe('zone table: the trích yếu', () => {
  const doc = (subjectLines: string[]) =>
    ['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 47/QĐ-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Quảng Ngãi, ngày 05 tháng 02 năm 2025', '', 'QUYẾT ĐỊNH', ...subjectLines, '', 'Căn cứ Luật Tổ chức chính quyền địa phương;'].join('\n');
  it.each([
    ['the block under the tên loại, wrapped', ['Về việc giao đất cho Ban Quản lý dự án', 'để thực hiện dự án tại thị trấn'], 'Về việc giao đất cho Ban Quản lý dự án để thực hiện dự án tại thị trấn', 0.85],
    ['a lower-case "thực hiện" line stays in the block', ['Về việc tổ chức', 'thực hiện Nghị quyết'], 'Về việc tổ chức thực hiện Nghị quyết', 0.85],
    ['State words read without their marks get them back', ['Về việc công bô danh mục', 'và quy trình giai quyết'], 'Về việc công bố danh mục và quy trình giải quyết', 0.85],
    ['a stamp over the words: given, but unsure', ["Về việc tăng cường ' *^ .* ín", 'sử dụng vốn'], "Về việc tăng cường ' *^ .* ín sử dụng vốn", 0.51],
  ] as const)('%s', (_name, lines, want, conf) => {
    const s = extractFields(doc([...lines])).fields.subject;
    expect(s.value).toBe(want);
    expect(s.confidence).toBeCloseTo(conf, 2);
  });
});

describe('zone table: where the document ends (an attachment after the signing block is not the document)', () => {
  const letter = ['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 9/TTr-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỜ TRÌNH', 'Về việc ban hành Nghị quyết', 'Kính gửi: Hội đồng nhân dân tỉnh', 'Kính trình xem xét./.', 'Nơi nhận:', '- Như trên;', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Văn An'];
  const draft = ['', 'HỘI ĐỒNG NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'NGHỊ QUYẾT', 'Căn cứ Luật;', 'Nơi nhận:', '- Bộ Tư pháp;', 'CHỦ TỊCH', 'Lê Văn Bình'];
  it.each([
    ['nothing attached', letter, letter.length],
    ['a draft with its own header and signer', [...letter, ...draft], letter.length + 1],
    ['a motto in the body before any signing block is not an attachment', [...letter.slice(0, 7), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', ...letter.slice(7)], letter.length + 1],
  ] as const)('%s', (_name, text, end) => {
    const lines = toLines(text.join('\n'));
    expect(documentEnd(lines, headerZoneLimit(lines))).toBe(end);
  });
  it('the signer is the letter’s, not the attached draft’s', () => {
    const { fields } = extractFields([...letter, ...draft].join('\n'));
    expect(fields.signer.value).toBe('Trần Văn An');
    expect(fields.numberSymbol.value).toBe('9/TTr-UBND');
  });
  it('the place still reads on a date line whose day was written by hand', () => {
    const { fields } = extractFields(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 9/TTr-UBND', 'Quảng Ngãi, ngàyØftháng 01 năm 2025', 'TỜ TRÌNH', 'Về việc a'].join('\n'));
    expect(fields.place.value).toBe('Quảng Ngãi');
    expect(fields.documentDate.value).toBeNull();
    expect(fields.documentDate.reason).toMatch(/handwritten/);
  });
});

describe('zone table: what a State letter fills in by hand is never given as sure', () => {
  const state = (so: string, date: string) => ['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', so, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', date, 'QUYẾT ĐỊNH', 'Về việc a', 'Căn cứ Luật;'].join('\n');
  it.each([
    ['a number read as print on a scan', 'Số: 47/QĐ-UBND', false, '47/QĐ-UBND', false],
    ['a number in the gap left before its slash', 'Số: 04 /QĐ-UBND', false, '04/QĐ-UBND', false],
    ['a typed number (a born-digital page)', 'Số: 47/QĐ-UBND', true, '47/QĐ-UBND', true],
  ] as const)('%s', (_name, so, typedHeader, want, sure) => {
    const n = extractFields(state(so, 'Quảng Ngãi, ngày 05 tháng 02 năm 2025'), { typedHeader }).fields.numberSymbol;
    expect(n.value).toBe(want);
    expect(n.confidence >= 0.9).toBe(sure);
    // Unsure says why: written by hand.
    expect(sure || /handwritten|by hand/.test(n.reason ?? '')).toBe(true);
  });
  it('the day of a State letter is given, under 0.9', () => {
    const d = extractFields(state('Số: 47/QĐ-UBND', 'Quảng Ngãi, ngày 05 tháng 02 năm 2025')).fields.documentDate;
    expect(d.value).toBe('2025-02-05');
    expect(d.confidence).toBeLessThan(0.9);
  });
});

describe('zone table: the tên loại mends a State symbol\'s misread type letters', () => {
  it.each([
    ['type letters read as a body ("TII")', 'Số: 148/TII-UBND', 'TTr', '148/TTr-UBND'],
    ['a letter lost ("TH")', 'Số: 611/TH-SNV', 'TTr', '611/TTr-SNV'],
    ['a lower-case letter lost ("TT")', 'Số: 589/TT-UBND', 'TTr', '589/TTr-UBND'],
    ['a công văn\'s body, far from the code', 'Số: 299/UBND-TTHC', 'QĐ', null],
    ['another type, two letters apart', 'Số: 12/KH-UBND', 'BC', null],
    ['a regulatory symbol with its year', 'Số: 45/2024/NĐ-CP', 'TT', null],
    ['symbol and tên loại agreeing', 'Số: 88/QĐ-UBND', 'QĐ', null],
  ])('%s', (_what, text, code, want) => {
    const parsed = findNumberSymbols(text)[0]!.parsed;
    expect(symbolMendedByTitle(parsed, code as string)?.canonical ?? null).toBe(want);
  });
  it('a mended symbol is never given as sure, nor its type', () => {
    const f = extractFields(['ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỈNH ĐẮK LẮK            Độc lập - Tự do - Hạnh phúc', 'Số: 148/TII-UBND          Đắk Lắk, ngày 14 tháng 10 năm 2020', '', 'TỜ TRÌNH', 'Về việc tăng cường công tác phòng, chống thiên tai', '', 'Kính gửi: Hội đồng nhân dân tỉnh'].join('\n'), { today: new Date('2021-01-01') }).fields;
    expect(f.numberSymbol.value).toBe('148/TTr-UBND');
    expect(f.typeCode.value).toBe('TTr');
    expect(f.numberSymbol.confidence).toBeLessThan(0.9);
    expect(f.typeCode.confidence).toBeLessThan(0.9);
  });
});

describe('zone table: a date line whose handwritten day was not made out', () => {
  it.each([
    ['the day glued to "ngày" and "tháng"', 'Quảng Ngãi, ngàyØftháng 02 năm 2025', true],
    ['"tháng" lost its "t" to the handwriting', 'Phú Yên, ngày 2@háng 11 năm 2024', true],
    ['the "y" of "ngày" and the day glued to it read as capitals', 'Kon Tum, ngàVÀ . tháng 5 năm 2024', true],
    ['the "y" and the handwriting over it read as one mark', 'Phú Yên,ngà& tháng 9À năm 2023', true],
    ['"ngà" and a mark, no "tháng" after it (running text)', 'Nguồn: ngà& 12 trang năm 2023', false],
    ['a day in figures cited in the body', 'Thực hiện Công văn số 12/UBND-KT ngày 12/01/2025', false],
    ['a form with no year yet', 'Hà Nội, ngày     tháng     năm', false],
  ])('%s', (_what, text, unread) => {
    expect(!!unreadDateLine(toLines(text as string), 1)).toBe(unread);
  });
});

describe('zone table: a QĐ whose "tháng" and tên loại OCR marred', () => {
  const page = [
    'ỦY BAN NHÂN DÂN',
    'TỈNH PHÚ YÊN',
    'Số98 /QĐ-UBND',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Phú Yên, ngày 2@háng 11 năm 2024',
    '',
    'nh QUYẾT ĐỊNH',
    'Về việc giao chỉ tiêu kế hoạch đầu tư công',
    '',
    'ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN',
    '',
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
  ].join('\n');
  it('the tên loại and trích yếu are read, and the date line is not the trích yếu', () => {
    const f = extractFields(page, { today: new Date('2025-06-01') }).fields;
    expect(f.typeCode.value).toBe('QĐ');
    expect(f.subject.value).toBe('Về việc giao chỉ tiêu kế hoạch đầu tư công');
    expect(f.documentDate.value).toBeNull();
    expect(f.documentDate.reason).toMatch(/^handwritten/);
  });
  it('the handwritten day read by the recogniser makes the date with the printed month and year', () => {
    const day = { kind: 'day' as const, text: '28', confidence: 0.95, digits: [{ char: '2', p: 0.95 }, { char: '8', p: 0.96 }] };
    const f = extractFields(page, { today: new Date('2025-06-01'), handwriting: [day] }).fields;
    expect(f.documentDate.value).toBe('2024-11-28');
    expect(f.documentDate.confidence).toBeLessThan(0.9);
  });
});
