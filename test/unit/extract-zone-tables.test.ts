/**
 * A table per zone of the page (issue 14: "zones before fields"): small documents laid out as
 * OCR gives them (OcrPages with word boxes, test/support/ocr-documents.ts), each with the
 * outcome the domain asks for (domain.md c, d, f): the header's fields are read from the header,
 * nothing in the body becomes a header field, the signing block gives the signer and capacity,
 * Nơi nhận gives the recipients and nothing else, and stamps (an incoming receipt, an e-copy's
 * SAO Y) are not the document's number or date. Regression rows from the property tests'
 * shrunk cases are marked "(found by property)".
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../shared/scans/domain/extract/index';
import type { ScanField } from '../../shared/scans/domain/model';
import { layPage, wrapPx, type Piece, type Row } from '../support/ocr-documents';

/** A field's wanted outcome: its value, or null with a reason (matching the pattern when given). */
type Want = unknown | { nullBecause: RegExp };
const nullBecause = (why: RegExp = /./) => ({ nullBecause: why });

const L = (text: string): Piece => ({ text, at: 'left-col' });
const R = (text: string): Piece => ({ text, at: 'right-col' });
const C = (text: string): Row => [{ text, at: 'centre' }];
const body = (text: string): Row[] => wrapPx(text, 1800).map((l, i) => [{ text: l, at: i ? 'full' : 'indent' }]);
/** Header columns side by side, row by row. */
const columns = (left: string[], right: string[]): Row[] =>
  Array.from({ length: Math.max(left.length, right.length) }, (_, i) => [...(left[i] ? [L(left[i]!)] : []), ...(right[i] ? [R(right[i]!)] : [])]);
const footer = (recipients: string[], signing: string[]): Row[] =>
  columns([], []).concat(
    Array.from({ length: Math.max(recipients.length + 1, signing.length) }, (_, i): Row => {
      const left = i === 0 ? 'Nơi nhận:' : recipients[i - 1];
      return [...(left ? [{ text: left, at: 'left' as const }] : []), ...(signing[i] ? [R(signing[i]!)] : [])];
    }),
  );

