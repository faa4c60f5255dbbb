/**
 * The field extractor on documents nobody has scanned yet: every document type and issuing
 * body of config/domain.json (and bodies of other offices across the country), with the
 * number-symbol, date-line, trích yếu, stamp and signing-block variants OCR produces, the
 * header read in three layouts, text without diacritics (Textract) and letter-level OCR slips.
 * Property tests (fast-check, fixed seeds so a failure replays) and tables; no OCR here.
 * Over 400 lines: one generator of document headers shared by every property below; split by field,
 * each file would repeat it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFields, vocabularyFromConfig, DEFAULT_VOCABULARY } from '../../shared/scans/domain/extract/index';
import { foldDiacritics, stripDiacritics } from '../../shared/platform/text/vietnamese';
import {
  ALL_BODIES,
  CONFIG,
  CONFIG_BODIES,
  CONFIG_TYPES,
  NOISE_KINDS,
  docSpecArb,
  readingArb,
  render,
  type DocSpec,
  type ReadingOptions,
} from './extract-docgen';

const vocabulary = vocabularyFromConfig(CONFIG);

const EXACT = ['numberSymbol', 'typeCode', 'issuerCode', 'documentDate', 'secrecy', 'urgency'] as const;
const FREE = ['subject', 'place', 'issuer', 'issuerParent', 'signingCapacity', 'signerTitle', 'signer', 'recipients'] as const;

function read(text: string) {
  const { fields } = extractFields(text, { vocabulary });
  return Object.fromEntries([...EXACT, ...FREE].map((k) => [k, fields[k]?.value ?? null]));
}

/** Free text compared without marks (OCR slips change marks the extractor cannot know). */
const folded = (v: unknown) => foldDiacritics(JSON.stringify(v ?? null)).replace(/\s+/g, ' ');

const CLEAN: ReadingOptions = { so: 'Số ', symbol: 'plain', dateSpacing: 'normal', zeroPad: false, layout: 'reading', wrap: 0, plain: false, star: '*', blankLines: true, noise: [] };

const specFor = (t: (typeof CONFIG_TYPES)[number], b: (typeof ALL_BODIES)[number], k: number): DocSpec => {
  const signing = b.signing[k % b.signing.length]!;
  return {
    typeName: t.name,
    typeCode: t.code,
    bodyCode: b.code,
    number: String(1 + ((k * 37) % 700)),
    superior: b.superior,
    issuerLines: b.name.length > 26 ? [b.name.split(' ').slice(0, 3).join(' '), b.name.split(' ').slice(3).join(' ')] : [b.name],
    place: b.places[k % b.places.length]!,
    year: 2015 + (k % 12),
    month: 1 + ((k * 5) % 12),
    day: 1 + ((k * 7) % 28),
    subject: t.name ? 'về tăng cường công tác bảo vệ chính trị nội bộ trong tình hình mới' : 'V/v góp ý dự thảo văn kiện Đại hội',
    secrecy: ([null, 'MẬT', 'TỐI MẬT', 'TUYỆT MẬT'] as const)[k % 4]!,
    urgency: ([null, 'KHẨN', null, 'THƯỢNG KHẨN', 'HỎA TỐC'] as const)[k % 5]!,
    capacity: signing.capacity,
    signerTitle: signing.titles[k % Math.max(1, signing.titles.length)] ?? null,
    signerName: 'Nguyễn Thị Thu Hằng',
    recipients: ['Như trên', 'Thường trực Tỉnh ủy (để b/c)', 'Lưu Văn phòng'],
    addressed: t.name === null || t.code === 'TTr' ? 'Ban Thường vụ Tỉnh ủy' : null,
    body: ['Thực hiện Nghị quyết số 10-NQ/TU ngày 10/6/2020 của Ban Chấp hành, công tác văn phòng cấp ủy đã có nhiều chuyển biến tích cực.', 'Đề nghị các cơ quan, đơn vị triển khai thực hiện nghiêm túc./.'],
  };
};

