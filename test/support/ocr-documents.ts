/**
 * Documents as OCR gives them (issue 14): fast-check arbitraries of Party and State letters laid
 * out on A4 pages at 300 dpi as the OcrEngine port returns them: OcrPage lines with word boxes,
 * the header's two columns (issuing body and Số top left, motto and date top right), the centred
 * tên loại and trích yếu, full-width body lines, the footer's columns (Nơi nhận left, signing
 * block right); then what real scans carry besides the letter (numbers and dates cited in the
 * body, an incoming-receipt stamp, an e-copy SAO Y stamp, an attached draft with its own header
 * and signer, several pages with the signer on the last) and OCR slips (a dropped mark, a
 * misread character, a line split in two).
 *
 * Each generated document comes with the fields a reader should give for it (`expected`), the
 * decoys it carries, and which fields a slip damaged (`damaged`: there the reader may give null
 * with a reason, never a different sure value). Written from domain.md (a)–(d), (f): the types
 * and Party bodies come from the office configuration (test/unit/extract-docgen.ts reads it).
 */
import fc from 'fast-check';
import type { OcrPage } from '../../shared/scans/ports/ocr-engine';
import { layPage, TEXT_W, wrapPx, type Piece, type Row } from './ocr-layout';
export { layPage, wrapPx, type Piece, type Row } from './ocr-layout';
import { ALL_BODIES, CONFIG_TYPES, issuerLinesOf, type BodySpec } from '../unit/extract-docgen';

export type Family = 'party' | 'state';
export const SLIPS = [
  'drop-mark-date', 'drop-mark-motto', 'drop-mark-subject', 'number-letter', 'day-letter', 'split-date', 'split-issuer', 'mark-slip', 'hand-number', 'hand-day',
  // Slips a reader must read through (the field stays right): "Số" misread, the date's words with wrong marks, a motto letter, "Nơi nhân".
  'so-misread', 'date-words', 'motto-letter', 'noi-nhan', 'symbol-spacing', 'split-subject',
  // The red seal over the signing block's first line: "T/M" (or "TM.") left unread.
  'seal-over-capacity',
] as const;
export type Slip = (typeof SLIPS)[number];
/** What print OCR makes of digits written by hand in the gap after "Số" or "ngày": nothing, or marks that are no digits. */
const HAND = ['', 'ð#', 'Øf', '¿’', 'sf'];

export interface Expected {
  numberSymbol: string;
  typeCode: string;
  issuerCode: string;
  issuer: string;
  issuerParent: string | null;
  place: string;
  documentDate: string;
  subject: string;
  secrecy: 'mat' | 'toi-mat' | 'tuyet-mat' | null;
  urgency: 'khan' | 'thuong-khan' | 'hoa-toc' | null;
  signingCapacity: string | null;
  signerTitle: string | null;
  signer: string;
  recipients: string[];
  system: Family;
}

export interface GeneratedDoc {
  /** How fast-check prints the case: its printed page, not its boxes. */
  [fc.toStringMethod]: () => string;
  pages: OcrPage[];
  expected: Expected;
  /** Number-symbols and ISO dates printed on the pages that are not the document's own. */
  decoys: { numbers: string[]; dates: string[] };
  /** Fields a slip touched: the reader may give null with a reason there (or the right value). */
  damaged: Set<keyof Expected>;
  /** The printed lines, top to bottom, for a failing case's report. */
  printed: string[];
  /** The page (1-based) the letter's signing block is printed on (an attached draft comes after it). */
  signerPage: number;
}