const PARTY_MOTTO = 'ĐẢNG CỘNG SẢN VIỆT NAM';
const STATE_MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
const FILLER = 'các cơ quan, đơn vị chủ động phối hợp chặt chẽ, bảo đảm tiến độ, chất lượng và hiệu quả, kịp thời báo cáo những khó khăn, vướng mắc phát sinh.';
const PARTY_HEAD = columns(['TỈNH ỦY HƯNG YÊN', 'BAN TỔ CHỨC', '*', 'Số 12-KH/BTCTU'], [PARTY_MOTTO, '', '', 'Hưng Yên, ngày 05 tháng 3 năm 2025']);
const STATE_HEAD = columns(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 47/QĐ-UBND'], [...STATE_MOTTO, 'Quảng Ngãi, ngày 05 tháng 02 năm 2025']);
const PARTY_FOOT = footer(['- Như trên;', '- Lưu Văn phòng.'], ['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', '', '', 'Nguyễn Văn An']);
const STATE_FOOT = footer(['- Như Điều 3;', '- Lưu: VT, KGVX.'], ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', '', 'Trần Văn Bình']);

function read(pages: Row[][]): Record<string, ScanField> {
  return extractFields({ pages: pages.map((rows) => layPage(rows, false)) }).fields;
}

function check(got: Record<string, ScanField>, want: Record<string, Want>): void {
  for (const [k, w] of Object.entries(want)) {
    const f = got[k]!;
    if (w && typeof w === 'object' && 'nullBecause' in w) {
      expect(f.value, k).toBeNull();
      expect(f.reason, k).toMatch((w as { nullBecause: RegExp }).nullBecause);
    } else expect(f.value, k).toEqual(w);
  }
}

type Case = [name: string, pages: Row[][], want: Record<string, Want>];

describe('zone table: the header (issuer, number, place and date, tên loại, trích yếu)', () => {
  const cases: Case[] = [
    ['Party: body under its superior, star, "Số n-TYPE/BODY"', [[...PARTY_HEAD, 'gap', C('KẾ HOẠCH'), C('về công tác cán bộ năm 2025'), 'gap', ...body(`Thực hiện ${FILLER}`)]],
      { numberSymbol: '12-KH/BTCTU', typeCode: 'KH', issuerCode: 'BTCTU', issuer: 'BAN TỔ CHỨC', issuerParent: 'TỈNH ỦY HƯNG YÊN', place: 'Hưng Yên', documentDate: '2025-03-05', subject: 'về công tác cán bộ năm 2025', system: 'party' }],
    ['Party công văn: the trích yếu under Số, no tên loại', [[...columns(['TỈNH ỦY HƯNG YÊN', 'VĂN PHÒNG', '*', 'Số 215-CV/VPTU', 'V/v chuẩn bị hội nghị'], [PARTY_MOTTO, '', '', 'Hưng Yên, ngày 20 tháng 11 năm 2025']), 'gap', C('Kính gửi: Các huyện ủy'), ...body(`Thực hiện ${FILLER}`)]],
      { numberSymbol: '215-CV/VPTU', typeCode: 'CV', subject: 'V/v chuẩn bị hội nghị', issuer: 'VĂN PHÒNG', documentDate: '2025-11-20' }],
    ['Party: a number under 10 keeps its leading zero', [[...columns(['TỈNH ỦY HƯNG YÊN', '*', 'Số 05-NQ/TU'], [PARTY_MOTTO, '', 'Hưng Yên, ngày 06 tháng 02 năm 2024']), 'gap', C('NGHỊ QUYẾT'), C('về chuyển đổi số'), 'gap', ...body(`Căn cứ Điều lệ Đảng; ${FILLER}`)]],
      { numberSymbol: '05-NQ/TU', documentDate: '2024-02-06', issuer: 'TỈNH ỦY HƯNG YÊN', issuerParent: null }],
    ['State: "ỦY BAN NHÂN DÂN" over "TỈNH …" is one name; "Số: n/TYPE-BODY"', [[...STATE_HEAD, 'gap', C('QUYẾT ĐỊNH'), C('Về việc giao đất cho Ban Quản lý dự án'), 'gap', ...body(`Căn cứ Luật Đất đai; ${FILLER}`)]],
      { numberSymbol: '47/QĐ-UBND', typeCode: 'QĐ', issuerCode: 'UBND', issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', issuerParent: null, place: 'Quảng Ngãi', documentDate: '2025-02-05', subject: 'Về việc giao đất cho Ban Quản lý dự án', system: 'state' }],
    ['State regulatory: the year between the slashes', [[...columns(['CHÍNH PHỦ', 'Số: 45/2024/NĐ-CP'], [...STATE_MOTTO, 'Hà Nội, ngày 26 tháng 4 năm 2024']), 'gap', C('NGHỊ ĐỊNH'), C('Quy định chi tiết một số điều của Luật'), 'gap', ...body(`Căn cứ Luật Tổ chức Chính phủ; ${FILLER}`)]],
      { numberSymbol: '45/2024/NĐ-CP', typeCode: 'NĐ', issuerCode: 'CP', issuer: 'CHÍNH PHỦ', place: 'Hà Nội', documentDate: '2024-04-26' }],
    ['State công văn: "n/BODY-UNIT", V/v under the number, the sở under its UBND', [[...columns(['UBND TỈNH NINH BÌNH', 'SỞ NỘI VỤ', 'Số: 299/SNV-TTHC', 'V/v báo cáo số lượng cán bộ,', 'công chức năm 2025'], [...STATE_MOTTO, 'Ninh Bình, ngày 20 tháng 11 năm 2025']), 'gap', C('Kính gửi: Các sở, ban, ngành tỉnh'), ...body(`Thực hiện ${FILLER}`)]],
      { numberSymbol: '299/SNV-TTHC', typeCode: 'CV', issuerCode: 'SNV', issuer: 'SỞ NỘI VỤ', issuerParent: 'UBND TỈNH NINH BÌNH', subject: 'V/v báo cáo số lượng cán bộ, công chức năm 2025' }],
    ['a trích yếu of three lines under the tên loại is one subject', [[...STATE_HEAD, 'gap', C('QUYẾT ĐỊNH'), C('Về việc phê duyệt danh mục thủ tục hành chính'), C('được chuẩn hóa trong lĩnh vực nội vụ thuộc'), C('phạm vi quản lý của tỉnh'), 'gap', ...body(`Căn cứ Luật; ${FILLER}`)]],
      { subject: 'Về việc phê duyệt danh mục thủ tục hành chính được chuẩn hóa trong lĩnh vực nội vụ thuộc phạm vi quản lý của tỉnh', typeCode: 'QĐ' }],
    ['(found by property) a trích yếu wrapped inside a range ("2026" / "- 2030 …") is one subject', [[...STATE_HEAD, 'gap', C('QUYẾT ĐỊNH'), C('Về việc triển khai xây dựng nông thôn mới giai đoạn 2026'), C('- 2030 trên địa bàn tỉnh'), C('-----'), 'gap', ...body(`Căn cứ Luật; ${FILLER}`)]],
      { subject: 'Về việc triển khai xây dựng nông thôn mới giai đoạn 2026 - 2030 trên địa bàn tỉnh' }],
    ['the same range wrapped in a công văn’s V/v under the number', [[...columns(['UBND TỈNH NINH BÌNH', 'SỞ NỘI VỤ', 'Số: 299/SNV-TTHC', 'V/v kế hoạch giai đoạn 2026', '- 2030 của Sở'], [...STATE_MOTTO, 'Ninh Bình, ngày 20 tháng 11 năm 2025']), 'gap', C('Kính gửi: Các sở, ban, ngành tỉnh'), ...body(`Thực hiện ${FILLER}`)]],
      { subject: 'V/v kế hoạch giai đoạn 2026 - 2030 của Sở' }],
    ['(found by property) a trích yếu whose cited number-symbol wrapped onto a line of its own keeps it', [[...PARTY_HEAD, 'gap', C('KẾ HOẠCH'), C('về triển khai xây dựng nông thôn mới để thực hiện Kết luận số'), C('45-KL/TW'), C('-----'), 'gap', ...body(`Thực hiện ${FILLER}`)]],
      { subject: 'về triển khai xây dựng nông thôn mới để thực hiện Kết luận số 45-KL/TW', numberSymbol: '12-KH/BTCTU' }],
    ['(found by property) a V/v wrapped before a lower-case "thực hiện …" keeps its last line', [[...columns(['UBND TỈNH NINH BÌNH', 'SỞ NỘI VỤ', 'Số: 299/SNV-TTHC', 'V/v chuyển đổi số năm 2025 để', 'thực hiện Kết luận số 45-KL/TW'], [...STATE_MOTTO, 'Ninh Bình, ngày 20 tháng 11 năm 2025']), 'gap', C('Kính gửi: Các sở, ban, ngành tỉnh'), ...body(`Thực hiện ${FILLER}`)]],
      { subject: 'V/v chuyển đổi số năm 2025 để thực hiện Kết luận số 45-KL/TW', numberSymbol: '299/SNV-TTHC' }],
    ['(found by property) a Số line misread ("100B - NQ / BTCTU"), the trích yếu wrapped before its cited "1-KL/TW": never that number',
      [[...columns(['TỈNH ỦY HƯNG YÊN', 'BAN TỔ CHỨC', '*', 'Số 100B - NQ / BTCTU'], [PARTY_MOTTO, '', '', 'Hưng Yên, ngày 05 tháng 3 năm 2025']), 'gap', C('NGHỊ QUYẾT'), C('về công tác cán bộ để thực hiện Kết luận số'), C('1-KL/TW'), C('-----'), 'gap', ...body(`Căn cứ Điều lệ Đảng; ${FILLER}`)]],
      { numberSymbol: nullBecause(), typeCode: 'NQ' }],
    ['(found by property in CI) a State Số line not made out ("104B/2016/QĐ-UBND", an 8 read as B), the trích yếu wrapped before its cited "số 1-KL/TW": never that number',
      [[...columns(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 104B/2016/QĐ-UBND'], [...STATE_MOTTO, 'Quảng Ngãi, ngày 01 tháng 01 năm 2016']), 'gap', C('QUYẾT ĐỊNH'), C('Về việc báo cáo kết quả công tác cán bộ trên địa bàn tỉnh để thực hiện Kết luận'), C('số 1-KL/TW'), C('-----'), 'gap', ...body(`Căn cứ Nghị định số 1/2010/NĐ-CP ngày 01/01/2010; ${FILLER}`)]],
      { numberSymbol: nullBecause(), issuerCode: nullBecause(), typeCode: 'QĐ' }],
    ['a ministry on one line, the rule under it read as a short word, the V/v wrapped below the date line', [[...columns(['BỘ TÀI CHÍNH', 'nai', 'Số: 3251/BTC-NSNN', 'V/v sắp xếp, tổ chức lại các đơn vị', 'sự nghiệp công lập'], [...STATE_MOTTO, '', 'Hà Nội, ngày 08 tháng 3 năm 2021']), 'gap', C('Kính gửi: Các sở, ban, ngành'), ...body(`Thực hiện ${FILLER}`)]],
      { numberSymbol: '3251/BTC-NSNN', typeCode: 'CV', issuerCode: 'BTC', issuer: 'BỘ TÀI CHÍNH', issuerParent: null, place: 'Hà Nội', documentDate: '2021-03-08', subject: 'V/v sắp xếp, tổ chức lại các đơn vị sự nghiệp công lập' }],
    ['a ministry’s name wrapped at its "VÀ" is one name, not a body under another', [[...columns(['BỘ GIÁO DỤC', 'VÀ ĐÀO TẠO', 'Số: 12/2024/TT-BGDĐT'], [...STATE_MOTTO, 'Hà Nội, ngày 26 tháng 4 năm 2024']), 'gap', C('THÔNG TƯ'), C('Quy định về chuẩn cơ sở giáo dục'), 'gap', ...body(`Căn cứ Luật Giáo dục; ${FILLER}`)]],
      { numberSymbol: '12/2024/TT-BGDĐT', typeCode: 'TT', issuerCode: 'BGDĐT', issuer: 'BỘ GIÁO DỤC VÀ ĐÀO TẠO', issuerParent: null }],
    ['a body under its ministry keeps the ministry as its parent', [[...columns(['BỘ NỘI VỤ', 'CỤC VĂN THƯ VÀ', 'LƯU TRỮ NHÀ NƯỚC', 'Số: 88/VTLTNN-NVTW', 'V/v hướng dẫn lập hồ sơ'], [...STATE_MOTTO, 'Hà Nội, ngày 05 tháng 02 năm 2025']), 'gap', C('Kính gửi: Văn phòng Tỉnh ủy'), ...body(`Thực hiện ${FILLER}`)]],
      { numberSymbol: '88/VTLTNN-NVTW', issuerCode: 'VTLTNN', issuer: 'CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC', issuerParent: 'BỘ NỘI VỤ' }],
    ['a commune’s UBND: its name kept as printed ("TỊNH", not "TỈNH"), "Số: n/UBND" with no unit', [[...columns(['ỦY BAN NHÂN DÂN', 'XÃ TỊNH PHONG', 'Số: 45/UBND', 'V/v rà soát hộ nghèo năm 2025'], [...STATE_MOTTO, 'Tịnh Phong, ngày 05 tháng 3 năm 2025']), 'gap', C('Kính gửi: Đảng ủy xã'), ...body(`Thực hiện ${FILLER}`)]],
      { numberSymbol: '45/UBND', typeCode: 'CV', issuerCode: 'UBND', issuer: 'ỦY BAN NHÂN DÂN XÃ TỊNH PHONG', place: 'Tịnh Phong', subject: 'V/v rà soát hộ nghèo năm 2025' }],
    ['a công văn symbol cut short by OCR ("Số: 45/UB") is no symbol; "45/UBND" with no unit is never sure', [[...columns(['ỦY BAN NHÂN DÂN', 'XÃ TỊNH PHONG', 'Số: 45/UB', 'V/v rà soát hộ nghèo năm 2025'], [...STATE_MOTTO, 'Tịnh Phong, ngày 05 tháng 3 năm 2025']), 'gap', C('Kính gửi: Đảng ủy xã'), ...body(`Thực hiện ${FILLER}`)]],
      { numberSymbol: nullBecause(), typeCode: 'CV' }],
    ['the Prime Minister’s công điện', [[...columns(['THỦ TƯỚNG CHÍNH PHỦ', 'Số: 3/CĐ-TTg'], [...STATE_MOTTO, 'Hà Nội, ngày 10 tháng 01 năm 2025']), 'gap', C('CÔNG ĐIỆN'), C('Về việc tăng cường phòng, chống thiên tai'), 'gap', ...body(`THỦ TƯỚNG CHÍNH PHỦ điện: ${FILLER}`)]],
      { numberSymbol: '3/CĐ-TTg', typeCode: 'CĐ', issuerCode: 'TTg', issuer: 'THỦ TƯỚNG CHÍNH PHỦ', documentDate: '2025-01-10' }],
    ['the number written by hand after signature: null, "handwritten"', [[...columns(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: ð#/UBND-VP', 'V/v triển khai nhiệm vụ'], [...STATE_MOTTO, 'Quảng Ngãi, ngày 05 tháng 02 năm 2025']), 'gap', ...body(`Căn cứ Nghị định số 71/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ; ${FILLER}`)]],
      { numberSymbol: nullBecause(/handwritten/), typeCode: 'CV', issuerCode: 'UBND' }],
  ];
  it.each(cases)('%s', (_name, pages, want) => check(read(pages), want));
});

describe('zone table: the body (nothing in it becomes a header field)', () => {
  const noDate = columns(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 47/QĐ-UBND'], STATE_MOTTO);
  const cases: Case[] = [
    ['a decree cited with its written date, the header’s date lost', [[...noDate, 'gap', C('QUYẾT ĐỊNH'), C('Về việc giao đất'), 'gap', ...body(`Căn cứ Nghị định số 71/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ; ${FILLER}`)]],
      { numberSymbol: '47/QĐ-UBND', documentDate: nullBecause(), place: nullBecause() }],
    ['a Party directive cited, no Số line in the header', [[...columns(['TỈNH ỦY HƯNG YÊN', 'BAN TỔ CHỨC', '*'], [PARTY_MOTTO, '', 'Hưng Yên, ngày 05 tháng 3 năm 2025']), 'gap', C('KẾ HOẠCH'), C('về học tập chỉ thị'), 'gap', ...body(`Thực hiện Chỉ thị số 11-CT/TW ngày 13/02/2017 của Ban Bí thư, ${FILLER}`)]],
      { numberSymbol: nullBecause(/Số/), documentDate: '2025-03-05', typeCode: 'KH' }],
    ['"QUYẾT ĐỊNH:" and the articles after the preamble are body, not tên loại or trích yếu', [[...STATE_HEAD, 'gap', C('QUYẾT ĐỊNH'), C('Về việc thành lập Tổ công tác'), 'gap', ...body('Căn cứ Luật Tổ chức chính quyền địa phương;'), C('QUYẾT ĐỊNH:'), ...body('Điều 1. Thành lập Tổ công tác chuyển đổi số của tỉnh.'), ...STATE_FOOT]],
      { typeCode: 'QĐ', subject: 'Về việc thành lập Tổ công tác' }],
    ['"bí mật" and "khẩn trương" in the body are no marks', [[...PARTY_HEAD, 'gap', C('KẾ HOẠCH'), C('về công tác năm 2025'), 'gap', ...body(`Yêu cầu khẩn trương triển khai, bảo vệ bí mật nhà nước, ${FILLER}`), ...PARTY_FOOT]],
      { secrecy: null, urgency: null }],
  ];
  it.each(cases)('%s', (_name, pages, want) => check(read(pages), want));
});

describe('zone table: the signing block (capacity, chức vụ, name)', () => {
  const doc = (signing: string[], head: Row[] = PARTY_HEAD): Row[][] => [[...head, 'gap', C('KẾ HOẠCH'), C('về công tác năm 2025'), 'gap', ...body(`Thực hiện ${FILLER}`), ...footer(['- Như trên;', '- Lưu VT.'], signing)]];
  const cases: Case[] = [
    ['T/M a collective', doc(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', '', '', 'Nguyễn Văn An']), { signingCapacity: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signer: 'Nguyễn Văn An' }],
    ['K/T for the head', doc(['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', '', '', 'Lê Thị Hòa']), { signingCapacity: 'K/T TRƯỞNG BAN', signerTitle: 'PHÓ TRƯỞNG BAN', signer: 'Lê Thị Hòa' }],
    ['T/L for the standing board', doc(['T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG', '', '', 'Phạm Minh Tuấn']), { signingCapacity: 'T/L BAN THƯỜNG VỤ', signerTitle: 'CHÁNH VĂN PHÒNG' }],
    ['the head signing directly: no capacity', doc(['TRƯỞNG BAN', '', '', 'Vũ Đức Sơn']), { signingCapacity: nullBecause(), signerTitle: 'TRƯỞNG BAN', signer: 'Vũ Đức Sơn' }],
    ['State TM. is T/M', doc(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', '', 'Trần Văn Bình'], STATE_HEAD), { signingCapacity: 'T/M ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH', signer: 'Trần Văn Bình' }],
    ['State KT. is K/T', doc(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', '', 'Đỗ Thanh Lan'], STATE_HEAD), { signingCapacity: 'K/T GIÁM ĐỐC', signerTitle: 'PHÓ GIÁM ĐỐC' }],
    ['State TL. is T/L', doc(['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', '', '', 'Ngô Việt Khánh'], STATE_HEAD), { signingCapacity: 'T/L CHỦ TỊCH', signerTitle: 'CHÁNH VĂN PHÒNG' }],
    ['(found by property) a minister’s deputy: THỨ TRƯỞNG, which spells THỦ TRƯỞNG but for its marks, kept as printed', doc(['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', '', '', 'Lê Văn Thanh'], STATE_HEAD), { signingCapacity: 'K/T BỘ TRƯỞNG', signerTitle: 'THỨ TRƯỞNG' }],
    ['(found by property) the Prime Minister signing himself', doc(['THỦ TƯỚNG', '', '', 'Trần Hồng Hà'], STATE_HEAD), { signingCapacity: nullBecause(), signerTitle: 'THỦ TƯỚNG', signer: 'Trần Hồng Hà' }],
    ['a deputy prime minister for him', doc(['KT. THỦ TƯỚNG', 'PHÓ THỦ TƯỚNG', '', '', 'Trần Hồng Hà'], STATE_HEAD), { signingCapacity: 'K/T THỦ TƯỚNG', signerTitle: 'PHÓ THỦ TƯỚNG' }],
    ['(found by property) a seal over "T/M" leaves "ĐOÀN CHỦ TỊCH": no chức vụ is made of it', doc(['ĐOÀN CHỦ TỊCH', '', '', 'Nguyễn Văn An']), { signerTitle: nullBecause(), signer: 'Nguyễn Văn An' }],
    ['(found by property) a seal over "TL." leaves the head’s title above the signer’s: the chức vụ is the one above the name', doc(['CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', '', '', 'Ngô Việt Khánh'], STATE_HEAD),
      { signerTitle: 'CHÁNH VĂN PHÒNG', signingCapacity: 'T/L CHỦ TỊCH', signer: 'Ngô Việt Khánh' }],
    ['(found by property) the same over "T/UQ": the chức vụ is the one above the name', doc(['CHÁNH VĂN PHÒNG', 'TRƯỞNG PHÒNG HÀNH CHÍNH', '', '', 'Nguyễn Văn An']),
      { signerTitle: 'TRƯỞNG PHÒNG HÀNH CHÍNH', signer: 'Nguyễn Văn An' }],
    ['the signer on the last of two pages', [[...PARTY_HEAD, 'gap', C('BÁO CÁO'), C('về tình hình'), 'gap', ...Array.from({ length: 8 }, () => body(`Thực hiện ${FILLER}`)).flat()], [C('2'), 'gap', ...body(`Đề nghị ${FILLER}`), ...PARTY_FOOT]],
      { signingCapacity: 'K/T TRƯỞNG BAN', signer: 'Nguyễn Văn An', numberSymbol: '12-KH/BTCTU' }],
    ['(found by property) a congress’s T/M without chức vụ, a draft attached after it: the draft’s header is no chức vụ',
      [[...columns(['ĐẢNG BỘ TỈNH HƯNG YÊN', 'ĐẠI HỘI ĐẠI BIỂU', '*', 'Số 1-NQ/ĐH'], [PARTY_MOTTO, '', '', 'Hưng Yên, ngày 01 tháng 01 năm 2016']), 'gap', C('NGHỊ QUYẾT'), C('về nhân sự'), 'gap', ...body(`Thực hiện ${FILLER}`), ...footer(['- Như trên;', '- Lưu Văn phòng.'], ['T/M ĐOÀN CHỦ TỊCH', '', '', 'Nguyễn Văn An'])],
        [[{ text: 'DỰ THẢO', at: 'top-right' }], 'gap', ...columns(['ĐẢNG BỘ TỈNH HƯNG YÊN', '*', 'Số   -NQ/TU'], [PARTY_MOTTO, '', 'Hưng Yên, ngày   tháng   năm 2016']), 'gap', C('NGHỊ QUYẾT'), C('về việc ban hành quy định'), ...body(`Căn cứ Điều lệ Đảng; ${FILLER}`), ...footer(['- Như trên;'], ['CHỦ TỊCH', '', 'Phạm Khánh'])]],
      { signingCapacity: 'T/M ĐOÀN CHỦ TỊCH', signerTitle: nullBecause(), signer: 'Nguyễn Văn An' }],
  ];
  it.each(cases)('%s', (_name, pages, want) => check(read(pages), want));
});

describe('zone table: Nơi nhận (the recipients, and nothing else)', () => {
  const cv = (recipients: string[], head = columns(['TỈNH ỦY HƯNG YÊN', 'VĂN PHÒNG', '*', 'Số 9-CV/VPTU', 'V/v góp ý dự thảo'], [PARTY_MOTTO, '', '', 'Hưng Yên, ngày 05 tháng 3 năm 2025'])): Row[][] =>
    [[...head, 'gap', C('Kính gửi: Các đảng ủy trực thuộc'), ...body(`Thực hiện ${FILLER}`), ...footer(recipients, ['CHÁNH VĂN PHÒNG', '', '', 'Hoàng Thị Lan'])]];
  const cases: Case[] = [
    ['the items without their dashes and end marks', cv(['- Như trên;', '- Thường trực Tỉnh ủy (để b/c);', '- Lưu Văn phòng.']), { recipients: ['Như trên', 'Thường trực Tỉnh ủy (để b/c)', 'Lưu Văn phòng'], subject: 'V/v góp ý dự thảo' }],
    ['(found by property) an item ending in short words after a comma stays whole', cv(['- UBND các huyện, thị xã;', '- Lưu VT.']), { recipients: ['UBND các huyện, thị xã', 'Lưu VT'] }],
    ['the trích yếu lost: the subject is null, never a recipient', cv(['- Như trên;', '- Lưu VT.'], columns(['TỈNH ỦY HƯNG YÊN', 'VĂN PHÒNG', '*', 'Số 9-CV/VPTU'], [PARTY_MOTTO, '', '', 'Hưng Yên, ngày 05 tháng 3 năm 2025'])),
      { subject: nullBecause(), recipients: ['Như trên', 'Lưu VT'] }],
    ['the signing block beside the items is no recipient', cv(['- Các huyện ủy, thành ủy;', '- Lưu Văn phòng.']), { recipients: ['Các huyện ủy, thành ủy', 'Lưu Văn phòng'], signerTitle: 'CHÁNH VĂN PHÒNG' }],
    ['a list running on below the signer’s name is read whole, and the signer too (the items below the name were lost: 4 of 9 read)',
      cv(['- Như trên;', '- Thường trực Tỉnh ủy;', '- TT HĐND tỉnh;', '- CT, các PCT UBND tỉnh;', '- Các sở, ban, ngành;', '- UBND các huyện;', '- VPUB: CVP, PCVP;', '- Cổng TTĐT tỉnh;', '- Lưu: VT, KTTH.']),
      { recipients: ['Như trên', 'Thường trực Tỉnh ủy', 'TT HĐND tỉnh', 'CT, các PCT UBND tỉnh', 'Các sở, ban, ngành', 'UBND các huyện', 'VPUB: CVP, PCVP', 'Cổng TTĐT tỉnh', 'Lưu: VT, KTTH'], signerTitle: 'CHÁNH VĂN PHÒNG', signer: 'Hoàng Thị Lan' }],
  ];
  it.each(cases)('%s', (_name, pages, want) => check(read(pages), want));
});

describe('zone table: stamps (receipt, SAO Y, secrecy and urgency)', () => {
  const top = (lines: string[], at: Piece['at']): Row[] => [...lines.map((t): Row => [{ text: t, at }]), 'gap'];
  const stateDoc = (before: Row[], head: Row[] = STATE_HEAD): Row[][] => [[...before, ...head, 'gap', C('QUYẾT ĐỊNH'), C('Về việc giao đất'), 'gap', ...body(`Căn cứ Luật Đất đai; ${FILLER}`), ...STATE_FOOT]];
  const saoY = top(['SAO Y', 'VĂN PHÒNG TỈNH ỦY', 'Thời gian ký: 06.02.2025 09:15:20 +07:00'], 'top-right');
  const cases: Case[] = [
    ['a receipt stamp on one line above the header', stateDoc(top(['CV ĐẾN Số: 2770 Ngày: 12/02/2025'], 'top-left')), { numberSymbol: '47/QĐ-UBND', documentDate: '2025-02-05', issuer: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI' }],
    ['a boxed receipt stamp at the top right', stateDoc(top(['ĐẾN', 'Số: 2770', 'Ngày: 12/02/2025', 'Chuyển:'], 'top-right')), { numberSymbol: '47/QĐ-UBND', documentDate: '2025-02-05' }],
    ['a receipt stamp and the number written by hand: null, not the receipt’s number', stateDoc(top(['CV ĐẾN Số: 2770 Ngày: 12/02/2025'], 'top-left'), columns(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: ð#/QĐ-UBND'], [...STATE_MOTTO, 'Quảng Ngãi, ngày 05 tháng 02 năm 2025'])),
      { numberSymbol: nullBecause(/handwritten/) }],
    ['(found by property) a receipt stamp above the header and the day written by hand: null, not the receipt’s date',
      stateDoc(top(['CV ĐẾN Số 2770 Ngày 07/02/2025'], 'top-left'), columns(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 47/QĐ-UBND'], [...STATE_MOTTO, 'Quảng Ngãi, ngàyð# tháng 02 năm 2025'])),
      { documentDate: nullBecause(/handwritten/), numberSymbol: '47/QĐ-UBND', place: 'Quảng Ngãi' }],
    ['(found by property) a boxed receipt stamp above the header and the date line split by OCR: null, not the stamp’s date',
      stateDoc(top(['ĐẾN', 'Số 2770', 'Ngày 07/02/2025', 'Chuyển:'], 'top-left'), [[L('ỦY BAN NHÂN DÂN'), R(STATE_MOTTO[0]!)], [L('TỈNH QUẢNG NGÃI'), R(STATE_MOTTO[1]!)], [L('Số: 47/QĐ-UBND'), { text: 'Quảng Ngãi, ngày 05 tháng 02 năm 2025', at: 'right-col', split: true }]]),
      { documentDate: nullBecause(), numberSymbol: '47/QĐ-UBND' }],
    ['(found by property) a receipt stamp under a công văn’s V/v is no part of the trích yếu',
      [[...columns(['TỈNH ỦY HƯNG YÊN', 'VĂN PHÒNG', '*', 'Số 9-CV/VPTU', 'V/v góp ý dự thảo văn kiện', 'CV ĐẾN Số 2770 Ngày 07/03/2025'], [PARTY_MOTTO, '', '', 'Hưng Yên, ngày 05 tháng 3 năm 2025']), 'gap', C('Kính gửi: Các đảng ủy trực thuộc'), ...body(`Thực hiện ${FILLER}`), ...PARTY_FOOT]],
      { subject: 'V/v góp ý dự thảo văn kiện', numberSymbol: '9-CV/VPTU', documentDate: '2025-03-05' }],
    ['an e-copy’s SAO Y with the date read: the document’s own fields', stateDoc(saoY), { typeCode: 'QĐ', subject: 'Về việc giao đất', documentDate: '2025-02-05', numberSymbol: '47/QĐ-UBND' }],
    ['(found by property) an e-copy’s SAO Y is not the tên loại (the day written by hand)',
      stateDoc(saoY, columns(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 47/QĐ-UBND'], [...STATE_MOTTO, 'Quảng Ngãi, ngàyØf tháng 02 năm 2025'])),
      { typeCode: 'QĐ', subject: 'Về việc giao đất', documentDate: nullBecause(/handwritten/) }],
    ['(found by property) SAO Y, the date line split in two by OCR, TỐI MẬT under Số: still secret',
      [[...saoY, ...columns(['ĐẢNG BỘ TỈNH HƯNG YÊN', 'ĐẠI HỘI ĐẠI BIỂU', '*'], [PARTY_MOTTO]), [L('Số 1-NQ/ĐH'), { text: 'Hưng Yên, ngày 01 tháng 01 năm 2016', at: 'right-col', split: true }], [L('TỐI MẬT')], 'gap', C('NGHỊ QUYẾT'), C('về nhân sự'), 'gap', ...body(`Căn cứ Điều lệ Đảng; ${FILLER}`)]],
      { secrecy: 'toi-mat', typeCode: 'NQ', documentDate: nullBecause() }],
    ['(found by property) SAO Y, a receipt stamp under TỐI MẬT and the date line split: the tên loại found below them, still secret',
      [[...saoY, ...columns(['ĐẢNG BỘ TỈNH HƯNG YÊN', 'ĐẠI HỘI ĐẠI BIỂU', '*'], [PARTY_MOTTO]), [L('Số 1-NQ/ĐH'), { text: 'Hưng Yên, ngày 01 tháng 01 năm 2016', at: 'right-col', split: true }], [L('TỐI MẬT')], [L('ĐẾN')], [L('Số 100')], [L('Ngày 03/01/2016')], [L('Chuyển:')], 'gap', C('NGHỊ QUYẾT'), C('về nhân sự'), C('-----'), 'gap', ...body(`Căn cứ Điều lệ Đảng; ${FILLER}`), ...body(`Yêu cầu ${FILLER}`), ...PARTY_FOOT]],
      { secrecy: 'toi-mat', typeCode: 'NQ', subject: 'về nhân sự', documentDate: nullBecause() }],
    ['MẬT and HỎA TỐC under the number', stateDoc([], columns(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 47/QĐ-UBND', 'MẬT', 'HỎA TỐC'], [...STATE_MOTTO, 'Quảng Ngãi, ngày 05 tháng 02 năm 2025'])), { secrecy: 'mat', urgency: 'hoa-toc' }],
    ['a MẬT stamp read as specks: possibly secret, the clerk decides', stateDoc([], columns(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 47/QĐ-UBND', "' *^ .* ~ :"], [...STATE_MOTTO, 'Quảng Ngãi, ngày 05 tháng 02 năm 2025'])), { secrecy: nullBecause(/possibly secret/) }],
  ];
  it.each(cases)('%s', (_name, pages, want) => check(read(pages), want));
});

describe('a commune’s công văn with no unit', () => {
  it('gives "45/UBND" below 0.9: a unit OCR lost ("45/UBND-VP") reads the same', () => {
    const got = read([[...columns(['ỦY BAN NHÂN DÂN', 'XÃ TỊNH PHONG', 'Số: 45/UBND', 'V/v rà soát hộ nghèo năm 2025'], [...STATE_MOTTO, 'Tịnh Phong, ngày 05 tháng 3 năm 2025']), 'gap', C('Kính gửi: Đảng ủy xã'), ...body(`Thực hiện ${FILLER}`)]]);
    expect(got.numberSymbol!.value).toBe('45/UBND');
    expect(got.numberSymbol!.confidence).toBeLessThan(0.9);
  });
});
