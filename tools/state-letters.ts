/**
 * Synthetic State letters (UBND tỉnh, sở) whose number and day are written by hand in the gaps
 * the printed form leaves (`Số:  ___ /UBND-KTTH`, `Quảng Ngãi, ngày ___ tháng 02 năm 2025`), with
 * a ground truth in the real-scans format (handbook fixtures/real-scans/*.json): a measuring set
 * for the handwriting path larger than the seven real dev letters (issue 14).
 *
 *   npx tsx tools/state-letters.ts --out DIR --n 40 --seed 1 --fonts train|held-out|dev [--bodies province|wide|all]
 *
 * Page 1 only, A4 at 150/200/300 dpi, the layout of Nghị định 30/2020 (issuer and motto columns,
 * Số and date line, title or V/v subject, Kính gửi, a body citing decoy numbers and dates, signing
 * block with a scribble and a red seal, Nơi nhận). Handwriting is set in a font of
 * tools/digits-fonts.ts (`train`, `heldOut`, or `dev`: fonts the digit model never saw and the
 * held-out measure does not use), blue or black ink, slanted and jittered. Scan
 * effects: tilt, blur, paper tint and grain, low dpi, greyscale, JPEG. Deterministic from the seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { inkOnWhite } from './canvas';
import { seededRng } from '../test/support/seeded-rng';
import { digitFonts, type DigitFont } from './digits-fonts';
import { SERIF } from './print-fonts';

type Rng = () => number;
const uni = (r: Rng, a: number, b: number) => a + (b - a) * r();
const int = (r: Rng, a: number, b: number) => Math.floor(uni(r, a, b + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pad2 = (n: number) => String(n).padStart(2, '0');

// ---- banks ----------------------------------------------------------------------------------
const PROVINCES = ['Quảng Ngãi', 'Bình Định', 'Quảng Nam', 'Phú Yên', 'Khánh Hòa', 'Gia Lai', 'Kon Tum', 'Nghệ An', 'Thanh Hóa', 'Đắk Lắk'];
const DEPTS = [
  { name: 'SỞ TÀI CHÍNH', abbr: 'STC', unit: 'NS' },
  { name: 'SỞ NỘI VỤ', abbr: 'SNV', unit: 'TCBC' },
  { name: 'SỞ KẾ HOẠCH VÀ ĐẦU TƯ', abbr: 'SKHĐT', unit: 'TH' },
  { name: 'SỞ Y TẾ', abbr: 'SYT', unit: 'NVY' },
] as const;
const UBND_UNITS = ['KTTH', 'KT', 'NC', 'VX', 'TTHC', 'NNTN', 'CNXD'];
/** `--bodies wide`: ministries (one line, or wrapped at "VÀ") and communes or wards besides the province's bodies. */
const MINISTRIES = [
  { lines: ['BỘ TÀI CHÍNH'], abbr: 'BTC', unit: 'NSNN' }, { lines: ['BỘ NỘI VỤ'], abbr: 'BNV', unit: 'TCBC' },
  { lines: ['BỘ Y TẾ'], abbr: 'BYT', unit: 'KHTC' }, { lines: ['BỘ TƯ PHÁP'], abbr: 'BTP', unit: 'VP' },
  { lines: ['BỘ NÔNG NGHIỆP', 'VÀ MÔI TRƯỜNG'], abbr: 'BNNMT', unit: 'TCCB' }, { lines: ['BỘ GIÁO DỤC', 'VÀ ĐÀO TẠO'], abbr: 'BGDĐT', unit: 'GDPT' },
  { lines: ['BỘ KHOA HỌC', 'VÀ CÔNG NGHỆ'], abbr: 'BKHCN', unit: 'CĐS' },
] as const;
/** `--bodies all`: besides the wide set, other bodies printed over their place (a court, the treasury, the Front, social insurance). */
const OTHERS = [
  { first: 'TÒA ÁN NHÂN DÂN', abbr: 'TA', unit: 'VP', head: 'CHÁNH ÁN', deputy: 'PHÓ CHÁNH ÁN' },
  { first: 'KHO BẠC NHÀ NƯỚC', abbr: 'KBNN', unit: 'KSC', head: 'GIÁM ĐỐC', deputy: 'PHÓ GIÁM ĐỐC' },
  { first: 'ỦY BAN MTTQ VIỆT NAM', abbr: 'MTTQ', unit: 'BTT', head: 'CHỦ TỊCH', deputy: 'PHÓ CHỦ TỊCH' },
  { first: 'BẢO HIỂM XÃ HỘI', abbr: 'BHXH', unit: 'TST', head: 'GIÁM ĐỐC', deputy: 'PHÓ GIÁM ĐỐC' },
] as const;
const COMMUNES = [['XÃ', 'Tịnh Phong'], ['PHƯỜNG', 'Cẩm Thành'], ['XÃ', 'Bình Sơn'], ['PHƯỜNG', 'Hòa Khánh'], ['XÃ', 'Đức Phổ'], ['XÃ', 'Nghĩa Hành']] as const;
const TYPES = [
  { name: 'Công văn', code: 'CV', title: null, w: 5 },
  { name: 'Quyết định', code: 'QĐ', title: 'QUYẾT ĐỊNH', w: 3 },
  { name: 'Chỉ thị', code: 'CT', title: 'CHỈ THỊ', w: 1 },
  { name: 'Tờ trình', code: 'TTr', title: 'TỜ TRÌNH', w: 2 },
  { name: 'Báo cáo', code: 'BC', title: 'BÁO CÁO', w: 2 },
  { name: 'Thông báo', code: 'TB', title: 'THÔNG BÁO', w: 1 },
  { name: 'Kế hoạch', code: 'KH', title: 'KẾ HOẠCH', w: 1 },
] as const;
const TOPICS = [
  'triển khai thực hiện dự toán ngân sách nhà nước năm {Y}',
  'tăng cường công tác phòng, chống thiên tai và tìm kiếm cứu nạn',
  'đăng ký bổ sung nội dung trình HĐND tỉnh tại kỳ họp thứ {K}',
  'công bố Danh mục thủ tục hành chính được chuẩn hóa',
  'giao chỉ tiêu kế hoạch đầu tư công trung hạn giai đoạn 2021-2025',
  'kiện toàn Ban Chỉ đạo chuyển đổi số của tỉnh',
  'bảo đảm trật tự, an toàn giao thông dịp Tết Nguyên đán',
  'phê duyệt kế hoạch lựa chọn nhà thầu dự án đường giao thông liên xã',
  'thực hiện chế độ báo cáo thống kê về cải cách hành chính',
  'tổ chức các hoạt động kỷ niệm ngày thành lập tỉnh',
  'quản lý, sử dụng tài sản công tại cơ quan, đơn vị',
  'sắp xếp, tổ chức lại các đơn vị sự nghiệp công lập',
  'giải ngân vốn đầu tư công năm {Y}',
  'phòng, chống dịch bệnh trên gia súc, gia cầm',
];
const PLAIN = ['Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {P}', 'Tình hình thực hiện dự toán ngân sách quý I năm {Y}', 'Triển khai công tác cải cách hành chính năm {Y}', 'Kết quả công tác phòng, chống tham nhũng năm {P}'];
const RECIPIENTS = ['Thường trực HĐND tỉnh', 'Hội đồng nhân dân tỉnh', 'Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'Sở Nội vụ', 'UBND các huyện, thị xã, thành phố', 'Bộ Tài chính', 'Văn phòng Chính phủ'];
const SIGNERS = ['Nguyễn Hoàng Giang', 'Trần Phước Hiền', 'Lê Văn Thanh', 'Phạm Thị Hương', 'Đặng Văn Minh', 'Võ Quốc Tuấn', 'Huỳnh Thị Mai', 'Bùi Đức Thắng', 'Đỗ Minh Khoa', 'Ngô Thị Lan'];
const NOI_NHAN = ['- Như trên;', '- Thường trực Tỉnh ủy;', '- TT HĐND tỉnh;', '- CT, các PCT UBND tỉnh;', '- VPUB: CVP, PCVP;', '- Cổng TTĐT tỉnh;', '- Lưu: VT, {U}.'];

/** Body sentences: many cite numbers and dates that are not the letter's own (decoys). */
function bodyParagraphs(r: Rng, year: number, prov: string): string[] {
  const d = () => {
    const y = year - int(r, 1, 3), m = int(r, 1, 12), dd = int(r, 1, 28);
    return r() < 0.5 ? `${pad2(dd)}/${m < 3 ? pad2(m) : m}/${y}` : `${pad2(dd)} tháng ${m} năm ${y}`;
  };
  const n = () => int(r, 12, 4890);
  const bank = [
    `Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;`,
    `Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;`,
    `Thực hiện Công văn số ${n()}/UBND-KT ngày ${d()} của UBND tỉnh về việc triển khai nhiệm vụ trọng tâm;`,
    `Căn cứ Quyết định số ${n()}/QĐ-UBND ngày ${d()} của Ủy ban nhân dân tỉnh ${prov} về việc ban hành quy chế làm việc;`,
    `Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số ${n()}/TTr-STC ngày ${d()}; tiếp theo Công văn số ${n()}/UBND-KTTH ngày ${d()}, Ủy ban nhân dân tỉnh có ý kiến như sau:`,
    `Thực hiện Chỉ thị số ${int(r, 1, 30)}/CT-TTg ngày ${d()} của Thủ tướng Chính phủ, yêu cầu các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố khẩn trương triển khai thực hiện các nội dung sau:`,
    `1. Giao Sở Tài chính chủ trì, phối hợp với các cơ quan, đơn vị liên quan rà soát, tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày ${d()}.`,
    `2. Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc, đúng thời hạn; trong quá trình thực hiện nếu có khó khăn, vướng mắc kịp thời báo cáo, đề xuất Ủy ban nhân dân tỉnh xem xét, giải quyết theo quy định.`,
    `Căn cứ Nghị quyết số ${int(r, 10, 99)}/NQ-HĐND ngày ${d()} của Hội đồng nhân dân tỉnh về kế hoạch phát triển kinh tế - xã hội năm ${year};`,
    `Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số ${n()}/TTr-SNV ngày ${d()}, kinh phí thực hiện là ${int(r, 2, 95)}.${int(r, 100, 999)} triệu đồng từ nguồn ngân sách tỉnh.`,
    `3. Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện; định kỳ hằng quý tổng hợp kết quả, báo cáo Chủ tịch UBND tỉnh.`,
    `Đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện./.`,
  ];
  const order = bank.map((_, i) => i).sort(() => r() - 0.5);
  // The numbered points renumbered in the order they come.
  let k = 0;
  return order.slice(0, int(r, 5, 8)).sort((a, b) => a - b).map((i) => bank[i]!.replace(/^\d\. /, () => `${++k}. `));
}

// ---- drawing ----------------------------------------------------------------------------------
function wrap(ctx: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(' ')) {
    const t = cur ? `${cur} ${w}` : w;
    if (cur && ctx.measureText(t).width > width) {
      lines.push(cur);
      cur = w;
    } else cur = t;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Handwritten `text` with its left end at x, its baseline at y; returns its width. Each digit its own jitter. */
function handwrite(ctx: SKRSContext2D, r: Rng, font: DigitFont, text: string, x: number, y: number, inkH: number, ink: string, maxW: number): number {
  const m = createCanvas(10, 10).getContext('2d');
  m.font = `100px "${font.alias}"`;
  // The mean ink height of the ten digits (one tall glyph would make the string's box too high).
  const asc = [...'0123456789'].reduce((s, d) => s + m.measureText(d).actualBoundingBoxAscent, 0) / 10;
  let px = (100 * inkH) / Math.max(20, asc);
  m.font = `${px}px "${font.alias}"`;
  const track = uni(r, -0.05, 0.12) * inkH;
  const w0 = [...text].reduce((s, ch) => s + m.measureText(ch).width + track, 0);
  if (w0 > maxW) px *= maxW / w0;
  const rot = (uni(r, -8, 8) * Math.PI) / 180, slant = uni(r, -0.25, 0.15);
  ctx.save();
  ctx.fillStyle = ink;
  ctx.strokeStyle = ink;
  ctx.font = `${px.toFixed(1)}px "${font.alias}"`;
  ctx.translate(x, y);
  ctx.rotate(rot);
  ctx.transform(1, 0, -slant, 1, 0, 0);
  const thick = r() < 0.4 ? uni(r, 0.4, Math.max(0.8, inkH * 0.05)) : 0;
  let cx = 0;
  for (const ch of text) {
    const dy = uni(r, -0.08, 0.08) * inkH, dr = (uni(r, -4, 4) * Math.PI) / 180, ds = uni(r, 0.9, 1.1);
    const cw = ctx.measureText(ch).width;
    ctx.save();
    ctx.translate(cx + cw / 2, dy);
    ctx.rotate(dr);
    ctx.scale(ds, ds);
    if (thick) {
      ctx.lineWidth = thick;
      ctx.lineJoin = 'round';
      ctx.strokeText(ch, -cw / 2, 0);
    }
    ctx.fillText(ch, -cw / 2, 0);
    ctx.restore();
    cx += cw + track;
  }
  ctx.restore();
  return cx;
}

function seal(ctx: SKRSContext2D, r: Rng, cx: number, cy: number, R: number, top: string, bottom: string): void {
  ctx.save();
  ctx.globalCompositeOperation = 'multiply';
  ctx.globalAlpha = uni(r, 0.7, 0.9);
  const red = `rgb(${int(r, 200, 230)},${int(r, 20, 50)},${int(r, 30, 60)})`;
  ctx.strokeStyle = red;
  ctx.fillStyle = red;
  ctx.translate(cx, cy);
  ctx.rotate(uni(r, -0.4, 0.4));
  ctx.lineWidth = R * 0.05;
  for (const k of [1, 0.62]) {
    ctx.beginPath();
    ctx.arc(0, 0, R * k, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.font = `bold ${(R * 0.2).toFixed(1)}px "${SERIF}"`;
  ctx.textAlign = 'center';
  const ring = (s: string, mid: number, rad: number, flip: boolean, arc: number) => {
    const chars = [...s], step = ((flip ? -1 : 1) * Math.min(R * 0.2, (arc * rad) / chars.length)) / rad;
    chars.forEach((ch, i) => {
      const a = mid + step * (i - (chars.length - 1) / 2);
      ctx.save();
      ctx.rotate(a);
      ctx.translate(0, flip ? rad : -rad);
      ctx.fillText(ch, 0, flip ? 0 : R * 0.07);
      ctx.restore();
    });
  };
  ring(top, 0, R * 0.74, false, 3.6);
  ring(bottom, 0, R * 0.9, true, 2.2);
  ctx.beginPath(); // the star
  for (let i = 0; i < 10; i++) {
    const a = (i * Math.PI) / 5 - Math.PI / 2, rr = i % 2 ? R * 0.16 : R * 0.4;
    ctx.lineTo(rr * Math.cos(a), rr * Math.sin(a));
  }
  ctx.fill();
  ctx.restore();
}

function scribble(ctx: SKRSContext2D, r: Rng, x: number, y: number, w: number, h: number, ink: string): void {
  ctx.save();
  ctx.strokeStyle = ink;
  ctx.lineWidth = Math.max(1.5, h * 0.035);
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(x, y + h * uni(r, 0.3, 0.7));
  for (let i = 1; i <= 6; i++)
    ctx.bezierCurveTo(x + w * uni(r, 0, 1), y + h * uni(r, -0.2, 1.1), x + w * uni(r, 0, 1), y + h * uni(r, -0.2, 1.1), x + (w * i) / 6, y + h * uni(r, 0.2, 0.8));
  ctx.stroke();
  ctx.restore();
}

export interface StateLetterOpts {
  fonts: 'train' | 'held-out' | 'dev';
  /** `province` (default): UBND tỉnh and its sở; `wide`: ministries and communes too; `all`: also a court, the treasury, the Front, social insurance (each a set of its own: other draws). */
  bodies?: 'province' | 'wide' | 'all';
}
export interface StateLetter {
  bytes: Buffer;
  ext: 'jpg';
  truth: Record<string, unknown>;
  /** The handwriting font packages used on this page. */
  fontsUsed: string[];
}

/** Letter `index` of `seed`: a JPEG of its first page and its ground truth (real-scans format). */
export function stateLetter(seed: number, index: number, opts: StateLetterOpts): StateLetter {
  const r = seededRng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const fonts = opts.fonts === 'train' ? digitFonts().train : opts.fonts === 'dev' ? digitFonts().dev : digitFonts().heldOut;
  const hwFont = pick(r, fonts);
  const fontsUsed = [hwFont.pkg];

  // What the letter is.
  const kind = opts.bodies === 'all' ? pick(r, ['province', 'ministry', 'commune', 'other'] as const) : opts.bodies === 'wide' ? pick(r, ['province', 'ministry', 'commune'] as const) : 'province';
  const other = kind === 'other' ? pick(r, OTHERS) : null;
  const ministry = kind === 'ministry' ? pick(r, MINISTRIES) : null;
  const commune = kind === 'commune' ? pick(r, COMMUNES) : null;
  const prov = ministry ? 'Hà Nội' : commune ? commune[1] : pick(r, PROVINCES);
  const dept = kind === 'province' && r() < 0.3 ? pick(r, DEPTS) : null;
  let type = TYPES[0] as (typeof TYPES)[number];
  for (let u = r() * 15, i = 0; i < TYPES.length; u -= TYPES[i]!.w, i++) if (u < TYPES[i]!.w) { type = TYPES[i]!; break; }
  if ((dept || other) && type.code === 'CT') type = TYPES[0];
  const year = int(r, 2018, 2025), month = int(r, 1, 12), day = int(r, 1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const n = pick(r, [1, 2, 2, 3, 3, 3, 4]);
  const numVal = n === 1 ? int(r, 1, 9) : int(r, 10 ** (n - 1), 10 ** n - 1);
  const number = numVal < 10 && r() < 0.8 ? pad2(numVal) : String(numVal);
  const issuerAbbr = dept ? dept.abbr : ministry ? ministry.abbr : other ? other.abbr : 'UBND';
  // A commune's công văn often carries its body's code alone ("45/UBND").
  const symbol = type.code === 'CV' ? (dept ? `${dept.abbr}-${dept.unit}` : ministry ? `${ministry.abbr}-${ministry.unit}` : other ? `${other.abbr}-${other.unit}` : commune && r() < 0.5 ? 'UBND' : `UBND-${pick(r, UBND_UNITS)}`) : `${type.code}-${issuerAbbr}`;
  const fill = (s: string) => s.replace('{Y}', String(year)).replace('{P}', String(year - 1)).replace('{K}', String(int(r, 10, 35)));
  const subject = type.code === 'CV' ? `V/v ${fill(pick(r, TOPICS))}` : type.code === 'BC' || type.code === 'KH' || (type.code === 'TB' && r() < 0.5) ? fill(pick(r, PLAIN)) : `Về việc ${fill(pick(r, TOPICS))}`;
  const issuerLines: readonly string[] = dept ? [`UBND TỈNH ${prov.toUpperCase()}`, dept.name] : ministry ? ministry.lines : other ? [other.first, `TỈNH ${prov.toUpperCase()}`] : ['ỦY BAN NHÂN DÂN', `${commune ? commune[0] : 'TỈNH'} ${prov.toUpperCase()}`];
  const signingBlock = dept ? pick(r, [['GIÁM ĐỐC'], ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']]) : other ? pick(r, [[other.head], [`KT. ${other.head}`, other.deputy]]) : ministry ? pick(r, [['BỘ TRƯỞNG'], ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG']]) : type.code === 'CV' ? pick(r, [['CHỦ TỊCH'], ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG']]) : type.code === 'CT' ? ['CHỦ TỊCH'] : pick(r, [['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']]);
  const signer = pick(r, SIGNERS);
  const addressed = type.code === 'CV' || type.code === 'TTr';
  const others = RECIPIENTS.filter((k) => k.toUpperCase() !== dept?.name);
  const kinhGui = addressed ? (type.code === 'TTr' ? [pick(r, RECIPIENTS.slice(0, 2))] : [...new Set([pick(r, others), pick(r, others)])]) : null;
  const urgency = r() < 0.15 ? pick(r, ['Hỏa tốc', 'Khẩn']) : null;
  const numberPrinted = r() < 0.1, dayPrinted = r() < 0.05, monthHand = !dayPrinted && r() < 0.1;
  const dayText = day < 10 && r() < 0.75 ? pad2(day) : String(day);
  // The decree: a leading zero for months 1 and 2 only; a clerk writing the month may add one.
  const monthText = month <= 2 || (monthHand && r() < 0.5) ? pad2(month) : String(month);
  const inkHand = r() < 0.7 ? `rgb(${int(r, 15, 45)},${int(r, 30, 60)},${int(r, 120, 160)})` : `rgb(${int(r, 15, 40)},${int(r, 15, 40)},${int(r, 20, 45)})`;

  // The page, drawn at `dpi`.
  const dpi = pick(r, [150, 200, 200, 300]);
  const W = Math.round(8.27 * dpi), H = Math.round(11.69 * dpi);
  const mm = (v: number) => (v * dpi) / 25.4, pt = (v: number) => (v * dpi) / 72;
  const { canvas: cv, ctx } = inkOnWhite(W, H, '#151515');
  ctx.textBaseline = 'alphabetic';
  const size = pt(uni(r, 13, 14)), small = pt(uni(r, 12, 13));
  const font = (s: number, style = '') => (ctx.font = `${style} ${s.toFixed(1)}px "${SERIF}"`.trim());
  const centred = (t: string, cx: number, y: number) => ctx.fillText(t, cx - ctx.measureText(t).width / 2, y);
  const rule = (cx: number, y: number, w: number) => ctx.fillRect(cx - w / 2, y, w, Math.max(1, pt(0.7)));
  const left = mm(uni(r, 25, 32)), right = W - mm(uni(r, 15, 20));
  const lc = left + mm(uni(r, 33, 40)), rc = W - mm(uni(r, 58, 66));
  let y = mm(uni(r, 15, 25)) + size;
  const lh = size * uni(r, 1.2, 1.35);
  // Issuer and motto.
  font(small, dept ? '' : 'bold');
  centred(issuerLines[0]!, lc, y);
  font(small, 'bold');
  const lastIssuer = issuerLines[issuerLines.length - 1]!, lastY = y + lh * (issuerLines.length - 1);
  if (issuerLines.length > 1) centred(lastIssuer, lc, lastY);
  rule(lc, lastY + size * 0.35, ctx.measureText(lastIssuer).width * uni(r, 0.3, 0.5));
  font(small, 'bold');
  centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rc, y);
  font(size, 'bold');
  centred('Độc lập - Tự do - Hạnh phúc', rc, y + lh);
  rule(rc, y + lh + size * 0.35, ctx.measureText('Độc lập - Tự do - Hạnh phúc').width);
  y += lh * 2 + size * uni(r, 1.1, 1.6);
  // The Số line and the date line.
  const capH = size * 0.66, notes: string[] = [];
  font(size);
  const zero = ctx.measureText('0').width;
  const tail = `/${symbol}`;
  const hwH = () => capH * uni(r, 1.0, 1.7);
  if (numberPrinted) {
    centred(`Số: ${number}${tail}`, lc, y);
    notes.push('number printed');
  } else {
    const gap = zero * uni(r, 5, 8), sw = ctx.measureText('Số: ').width, tw = ctx.measureText(tail).width;
    const x0 = lc - (sw + gap + tw) / 2;
    ctx.fillText('Số:', x0, y);
    ctx.fillText(tail, x0 + sw + gap, y);
    const h = hwH(), touch = r() < 0.15;
    const off = touch ? -zero * uni(r, 0.05, 0.4) : zero * uni(r, 0, 0.6);
    const w = handwrite(ctx, r, hwFont, number, x0 + sw * 0.8 + off, y + uni(r, -0.15, 0.2) * capH, h, inkHand, gap * (touch ? 1.25 : 1.05));
    notes.push(`number handwritten (${hwFont.pkg}, ${(h / capH).toFixed(2)}× cap, ${touch ? 'touching "Số:"' : w > gap ? 'over the gap' : 'in the gap'})`);
  }
  font(size, 'italic');
  const dateY = y;
  const pre = `${prov}, ngày `, mid = ' tháng ', post = ` năm ${year}`;
  if (dayPrinted) {
    centred(`${pre}${dayText}${mid}${monthText}${post}`, rc, dateY);
    notes.push('day printed');
  } else {
    const dg = zero * uni(r, 4, 6), mg = monthHand ? zero * uni(r, 4, 5.5) : 0;
    const wPre = ctx.measureText(pre.trimEnd()).width, wMid = ctx.measureText(monthHand ? mid.trimEnd() : `${mid}${monthText}${post}`).width, wPost = ctx.measureText(post).width;
    const total = wPre + dg + wMid + (monthHand ? mg + wPost : 0);
    let x = rc - total / 2;
    ctx.fillText(pre.trimEnd(), x, dateY);
    const dx = x + wPre;
    x = dx + dg;
    ctx.fillText(monthHand ? mid.trimStart().trimEnd() : `${mid.trimStart()}${monthText}${post}`, x, dateY);
    const ink = () => handwrite(ctx, r, hwFont, dayText, dx + zero * uni(r, -0.1, 1), dateY + uni(r, -0.15, 0.2) * capH, hwH(), inkHand, dg * 1.05);
    ink();
    if (monthHand) {
      const mx = x + wMid;
      ctx.fillText(post.trimStart(), mx + mg, dateY);
      handwrite(ctx, r, hwFont, monthText, mx + zero * uni(r, 0, 0.8), dateY + uni(r, -0.15, 0.2) * capH, hwH(), inkHand, mg * 1.05);
      notes.push('month handwritten');
    }
    notes.push(`day handwritten (${hwFont.pkg})`);
  }
  y += lh;
  const urgencyStamp = (sx: number, sy: number) => {
    ctx.save();
    ctx.globalCompositeOperation = 'multiply';
    ctx.translate(sx, sy);
    ctx.rotate((uni(r, -20, 10) * Math.PI) / 180);
    const red = `rgb(${int(r, 200, 230)},${int(r, 25, 60)},${int(r, 30, 60)})`;
    ctx.strokeStyle = red;
    ctx.fillStyle = red;
    const s = pt(uni(r, 15, 20));
    ctx.font = `bold ${s.toFixed(1)}px "${SERIF}"`;
    const word = urgency!.toUpperCase(), tw = ctx.measureText(word).width;
    ctx.lineWidth = s * 0.1;
    ctx.strokeRect(-tw / 2 - s * 0.4, -s * 0.95, tw + s * 0.8, s * 1.4);
    ctx.fillText(word, -tw / 2, s * 0.1);
    ctx.restore();
  };
  if (type.title === null) {
    font(pt(uni(r, 12, 13)));
    for (const l of wrap(ctx, subject, mm(uni(r, 62, 75)))) {
      centred(l, lc, y);
      y += lh * 0.95;
    }
  }
  let stamped = false;
  if (urgency && (!addressed || r() < 0.4)) {
    stamped = true;
    urgencyStamp(lc, y + size * 0.9);
    y += size * 1.6;
  }
  y += size * uni(r, 0.8, 1.5);
  if (type.title !== null) {
    font(pt(14), 'bold');
    centred(type.title, W / 2, y);
    y += lh;
    for (const l of wrap(ctx, subject, mm(uni(r, 130, 150)))) {
      centred(l, W / 2, y);
      y += lh;
    }
    rule(W / 2, y - lh + size * 0.35, mm(uni(r, 25, 45)));
    y += size * 0.8;
    if (type.code === 'QĐ') {
      centred(dept ? `GIÁM ĐỐC ${dept.name}` : ministry ? `BỘ TRƯỞNG ${ministry.lines.join(' ')}` : other ? `${other.head} ${issuerLines.join(' ')}` : `ỦY BAN NHÂN DÂN ${issuerLines[1]}`, W / 2, y + size * 0.3);
      y += lh * 1.7;
    }
  }
  if (kinhGui) {
    font(size);
    const kx = W / 2 - mm(uni(r, 20, 40));
    if (urgency && !stamped) urgencyStamp(left + mm(18), y + size * 0.5);
    ctx.fillText(`Kính gửi: ${kinhGui.length === 1 ? kinhGui[0] : ''}`, kx, y);
    y += lh;
    if (kinhGui.length > 1)
      for (const k of kinhGui) {
        ctx.fillText(`- ${k};`, kx + mm(20), y);
        y += lh;
      }
    y += size * 0.6;
  }
  // Body: as many lines as fit above the signing block, 12–25.
  const blockH = mm(uni(r, 60, 68)), maxLines = Math.min(int(r, 12, 25), Math.floor((H - mm(18) - blockH - y) / lh));
  font(size);
  let lines = 0;
  for (const p of bodyParagraphs(r, year, prov)) {
    const ls = wrap(ctx, p, right - left - mm(12));
    if (lines + ls.length > maxLines) continue; // whole paragraphs only
    for (let i = 0; i < ls.length; i++, lines++) {
      const x = left + (i === 0 ? mm(12) : 0), words = ls[i]!.split(' ');
      // Justified, as the decree's body is; the paragraph's last line is not.
      const extra = i < ls.length - 1 && words.length > 1 ? (right - x - ctx.measureText(ls[i]!).width) / (words.length - 1) : 0;
      let wx = x;
      for (const w of words) {
        ctx.fillText(w, wx, y);
        wx += ctx.measureText(`${w} `).width + extra;
      }
      y += lh;
    }
  }
  // Signing block and Nơi nhận.
  y += size * 0.8;
  const sx = W - mm(uni(r, 50, 60));
  font(size, 'bold');
  signingBlock.forEach((t, i) => centred(t, sx, y + i * lh));
  font(pt(12), 'bold italic');
  ctx.fillText('Nơi nhận:', left, y);
  font(pt(11));
  NOI_NHAN.forEach((t, i) => ctx.fillText(t.replace('{U}', dept ? dept.unit : 'KTTH'), left, y + (i + 1) * pt(13)));
  const by = y + signingBlock.length * lh, sigH = mm(22);
  scribble(ctx, r, sx - mm(20), by, mm(40), sigH * 0.9, inkHand);
  seal(ctx, r, sx - mm(uni(r, 12, 22)), by + sigH / 2, mm(uni(r, 17, 19)), dept ? dept.name : ministry ? ministry.lines.join(' ') : other ? other.first : 'ỦY BAN NHÂN DÂN', ministry ? 'VIỆT NAM' : commune ? issuerLines[1]! : `TỈNH ${prov.toUpperCase()}`);
  font(size, 'bold');
  centred(signer, sx, by + sigH + size * 1.2);

  // The scan: tilt, blur, low dpi, paper tint and grain, greyscale, JPEG.
  const outDpi = r() < 0.1 ? int(r, 100, 120) : dpi;
  const OW = Math.round(8.27 * outDpi), OH = Math.round(11.69 * outDpi);
  const out = createCanvas(OW, OH);
  const o = out.getContext('2d');
  const paperL = int(r, 236, 253), tint = [Math.min(255, paperL + int(r, 0, 3)), paperL - int(r, 0, 2), paperL - int(r, 2, 14)];
  o.fillStyle = `rgb(${tint[0]},${tint[1]},${tint[2]})`;
  o.fillRect(0, 0, OW, OH);
  const deg = r() < 0.08 ? uni(r, -2, 2) : uni(r, -1, 1);
  const blurA = uni(r, 0, 0.22);
  o.translate(OW / 2, OH / 2);
  o.rotate((deg * Math.PI) / 180);
  o.scale(outDpi / dpi, outDpi / dpi);
  o.globalCompositeOperation = 'multiply';
  o.drawImage(cv, -W / 2, -H / 2);
  const img = o.getImageData(0, 0, OW, OH), px = img.data;
  // Blur: a separable [a, 1-2a, a] kernel across then down.
  for (const [step, n, len] of [[4, OW, OH], [4 * OW, OH, OW]] as const)
    for (let line = 0; line < len; line++)
      for (let c = 0; c < 3; c++) {
        const base = (step === 4 ? line * OW * 4 : line * 4) + c;
        let prev = px[base]!;
        for (let k = 1; k < n - 1; k++) {
          const i = base + k * step, cur = px[i]!;
          px[i] = blurA * (prev + px[i + step]!) + (1 - 2 * blurA) * cur;
          prev = cur;
        }
      }
  const grain = uni(r, 2, 9), grey = r() < 0.2;
  for (let i = 0; i < px.length; i += 4) {
    const g = (r() - 0.5) * 2 * grain;
    if (grey) {
      const l = 0.299 * px[i]! + 0.587 * px[i + 1]! + 0.114 * px[i + 2]! + g;
      px[i] = px[i + 1] = px[i + 2] = l;
    } else {
      px[i] = px[i]! + g;
      px[i + 1] = px[i + 1]! + g;
      px[i + 2] = px[i + 2]! + g;
    }
  }
  o.setTransform(1, 0, 0, 1, 0, 0); // putImageData here follows the transform and the composite operation
  o.globalCompositeOperation = 'source-over';
  o.putImageData(img, 0, 0);
  const quality = int(r, 55, 85);
  const bytes = out.toBuffer('image/jpeg', quality);

  const id = `sl-${seed}-${pad2(index + 1)}`;
  if (urgency) notes.push(`urgency stamp '${urgency.toUpperCase()}' in red`);
  notes.push(`scan: tilt ${deg.toFixed(2)}°, blur ${blurA.toFixed(2)}, grain ${grain.toFixed(1)}, JPEG q${quality}`);
  const truth = {
    file: `${id}.jpg`,
    source: `generated: tools/state-letters.ts seed ${seed}`,
    format: 'jpg',
    pages: 1,
    kind: 'scan',
    scan: { page1Pixels: `${OW}x${OH}`, dpi: outDpi, mode: grey ? 'greyscale JPEG' : 'colour JPEG' },
    numberSymbol: `${number}/${symbol}`,
    number,
    symbol,
    typeName: type.name,
    typeCode: type.code,
    issuerParent: dept ? issuerLines[0] : null,
    ...(kind !== 'province' ? { issuerKind: kind } : {}),
    issuer: dept ? dept.name : issuerLines.join(' '),
    place: prov,
    documentDate: `${year}-${pad2(month)}-${pad2(day)}`,
    subject,
    secrecy: null,
    urgency,
    signer,
    signingBlock,
    signaturePage: 1,
    kinhGui,
    notes,
    dpi: outDpi,
  };
  return { bytes, ext: 'jpg', truth, fontsUsed };
}

function main(args: string[]): void {
  const opt = (k: string) => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = opt('--out'), n = Number(opt('--n') ?? 40), seed = Number(opt('--seed') ?? 1), fonts = opt('--fonts') ?? 'train', bodies = opt('--bodies') ?? 'province';
  if (!out || fonts !== 'train' && fonts !== 'held-out' && fonts !== 'dev' || bodies !== 'province' && bodies !== 'wide' && bodies !== 'all' || !Number.isInteger(n) || !Number.isInteger(seed))
    throw new Error('usage: tsx tools/state-letters.ts --out DIR --n 40 --seed 1 --fonts train|held-out|dev [--bodies province|wide|all]');
  mkdirSync(out, { recursive: true });
  for (let i = 0; i < n; i++) {
    const l = stateLetter(seed, i, { fonts, bodies });
    const id = `sl-${seed}-${pad2(i + 1)}`;
    writeFileSync(path.join(out, `${id}.${l.ext}`), l.bytes);
    writeFileSync(path.join(out, `${id}.json`), `${JSON.stringify(l.truth, null, 2)}\n`);
    console.log(`${id}  ${String(l.truth.numberSymbol).padEnd(18)} ${String(l.truth.documentDate)}  ${l.truth.typeCode}  ${l.fontsUsed.join(',')}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main(process.argv.slice(2));
