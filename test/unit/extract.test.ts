/**
 * The field extractor on the handbook's ground truth (every fixture's fullText), on the same
 * texts without diacritics, and on hand-made noisy variants that look like OCR output (header
 * columns merged into one line, recipients merged with the signing block, misread letters,
 * specks, old tone placement, NFD).
 * Over 400 lines: the tables of noisy variants are data; they read best beside the checks that use them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { truthRegisterFields } from '../support/scan-truth';
import { SCANS } from '../support/fixtures';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractFields } from '../../shared/scans/domain/extract/index';
import { stripDiacritics } from '../../shared/platform/text/vietnamese';

// The ground truth of the synthetic scans, committed under test/fixtures/scans.
const handbook = SCANS;

interface Truth {
  id: string;
  numberSymbol: string;
  typeCode: string;
  issuer: string;
  issuerParent: string | null;
  issuerCode: string;
  place: string;
  date: string;
  subject: string;
  secrecy: string | null;
  urgency: string | null;
  signingCapacity: string | null;
  signerTitle: string;
  signerName: string;
  recipients: string[];
  fullText: string;
  regions: Record<'headerLeft' | 'headerRight' | 'title' | 'body' | 'footerLeft' | 'footerRight', string[]>;
}

const fixtures: Truth[] = readdirSync(handbook)
  .filter((f) => /^[\w-]+\.json$/.test(f) && f !== 'index.json')
  .map((f) => JSON.parse(readFileSync(path.join(handbook, f), 'utf8')) as Truth)
  .filter((t) => t.fullText && t.regions)
  .sort((a, b) => a.id.localeCompare(b.id));


/** What the extractor should give for a fixture; `plain` strips diacritics from the free-text fields. */
function expected(t: Truth, plain = false) {
  const s = (x: string | null) => (x === null ? null : plain ? stripDiacritics(x) : x);
  return {
    ...truthRegisterFields(t),
    subject: s(t.subject),
    place: s(t.place),
    issuer: s(t.issuer),
    issuerParent: s(t.issuerParent),
    signer: s(t.signerName),
    signingCapacity: s(t.signingCapacity),
    signerTitle: s(t.signerTitle),
    recipients: t.recipients.map((r) => s(r)!),
  };
}

function got(text: string) {
  const { fields, lowConfidence } = extractFields(text);
  const v = <T = string>(k: string) => (fields[k]?.value ?? null) as T | null;
  return {
    result: {
      numberSymbol: v('numberSymbol'),
      typeCode: v('typeCode'),
      issuerCode: v('issuerCode'),
      documentDate: v('documentDate'),
      secrecy: v('secrecy'),
      urgency: v('urgency'),
      subject: v('subject'),
      place: v('place'),
      issuer: v('issuer'),
      issuerParent: v('issuerParent'),
      signer: v('signer'),
      signingCapacity: v('signingCapacity'),
      signerTitle: v('signerTitle'),
      recipients: v<string[]>('recipients'),
    },
    fields,
    lowConfidence,
  };
}

// --- noisy variants: what OCR does to a page -------------------------------------------------------

/** Left and right columns side by side on one line, as OCR reads a two-column band. */
function mergeColumns(left: string[], right: string[], gap = '   '): string[] {
  const n = Math.max(left.length, right.length);
  return Array.from({ length: n }, (_, i) => [left[i] ?? '', right[i] ?? ''].filter(Boolean).join(gap));
}

