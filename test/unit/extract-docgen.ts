/**
 * Builds the text of a Party document the way a scan of it reads after OCR, from a description
 * (type, issuing body, number, date, stamps, signing block, recipients) and a set of "reading"
 * options (header columns merged onto one line or one after the other, wrapped lines, the
 * variants of "Số", dashes and spacing OCR produces, text without diacritics). Used by the
 * extractor's robustness tests; the expected fields come with the text.
 */
import { stripDiacritics } from '../../shared/platform/text/vietnamese';

export interface DocSpec {
  /** Tên loại as printed (title case), or null for a công văn (no tên loại). */
  typeName: string | null;
  /** TYPE as printed in the symbol. */
  typeCode: string;
  bodyCode: string;
  number: string;
  /** Left header column above the star: [cấp trên?, tên cơ quan (maybe several lines)]. */
  superior: string | null;
  issuerLines: string[];
  place: string;
  year: number;
  month: number;
  day: number;
  /** Trích yếu as printed: "về …" under the tên loại, "V/v …" under Số for a công văn. */
  subject: string;
  secrecy: 'MẬT' | 'TỐI MẬT' | 'TUYỆT MẬT' | null;
  urgency: 'KHẨN' | 'THƯỢNG KHẨN' | 'HỎA TỐC' | 'HOẢ TỐC' | null;
  /** "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", … or null when the head signs directly. */
  capacity: string | null;
  /** Chức vụ under the capacity; null when none is printed (a congress's Đoàn Chủ tịch). */
  signerTitle: string | null;
  signerName: string;
  recipients: string[];
  /** Addressed documents (CV, TTr) carry "Kính gửi:". */
  addressed?: string | null;
  body: string[];
}

export interface ReadingOptions {
  /** How the "Số …" line reads. */
  so: 'Số ' | 'Số: ' | 'Số:' | 'Sô ' | 'Sô: ' | 'S6: ' | 'So ' | 'Số' | 'Sỏ ' | 'S6 ';
  /** Spacing and dash of the symbol: "12-NQ/TU", "12 - NQ/TU", "12-NQ / TU", "12–NQ/TU". */
  symbol: 'plain' | 'spaced-dash' | 'spaced-slash' | 'spaced-both' | 'en-dash' | 'em-dash';
  /** Date line spacing: "ngày 05 tháng 3 năm 2026" and odd spacing around the numbers. */
  dateSpacing: 'normal' | 'double' | 'tight-comma' | 'space-before-comma';
  /** Day and month below 10 with a leading zero. */
  zeroPad: boolean;
  /**
   * Header and footer columns: one after the other (`regions`), merged onto shared lines
   * (`merged`, OCR of a two-column band as one block), or as the engine's reading order gives
   * them (`reading`: the left column down to "Số", the right column, then the rest of the left).
   */
  layout: 'regions' | 'merged' | 'reading';
  /** Subject lines wrapped at this width (0 = one line). */
  wrap: number;
  /** No diacritics at all (Textract), or the letters as printed. */
  plain: boolean;
  /** The star under the body's name as OCR reads it. */
  star: '*' | '★' | 'x' | '>*' | '';
  /** A blank line between the title block and the body. */
  blankLines: boolean;
  /** Letter-level OCR slips, each in the place it happens on scans. */
  noise: readonly NoiseKind[];
}

/** OCR slips seen on scans of Party documents (the handbook's readings, and what the degraded variants gave). */
export const NOISE_KINDS = ['title-marks', 'date-words', 'date-digits', 'stamp-marks', 'noi-nhan', 'capacity', 'specks', 'motto-marks', 'header-marks', 'lost-marks'] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

/** The same letters with other marks, as Tesseract misreads bold capitals ("ĐÁNG BỘ TÍNH", "KE HOẠCH"). */
const MARK_SLIPS: Record<string, string> = { Ả: 'Á', Ỉ: 'Í', Ủ: 'U', Ố: 'Ô', Ế: 'É', Ị: 'I', Ờ: 'Ơ', Ạ: 'A', Ệ: 'Ê', Ổ: 'Ô', Ậ: 'Â', Ỳ: 'Y', Ự: 'Ư', Ộ: 'Ô', Ứ: 'Ư', Ắ: 'Ă', Ớ: 'Ơ' };
const slipMarks = (s: string, every = 2): string => {
  let k = 0;
  return s.replace(/[ẢỈỦỐẾỊỜẠỆỔẬỲỰỘỨẮỚ]/g, (c) => (k++ % every === 0 ? MARK_SLIPS[c]! : c));
};