// --- the documents' parts ---------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Ymd) => `${d.y}-${pad(d.m)}-${pad(d.d)}`;
interface Ymd { y: number; m: number; d: number }
const ymdArb = (from = 2016, to = 2025) => fc.record({ y: fc.integer({ min: from, max: to }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
/** Days 1–9 and months 1–2 with a leading zero (domain.md d 4). */
const writtenDate = (d: Ymd) => `ngày ${pad(d.d)} tháng ${d.m < 3 ? pad(d.m) : d.m} năm ${d.y}`;

const STATE_PLACES = ['Quảng Ngãi', 'Hưng Yên', 'Ninh Bình', 'Bắc Giang', 'Thanh Hóa', 'Đắk Lắk', 'Lạng Sơn'];
const STATE_UNITS = ['TTHC', 'VP', 'KT', 'KGVX', 'NC', 'TCCB', 'QLNS'];
const SO_LIST = [
  { name: 'SỞ NỘI VỤ', code: 'SNV' }, { name: 'SỞ TÀI CHÍNH', code: 'STC' }, { name: 'SỞ Y TẾ', code: 'SYT' },
  // Long names wrap onto two lines under the UBND (the header column is narrow).
  { name: 'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', code: 'STNMT' }, { name: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', code: 'SGDĐT' },
];
/** State types (NĐ 30): tên loại, code, whether the symbol carries the year (văn bản QPPL). */
const STATE_TYPES = [
  { name: 'Quyết định', code: 'QĐ' }, { name: 'Kế hoạch', code: 'KH' }, { name: 'Báo cáo', code: 'BC' },
  { name: 'Tờ trình', code: 'TTr' }, { name: 'Thông báo', code: 'TB' }, { name: null, code: 'CV' },
  { name: 'Chỉ thị', code: 'CT' }, { name: 'Giấy mời', code: 'GM' }, { name: 'Hướng dẫn', code: 'HD' },
];
/** Ministries (bộ) as their headers print them, with their codes and their units' (công văn symbols). */
const MINISTRIES = [
  { name: 'BỘ TÀI CHÍNH', code: 'BTC' }, { name: 'BỘ NỘI VỤ', code: 'BNV' }, { name: 'BỘ Y TẾ', code: 'BYT' },
  { name: 'BỘ GIÁO DỤC VÀ ĐÀO TẠO', code: 'BGDĐT' }, { name: 'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', code: 'BNNMT' },
  { name: 'BỘ KHOA HỌC VÀ CÔNG NGHỆ', code: 'BKHCN' }, { name: 'BỘ TƯ PHÁP', code: 'BTP' }, { name: 'BỘ XÂY DỰNG', code: 'BXD' },
];
const MINISTRY_UNITS = ['VP', 'TCCB', 'PC', 'KHTC', 'CĐS', 'QLCL'];
/** Bodies under a ministry: the ministry above, the body's own name and code below it. */
const UNDER_MINISTRY = [
  { parent: 'BỘ NỘI VỤ', name: 'CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC', code: 'VTLTNN' },
  { parent: 'BỘ TÀI CHÍNH', name: 'KHO BẠC NHÀ NƯỚC', code: 'KBNN' },
  { parent: 'BỘ TÀI CHÍNH', name: 'CỤC THỐNG KÊ', code: 'CTK' },
  { parent: 'BỘ Y TẾ', name: 'CỤC QUẢN LÝ DƯỢC', code: 'QLD' },
];
/** Communes, wards and (before 07/2025) districts: their UBND signs with the code UBND, their name is the place. */
const LOCAL_UNITS = [
  { kind: 'XÃ', name: 'Tịnh Phong' }, { kind: 'PHƯỜNG', name: 'Cẩm Thành' }, { kind: 'XÃ', name: 'Đông Sơn' },
  { kind: 'HUYỆN', name: 'Bình Sơn' }, { kind: 'THỊ XÃ', name: 'Đức Phổ' }, { kind: 'PHƯỜNG', name: 'Hòa Khánh' },
];
const ACTIONS = ['triển khai thực hiện', 'tăng cường công tác', 'tổ chức kiểm tra', 'báo cáo kết quả', 'góp ý dự thảo', 'kiện toàn', 'phê duyệt danh sách', 'bổ sung kinh phí cho'];
const OBJECTS = ['bảo vệ chính trị nội bộ', 'chuyển đổi số trong cơ quan đảng', 'cải cách hành chính', 'phòng, chống tham nhũng, lãng phí', 'công tác cán bộ', 'Ban Chỉ đạo xây dựng nông thôn mới', 'các tổ chức cơ sở đảng trực thuộc', 'phòng cháy, chữa cháy rừng'];
const TAILS = ['', ' năm 2025', ' giai đoạn 2026 - 2030', ' trên địa bàn tỉnh', ' 6 tháng đầu năm'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Đức', 'Thanh'];
const GIVEN = ['An', 'Bình', 'Hòa', 'Thủy', 'Khánh', 'Tuấn', 'Lan', 'Việt', 'Sơn'];
const RECIPIENTS = ['Như trên', 'Thường trực Tỉnh ủy (để b/c)', 'Ban Tổ chức Tỉnh ủy', 'Các sở, ban, ngành tỉnh', 'UBND các huyện, thị xã', 'Các đảng ủy trực thuộc'];
const SECRECY = { MẬT: 'mat', 'TỐI MẬT': 'toi-mat', 'TUYỆT MẬT': 'tuyet-mat' } as const;
const URGENCY = { KHẨN: 'khan', 'THƯỢNG KHẨN': 'thuong-khan', 'HỎA TỐC': 'hoa-toc' } as const;
/** OCR slips of a stamp's letters: a mark lost or swapped, or the box read as specks. */
const MARK_SLIPS: Record<string, string[]> = { MẬT: ['MÂT', 'MẠT', 'MẠI', "' *^ .* ~ :"], 'TỐI MẬT': ['TÕI MẬT', 'TỐI MÂT'], 'TUYỆT MẬT': ['TUYẸT MẬT', 'TUYỆT MÂT'] };

/** What to build one document from (the arbitrary's record). */
const specArb = fc.record({
  family: fc.constantFrom<Family>('party', 'state'),
  partyBody: fc.constantFrom(...ALL_BODIES),
  partyType: fc.constantFrom(...CONFIG_TYPES),
  stateIssuer: fc.constantFrom('ubnd', 'so', 'cp', 'hdnd', 'bo', 'cuc', 'ttg', 'local', 'mttq', 'toa'),
  stateType: fc.constantFrom(...STATE_TYPES),
  pick: fc.nat(),
  number: fc.integer({ min: 1, max: 3500 }),
  zeroPad: fc.boolean(),
  date: ymdArb(2016, 2025),
  subject: fc.array(fc.tuple(fc.constantFrom(...ACTIONS), fc.constantFrom(...OBJECTS), fc.constantFrom(...TAILS)), { minLength: 1, maxLength: 3 }),
  secrecy: fc.constantFrom<keyof typeof SECRECY | null>(null, null, 'MẬT', 'TỐI MẬT', 'TUYỆT MẬT'),
  urgency: fc.constantFrom<keyof typeof URGENCY | null>(null, null, 'KHẨN', 'THƯỢNG KHẨN', 'HỎA TỐC'),
  signer: fc.tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN)),
  recipients: fc.shuffledSubarray(RECIPIENTS, { minLength: 1, maxLength: 3 }),
  /** A trích yếu naming the document it carries out ("… thực hiện Kết luận số 45-KL/TW"). */
  subjectCites: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
  cited: fc.array(fc.record({ n: fc.integer({ min: 1, max: 3000 }), date: ymdArb(2010, 2025), form: fc.constantFrom('nd', 'ct-tw', 'qd-ubnd', 'cv'), written: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  // Most letters fit on a page; some run to two or three (the signer on the last).
  bodyLines: fc.oneof({ arbitrary: fc.integer({ min: 4, max: 14 }), weight: 3 }, { arbitrary: fc.integer({ min: 40, max: 90 }), weight: 1 }),
  receipt: fc.constantFrom<null | 'one-line' | 'box'>(null, 'one-line', 'box'),
  receiptAt: fc.constantFrom<'top-left' | 'top-right' | 'under-number'>('top-left', 'top-right', 'under-number'),
  receiptColon: fc.boolean(),
  receiptNo: fc.integer({ min: 100, max: 9999 }),
  saoY: fc.boolean(),
  /** The e-copy stamp carries the copy's own number ("Số: 12/SY-VP", "Số 12-BS/VPTU"), as NĐ 30 has it. */
  saoYNo: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
  /** Top left instead of top right (where no receipt stamp holds it): read before the header's Số line. */
  saoYLeft: fc.boolean(),
  attachment: fc.boolean(),
  rowLines: fc.boolean(),
  dpi: fc.constantFrom(300, 300, 200, 100),
  rightShift: fc.constantFrom(0, 0, 16, -16),
  /** Plans and reports are set out in numbered sections with caps headings. */
  sections: fc.boolean(),
});
type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

const FILLER = 'các cơ quan, đơn vị chủ động phối hợp chặt chẽ, bảo đảm tiến độ, chất lượng và hiệu quả, kịp thời báo cáo những khó khăn, vướng mắc phát sinh trong quá trình thực hiện';

/** A cited document in the body: its symbol, its date, and the sentence citing it. */
function citation(c: Spec['cited'][number]): { symbol: string; date: string; text: string } {
  const sym = c.form === 'nd' ? `${c.n}/${c.date.y}/NĐ-CP` : c.form === 'ct-tw' ? `${c.n}-CT/TW` : c.form === 'qd-ubnd' ? `${c.n}/QĐ-UBND` : `${c.n}/UBND-KT`;
  const what = { nd: 'Nghị định', 'ct-tw': 'Chỉ thị', 'qd-ubnd': 'Quyết định', cv: 'Công văn' }[c.form];
  const when = c.written ? writtenDate(c.date) : `ngày ${pad(c.date.d)}/${pad(c.date.m)}/${c.date.y}`;
  return { symbol: sym, date: iso(c.date), text: `Căn cứ ${what} số ${sym} ${when} của cấp có thẩm quyền;` };
}

interface Parts {
  left: string[];
  issuer: string;
  parent: string | null;
  code: string;
  typeName: string | null;
  typeCode: string;
  symbol: string;
  place: string;
  capacity: string | null;
  capacityExpected: string | null;
  title: string | null;
}

/** The issuing body, its symbol and its signing block, by family. */
function partsOf(s: Spec): Parts {
  const num = s.zeroPad && s.number < 10 ? `0${s.number}` : String(s.number);
  if (s.family === 'party') {
    const b: BodySpec = s.partyBody;
    const signing = b.signing[s.pick % b.signing.length]!;
    const lines = issuerLinesOf(b.name);
    return {
      left: [...(b.superior ? [b.superior] : []), ...lines, '*'],
      issuer: lines.join(' '), parent: b.superior, code: b.code,
      typeName: s.partyType.name, typeCode: s.partyType.code, symbol: `${num}-${s.partyType.code}/${b.code}`,
      place: b.places[s.pick % b.places.length]!,
      capacity: signing.capacity, capacityExpected: signing.capacity,
      title: signing.titles.length ? signing.titles[s.pick % signing.titles.length]! : null,
    };
  }
  const local = LOCAL_UNITS[s.pick % LOCAL_UNITS.length]!;
  const place = s.stateIssuer === 'local' ? local.name : s.stateIssuer === 'cp' || s.stateIssuer === 'bo' || s.stateIssuer === 'cuc' || s.stateIssuer === 'ttg' ? 'Hà Nội' : STATE_PLACES[s.pick % STATE_PLACES.length]!;
  // The Government issues nghị định, the HĐND nghị quyết, a ministry also thông tư (QPPL), the Prime Minister quyết định, chỉ thị and công điện.
  const TTG_TYPES = [{ name: 'Quyết định', code: 'QĐ' }, { name: 'Chỉ thị', code: 'CT' }, { name: 'Công điện', code: 'CĐ' }] as const;
  const t = s.stateIssuer === 'cp' ? { name: 'Nghị định', code: 'NĐ' } : s.stateIssuer === 'hdnd' ? { name: 'Nghị quyết', code: 'NQ' }
    : s.stateIssuer === 'ttg' ? TTG_TYPES[s.pick % TTG_TYPES.length]! : s.stateIssuer === 'bo' && s.pick % 4 === 3 ? { name: 'Thông tư', code: 'TT' } : s.stateType;
  const so = SO_LIST[s.pick % SO_LIST.length]!;
  const bo = MINISTRIES[s.pick % MINISTRIES.length]!;
  const cuc = UNDER_MINISTRY[s.pick % UNDER_MINISTRY.length]!;
  const localName = `${local.kind} ${local.name.toUpperCase()}`;
  const body = { ubnd: { left: ['ỦY BAN NHÂN DÂN', `TỈNH ${place.toUpperCase()}`], issuer: `ỦY BAN NHÂN DÂN TỈNH ${place.toUpperCase()}`, parent: null, code: 'UBND', collective: 'ỦY BAN NHÂN DÂN', head: 'CHỦ TỊCH', deputy: null },
    so: { left: [`UBND TỈNH ${place.toUpperCase()}`, ...issuerLinesOf(so.name, 18)], issuer: so.name, parent: `UBND TỈNH ${place.toUpperCase()}`, code: so.code, collective: null, head: 'GIÁM ĐỐC', deputy: null },
    cp: { left: ['CHÍNH PHỦ'], issuer: 'CHÍNH PHỦ', parent: null, code: 'CP', collective: 'CHÍNH PHỦ', head: 'THỦ TƯỚNG', deputy: null },
    hdnd: { left: ['HỘI ĐỒNG NHÂN DÂN', `TỈNH ${place.toUpperCase()}`], issuer: `HỘI ĐỒNG NHÂN DÂN TỈNH ${place.toUpperCase()}`, parent: null, code: 'HĐND', collective: null, head: 'CHỦ TỊCH', deputy: null },
    // A ministry's name is its own line (wrapped when long); its deputy head is a thứ trưởng.
    bo: { left: issuerLinesOf(bo.name, 20), issuer: bo.name, parent: null, code: bo.code, collective: null, head: 'BỘ TRƯỞNG', deputy: 'THỨ TRƯỞNG' },
    cuc: { left: [cuc.parent, ...issuerLinesOf(cuc.name, 20)], issuer: cuc.name, parent: cuc.parent, code: cuc.code, collective: null, head: 'CỤC TRƯỞNG', deputy: 'PHÓ CỤC TRƯỞNG' },
    ttg: { left: ['THỦ TƯỚNG CHÍNH PHỦ'], issuer: 'THỦ TƯỚNG CHÍNH PHỦ', parent: null, code: 'TTg', collective: null, head: 'THỦ TƯỚNG', deputy: 'PHÓ THỦ TƯỚNG' },
    local: { left: ['ỦY BAN NHÂN DÂN', localName], issuer: `ỦY BAN NHÂN DÂN ${localName}`, parent: null, code: 'UBND', collective: 'ỦY BAN NHÂN DÂN', head: 'CHỦ TỊCH', deputy: null },
    // The Front's committee over its place, its standing board (the issuer) under them; a court over its place.
    mttq: { left: ['ỦY BAN MTTQ VIỆT NAM', `TỈNH ${place.toUpperCase()}`, 'BAN THƯỜNG TRỰC'], issuer: 'BAN THƯỜNG TRỰC', parent: `ỦY BAN MTTQ VIỆT NAM TỈNH ${place.toUpperCase()}`, code: 'MTTQ', collective: 'BAN THƯỜNG TRỰC', head: 'CHỦ TỊCH', deputy: null },
    toa: { left: ['TÒA ÁN NHÂN DÂN', `TỈNH ${place.toUpperCase()}`], issuer: `TÒA ÁN NHÂN DÂN TỈNH ${place.toUpperCase()}`, parent: null, code: 'TA', collective: null, head: 'CHÁNH ÁN', deputy: 'PHÓ CHÁNH ÁN' } }[s.stateIssuer];
  // Văn bản QPPL carry the year; a công văn is {n}/{BODY}-{UNIT}, a commune's often {n}/UBND alone.
  const year = t.code === 'NĐ' || t.code === 'NQ' || t.code === 'TT' || (t.code === 'QĐ' && s.pick % 3 === 0 && s.stateIssuer !== 'ttg');
  const unit = s.stateIssuer === 'bo' || s.stateIssuer === 'cuc' ? MINISTRY_UNITS[s.pick % MINISTRY_UNITS.length] : s.stateIssuer === 'local' && s.pick % 2 === 0 ? null : STATE_UNITS[s.pick % STATE_UNITS.length];
  const symbol = t.code === 'CV' ? `${num}/${body.code}${unit ? `-${unit}` : ''}` : `${num}/${year ? `${s.date.y}/` : ''}${t.code}-${body.code}`;
  // TM. for a collective, KT. for a deputy, the head directly.
  // A Nghị định is always signed for the Government (TM. CHÍNH PHỦ, or KT. THỦ TƯỚNG by a deputy).
  // TL.: the office head for the head of a body (UBND, sở).
  const form = body.collective && (s.pick % 2 === 0 || s.stateIssuer === 'cp') ? 'TM.' : s.pick % 3 === 1 ? 'KT.' : s.pick % 5 === 4 && s.stateIssuer !== 'cp' && s.stateIssuer !== 'ttg' ? 'TL.' : null;
  const capacity = form === 'TM.' ? `TM. ${body.collective}` : form ? `${form} ${body.head}` : null;
  const title = form === 'KT.' ? body.deputy ?? `PHÓ ${body.head}` : form === 'TL.' ? 'CHÁNH VĂN PHÒNG' : body.head;
  return {
    left: body.left, issuer: body.issuer, parent: body.parent, code: body.code, typeName: t.name, typeCode: t.code, symbol,
    place, capacity, capacityExpected: capacity && capacity.replace(/^TM\./, 'T/M').replace(/^KT\./, 'K/T').replace(/^TL\./, 'T/L'), title,
  };
}

/** One generated document, with `slips` OCR slips applied where they happen on scans. */
export function buildDoc(s: Spec, slips: readonly Slip[] = []): GeneratedDoc {
  const p = partsOf(s);
  const party = s.family === 'party';
  const cv = p.typeName === null;
  const has = (k: Slip) => slips.includes(k);
  const damaged = new Set<keyof Expected>();
  // A công văn's trích yếu sits under Số in the left column; a titled document's under the tên loại:
  // one to three lines (a longer one drops its last clauses).
  const cites = s.subjectCites === null ? '' : ` để thực hiện Kết luận số ${s.subjectCites}-KL/TW`;
  const subjectOf = (k: number) => wrapPx((cv ? 'V/v ' : party ? 'về ' : 'Về việc ') + s.subject.slice(0, k).map(([a, o, t]) => `${a} ${o}${t}`).join(' và ') + cites, cv ? 760 : 1500);
  let k = s.subject.length;
  while (k > 1 && subjectOf(k).length > 3) k--;
  let subjectLines = subjectOf(k);
  if (has('drop-mark-subject')) {
    subjectLines = subjectLines.map((l, i) => (i === subjectLines.length - 1 ? l.replace(/\S*[ạảãáàậẩẫấầặẳẵắằệểễếềịỉĩíìọỏõóòộổỗốồụủũúùựửữứừ]\S*/u, (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC')) : l));
    damaged.add('subject');
  }
  const so = (party ? 'Số' : 'Số:').replace('ố', has('so-misread') ? ['ô', '6', 'ỏ'][s.pick % 3]! : 'ố');
  // OCR puts spaces around the symbol's dash and slash ("12 - NQ / TU", "47 / QĐ - UBND").
  let numberShown = has('symbol-spacing') ? p.symbol.replace(/([-/])/g, ' $1 ') : p.symbol;
  if (has('number-letter')) {
    // A digit of the number read as a letter that looks like no digit ("2" → "Z", "5" → "S", "8" → "B").
    const k = numberShown.search(/[2589]/);
    if (k >= 0 && k < numberShown.search(/[-/]/)) {
      numberShown = numberShown.slice(0, k) + { 2: 'Z', 5: 'S', 8: 'B', 9: 'g' }[numberShown[k] as '2' | '5' | '8' | '9'] + numberShown.slice(k + 1);
      // The letter may be read as the start of the symbol's type ("1Z/UBND" as 1-Z/UBND): its parts are touched too.
      damaged.add('numberSymbol').add('typeCode').add('issuerCode');
    }
  }
  if (has('hand-number')) {
    // The văn thư writes the number after signature: print OCR reads the gap as nothing or as marks.
    const hand = HAND[s.pick % HAND.length]!;
    numberShown = party ? `${hand}${p.symbol.slice(p.symbol.indexOf('-'))}` : `${hand}${hand ? '' : '    '}${p.symbol.slice(p.symbol.indexOf('/'))}`;
    damaged.add('numberSymbol');
  }
  let dateWords = writtenDate(s.date);
  if (has('hand-day')) {
    const hand = HAND[(s.pick + 1) % HAND.length]!;
    dateWords = dateWords.replace(/^ngày \d+ /, hand ? `ngày${hand} ` : 'ngày     ');
    damaged.add('documentDate');
  }
  if (has('date-words')) dateWords = dateWords.replace('ngày', 'ngảy').replace('tháng', 'thảng').replace('năm', 'nãm');
  if (has('drop-mark-date')) dateWords = dateWords.replace('ngày', 'ngay').replace('tháng', 'thang').replace('năm', 'nam');
  if (has('day-letter') && !has('hand-day') && /[2589]/.test(pad(s.date.d))) {
    dateWords = dateWords.replace(/(ng\S+ )(\d\d)/, (_m, a: string, d: string) => a + d.replace(/[2589]/, (c) => ({ 2: 'Z', 5: 'S', 8: 'B', 9: 'g' })[c as '2']!));
    damaged.add('documentDate');
  }
  const dateLine = `${p.place}, ${dateWords}`;
  const motto = party ? ['ĐẢNG CỘNG SẢN VIỆT NAM'] : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
  if (has('motto-letter')) motto[0] = motto[0]!.replace('VIỆT', 'VIẸT').replace('HÒA', 'HOÀ');
  if (has('drop-mark-motto')) motto[0] = motto[0]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').replace(/Đ/g, 'D');
  const marks: string[] = [];
  if (s.secrecy) {
    const slipped = MARK_SLIPS[s.secrecy]!;
    marks.push(has('mark-slip') ? slipped[s.pick % slipped.length]! : s.secrecy);
    if (has('mark-slip')) damaged.add('secrecy');
  }
  if (s.urgency) marks.push(s.urgency);

  const decoyNumbers: string[] = s.subjectCites === null ? [] : [`${s.subjectCites}-KL/TW`];
  const decoyDates: string[] = [];
  const topRows: Row[] = [];
  let receiptLines: string[] = [];
  if (s.receipt) {
    const rd = { y: s.date.y, m: s.date.m, d: Math.min(28, s.date.d + 2) };
    decoyDates.push(iso(rd));
    decoyNumbers.push(String(s.receiptNo));
    const c = s.receiptColon ? ':' : '';
    receiptLines = s.receipt === 'one-line' ? [`CV ĐẾN Số${c} ${s.receiptNo} Ngày${c} ${pad(rd.d)}/${pad(rd.m)}/${rd.y}`] : ['ĐẾN', `Số${c} ${s.receiptNo}`, `Ngày${c} ${pad(rd.d)}/${pad(rd.m)}/${rd.y}`, 'Chuyển:'];
    // Stamped on a blank part of the page: top left when an e-copy signature holds the top right, or under the number.
    if (s.receiptAt !== 'under-number') topRows.push(...receiptLines.map((t): Row => [{ text: t, at: (s.saoY ? 'top-left' : s.receiptAt) as Piece['at'] }]), 'gap');
  }
  if (s.saoY) {
    // The copying body's digital signature, top right of page 1 (NĐ 30, bản sao điện tử).
    const sd = { y: s.date.y, m: s.date.m, d: Math.min(28, s.date.d + 1) };
    decoyDates.push(iso(sd));
    const copyNo = s.saoYNo === null ? [] : [s.family === 'party' ? `Số ${s.saoYNo}-BS/VPTU` : `Số: ${s.saoYNo}/SY-VP`];
    decoyNumbers.push(...copyNo.map((c) => c.replace(/^Số:? /, '')));
    const copier = s.family === 'party' ? 'VĂN PHÒNG TỈNH ỦY' : 'VĂN PHÒNG UBND TỈNH';
    const at: Piece['at'] = s.saoYLeft && (!s.receipt || s.receiptAt === 'under-number') ? 'top-left' : 'top-right';
    topRows.push([{ text: 'SAO Y', at }], [{ text: copier, at }], ...copyNo.map((text): Row => [{ text, at }]), [{ text: `Thời gian ký: ${pad(sd.d)}.${pad(sd.m)}.${sd.y} 09:15:20 +07:00`, at }], 'gap');
  }

  // The header: left column (body, star, Số, a công văn's trích yếu, stamps), right column (motto, date).
  const left = [...p.left, `${so} ${numberShown}`, ...(cv ? subjectLines : []), ...marks, ...(s.receiptAt === 'under-number' ? receiptLines : [])];
  const soRow = left.findIndex((l) => l.startsWith(so));
  // The date line is level with Số (under the motto on a short left column).
  const dateRow = Math.max(soRow, motto.length);
  const rightAt = (i: number) => (i < motto.length ? motto[i]! : i === dateRow ? dateLine : '');
  const header: Row[] = [];
  for (let i = 0; i < Math.max(left.length, dateRow + 1); i++) {
    const row: Piece[] = [];
    if (left[i]) row.push({ text: left[i]!, at: 'left-col', split: has('split-issuer') && i === p.left.length - (party ? 2 : 1) });
    const r = rightAt(i);
    if (r) row.push({ text: r, at: 'right-col', split: has('split-date') && r === dateLine });
    header.push(row);
  }
  if (has('split-issuer')) damaged.add('issuer').add('issuerParent');
  if (has('split-date')) damaged.add('documentDate').add('place');

  // The Central Committee's documents name their organ under the tên loại ("CỦA BỘ CHÍNH TRỊ").
  const organ = party && p.code === 'TW' && p.capacity ? [[{ text: `CỦA ${p.capacity.replace(/^T\/M /, '')}`, at: 'centre' }] as Row] : [];
  const title: Row[] = cv ? [] : ['gap', [{ text: p.typeName!.toUpperCase(), at: 'centre' }], ...organ, ...subjectLines.map((l, i): Row => [{ text: l, at: 'centre', split: has('split-subject') && i === 0 }]), [{ text: '-----', at: 'centre' }]];
  const addressed: Row[] = cv || p.typeCode === 'TTr' ? ['gap', [{ text: party ? 'Kính gửi: Ban Thường vụ Tỉnh ủy' : 'Kính gửi: Các sở, ban, ngành tỉnh', at: 'centre' }]] : [];
  // The body: citations first (each a paragraph), then filler paragraphs up to the length asked.
  const body: Row[] = ['gap'];
  for (const c of s.cited.map(citation)) {
    decoyNumbers.push(c.symbol);
    decoyDates.push(c.date);
    wrapPx(c.text, TEXT_W - 120).forEach((l, i) => body.push([{ text: l, at: i ? 'full' : 'indent' }]));
  }
  let para = 0;
  const HEADINGS = ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. TỔ CHỨC THỰC HIỆN'];
  while (body.length < s.bodyLines) {
    if (s.sections && para % 2 === 0 && para / 2 < HEADINGS.length) body.push([{ text: HEADINGS[para / 2]!, at: 'indent' }]);
    wrapPx(`${para % 2 ? 'Đề nghị' : 'Yêu cầu'} ${FILLER}.`, TEXT_W - 120).forEach((l, i) => body.push([{ text: l, at: i ? 'full' : 'indent' }]));
    para++;
  }
  // A decision's preamble ends in "QUYẾT ĐỊNH:" (caps, centred) before its articles.
  if (p.typeCode === 'QĐ') body.push([{ text: 'QUYẾT ĐỊNH:', at: 'centre' }], [{ text: 'Điều 1. Phê duyệt nội dung nêu trên.', at: 'indent' }], [{ text: 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.', at: 'indent' }]);
  body.push([{ text: 'Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.', at: 'indent' }], 'gap');

  const name = s.signer.join(' ');
  const recipients = [...s.recipients, party ? 'Lưu Văn phòng' : 'Lưu: VT, KGVX'];
  if (has('noi-nhan')) damaged.add('recipients');
  const leftFoot = [has('noi-nhan') ? 'Nơi nhân:' : 'Nơi nhận:', ...recipients.map((r, i) => `- ${r}${i === recipients.length - 1 ? '.' : ';'}`)];
  const sealed = has('seal-over-capacity') && p.capacity !== null;
  if (sealed) damaged.add('signingCapacity');
  const rightFoot = [...(p.capacity ? [sealed ? p.capacity.replace(/^\S+ /, '') : p.capacity] : []), ...(p.title ? [p.title] : []), '', '', '', name];
  const footer: Row[] = Array.from({ length: Math.max(leftFoot.length, rightFoot.length) }, (_, i) => [
    ...(leftFoot[i] ? [{ text: leftFoot[i]!, at: 'left' as const }] : []),
    ...(rightFoot[i] ? [{ text: rightFoot[i]!, at: 'right-col' as const }] : []),
  ]);

  // Pages of at most 48 rows; from page 2 the page number is printed at the top centre.
  const all: Row[] = [...topRows, ...header, ...title, ...addressed, ...body, ...footer];
  const pagesRows: Row[][] = [];
  for (let i = 0; i < all.length; ) {
    const k = pagesRows.length;
    const take = all.slice(i, i + 48);
    // The signing block is not split across pages.
    const footAt = all.length - footer.length;
    const cut = i + 48 > footAt && i + 48 < all.length ? footAt - i : take.length;
    pagesRows.push([...(k ? [[{ text: String(k + 1), at: 'centre' }] as Row, 'gap' as Row] : []), ...all.slice(i, i + Math.max(1, cut))]);
    i += Math.max(1, cut);
  }
  const signerPage = pagesRows.length;
  if (s.attachment) {
    // A draft attached after the signing block: its own header, tên loại and signer (not this document).
    const other = `${FAMILY[(s.pick + 3) % FAMILY.length]} ${GIVEN[(s.pick + 4) % GIVEN.length]}`;
    pagesRows.push([
      [{ text: 'DỰ THẢO', at: 'top-right' }], 'gap',
      [{ text: party ? p.left[0]! : 'HỘI ĐỒNG NHÂN DÂN', at: 'left-col' }, { text: motto[0]!, at: 'right-col' }],
      [{ text: party ? '*' : `TỈNH ${p.place.toUpperCase()}`, at: 'left-col' }, ...(party ? [] : [{ text: motto[1]!, at: 'right-col' as const }])],
      [{ text: party ? 'Số   -NQ/TU' : 'Số:   /2025/NQ-HĐND', at: 'left-col' }, { text: `${p.place}, ngày   tháng   năm ${s.date.y}`, at: 'right-col' }],
      'gap', [{ text: 'NGHỊ QUYẾT', at: 'centre' }], [{ text: 'về việc ban hành quy định', at: 'centre' }], 'gap',
      [{ text: 'Căn cứ Luật Ban hành văn bản quy phạm pháp luật;', at: 'indent' }],
      ...wrapPx(`Theo đề nghị của cơ quan soạn thảo, ${FILLER}.`, TEXT_W - 120).map((l, i): Row => [{ text: l, at: i ? 'full' : 'indent' }]), 'gap',
      [{ text: 'Nơi nhận:', at: 'left' }, { text: 'CHỦ TỊCH', at: 'right-col' }], [{ text: '- Như trên;', at: 'left' }], [{ text: '- Lưu: VT.', at: 'left' }], 'gap', [{ text: other, at: 'right-col' }],
    ]);
  }
  const pages = pagesRows.map((rows) => layPage(rows, s.rowLines, { dpi: s.dpi, rightShift: s.rightShift }));
  const printed: string[] = pagesRows.flatMap((rows, k) => [`--- page ${k + 1}`, ...rows.map((r) => (r === 'gap' ? '' : r.map((x) => `[${x.at}] ${x.text}`).join('  |  ')))]);
  return {
    // A failing case shows as its printed page, not as its boxes.
    [fc.toStringMethod]: () => printed.join('\n'),
    pages,
    printed,
    signerPage,
    damaged,
    decoys: { numbers: decoyNumbers, dates: decoyDates },
    expected: {
      numberSymbol: p.symbol, typeCode: p.typeCode, issuerCode: p.code, issuer: p.issuer, issuerParent: p.parent, place: p.place,
      documentDate: iso(s.date), subject: subjectLines.join(' '), secrecy: s.secrecy ? SECRECY[s.secrecy] : null, urgency: s.urgency ? URGENCY[s.urgency] : null,
      signingCapacity: p.capacityExpected, signerTitle: p.title, signer: name, recipients, system: s.family,
    },
  };
}

/** Generated documents; `slips`: which OCR slips may be applied (none by default: a clean reading). */
export const ocrDocumentArb = (opts: { slips?: readonly Slip[]; family?: Family; maxSlips?: number } = {}): fc.Arbitrary<GeneratedDoc> =>
  fc
    .tuple(specArb, opts.slips?.length ? fc.subarray([...opts.slips], { minLength: 1, maxLength: Math.min(opts.maxSlips ?? 2, opts.slips.length) }) : fc.constant<Slip[]>([]))
    .map(([s, slips]) => buildDoc(opts.family ? { ...s, family: opts.family } : s, slips));