/** Wraps long lines at ~`width` characters (a body or subject line broken by the layout). */
const wrap = (line: string, width: number): string[] => {
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

/** A page as OCR (one block, top to bottom) reads it: merged columns, wrapped lines, blank lines. */
function ocrLike(t: Truth): string {
  const r = t.regions;
  // The right column's motto sits level with the top line, its date line level with "Số".
  const so = Math.max(0, r.headerLeft.findIndex((l) => /^Số/.test(l)));
  const right = [r.headerRight[0]!, ...Array.from({ length: Math.max(0, so - 1) }, () => ''), ...r.headerRight.slice(1)];
  const header = mergeColumns(r.headerLeft, right);
  const title = r.title.filter((l) => !/^-+$/.test(l)).flatMap((l) => wrap(l, 60));
  const body = r.body.flatMap((l) => [...wrap(l, 80), '']);
  const footer = mergeColumns(r.footerLeft, r.footerRight.slice(0, 2));
  const name = r.footerRight.slice(2);
  return [...header, '', ...title, '', ...body, ...footer, '', ...name].join('\n');
}

/** Letter-level OCR slips in the places the extractor reads. */
function slips(text: string): string {
  return text
    .replace(/Số (\d+)-/, 'Sô $1 - ')
    .replace(/ngày (\d+) tháng/, 'ngảy $1 thảng')
    .replace(/Nơi nhận:/, 'Nơi nhân:')
    .replace(/Đ/g, (m, i: number) => (i % 3 === 0 ? 'Ð' : m))
    .replace(/ủy/g, 'uỷ')
    .replace(/hòa/g, 'hoà')
    .replace(/^\*$/m, '>*');
}

/** Specks read as marks at line ends, a stray junk line, a seal remnant after the name. */
function specks(text: string): string {
  const lines = text.split('\n');
  return lines
    .map((l, i) => (i % 4 === 1 && l.length > 20 && !/^- /.test(l) ? `${l} '` : l))
    .join('\n')
    .replace(/\n\n/, '\n|\n\n')
    .concat(' .,');
}

describe('extractFields on the handbook', () => {
  it('has the twelve fixtures', () => expect(fixtures.map((t) => t.id)).toHaveLength(12));

  describe.each(fixtures.map((t) => [t.id, t] as const))('%s', (_id, t) => {
    it('reads every field from fullText', () => {
      const { result, lowConfidence } = got(t.fullText);
      expect(result).toEqual(expected(t));
      expect(lowConfidence).toEqual([]);
    });

    it('reads the fields from fullText without diacritics', () => {
      const { result } = got(stripDiacritics(t.fullText));
      expect(result).toEqual(expected(t, true));
    });

    it('reads the fields from an OCR-like page (merged columns, wrapped lines)', () => {
      const { result } = got(ocrLike(t));
      expect(result).toEqual(expected(t));
    });

    it('reads the codes, date, stamps and subject through OCR slips and specks', () => {
      const { result } = got(specks(slips(ocrLike(t))));
      const e = expected(t);
      expect({
        numberSymbol: result.numberSymbol,
        typeCode: result.typeCode,
        issuerCode: result.issuerCode,
        documentDate: result.documentDate,
        secrecy: result.secrecy,
        urgency: result.urgency,
      }).toEqual({
        numberSymbol: e.numberSymbol,
        typeCode: e.typeCode,
        issuerCode: e.issuerCode,
        documentDate: e.documentDate,
        secrecy: e.secrecy,
        urgency: e.urgency,
      });
      // Free text keeps the slips (old tone placement, Ð) but not the specks.
      expect(result.subject?.normalize('NFC').replace(/uỷ/g, 'ủy').replace(/hoà/g, 'hòa').replace(/Ð/g, 'Đ')).toBe(e.subject);
      expect(result.signer).toBe(e.signer);
      expect(result.recipients?.length).toBe(e.recipients.length);
    });

    it('reads an NFD text like an NFC one', () => {
      expect(got(t.fullText.normalize('NFD')).result).toEqual(expected(t));
    });
  });
});

describe('extractFields on hand-made documents', () => {
  const STATE = [
    'ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'TỈNH BẮC GIANG          Độc lập - Tự do - Hạnh phúc',
    'Số: 15/QĐ-UBND          Bắc Giang, ngày 09 tháng 01 năm 2025',
    '',
    'QUYẾT ĐỊNH',
    'Về việc thành lập Tổ công tác chuyển đổi số',
    '',
    'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
    'Căn cứ Luật Tổ chức chính quyền địa phương;',
    'QUYẾT ĐỊNH:',
    'Điều 1. Thành lập Tổ công tác.',
    'Nơi nhận:                              TM. ỦY BAN NHÂN DÂN',
    '- Như Điều 3;                          CHỦ TỊCH',
    '- Lưu: VT, KGVX.',
    '',
    '                                        Nguyễn Văn Sơn',
  ].join('\n');

  it('reads a State decision (Quốc hiệu, "Số:", TM.)', () => {
    const { fields } = extractFields(STATE);
    expect(fields.system!.value).toBe('state');
    expect(fields.numberSymbol.value).toBe('15/QĐ-UBND');
    expect(fields.typeCode.value).toBe('QĐ');
    expect(fields.issuerCode.value).toBe('UBND');
    expect(fields.documentDate.value).toBe('2025-01-09');
    expect(fields.place.value).toBe('Bắc Giang');
    expect(fields.subject.value).toBe('Về việc thành lập Tổ công tác chuyển đổi số');
    // The issuing body is the provincial People's Committee, printed on two lines (NĐ 30): one
    // name, as the real letters' ground truth gives it ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI").
    expect(fields.issuer.value).toBe('ỦY BAN NHÂN DÂN TỈNH BẮC GIANG');
    expect(fields.issuerParent!.value).toBeNull();
    expect(fields.signingCapacity!.value).toBe('T/M ỦY BAN NHÂN DÂN');
    expect(fields.signerTitle!.value).toBe('CHỦ TỊCH');
    expect(fields.signer.value).toBe('Nguyễn Văn Sơn');
    expect(fields.recipients.value).toEqual(['Như Điều 3', 'Lưu: VT, KGVX']);
  });

  it('reads a State công văn with "V/v" under the number', () => {
    const text = [
      'UBND TỈNH NINH BÌNH     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ NỘI VỤ               Độc lập - Tự do - Hạnh phúc',
      'Số: 1234/SNV-TCCB       Ninh Bình, ngày 20 tháng 11 năm 2023',
      'V/v báo cáo số lượng cán bộ, công chức',
      '',
      'Kính gửi: Các sở, ban, ngành tỉnh.',
    ].join('\n');
    const { fields } = extractFields(text);
    expect(fields.numberSymbol.value).toBe('1234/SNV-TCCB');
    expect(fields.typeCode.value).toBe('CV');
    expect(fields.issuerCode.value).toBe('SNV');
    expect(fields.subject.value).toBe('V/v báo cáo số lượng cán bộ, công chức');
    expect(fields.issuer.value).toBe('SỞ NỘI VỤ');
  });

  it('tells TỐI MẬT and TUYỆT MẬT from MẬT, and ignores "bí mật" in the subject', () => {
    const doc = (stamp: string) =>
      ['TỈNH ỦY AN GIANG            ĐẢNG CỘNG SẢN VIỆT NAM', 'BAN TỔ CHỨC', '*', 'Số 7-KH/BTCTU            An Giang, ngày 1 tháng 2 năm 2024', stamp, '', 'KẾ HOẠCH', 'bảo vệ bí mật nhà nước năm 2024', '', 'Thực hiện chỉ đạo.'].join('\n');
    expect(extractFields(doc('TỐI MẬT')).fields.secrecy.value).toBe('toi-mat');
    expect(extractFields(doc('TUYỆT MẬT')).fields.secrecy.value).toBe('tuyet-mat');
    expect(extractFields(doc('MẬT')).fields.secrecy.value).toBe('mat');
    expect(extractFields(doc('| MẬT |')).fields.secrecy.value).toBe('mat');
    expect(extractFields(doc('')).fields.secrecy.value).toBeNull();
    expect(extractFields(doc('HOẢ TỐC')).fields.urgency.value).toBe('hoa-toc');
    expect(extractFields(doc('THƯỢNG KHẨN')).fields.urgency.value).toBe('thuong-khan');
    expect(extractFields(doc('KHẨN')).fields.urgency.value).toBe('khan');
    expect(extractFields(doc('TUYET MAT')).fields.secrecy.value).toBe('tuyet-mat');
    expect(extractFields(doc('')).fields.subject.value).toBe('bảo vệ bí mật nhà nước năm 2024');
  });

  it('ignores a number cited in the body when the header has one', () => {
    const text = ['TỈNH ỦY X      ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 3-CT/TU     X, ngày 2 tháng 3 năm 2021', 'CHỈ THỊ', 'về công tác cán bộ', '', 'Thực hiện Nghị quyết số 10-NQ/TU ngày 5/1/2021.'].join('\n');
    expect(extractFields(text).fields.numberSymbol.value).toBe('3-CT/TU');
  });

  it('rejects impossible dates and flags what it could not read', () => {
    const { fields, lowConfidence } = extractFields('Hà Nội, ngày 31 tháng 02 năm 2024\nnội dung không có số');
    expect(fields.documentDate.value).toBeNull();
    expect(fields.numberSymbol.value).toBeNull();
    expect(lowConfidence).toEqual(expect.arrayContaining(['numberSymbol', 'documentDate', 'typeCode']));
  });

  it('rejects a date after today when told the day', () => {
    const text = 'Số 1-TB/TU   Hà Nội, ngày 1 tháng 1 năm 2099\nTHÔNG BÁO\nvề lịch họp';
    expect(extractFields(text, { today: new Date('2026-01-01') }).fields.documentDate.value).toBeNull();
    expect(extractFields(text).fields.documentDate.value).toBe('2099-01-01');
  });

  it('gives empty fields for empty text', () => {
    const { fields, lowConfidence } = extractFields('');
    expect(fields.numberSymbol.value).toBeNull();
    expect(lowConfidence.length).toBeGreaterThan(5);
  });

  it('gives every field a confidence in [0, 1]', () => {
    const { fields } = extractFields(STATE);
    for (const f of Object.values(fields)) {
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
  });
});

// --- reading order from boxes (shared/scans/domain/extract/layout) ---------------------------------------

import { readingOrderLines, splitLine, type LayoutLine } from '../../shared/scans/domain/extract/layout';
import { matchSignerTitle, repairCapsPhrases } from '../../shared/scans/domain/extract/repair';
import { DOCUMENT_TYPES, HEADER_PHRASES, PROVINCES, SIGNER_TITLES } from '../../shared/scans/domain/extract/vocabulary';

/** A line as Tesseract gives it: words with boxes, ~`charW` px per character, pieces placed at x positions. */
function ocrLine(y: number, pieces: [x: number, text: string][], charW = 20, h = 40): LayoutLine {
  const words = pieces.flatMap(([x0, text]) => {
    let x = x0;
    return text.split(' ').map((w) => {
      const box = { x0: x, y0: y, x1: x + w.length * charW, y1: y + h };
      x = box.x1 + charW;
      return { text: w, bbox: box, confidence: 0.9 };
    });
  });
  return { text: words.map((w) => w.text).join(' '), words, bbox: { x0: words[0]!.bbox.x0, y0: y, x1: words[words.length - 1]!.bbox.x1, y1: y + h } };
}

describe('readingOrderLines', () => {
  // A4 at 250 dpi: text from x=200 to x=1900; left column centred near 620, right near 1480.
  const page: LayoutLine[] = [
    ocrLine(100, [[420, 'TỈNH ỦY NGHỆ AN'], [1150, 'ĐẢNG CỘNG SẢN VIỆT NAM']]),
    ocrLine(150, [[430, 'ỦY BAN KIỂM TRA']]),
    ocrLine(200, [[600, '*']]),
    ocrLine(250, [[440, 'Số 598-CV/UBKTTU'], [1100, 'Nghệ An, ngày 13 tháng 9 năm 2017']]),
    ocrLine(300, [[300, 'V/v tổ chức các hoạt động kỷ niệm']]),
    ocrLine(350, [[560, 'MẬT']]),
    ocrLine(450, [[200, 'Đảng bộ huyện Tương Dương lâm thời được thành lập vào tháng 10/1949']]),
    ocrLine(500, [[200, 'cho đến năm 1959, Văn phòng cấp ủy mới chính thức thành lập.']]),
    ocrLine(600, [[200, 'Nơi nhận:'], [1250, 'K/T CHỦ NHIỆM']]),
    ocrLine(650, [[200, '- Như trên,'], [1230, 'PHÓ CHỦ NHIỆM']]),
    ocrLine(700, [[200, '- Lưu Văn phòng.']]),
    ocrLine(850, [[1300, 'Mai Xuân Tuấn']]),
  ];

  it('puts the header and footer columns one after the other, body lines as they are', () => {
    // Header: the left column, running on below the right column's last line (the V/v, a stamp) without
    // a paragraph's gap, then the right column.
    expect(readingOrderLines(page)).toEqual([
      'TỈNH ỦY NGHỆ AN',
      'ỦY BAN KIỂM TRA',
      '*',
      'Số 598-CV/UBKTTU',
      'V/v tổ chức các hoạt động kỷ niệm',
      'MẬT',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Nghệ An, ngày 13 tháng 9 năm 2017',
      '',
      'Đảng bộ huyện Tương Dương lâm thời được thành lập vào tháng 10/1949',
      'cho đến năm 1959, Văn phòng cấp ủy mới chính thức thành lập.',
      '',
      'Nơi nhận:',
      '- Như trên,',
      '- Lưu Văn phòng.',
      'K/T CHỦ NHIỆM',
      'PHÓ CHỦ NHIỆM',
      'Mai Xuân Tuấn',
    ]);
  });

  it('reads the header\'s right column before "Kính gửi:" with its recipients to its right', () => {
    // A công văn: the V/v under the Số line, then "Kính gửi:" on the left with the recipients
    // beside it on the right, while the motto and the date line sit at the top right.
    const lines = [
      ocrLine(100, [[420, 'ỦY BAN NHÂN DÂN'], [1150, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']]),
      ocrLine(150, [[430, 'TỈNH KON TUM'], [1250, 'Độc lập - Tự do - Hạnh phúc']]),
      ocrLine(250, [[440, 'Số: /UBND-KT'], [1100, 'Kon Tum, ngày tháng 02 năm 2025']]),
      ocrLine(300, [[300, 'V/v tăng cường công tác phòng,']]),
      ocrLine(350, [[320, 'chống thiên tai']]),
      ocrLine(450, [[500, 'Kính gửi:'], [1000, '- Thường trực HĐND tỉnh;']]),
      ocrLine(500, [[1000, '- Hội đồng nhân dân tỉnh.']]),
    ];
    const order = readingOrderLines(lines);
    expect(order.indexOf('Kon Tum, ngày tháng 02 năm 2025')).toBeLessThan(order.indexOf('Kính gửi:'));
    expect(order.indexOf('Độc lập - Tự do - Hạnh phúc')).toBeLessThan(order.indexOf('Kính gửi:'));
    expect(order.slice(order.indexOf('Kính gửi:'))).toEqual(['Kính gửi:', '- Thường trực HĐND tỉnh;', '- Hội đồng nhân dân tỉnh.']);
  });

  it('keeps a centred title and subject as full-width lines', () => {
    const lines = [ocrLine(100, [[400, 'TỈNH ỦY X'], [1200, 'ĐẢNG CỘNG SẢN VIỆT NAM']]), ocrLine(300, [[930, 'TỜ TRÌNH']]), ocrLine(350, [[700, 'về việc đề nghị phê duyệt']])];
    expect(readingOrderLines(lines)).toEqual(['TỈNH ỦY X', 'ĐẢNG CỘNG SẢN VIỆT NAM', '', 'TỜ TRÌNH', 'về việc đề nghị phê duyệt']);
  });

  it('splits a line only at gaps much wider than a word space', () => {
    expect(splitLine(ocrLine(0, [[200, 'a b c'], [300, 'd']])).map((s) => s.text)).toEqual(['a b c d']);
    expect(splitLine(ocrLine(0, [[200, 'a b c'], [900, 'd']])).map((s) => s.text)).toEqual(['a b c', 'd']);
  });

  // The blank left for the day written by hand: as wide as the văn thư left it, it is no column gap.
  it.each([
    ['ngày', 'tháng 3 năm 2021'],
    ['ngày?', 'tháng 3 năm 2021'],
    ['ngàyØ', '“tháng 12 năm 2020'],
    ['Ngày', 'tháng 01 năm 2025'],
  ])('keeps "%s … %s" one piece, whatever the blank between', (ngay, thang) => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 600 }), (blank) => {
        const pieces = splitLine(ocrLine(0, [[200, 'Số: 524 /UBND-NNTN'], [640, `Quảng Nam, ${ngay}`], [640 + (12 + ngay.length) * 20 + blank, thang]]));
        expect(pieces.map((p) => p.text)).toEqual(['Số: 524 /UBND-NNTN Quảng Nam, ' + ngay + ' ' + thang]);
      }),
      { numRuns: 20 },
    );
  });
  it('still splits a wide gap that is no day blank ("ngày" in running text, then a column)', () => {
    expect(splitLine(ocrLine(0, [[200, 'kỷ niệm 94 năm Ngày'], [1200, 'Hà Nội, ngày 5']])).length).toBe(2);
    expect(splitLine(ocrLine(0, [[200, 'Quảng Nam, ngày'], [1000, 'thứ 15']])).length).toBe(2);
  });

  it('returns lines without boxes as they are', () => {
    expect(readingOrderLines([{ text: 'a   b' }, { text: 'c' }])).toEqual(['a   b', 'c']);
  });

  it('feeds the extractor the fields of a two-column page read as one block', () => {
    const { fields } = extractFields(readingOrderLines(page).join('\n'));
    expect(fields.numberSymbol.value).toBe('598-CV/UBKTTU');
    expect(fields.typeCode.value).toBe('CV');
    expect(fields.documentDate.value).toBe('2017-09-13');
    expect(fields.place.value).toBe('Nghệ An');
    expect(fields.secrecy.value).toBe('mat');
    expect(fields.subject.value).toBe('V/v tổ chức các hoạt động kỷ niệm');
    expect(fields.issuer.value).toBe('ỦY BAN KIỂM TRA');
    expect(fields.signingCapacity!.value).toBe('K/T CHỦ NHIỆM');
    expect(fields.signerTitle!.value).toBe('PHÓ CHỦ NHIỆM');
    expect(fields.signer.value).toBe('Mai Xuân Tuấn');
    expect(fields.recipients.value).toEqual(['Như trên', 'Lưu Văn phòng']);
  });
});