const STAMP_SLIPS: [RegExp, string][] = [
  [/^TỐI MẬT$/, 'TÕI MẬT'],
  [/^TUYỆT MẬT$/, 'TUYỆT MẬT .'],
  [/^MẬT$/, 'MÂT'],
  [/^KHẨN$/, 'KHẨN |'],
  [/^THƯỢNG KHẨN$/, 'THUỢNG KHÂN'],
  [/^HỎA TỐC$/, 'HÓA TỐC.'],
  [/^HOẢ TỐC$/, 'HOÁ TOC'],
];

function applyNoise(lines: string[], noise: readonly NoiseKind[], spec: DocSpec): string[] {
  const has = (k: NoiseKind) => noise.includes(k);
  const typeLine = spec.typeName?.toUpperCase();
  return lines.flatMap((l, i) => {
    let out = l;
    if (has('title-marks') && typeLine && l === typeLine) out = slipMarks(out, 1);
    if (has('date-words') && /ngày \d|ngày\s+\d/.test(out)) out = out.replace('ngày', 'ngảy').replace('tháng', 'thảng').replace('năm', 'nãm');
    if (has('date-digits') && /tháng/.test(out)) out = out.replace(/năm (\d{2})1(\d)/, 'năm $1l$2').replace(/ngày 0/, 'ngày O').replace(/ngày 1(\d)? /, 'ngày l$1 ');
    if (has('stamp-marks')) for (const [re, to] of STAMP_SLIPS) if (re.test(out)) out = to;
    if (has('noi-nhan') && /^Nơi nhận:/.test(out)) out = out.replace('Nơi nhận:', i % 2 ? 'Nơi nhân:' : 'Noi nhận:');
    if (has('capacity')) out = out.replace(/(^|\s)T\/M /, '$1T/M. ').replace(/(^|\s)K\/T /, '$1K/ T ').replace(/(^|\s)T\/L /, '$1T/L. ');
    if (has('motto-marks') && out.includes('ĐẢNG CỘNG SẢN VIỆT NAM')) out = out.replace('ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐÁNG CỘNG SÁN VIỆT NAM');
    if (has('header-marks') && i < 4 && /^[\p{Lu}\s]+$/u.test(out) && !out.includes('CỘNG SẢN')) out = slipMarks(out);
    if (has('lost-marks') && i % 3 === 0) out = out.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
    const extra: string[] = [];
    if (has('specks')) {
      if (out.includes('CỘNG SẢN') || out.includes('CỘNG SÁN')) extra.push(':   :');
      if (i % 5 === 2 && out.length > 12 && !/^-/.test(out)) out += " '";
    }
    return [out, ...extra];
  });
}