describe('extractor on every configured type × issuing body', () => {
  const cases = CONFIG_TYPES.flatMap((t, i) => CONFIG_BODIES.map((b, j) => ({ t, b, k: i * CONFIG_BODIES.length + j })));
  it('has the configuration to build from', () => {
    expect(CONFIG_TYPES.length).toBeGreaterThanOrEqual(CONFIG.documentTypes.length - 1);
    expect(CONFIG_BODIES.length).toBeGreaterThanOrEqual(CONFIG.issuingBodies.length);
  });
  it.each(cases.map((c) => [`${c.t.code} / ${c.b.code} ${c.b.name}`, c] as const))('%s', (_n, { t, b, k }) => {
    const spec = specFor(t, b, k);
    for (const layout of ['reading', 'merged', 'regions'] as const) {
      const { text, expected } = render(spec, { ...CLEAN, layout });
      expect(read(text), layout).toEqual(expected);
    }
    // Textract: no diacritics at all; codes come back in their printed spelling.
    const plain = render(spec, { ...CLEAN, plain: true });
    expect(read(plain.text), 'plain').toEqual(plain.expected);
  });
});

describe('extractor properties on generated documents (fast-check)', () => {
  it('reads every field of a clean reading, in any layout, with or without diacritics', () => {
    fc.assert(
      fc.property(docSpecArb(), readingArb(), (spec, r) => {
        const { text, expected } = render(spec, r);
        expect(read(text)).toEqual(expected);
      }),
      { numRuns: 600, seed: 20260105 },
    );
  });

  it('reads the exact fields through OCR slips, and the free text up to its marks', () => {
    fc.assert(
      fc.property(docSpecArb(), readingArb({ noise: fc.subarray([...NOISE_KINDS], { minLength: 1 }) }), (spec, r) => {
        const { text, expected } = render(spec, r);
        const got = read(text);
        for (const k of EXACT) expect(got[k], k).toEqual(expected[k]);
        for (const k of FREE) expect(folded(got[k]), k).toEqual(folded(expected[k]));
      }),
      { numRuns: 600, seed: 424242 },
    );
  });

  it('never throws and keeps every confidence in [0, 1] on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.array(fc.constantFrom('Số 1-NQ/TU', 'ngày 1 tháng 1 năm 2020', 'MẬT', 'T/M', 'Nơi nhận:', '- ', '\n', 'V/v'), { maxLength: 12 }), (s, bits) => {
        const { fields } = extractFields(bits.join(' ') + s, { vocabulary });
        for (const f of Object.values(fields)) {
          expect(f.confidence).toBeGreaterThanOrEqual(0);
          expect(f.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

// --- tables of the variants one at a time --------------------------------------------------------

const head = (symbolLine: string, dateLine = 'Thanh Hóa, ngày 05 tháng 3 năm 2026', extra: string[] = []) =>
  ['TỈNH ỦY THANH HÓA', '*', symbolLine, ...extra, 'ĐẢNG CỘNG SẢN VIỆT NAM', dateLine, '', 'NGHỊ QUYẾT', 'về công tác cán bộ', '', 'Thực hiện chỉ đạo của Ban Thường vụ.'].join('\n');

describe('number-symbol variants', () => {
  it.each([
    ['Số: 12-NQ/TU', '12-NQ/TU'],
    ['Số 05-CV/BTCTU', '05-CV/BTCTU'],
    ['Số: 123-KH/ĐU', '123-KH/ĐU'],
    ['Số 12 - NQ/TU', '12-NQ/TU'],
    ['Số 12-NQ / TU', '12-NQ/TU'],
    ['Số 12 - NQ / TU', '12-NQ/TU'],
    ['S6: 12-NQ/TU', '12-NQ/TU'],
    ['Sô: 12-NQ/TU', '12-NQ/TU'],
    ['Sô 12-NQ/TU', '12-NQ/TU'],
    ['So 12-NQ/TU', '12-NQ/TU'],
    ['Số 12–NQ/TU', '12-NQ/TU'],
    ['Số 12—NQ/TU', '12-NQ/TU'],
    ['Số12-NQ/TU', '12-NQ/TU'],
    ['Số 1O-NQ/TU', '10-NQ/TU'],
    ['Số 8-QĐi/TU', '8-QĐi/TU'],
    ['So 8-QDi/TU', '8-QĐi/TU'],
    ['So 22-NQ/DUK', '22-NQ/ĐUK'],
    ['So 3-BC/DH', '3-BC/ĐH'],
    ['So 3-TB/BCD', '3-TB/BCĐ'],
    ['So 41-CTr/BTGDVTU', '41-CTr/BTGDVTU'],
  ])('%s → %s', (line, want) => {
    expect(extractFields(head(line), { vocabulary }).fields.numberSymbol.value).toBe(want);
  });

  it('gives back the configured spelling of a body code only with the office vocabulary', () => {
    expect(extractFields(head('So 3-BC/DH'), { vocabulary: DEFAULT_VOCABULARY }).fields.issuerCode.value).toBe('DH');
    expect(extractFields(head('So 3-BC/DH'), { vocabulary }).fields.issuerCode.value).toBe('ĐH');
  });
});

describe('date-line variants', () => {
  it.each([
    ['Thanh Hóa, ngày 05 tháng 3 năm 2026', '2026-03-05', 'Thanh Hóa'],
    ['Thanh Hóa, ngày 5 tháng 03 năm 2026', '2026-03-05', 'Thanh Hóa'],
    ['Thanh Hóa,  ngày  05  tháng  3  năm  2026', '2026-03-05', 'Thanh Hóa'],
    ['Thanh Hóa,ngày 05 tháng 3 năm 2026', '2026-03-05', 'Thanh Hóa'],
    ['Thanh Hóa , ngày 05 tháng 3 năm 2026', '2026-03-05', 'Thanh Hóa'],
    ['Thanh Hoa, ngay 05 thang 3 nam 2026', '2026-03-05', 'Thanh Hoa'],
    ['Thanh Hóa, ngảy 05 thảng 3 nãm 2026', '2026-03-05', 'Thanh Hóa'],
    ['Thanh Hóa, ngày l tháng 3 năm 2026', '2026-03-01', 'Thanh Hóa'],
    ['Thanh Hóa, ngày O5 tháng 3 năm 2O26', '2026-03-05', 'Thanh Hóa'],
    ['TP. Hồ Chí Minh, ngày 30 tháng 4 năm 2025', '2025-04-30', 'TP. Hồ Chí Minh'],
    ['Hoàng Văn Thụ, ngày 21 tháng 6 năm 2025', '2025-06-21', 'Hoàng Văn Thụ'],
  ])('%s', (line, iso, place) => {
    const { fields } = extractFields(head('Số 12-NQ/TU', line), { vocabulary });
    expect(fields.documentDate.value).toBe(iso);
    expect(fields.place.value).toBe(place);
  });
});

describe('secrecy and urgency stamps', () => {
  it.each([
    [['MẬT'], 'mat', null],
    [['TỐI MẬT'], 'toi-mat', null],
    [['TUYỆT MẬT'], 'tuyet-mat', null],
    [['KHẨN'], null, 'khan'],
    [['THƯỢNG KHẨN'], null, 'thuong-khan'],
    [['HỎA TỐC'], null, 'hoa-toc'],
    [['HOẢ TỐC'], null, 'hoa-toc'],
    [['MAT'], 'mat', null],
    [['TOI MAT', 'HOA TOC'], 'toi-mat', 'hoa-toc'],
    [['TUYET MAT', 'THUONG KHAN'], 'tuyet-mat', 'thuong-khan'],
    [['TÕI MẬT'], 'toi-mat', null],
    [['TUYỆT MẬT .', 'KHẨN |'], 'tuyet-mat', 'khan'],
    [['HÓA TỐC.'], null, 'hoa-toc'],
    [['| MẬT |', '[KHẨN]'], 'mat', 'khan'],
    // One word a letter off (a rotated scan read "TỐI" as "TÖỔI").
    [['TÖỔI MẬT'], 'toi-mat', null],
    [['TUYẸT MÂT'], 'tuyet-mat', null],
    [['THUỢNG KHÂN'], null, 'thuong-khan'],
  ] as const)('%j', (stamps, secrecy, urgency) => {
    const { fields } = extractFields(head('Số 12-NQ/TU', undefined, [...stamps]), { vocabulary });
    expect(fields.secrecy.value).toBe(secrecy);
    expect(fields.urgency.value).toBe(urgency);
  });

  it('finds stamps printed under a công văn trích yếu wrapped over two lines', () => {
    const text = ['TỈNH ỦY HƯNG YÊN', 'VĂN PHÒNG', '*', 'Số 45-CV/VPTU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hưng Yên, ngày 2 tháng 3 năm 2026', 'V/v báo cáo kết quả thực hiện Nghị quyết số', '12-NQ/TU', 'TỐI MẬT', 'THƯỢNG KHẨN', '', 'Kính gửi: Ban Thường vụ Tỉnh ủy', 'Nội dung.'].join('\n');
    const { fields } = extractFields(text, { vocabulary });
    expect(fields.subject.value).toBe('V/v báo cáo kết quả thực hiện Nghị quyết số 12-NQ/TU');
    expect(fields.secrecy.value).toBe('toi-mat');
    expect(fields.urgency.value).toBe('thuong-khan');
  });

  it('does not take "bí mật" or "khẩn trương" in the title or body for a stamp', () => {
    const text = head('Số 12-NQ/TU').replace('về công tác cán bộ', 'về bảo vệ bí mật nhà nước, khẩn trương triển khai');
    const { fields } = extractFields(text.replace('NGHỊ QUYẾT', 'NGHỊ QUYẾT\nBẢO VỆ BÍ MẬT NHÀ NƯỚC'), { vocabulary });
    expect(fields.secrecy.value).toBeNull();
    expect(fields.urgency.value).toBeNull();
  });
});

describe('signing blocks', () => {
  const foot = (right: string[], name = 'Lê Văn Ước') =>
    [head('Số 12-NQ/TU'), '', 'Nơi nhận:', '- Như trên,', '- Lưu Văn phòng.', ...right, name].join('\n');
  it.each([
    [['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'], 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ'],
    [['K/T BÍ THƯ', 'PHÓ BÍ THƯ'], 'K/T BÍ THƯ', 'PHÓ BÍ THƯ'],
    [['T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG'], 'T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG'],
    [['T/UQ CHÁNH VĂN PHÒNG', 'TRƯỞNG PHÒNG HÀNH CHÍNH'], 'T/UQ CHÁNH VĂN PHÒNG', 'TRƯỞNG PHÒNG HÀNH CHÍNH'],
    [['TUQ. CHÁNH VĂN PHÒNG', 'TRƯỞNG PHÒNG HÀNH CHÍNH'], 'T/UQ CHÁNH VĂN PHÒNG', 'TRƯỞNG PHÒNG HÀNH CHÍNH'],
    [['TM. BAN THƯỜNG VỤ', 'BÍ THƯ'], 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ'],
    [['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], 'K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'],
    [['K/ T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], 'K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'],
    [['Q. TRƯỞNG BAN'], null, 'Q. TRƯỞNG BAN'],
    [['TRƯỞNG BAN'], null, 'TRƯỞNG BAN'],
    [['T/M ĐOÀN CHỦ TỊCH'], 'T/M ĐOÀN CHỦ TỊCH', null],
  ] as const)('%j', (right, capacity, title) => {
    const { fields } = extractFields(foot([...right]), { vocabulary });
    expect(fields.signingCapacity!.value).toBe(capacity);
    expect(fields.signerTitle!.value).toBe(title);
    expect(fields.signer.value).toBe('Lê Văn Ước');
    expect(fields.recipients.value).toEqual(['Như trên', 'Lưu Văn phòng']);
  });

  it.each([
    // The red seal hides "K/T" and often "PHÓ": a deputy signs K/T for the head (36-HD).
    [['TRƯỞNG BAN', 'TRƯỞNG BAN'], 'K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'],
    // "KT" read without its slash is read, not inferred.
    [['KT BÍ THƯ', '?HÓ BÍ THƯ'], 'K/T BÍ THƯ', 'PHÓ BÍ THƯ'],
    [['TẾ BÍ THƯ', '=>, HÓBÍ THƯ'], 'K/T BÍ THƯ', 'PHÓ BÍ THƯ'],
    [['CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'], 'K/T CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
    // A head signing alone stays alone.
    [['TRƯỞNG BAN', 'x N7'], null, 'TRƯỞNG BAN'],
  ] as const)('infers K/T hidden by the seal: %j', (right, capacity, title) => {
    const { fields } = extractFields(foot([...right]), { vocabulary });
    expect(fields.signingCapacity!.value).toBe(capacity);
    expect(fields.signerTitle!.value).toBe(title);
    expect(fields.signer.value).toBe('Lê Văn Ước');
    if (capacity && !right[0].startsWith('KT')) expect(fields.signingCapacity!.confidence).toBeLessThan(0.7);
  });

  it('reads them without diacritics too', () => {
    const { fields } = extractFields(stripDiacritics(foot(['K/T CHANH VAN PHONG', 'PHO CHANH VAN PHONG'])), { vocabulary });
    expect(fields.signingCapacity!.value).toBe('K/T CHANH VAN PHONG');
    expect(fields.signerTitle!.value).toBe('PHO CHANH VAN PHONG');
    expect(fields.signer.value).toBe('Le Van Uoc');
  });
});

describe('vocabularyFromConfig', () => {
  it('adds the configured codes, titles and collectives to the defaults', () => {
    expect(vocabulary.bodyCodes).toEqual(expect.arrayContaining(['ĐH', 'TU', 'BTGDVTU', 'BTGTU', 'BCĐ', 'ĐUK']));
    expect(vocabulary.collectiveSigners).toEqual(expect.arrayContaining(['doan chu tich', 'ban tham tra tu cach dai bieu', 'ban kiem phieu']));
    expect(vocabulary.signerTitles).toEqual(expect.arrayContaining(['PHÓ BÍ THƯ THƯỜNG TRỰC', 'TRƯỞNG ĐOÀN']));
    const qdi = vocabulary.types.find((t) => t.name === 'Quy định')!;
    expect([qdi.partyCode, ...(qdi.altCodes ?? [])]).toEqual(expect.arrayContaining(['QĐi', 'QĐ', 'QDi']));
    // Nothing of the defaults goes: documents come from other offices too.
    expect(vocabulary.types.length).toBeGreaterThanOrEqual(DEFAULT_VOCABULARY.types.length);
  });

  it('takes a type the defaults do not know, with its code', () => {
    const v = vocabularyFromConfig({ documentTypes: [{ code: 'TCg', name: 'Thông cáo báo chí' }], issuingBodies: [] });
    const text = head('Số 4-TCg/TU').replace('NGHỊ QUYẾT', 'THÔNG CÁO BÁO CHÍ');
    const { fields } = extractFields(text, { vocabulary: v });
    expect(fields.typeCode.value).toBe('TCg');
    expect(fields.subject.value).toBe('về công tác cán bộ');
  });

  it('repairs the marks of a configured header name OCR misread', () => {
    const v = vocabularyFromConfig({ documentTypes: [], issuingBodies: [{ code: 'BCĐ', header: { superior: 'TỈNH ỦY HƯNG YÊN', name: 'BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG' }, signing: [{ form: 'direct', titles: ['TRƯỞNG BAN'] }] }] });
    const text = ['TỈNH ỦY HƯNG YÊN', 'BAN CHI ĐẠO PHÒNG, CHÔNG THAM NHŨNG', '*', 'Số 4-TB/BCĐ', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hưng Yên, ngày 2 tháng 3 năm 2026', '', 'THÔNG BÁO', 'kết luận của Trưởng ban', '', 'Nội dung.'].join('\n');
    expect(extractFields(text, { vocabulary: v }).fields.issuer.value).toBe('BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG');
  });
});


// --- reading order: marks read from the page's edges ------------------------------------------------

import { readingOrderLines, type LayoutLine } from '../../shared/scans/domain/extract/layout';

/** A line as Tesseract gives it: words with boxes, ~20 px per character, pieces at x positions. */
function boxed(y: number, pieces: [x: number, text: string, confidence?: number, h?: number][]): LayoutLine {
  const words = pieces.flatMap(([x0, text, confidence = 0.9, h = 40]) => {
    let x = x0;
    return text.split(' ').map((w) => {
      const bbox = { x0: x, y0: y, x1: x + w.length * 20, y1: y + h };
      x = bbox.x1 + 20;
      return { text: w, bbox, confidence };
    });
  });
  return { text: words.map((w) => w.text).join(' '), words };
}

describe('reading order on a rotated, straightened scan', () => {
  it('drops short marks in the margin beyond the text and flat doubtful pieces (page edge, scanner lid)', () => {
    const lines = [
      boxed(20, [[80, '>5', 0.16, 1], [264, '2X:', 0.3, 1], [648, 'Z7.', 0.44, 2]]),
      boxed(100, [[360, 'TỈNH ỦY BẮC NINH'], [1050, 'ĐẢNG CỘNG SẢN VIỆT NAM'], [2040, '|', 0.57]]),
      boxed(150, [[390, 'Số 22-NQ/ĐUK'], [1010, 'Bắc Ninh, ngày 12 tháng 04 năm 2022'], [2040, 's', 0]]),
      boxed(250, [[380, 'về xây dựng đội ngũ cán bộ văn phòng cấp ủy đáp ứng'], [2040, 'ạ', 0]]),
      boxed(300, [[0, '|', 0.9], [280, 'Thực hiện chương trình công tác năm 2022, Ban Thường vụ Đảng ủy Khối ban hành'], [2040, 'Ễ', 0.14]]),
      boxed(350, [[280, 'Nghị quyết như sau: phát triển kinh tế, bảo đảm quốc phòng và an ninh, xây dựng Đảng']]),
    ];
    expect(readingOrderLines(lines)).toEqual([
      'TỈNH ỦY BẮC NINH',
      'Số 22-NQ/ĐUK',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Bắc Ninh, ngày 12 tháng 04 năm 2022',
      '',
      'về xây dựng đội ngũ cán bộ văn phòng cấp ủy đáp ứng',
      'Thực hiện chương trình công tác năm 2022, Ban Thường vụ Đảng ủy Khối ban hành',
      'Nghị quyết như sau: phát triển kinh tế, bảo đảm quốc phòng và an ninh, xây dựng Đảng',
    ]);
  });

  it('drops a row of scattered flat marks along the page top (the edge read as text)', () => {
    const lines = [
      boxed(0, [[8, '-', 0, 2], [57, '_', 0.46, 1], [282, '=', 0, 1], [447, '=>', 0.52, 28], [624, 'E', 0, 3], [784, 'cà', 0.17, 37], [850, ':', 0.89, 1], [1028, 'ti C2', 0.07, 16]]),
      boxed(100, [[360, 'TỈNH ỦY QUẢNG NINH'], [1080, 'ĐẢNG CỘNG SẢN VIỆT NAM']]),
      boxed(150, [[430, 'Số 74-TB/ĐUK'], [1066, 'Quảng Ninh, ngày 10 tháng 12 năm 2021']]),
      boxed(250, [[290, 'Ngày 2/12/2021, Thường trực Tỉnh ủy đã chủ trì buổi làm việc với các cơ quan']]),
    ];
    expect(readingOrderLines(lines)[0]).toBe('TỈNH ỦY QUẢNG NINH');
  });

  it('does not split a centred title into two columns for a speck beside it', () => {
    const lines = [
      boxed(100, [[260, 'ĐẢNG BỘ TỈNH QUẢNG NINH'], [1080, 'ĐẢNG CỘNG SẢN VIỆT NAM']]),
      boxed(150, [[430, 'Số 23-TTr/TU'], [1066, 'Uông Bí, ngày 18 tháng 4 năm 2020']]),
      boxed(200, [[445, 'HỎA TỐC']]),
      boxed(300, [[930, 'TỜ TRÌNH', 0.95], [1708, '!', 0.04, 5]]),
      boxed(350, [[440, 'về việc đề nghị phê duyệt Đề án nâng cao chất']]),
      boxed(450, [[290, 'Dưới sự lãnh đạo của Ban Chấp hành, Ban Thường vụ Tỉnh ủy, trực tiếp là Thường trực']]),
    ];
    expect(readingOrderLines(lines).filter(Boolean)).toEqual([
      'ĐẢNG BỘ TỈNH QUẢNG NINH',
      'Số 23-TTr/TU',
      'HỎA TỐC',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Uông Bí, ngày 18 tháng 4 năm 2020',
      'TỜ TRÌNH',
      'về việc đề nghị phê duyệt Đề án nâng cao chất',
      'Dưới sự lãnh đạo của Ban Chấp hành, Ban Thường vụ Tỉnh ủy, trực tiếp là Thường trực',
    ]);
  });

  it('keeps a short stamp in the left column and a separator line', () => {
    const lines = [
      boxed(100, [[360, 'TỈNH ỦY BẮC NINH'], [1050, 'ĐẢNG CỘNG SẢN VIỆT NAM']]),
      boxed(150, [[390, 'Số 22-NQ/ĐUK'], [1010, 'Bắc Ninh, ngày 12 tháng 04 năm 2022']]),
      boxed(200, [[450, 'MẬT']]),
      boxed(300, [[280, 'Thực hiện chương trình công tác năm 2022, Ban Thường vụ Đảng ủy Khối ban hành']]),
      boxed(340, [[900, '-----', 0.4, 4]]),
    ];
    const out = readingOrderLines(lines);
    expect(out).toContain('MẬT');
    expect(out).toContain('-----');
  });
});

// --- marks of the domain's common words in running text ----------------------------------------------

import { repairTextPhrases } from '../../shared/scans/domain/extract/repair';
import { TEXT_PHRASES } from '../../shared/scans/domain/extract/vocabulary';

describe('repairTextPhrases', () => {
  it.each([
    ['về chế độ làm việc, sinh hoạt của chỉ bộ', 'về chế độ làm việc, sinh hoạt của chi bộ'],
    ['về việc khen thưởng tập thế, cá nhân', 'về việc khen thưởng tập thể, cá nhân'],
    ['tống kết công tác năm 2024', 'tổng kết công tác năm 2024'],
    ['V/v tô chức các hoạt động', 'V/v tổ chức các hoạt động'],
    ['về công tác chuấn bị Hội nghị', 'về công tác chuẩn bị Hội nghị'],
    ['Thường trực Tỉnh úy (đế b/c)', 'Thường trực Tỉnh ủy (để b/c)'],
    ['THƯỜNG TRỰC TÍNH ỦY', 'THƯỜNG TRỰC TỈNH ỦY'],
    ['công tác phòng, chống tham nhùng', 'công tác phòng, chống tham nhũng'],
    ['Ban cán sự đảng Ủy ban nhân dân tính', 'Ban cán sự đảng Ủy ban nhân dân tỉnh'],
    ['thủ tục hành chính được chuấn hóa', 'thủ tục hành chính được chuẩn hóa'],
    ['nội dung trình HĐND tính tại kỳ họp', 'nội dung trình HĐND tỉnh tại kỳ họp'],
    ['kỷ niệm 30 năm ngày thành lập tính', 'kỷ niệm 30 năm ngày thành lập tỉnh'],
  ])('%s → %s', (read, want) => expect(repairTextPhrases(read, TEXT_PHRASES)).toBe(want));

  it.each([
    // Letters are never changed, only marks: a misread letter stays.
    'Văn phòng cốp ủy',
    // Unmarked spellings that mean something else are not listed: "để an toàn", "có quan hệ", "báo về", "bị mất".
    'để an toàn thông tin',
    'có quan hệ phối hợp',
    'kết quả báo về Văn phòng',
    'tài liệu bị mất',
    // "tính" (to count) where no body's name comes before it.
    'cách tính lệ phí',
    // Words split by other punctuation are no phrase.
    'tổ. chức',
    // Text without marks (Textract) is not the function's to mark: extractFields leaves it bare.
  ])('leaves "%s" as read', (text) => expect(repairTextPhrases(text, TEXT_PHRASES)).toBe(text));

  it('closes a short parenthesis the seal took from a recipient', () => {
    const text = head('Số 12-NQ/TU') + '\nNơi nhận:\n- Ban Thường vụ Huyện ủy (để b/c,\n- Lưu Văn phòng.\nBÍ THƯ\nLê Văn Ước';
    expect(extractFields(text, { vocabulary }).fields.recipients.value).toEqual(['Ban Thường vụ Huyện ủy (để b/c)', 'Lưu Văn phòng']);
  });

  it('is applied to the trích yếu and the recipients of marked text, not to text without marks', () => {
    const text = head('Số 12-NQ/TU').replace('về công tác cán bộ', 'về việc khen thưởng tập thế, cá nhân') + '\nNơi nhận:\n- Thường trực Tỉnh úy (để b/c),\n- Lưu Văn phòng.\nBÍ THƯ\nLê Văn Ước';
    const { fields } = extractFields(text, { vocabulary });
    expect(fields.subject.value).toBe('về việc khen thưởng tập thể, cá nhân');
    expect(fields.recipients.value).toEqual(['Thường trực Tỉnh ủy (để b/c)', 'Lưu Văn phòng']);
    expect(extractFields(stripDiacritics(text), { vocabulary }).fields.subject.value).toBe('ve viec khen thuong tap the, ca nhan');
  });
});