// --- repairs from the vocabulary -------------------------------------------------------------------

describe('caps header repair', () => {
  const phrases = [...HEADER_PHRASES, ...PROVINCES];
  it.each([
    ['ĐÁNG BỘ TÍNH QUÁNG NINH', 'ĐẢNG BỘ TỈNH QUẢNG NINH'],
    ['ĐANG UY KHÔI CÁC CƠ QUAN TÍNH', 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH'],
    ['UY BẠN KIEM TRA', 'ỦY BAN KIỂM TRA'],
    ['BẠN TUYEN GIÁO', 'BAN TUYÊN GIÁO'],
    ['VĂN PHONG', 'VĂN PHÒNG'],
    // A commune's own name is not in the vocabulary: "UY NỖ" keeps its letters.
    ['ĐANG UY XÃ UY NÓ', 'ĐẢNG ỦY XÃ UY NÓ'],
    // QUẬN ỦY and QUÂN ỦY fold alike: left as read.
    ['QUAN UY BA ĐÌNH', 'QUAN UY BA ĐÌNH'],
    ['Tỉnh ủy lạng sơn', 'Tỉnh ủy lạng sơn'],
  ])('%s → %s', (read, want) => expect(repairCapsPhrases(read, phrases)).toBe(want));

  it.each([
    ['HÓ BÍ THƯ', 'PHÓ BÍ THƯ'],
    ['ỐÁ BÍ THƯ', 'BÍ THƯ'],
    ['BÍTHƯ', 'BÍ THƯ'],
    ['PHO CHANH VAN PHONG', 'PHÓ CHÁNH VĂN PHÒNG'],
    ['CHỦ NHIỆM', 'CHỦ NHIỆM'],
    ['XYZ', null],
  ])('signer title %s → %s', (read, want) => expect(matchSignerTitle(read, SIGNER_TITLES)).toBe(want));

  const garbled = [
    'ĐÁNG BỘ TÍNH BẮC NINH      ĐẢNG CỘNG SẢN VIỆT NAM',
    'HUYỆN ỦY YÊN PHONG',
    '*',
    'Số 49-KH/HU    Yên Phong, ngày 16 tháng 5 năm 2024',
    '',
    'KẾ HOẠCH',
    'tổ chức các hoạt động kỷ niệm',
    '',
    'Thực hiện chương trình công tác, Huyện ủy xây dựng kế hoạch như sau.',
    'Nơi nhận:         BAN THƯỜNG VỤ',
    '- Văn phòng Tỉnh ủy,     HÓ BÍ THƯ',
    '- Lưu Văn phòng Huyện ủy.',
    '',
    'Mai Thúy Dung',
  ].join('\n');

  it('repairs the marks of the header and title read by OCR, and infers T/M hidden by the seal', () => {
    const { fields } = extractFields(garbled);
    expect(fields.issuerParent!.value).toBe('ĐẢNG BỘ TỈNH BẮC NINH');
    expect(fields.issuer.value).toBe('HUYỆN ỦY YÊN PHONG');
    expect(fields.signerTitle!.value).toBe('PHÓ BÍ THƯ');
    expect(fields.signingCapacity!.value).toBe('T/M BAN THƯỜNG VỤ');
    expect(fields.signingCapacity!.confidence).toBeLessThan(0.7);
    expect(fields.recipients.value).toEqual(['Văn phòng Tỉnh ủy', 'Lưu Văn phòng Huyện ủy']);
  });

  it('infers T/L when the office head signs for the standing board', () => {
    const text = garbled.replace('HÓ BÍ THƯ', 'CHÁNH VĂN PHÒNG');
    expect(extractFields(text).fields.signingCapacity!.value).toBe('T/L BAN THƯỜNG VỤ');
  });

  it('leaves text without marks bare (Textract)', () => {
    const { fields } = extractFields(stripDiacritics(garbled));
    expect(fields.issuerParent!.value).toBe('DANG BO TINH BAC NINH');
    expect(fields.signerTitle!.value).toBe('PHO BI THU');
  });

  it('finds "Nơi nhận" with its first word garbled', () => {
    const { fields } = extractFields(garbled.replace('Nơi nhận:', 'N “nhận:'));
    expect(fields.recipients.value).toEqual(['Văn phòng Tỉnh ủy', 'Lưu Văn phòng Huyện ủy']);
  });

  it('tells Dự án (DA) from Đề án (ĐA) by the tên loại', () => {
    const doc = (title: string, code: string) => ['TỈNH ỦY X        ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 4-' + code + '/TU        X, ngày 2 tháng 3 năm 2021', '', title, 'về phát triển vùng', '', 'Nội dung.'].join('\n');
    expect(extractFields(doc('DỰ ÁN', 'DA')).fields.numberSymbol.value).toBe('4-DA/TU');
    expect(extractFields(doc('ĐỀ ÁN', 'ĐA')).fields.numberSymbol.value).toBe('4-ĐA/TU');
    expect(extractFields(stripDiacritics(doc('ĐỀ ÁN', 'ĐA'))).fields.typeCode.value).toBe('ĐA');
    expect(extractFields(stripDiacritics(doc('DỰ ÁN', 'DA'))).fields.typeCode.value).toBe('DA');
  });
});

// --- documents the handbook does not have: every type, other bodies, stamps and signing forms ---------

describe('extractFields on generated documents', () => {
  const BODIES: [header: string[], code: string][] = [
    [['TỈNH ỦY THANH HÓA', 'BAN DÂN VẬN'], 'BDVTU'],
    [['HUYỆN ỦY ĐÔNG ANH'], 'HU'],
    [['ĐẢNG BỘ THÀNH PHỐ HÀ NỘI', 'QUẬN ỦY BA ĐÌNH'], 'QU'],
    [['HUYỆN ỦY THANH TRÌ', 'ỦY BAN KIỂM TRA'], 'UBKTHU'],
    [['HUYỆN ỦY GIA LÂM', 'VĂN PHÒNG'], 'VPHU'],
    [['BAN CHẤP HÀNH TRUNG ƯƠNG'], 'TW'],
    [['ĐẢNG BỘ TỈNH HÀ NAM', 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN', 'TỈNH'], 'ĐUK'],
    [['TỈNH ỦY BÌNH ĐỊNH', 'BAN TUYÊN GIÁO VÀ DÂN VẬN'], 'BTGDVTU'],
    [['ĐẢNG ỦY XÃ TÂN LẬP', 'CHI BỘ THÔN 3'], 'CB'],
    [['TỈNH ỦY CÀ MAU', 'BAN CÁN SỰ ĐẢNG', 'ỦY BAN NHÂN DÂN TỈNH'], 'BCSĐ'],
  ];
  const STAMPS: [lines: string[], secrecy: string | null, urgency: string | null][] = [
    [[], null, null],
    [['MẬT'], 'mat', null],
    [['TỐI MẬT', 'HỎA TỐC'], 'toi-mat', 'hoa-toc'],
    [['THƯỢNG KHẨN'], null, 'thuong-khan'],
    [['TUYỆT MẬT', 'KHẨN'], 'tuyet-mat', 'khan'],
    [['HOẢ TỐC'], null, 'hoa-toc'],
  ];
  const SIGNS: [lines: string[], capacity: string | null, title: string][] = [
    [['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'], 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ'],
    [['K/T BÍ THƯ', 'PHÓ BÍ THƯ'], 'K/T BÍ THƯ', 'PHÓ BÍ THƯ'],
    [['T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG'], 'T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG'],
    [['TRƯỞNG BAN'], null, 'TRƯỞNG BAN'],
    [['T/M ĐẢNG ỦY', 'PHÓ BÍ THƯ'], 'T/M ĐẢNG ỦY', 'PHÓ BÍ THƯ'],
  ];
  const SUBJECTS = [
    'về việc tăng cường công tác bảo vệ chính trị nội bộ trong tình hình mới',
    'về lãnh đạo, chỉ đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh năm 2025 và những năm tiếp theo trên địa bàn',
    'tổng kết 10 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị',
  ];
  const PLACES = ['Thanh Hóa', 'Phú Thọ', 'Buôn Ma Thuột', 'Hà Nội'];
  const BODY = [
    'Thực hiện Nghị quyết số 10-NQ/TU ngày 10/6/2020 của Ban Chấp hành, công tác văn phòng cấp ủy đã có nhiều chuyển biến tích cực, bảo đảm phục vụ kịp thời sự lãnh đạo, chỉ đạo của cấp ủy.',
    'Đề nghị các cơ quan, đơn vị triển khai thực hiện nghiêm túc, báo cáo kết quả trước ngày 15/12/2024./.',
  ];
  const TYPES = DOCUMENT_TYPES.filter((t) => !['Công văn', 'Nghị định', 'Thông tư', 'Công điện', 'Hợp đồng', 'Sao y', 'Trích sao', 'Sao lục', 'Bản sao', 'Thư công'].includes(t.name));
  const wrapAt = (s: string, w: number) => wrap(s, w);

  const cases = TYPES.flatMap((t, k) => (['clean', 'plain', 'merged'] as const).map((mode, m) => ({ t, k: k * 3 + m, mode })));
  it.each(cases.map((c) => [`${c.t.name} (${c.mode})`, c] as const))('%s', (_name, { t, k, mode }) => {
    const [header, body] = BODIES[k % BODIES.length]!;
    const [stamp, secrecy, urgency] = STAMPS[k % STAMPS.length]!;
    const [sign, capacity, title] = SIGNS[k % SIGNS.length]!;
    const subject = SUBJECTS[k % SUBJECTS.length]!;
    const place = PLACES[k % PLACES.length]!;
    const num = String(1 + ((k * 37) % 900));
    const day = 1 + ((k * 7) % 28);
    const month = 1 + ((k * 5) % 12);
    const year = 2015 + (k % 11);
    const dd = day < 10 && k % 2 ? `0${day}` : String(day);
    const mm = month < 3 && k % 2 ? `0${month}` : String(month);
    const code = t.partyCode === 'QĐi' && k % 2 ? 'QĐ' : t.partyCode;
    const left = [...header, '*', `Số ${num}-${code}/${body}`, ...stamp];
    const right = ['ĐẢNG CỘNG SẢN VIỆT NAM', `${place}, ngày ${dd} tháng ${mm} năm ${year}`];
    const recipients = ['- Như trên,', '- Thường trực Tỉnh ủy (để b/c),', '- Lưu Văn phòng.'];
    let lines: string[];
    if (mode === 'merged') {
      const so = left.findIndex((l) => l.startsWith('Số'));
      const r = [right[0]!, ...Array<string>(Math.max(0, so - 1)).fill(''), right[1]!];
      lines = [
        ...mergeColumns(left, r, '    '),
        '',
        t.name.toUpperCase(),
        ...wrapAt(subject, 55),
        '-----',
        ...BODY.flatMap((b) => [...wrapAt(b, 85), '']),
        ...mergeColumns(['Nơi nhận:', ...recipients], sign, '      '),
        '',
        '(Đã ký)',
        'Nguyễn Văn An',
      ];
    } else lines = [...left, ...right, t.name.toUpperCase(), subject, '-----', ...BODY, 'Nơi nhận:', ...recipients, ...sign, 'Nguyễn Văn An'];
    const text = mode === 'plain' ? stripDiacritics(lines.join('\n')) : lines.join('\n');
    const s = (x: string | null) => (x === null ? null : mode === 'plain' ? stripDiacritics(x) : x);
    const { result } = got(text);
    expect(result).toEqual({
      numberSymbol: `${num}-${code}/${body}`,
      typeCode: code,
      issuerCode: body,
      documentDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      secrecy,
      urgency,
      subject: s(subject),
      place: s(place),
      issuer: s(header.length === 1 ? header[0]! : header.slice(1).join(' ')),
      issuerParent: s(header.length === 1 ? null : header[0]!),
      signer: s('Nguyễn Văn An'),
      signingCapacity: s(capacity),
      signerTitle: s(title),
      recipients: ['Như trên', 'Thường trực Tỉnh ủy (để b/c)', 'Lưu Văn phòng'].map((r) => s(r)!),
    });
  });
});

describe('extractFields on OCR pages with boxes', () => {
  it('reads pages of lines (the OcrEngine result) in reading order', () => {
    const line = (y: number, pieces: [number, string][]) => ocrLine(y, pieces);
    const pages = [
      {
        text: 'ignored when lines are given',
        lines: [
          line(100, [[420, 'TỈNH ỦY LẠNG SƠN'], [1150, 'ĐẢNG CỘNG SẢN VIỆT NAM']]),
          line(150, [[480, 'BAN TỔ CHỨC']]),
          line(200, [[600, '*']]),
          line(250, [[460, 'Số 13-HD/BTCTU'], [1120, 'Lạng Sơn, ngày 3 tháng 2 năm 2017']]),
          line(300, [[470, 'THƯỢNG KHẨN']]),
          line(400, [[880, 'HƯỚNG DẪN']]),
          line(450, [[640, 'về tổ chức sinh hoạt chuyên đề năm 2017']]),
          line(550, [[200, 'Thực hiện Kế hoạch của Ban Thường vụ Tỉnh ủy về công tác xây dựng Đảng năm 2017,']]),
        ],
      },
      { text: '', lines: [line(100, [[200, 'Nơi nhận:'], [1300, 'TRƯỞNG BAN']]), line(150, [[200, '- Lưu Văn phòng Ban.']]), line(400, [[1300, 'Vũ Hữu Việt']])] },
    ];
    const { fields } = extractFields({ pages });
    expect(fields.numberSymbol.value).toBe('13-HD/BTCTU');
    expect(fields.typeCode.value).toBe('HD');
    expect(fields.urgency.value).toBe('thuong-khan');
    expect(fields.subject.value).toBe('về tổ chức sinh hoạt chuyên đề năm 2017');
    expect(fields.issuer.value).toBe('BAN TỔ CHỨC');
    expect(fields.issuerParent!.value).toBe('TỈNH ỦY LẠNG SƠN');
    expect(fields.signerTitle!.value).toBe('TRƯỞNG BAN');
    expect(fields.signer.value).toBe('Vũ Hữu Việt');
    expect(fields.recipients.value).toEqual(['Lưu Văn phòng Ban']);
  });
});