export const wrapLine = (line: string, width: number): string[] => {
  if (!width) return [line];
  const out: string[] = [];
  let cur = '';
  for (const w of line.split(' ')) {
    if (cur && (cur + ' ' + w).length > width) {
      out.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) out.push(cur);
  return out;
};

/** Left and right columns side by side on one line, as OCR reads a two-column band. */
export function mergeColumns(left: string[], right: string[], gap = '    '): string[] {
  const n = Math.max(left.length, right.length);
  return Array.from({ length: n }, (_, i) => [left[i] ?? '', right[i] ?? ''].filter(Boolean).join(gap));
}

const pad2 = (n: number, zero: boolean) => (zero && n < 10 ? `0${n}` : String(n));

export function symbolText(spec: DocSpec, r: ReadingOptions): string {
  const dash = r.symbol === 'en-dash' ? '–' : r.symbol === 'em-dash' ? '—' : '-';
  const d = r.symbol === 'spaced-dash' || r.symbol === 'spaced-both' ? ` ${dash} ` : dash;
  const s = r.symbol === 'spaced-slash' || r.symbol === 'spaced-both' ? ' / ' : '/';
  return `${r.so}${spec.number}${d}${spec.typeCode}${s}${spec.bodyCode}`;
}

export function dateText(spec: DocSpec, r: ReadingOptions): string {
  const d = pad2(spec.day, r.zeroPad);
  const m = pad2(spec.month, r.zeroPad && spec.month < 3);
  switch (r.dateSpacing) {
    case 'double':
      return `${spec.place},  ngày  ${d}  tháng  ${m}  năm  ${spec.year}`;
    case 'tight-comma':
      return `${spec.place},ngày ${d} tháng ${m} năm ${spec.year}`;
    case 'space-before-comma':
      return `${spec.place} , ngày ${d} tháng ${m} năm ${spec.year}`;
    default:
      return `${spec.place}, ngày ${d} tháng ${m} năm ${spec.year}`;
  }
}

/** The document's text as read, and the fields the extractor should give for it. */
export function render(spec: DocSpec, r: ReadingOptions): { text: string; expected: Record<string, unknown> } {
  const stamps = [spec.secrecy, spec.urgency].filter((s): s is NonNullable<typeof s> => !!s);
  const cv = spec.typeName === null;
  const left = [
    ...(spec.superior ? [spec.superior] : []),
    ...spec.issuerLines,
    ...(r.star ? [r.star] : []),
    symbolText(spec, r),
    ...(cv ? wrapLine(spec.subject, r.wrap ? Math.max(r.wrap, 30) : 0) : []),
    ...stamps,
  ];
  const right = ['ĐẢNG CỘNG SẢN VIỆT NAM', dateText(spec, r)];
  let header: string[];
  const so = left.findIndex((l) => l.startsWith(r.so) && /\d/.test(l));
  if (r.layout === 'merged') {
    // The motto is level with the top line, the date line with "Số".
    header = mergeColumns(left, [right[0]!, ...Array<string>(Math.max(0, so - 1)).fill(''), right[1]!]);
  } else if (r.layout === 'reading') header = [...left.slice(0, so + 1), ...right, ...left.slice(so + 1)];
  else header = [...left, ...right];
  const title = cv ? [] : [spec.typeName!.toUpperCase(), ...wrapLine(spec.subject, r.wrap), '-----'];
  const addressed = spec.addressed ? [`Kính gửi: ${spec.addressed}`] : [];
  const body = spec.body.flatMap((b) => [...wrapLine(b, 85), ...(r.blankLines ? [''] : [])]);
  const footerLeft = ['Nơi nhận:', ...spec.recipients.map((x, i) => `- ${x}${i === spec.recipients.length - 1 ? '.' : ','}`)];
  const footerRight = [...(spec.capacity ? [spec.capacity] : []), ...(spec.signerTitle ? [spec.signerTitle] : [])];
  const footer = r.layout === 'merged' ? [...mergeColumns(footerLeft, footerRight, '        '), '', spec.signerName] : [...footerLeft, ...footerRight, spec.signerName];
  const lines = applyNoise([...header, ...(r.blankLines ? [''] : []), ...title, ...(r.blankLines ? [''] : []), ...addressed, ...body, ...footer], r.noise, spec);
  const text = r.plain ? stripDiacritics(lines.join('\n')) : lines.join('\n');
  const s = (x: string | null) => (x === null ? null : r.plain ? stripDiacritics(x) : x);
  const SECRECY = { 'MẬT': 'mat', 'TỐI MẬT': 'toi-mat', 'TUYỆT MẬT': 'tuyet-mat' } as const;
  const URGENCY = { 'KHẨN': 'khan', 'THƯỢNG KHẨN': 'thuong-khan', 'HỎA TỐC': 'hoa-toc', 'HOẢ TỐC': 'hoa-toc' } as const;
  return {
    text,
    expected: {
      numberSymbol: `${spec.number}-${spec.typeCode}/${spec.bodyCode}`,
      typeCode: spec.typeCode,
      issuerCode: spec.bodyCode,
      documentDate: `${spec.year}-${String(spec.month).padStart(2, '0')}-${String(spec.day).padStart(2, '0')}`,
      secrecy: spec.secrecy ? SECRECY[spec.secrecy] : null,
      urgency: spec.urgency ? URGENCY[spec.urgency] : null,
      subject: s(spec.subject),
      place: s(spec.place),
      issuer: s(spec.issuerLines.join(' ')),
      issuerParent: s(spec.superior),
      signingCapacity: s(spec.capacity),
      signerTitle: s(spec.signerTitle),
      signer: s(spec.signerName),
      recipients: spec.recipients.map((x) => s(x)!),
    },
  };
}

// --- what to build documents from ------------------------------------------------------------------

import fc from 'fast-check';
import bundledConfig from '../../config/domain.json';
import { parseDomainConfig, type DomainConfig } from '../../shared/office';

export const CONFIG: DomainConfig = parseDomainConfig(bundledConfig, 'config/domain.json');

export interface BodySpec {
  code: string;
  superior: string | null;
  name: string;
  /** Signing blocks the body uses: capacity (null = the head signs directly) and the titles under it. */
  signing: { capacity: string | null; titles: string[] }[];
  places: string[];
}

/** A long tên cơ quan is printed on two lines (the header column is narrow): split near the middle. */
export function issuerLinesOf(name: string, width = 26): string[] {
  if (name.length <= width) return [name];
  const words = name.split(' ');
  let best = [name];
  let bestDiff = Infinity;
  for (let k = 1; k < words.length; k++) {
    const a = words.slice(0, k).join(' ');
    const b = words.slice(k).join(' ');
    const diff = Math.abs(a.length - b.length);
    if (diff < bestDiff) {
      bestDiff = diff;
      best = [a, b];
    }
  }
  return best;
}

/** The configured issuing bodies, as their headers and signing blocks print. */
export const CONFIG_BODIES: BodySpec[] = CONFIG.issuingBodies.flatMap((b) => {
  const codes = [b.code, ...(b.aliases ?? [])];
  return codes.map((code) => ({
    code,
    superior: b.header.superior ?? null,
    name: b.header.name,
    signing: b.signing.map((s) => ({ capacity: s.form === 'direct' ? null : `${s.form} ${s.on ?? ''}`.trim(), titles: s.titles })),
    places: [b.place ?? CONFIG.office.place, 'Hưng Yên', 'Phố Hiến'],
  }));
});

const direct = (...titles: string[]) => ({ capacity: null, titles });
const on = (capacity: string, ...titles: string[]) => ({ capacity, titles });

/** Bodies across the country, as the scans of other offices print them (domain.md b). */
export const OTHER_BODIES: BodySpec[] = [
  // The Central Committee's documents: the Politburo's and the Secretariat's.
  { code: 'TW', superior: null, name: 'BAN CHẤP HÀNH TRUNG ƯƠNG', signing: [on('T/M BỘ CHÍNH TRỊ', 'TỔNG BÍ THƯ'), on('T/M BAN BÍ THƯ', 'THƯỜNG TRỰC BAN BÍ THƯ')], places: ['Hà Nội'] },
  { code: 'TU', superior: null, name: 'TỈNH ỦY THANH HÓA', signing: [on('T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'PHÓ BÍ THƯ'), on('T/M TỈNH ỦY', 'BÍ THƯ'), on('T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'), on('K/T BÍ THƯ', 'PHÓ BÍ THƯ')], places: ['Thanh Hóa'] },
  { code: 'TU', superior: 'ĐẢNG BỘ TỈNH QUẢNG NINH', name: 'THÀNH ỦY UÔNG BÍ', signing: [on('T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'PHÓ BÍ THƯ')], places: ['Uông Bí'] },
  { code: 'TU', superior: null, name: 'THÀNH ỦY HỒ CHÍ MINH', signing: [on('T/M THƯỜNG TRỰC THÀNH ỦY', 'PHÓ BÍ THƯ THƯỜNG TRỰC')], places: ['Thành phố Hồ Chí Minh', 'TP. Hồ Chí Minh'] },
  { code: 'HU', superior: 'ĐẢNG BỘ TỈNH BẮC NINH', name: 'HUYỆN ỦY YÊN PHONG', signing: [on('K/T BÍ THƯ', 'PHÓ BÍ THƯ'), on('T/M BAN THƯỜNG VỤ', 'BÍ THƯ')], places: ['Yên Phong'] },
  { code: 'QU', superior: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', name: 'QUẬN ỦY BA ĐÌNH', signing: [on('T/M BAN THƯỜNG VỤ', 'BÍ THƯ')], places: ['Ba Đình'] },
  { code: 'TXU', superior: 'ĐẢNG BỘ TỈNH PHÚ THỌ', name: 'THỊ ỦY PHÚ THỌ', signing: [on('T/M BAN THƯỜNG VỤ', 'BÍ THƯ')], places: ['Phú Thọ'] },
  { code: 'BTCTU', superior: 'TỈNH ỦY LẠNG SƠN', name: 'BAN TỔ CHỨC', signing: [direct('TRƯỞNG BAN'), on('K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'), direct('Q. TRƯỞNG BAN')], places: ['Lạng Sơn'] },
  { code: 'BTGTU', superior: 'TỈNH ỦY NGHỆ AN', name: 'BAN TUYÊN GIÁO', signing: [on('K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN')], places: ['Nghệ An'] },
  { code: 'BDVTU', superior: 'TỈNH ỦY ĐẮK LẮK', name: 'BAN DÂN VẬN', signing: [direct('TRƯỞNG BAN')], places: ['Đắk Lắk', 'Buôn Ma Thuột'] },
  { code: 'BNCTU', superior: 'TỈNH ỦY KHÁNH HÒA', name: 'BAN NỘI CHÍNH', signing: [on('K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN')], places: ['Khánh Hòa', 'Nha Trang'] },
  { code: 'VPTU', superior: 'TỈNH ỦY HÀ TĨNH', name: 'VĂN PHÒNG', signing: [direct('CHÁNH VĂN PHÒNG'), on('K/T CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'), on('T/UQ CHÁNH VĂN PHÒNG', 'TRƯỞNG PHÒNG HÀNH CHÍNH')], places: ['Hà Tĩnh'] },
  { code: 'UBKTTU', superior: 'TỈNH ỦY NGHỆ AN', name: 'ỦY BAN KIỂM TRA', signing: [on('K/T CHỦ NHIỆM', 'PHÓ CHỦ NHIỆM'), on('T/M ỦY BAN KIỂM TRA', 'CHỦ NHIỆM')], places: ['Nghệ An', 'Vinh'] },
  { code: 'UBKTHU', superior: 'HUYỆN ỦY THANH TRÌ', name: 'ỦY BAN KIỂM TRA', signing: [on('T/M ỦY BAN KIỂM TRA', 'CHỦ NHIỆM')], places: ['Thanh Trì'] },
  { code: 'VPHU', superior: 'HUYỆN ỦY GIA LÂM', name: 'VĂN PHÒNG', signing: [direct('CHÁNH VĂN PHÒNG')], places: ['Gia Lâm'] },
  { code: 'BTCHU', superior: 'HUYỆN ỦY ĐÔNG ANH', name: 'BAN TỔ CHỨC', signing: [direct('TRƯỞNG BAN')], places: ['Đông Anh'] },
  { code: 'ĐUK', superior: 'THÀNH ỦY ĐÀ NẴNG', name: 'ĐẢNG ỦY KHỐI DOANH NGHIỆP THÀNH PHỐ', signing: [on('T/M BAN THƯỜNG VỤ', 'BÍ THƯ'), on('T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG')], places: ['Đà Nẵng'] },
  { code: 'ĐUK', superior: 'TỈNH ỦY BẮC NINH', name: 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH', signing: [on('T/M BAN CHẤP HÀNH', 'BÍ THƯ')], places: ['Bắc Ninh'] },
  { code: 'ĐU', superior: 'ĐẢNG BỘ HUYỆN VĂN LÃNG', name: 'ĐẢNG ỦY XÃ HOÀNG VĂN THỤ', signing: [on('T/M ĐẢNG ỦY', 'BÍ THƯ', 'PHÓ BÍ THƯ')], places: ['Hoàng Văn Thụ'] },
  { code: 'ĐU', superior: 'ĐẢNG BỘ TỈNH LÀO CAI', name: 'ĐẢNG ỦY PHƯỜNG CAM ĐƯỜNG', signing: [on('T/M ĐẢNG ỦY', 'BÍ THƯ'), on('K/T BÍ THƯ', 'PHÓ BÍ THƯ')], places: ['Cam Đường'] },
  { code: 'ĐU', superior: 'ĐẢNG BỘ TỈNH LÂM ĐỒNG', name: 'ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH', signing: [on('T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ')], places: ['Đà Lạt'] },
  { code: 'CB', superior: 'ĐẢNG ỦY XÃ TÂN LẬP', name: 'CHI BỘ THÔN 3', signing: [on('T/M CHI BỘ', 'BÍ THƯ')], places: ['Tân Lập'] },
  { code: 'BCSĐ', superior: 'TỈNH ỦY CÀ MAU', name: 'BAN CÁN SỰ ĐẢNG ỦY BAN NHÂN DÂN TỈNH', signing: [on('T/M BAN CÁN SỰ ĐẢNG', 'BÍ THƯ')], places: ['Cà Mau'] },
  { code: 'ĐĐ', superior: 'TỈNH ỦY SƠN LA', name: 'ĐẢNG ĐOÀN HỘI ĐỒNG NHÂN DÂN TỈNH', signing: [on('T/M ĐẢNG ĐOÀN', 'BÍ THƯ')], places: ['Sơn La'] },
];

export const ALL_BODIES: BodySpec[] = [...CONFIG_BODIES, ...OTHER_BODIES];

/** The configured document types as printed: the tên loại (none for CV and BS) and the TYPE in the symbol. */
export const CONFIG_TYPES: { name: string | null; code: string }[] = CONFIG.documentTypes.flatMap((t) => {
  const codes = [...new Set([t.symbol ?? t.code, t.code])];
  const name = t.hasTitle ? t.name : t.code === 'CV' ? null : t.name;
  return codes.map((code) => ({ name: t.code === 'BS' ? null : name, code }));
}).filter((t) => t.code !== 'BS');

const SUBJECTS = [
  'về tăng cường công tác bảo vệ chính trị nội bộ trong tình hình mới',
  'về lãnh đạo, chỉ đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh năm 2025',
  'về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc năm 2024',
  'tổ chức các hoạt động kỷ niệm 95 năm Ngày truyền thống Văn phòng cấp ủy (18/10/1930 - 18/10/2025)',
  'tổng kết 10 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị',
  'kết quả kiểm tra, giám sát 6 tháng đầu năm 2026',
  'về công tác chuẩn bị Đại hội đại biểu Đảng bộ tỉnh lần thứ XX',
];
const CV_SUBJECTS = [
  'V/v tổ chức các hoạt động kỷ niệm Ngày truyền thống Văn phòng cấp ủy',
  'V/v báo cáo kết quả thực hiện Nghị quyết số 12-NQ/TU',
  'V/v góp ý dự thảo văn kiện',
  'Về việc cử cán bộ tham dự lớp bồi dưỡng',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Lục', 'Mai', 'Đinh', 'Triệu', 'Hà', 'Lò'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Thu', 'Công', 'Xuân', 'Đức', 'Thanh', 'Quốc'];
const GIVEN = ['An', 'Bình', 'Hòa', 'Thủy', 'Đông', 'Khánh', 'Tuấn', 'Lan', 'Hằng', 'Việt', 'Dung', 'Thành', 'Sơn', 'Ước', 'Ánh'];
const RECIPIENTS = [
  'Như trên',
  'Thường trực Tỉnh ủy (để b/c)',
  'Ban Tổ chức Tỉnh ủy',
  'Các huyện ủy, thành ủy, đảng ủy trực thuộc',
  'Các đồng chí Ủy viên Ban Thường vụ',
  'Văn phòng Tỉnh ủy',
  'Đảng đoàn Hội đồng nhân dân tỉnh',
  'Các tổ chức cơ sở đảng trực thuộc',
];
const BODY = [
  'Thực hiện Nghị quyết số 10-NQ/TU ngày 10/6/2020 của Ban Chấp hành, công tác văn phòng cấp ủy đã có nhiều chuyển biến tích cực, bảo đảm phục vụ kịp thời sự lãnh đạo, chỉ đạo của cấp ủy.',
  'Trong năm, các cấp ủy đã tập trung lãnh đạo thực hiện nhiệm vụ chính trị, giữ vững ổn định, tạo chuyển biến rõ nét trong công tác xây dựng Đảng.',
  'Đề nghị các cơ quan, đơn vị triển khai thực hiện nghiêm túc, báo cáo kết quả trước ngày 15/12/2024./.',
];

export const docSpecArb = (bodies: BodySpec[] = ALL_BODIES, types = CONFIG_TYPES): fc.Arbitrary<DocSpec> =>
  fc
    .record({
      body: fc.constantFrom(...bodies),
      type: fc.constantFrom(...types),
      signingPick: fc.nat(),
      titlePick: fc.nat(),
      placePick: fc.nat(),
      number: fc.integer({ min: 1, max: 1999 }),
      leadingZero: fc.boolean(),
      year: fc.integer({ min: 2010, max: 2026 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      subject: fc.constantFrom(...SUBJECTS),
      cvSubject: fc.constantFrom(...CV_SUBJECTS),
      secrecy: fc.constantFrom(null, null, 'MẬT', 'TỐI MẬT', 'TUYỆT MẬT'),
      urgency: fc.constantFrom(null, null, 'KHẨN', 'THƯỢNG KHẨN', 'HỎA TỐC', 'HOẢ TỐC'),
      name: fc.tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN), fc.boolean()),
      recipients: fc.shuffledSubarray(RECIPIENTS, { minLength: 1, maxLength: 4 }),
      archive: fc.constantFrom('Lưu Văn phòng', 'Lưu Văn phòng Tỉnh ủy', 'Lưu VT'),
    })
    .map((a) => {
      const signing = a.body.signing[a.signingPick % a.body.signing.length]!;
      const title = signing.titles.length ? signing.titles[a.titlePick % signing.titles.length]! : null;
      const cv = a.type.name === null;
      const [fam, mid, given, three] = a.name;
      return {
        typeName: a.type.name,
        typeCode: a.type.code,
        bodyCode: a.body.code,
        number: a.leadingZero && a.number < 10 ? `0${a.number}` : String(a.number),
        superior: a.body.superior,
        issuerLines: issuerLinesOf(a.body.name),
        place: a.body.places[a.placePick % a.body.places.length]!,
        year: a.year,
        month: a.month,
        day: a.day,
        subject: cv ? a.cvSubject : a.subject,
        secrecy: a.secrecy as DocSpec['secrecy'],
        urgency: a.urgency as DocSpec['urgency'],
        capacity: signing.capacity,
        signerTitle: title,
        signerName: three ? `${fam} ${mid} ${given}` : `${fam} ${given}`,
        recipients: [...a.recipients, a.archive],
        addressed: cv || a.type.code === 'TTr' ? 'Ban Thường vụ Tỉnh ủy' : null,
        body: BODY,
      } satisfies DocSpec;
    });

export const readingArb = (over: Partial<{ [K in keyof ReadingOptions]: fc.Arbitrary<ReadingOptions[K]> }> = {}): fc.Arbitrary<ReadingOptions> =>
  fc.record({
    so: fc.constantFrom<ReadingOptions['so']>('Số ', 'Số: ', 'Số:', 'Sô ', 'Sô: ', 'S6: ', 'So ', 'Số', 'Sỏ ', 'S6 '),
    symbol: fc.constantFrom<ReadingOptions['symbol']>('plain', 'spaced-dash', 'spaced-slash', 'spaced-both', 'en-dash', 'em-dash'),
    dateSpacing: fc.constantFrom<ReadingOptions['dateSpacing']>('normal', 'double', 'tight-comma', 'space-before-comma'),
    zeroPad: fc.boolean(),
    layout: fc.constantFrom<ReadingOptions['layout']>('regions', 'merged', 'reading'),
    wrap: fc.constantFrom(0, 0, 45, 60),
    plain: fc.boolean(),
    star: fc.constantFrom<ReadingOptions['star']>('*', '*', '★', 'x', '>*', ''),
    blankLines: fc.boolean(),
    noise: fc.constant<readonly NoiseKind[]>([]),
    ...over,
  });
