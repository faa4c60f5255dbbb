/**
 * The field extractor on the handbook's ground truth (every fixture's fullText), on the same
 * texts without diacritics, and on hand-made noisy variants that look like OCR output (header
 * columns merged into one line, recipients merged with the signing block, misread letters,
 * specks, old tone placement, NFD).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../shared/domain/extract';
import { stripDiacritics } from '../../shared/domain/vietnamese';

const here = path.dirname(fileURLToPath(import.meta.url));
const handbook = process.env.DAUMOI_HANDBOOK ?? path.resolve(here, '../../../shared/fixtures/scans');

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

const fixtures: Truth[] = existsSync(handbook)
  ? readdirSync(handbook)
      .filter((f) => /^[\w-]+\.json$/.test(f) && f !== 'index.json')
      .map((f) => JSON.parse(readFileSync(path.join(handbook, f), 'utf8')) as Truth)
      .filter((t) => t.fullText && t.regions)
      .sort((a, b) => a.id.localeCompare(b.id))
  : [];

const SECRECY: Record<string, string> = { 'Mật': 'mat', 'Tối mật': 'toi-mat', 'Tuyệt mật': 'tuyet-mat' };
const URGENCY: Record<string, string> = { 'Khẩn': 'khan', 'Thượng khẩn': 'thuong-khan', 'Hỏa tốc': 'hoa-toc', 'Hoả tốc': 'hoa-toc' };

/** What the extractor should give for a fixture; `plain` strips diacritics from the free-text fields. */
function expected(t: Truth, plain = false) {
  const s = (x: string | null) => (x === null ? null : plain ? stripDiacritics(x) : x);
  return {
    numberSymbol: t.numberSymbol,
    typeCode: t.typeCode,
    issuerCode: t.issuerCode,
    documentDate: t.date,
    secrecy: t.secrecy ? SECRECY[t.secrecy] : null,
    urgency: t.urgency ? URGENCY[t.urgency] : null,
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

describe.skipIf(!fixtures.length)('extractFields on the handbook', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(12));

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
    expect(fields.issuer.value).toBe('TỈNH BẮC GIANG');
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
