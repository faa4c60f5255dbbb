/**
 * The console's pure parts of scan intake and the outgoing register: confidence colours, a
 * field's box on the drawn page, the reader's reasons in Vietnamese, the register and cấp số
 * requests made from the forms, and attachment names.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bboxToPixels, confidenceTone, fieldTone, reasonInVietnamese, registerBody, scanContentType, secrecyUnsure, type Scan } from '../../web/src/scan-fields';
import { OUTGOING_ISSUERS, toOutgoingBody, EMPTY_OUTGOING, outgoingError } from '../../web/src/outgoing';
import { attachmentName } from '../../web/src/download';
import { parseDayInput } from '../../web/src/format';
import { SECRECY_DOUBT, SECRECY_UNREAD_INK } from '../../shared/scans/domain/extract/stamps';
import { emptyFields } from '../../shared/scans/domain/extract/confidence';

describe('confidence colouring', () => {
  it.each([
    [1, 'high'],
    [0.9, 'high'],
    [0.89, 'medium'],
    [0.7, 'medium'],
    [0.69, 'low'],
    [0, 'low'],
    [null, 'low'],
    [Number.NaN, 'low'],
  ] as const)('confidence %s is %s', (c, tone) => {
    expect(confidenceTone(c)).toBe(tone);
  });
  it('a field with no value is red however sure the reader is that there is none', () => {
    expect(confidenceTone(0.95, false)).toBe('low');
  });
  it('never shows a less sure field in a better colour', () => {
    const rank = { low: 0, medium: 1, high: 2 };
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => (a <= b ? rank[confidenceTone(a)] <= rank[confidenceTone(b)] : true)));
  });
});

describe('a field’s tone', () => {
  it.each([
    ['subject', { value: 'về công tác văn thư', confidence: 0.95 }, 'high'],
    ['subject', { value: null, confidence: 0.2, reason: 'no trích yếu found' }, 'low'],
    // No urgency mark read is "Thường", a reading like any other.
    ['urgency', { value: null, confidence: 0.85, reason: 'no urgency mark (KHẨN, HỎA TỐC…) in the header zone' }, 'medium'],
    // No secrecy mark in a clearly read zone: "not secret", read; with a reason: unsure, red.
    ['secrecy', { value: null, confidence: 0.92 }, 'high'],
    ['secrecy', { value: null, confidence: 0.4, reason: SECRECY_DOUBT }, 'low'],
    ['secrecy', { value: 'mat', confidence: 0.8 }, 'medium'],
    ['numberSymbol', undefined, 'low'],
  ] as const)('%s %o is %s', (name, f, tone) => {
    expect(fieldTone(name, f as never)).toBe(tone);
  });
});

describe('a field’s box on the drawn page', () => {
  it('scales page fractions to the image’s pixels', () => {
    expect(bboxToPixels({ left: 0.1, top: 0.2, width: 0.5, height: 0.05 }, 1000, 2000)).toEqual({ x: 100, y: 400, w: 500, h: 100 });
  });
  it('stays inside the image, even for a box reaching past its edge', () => {
    expect(bboxToPixels({ left: 0.9, top: 0.95, width: 0.3, height: 0.2 }, 100, 100)).toEqual({ x: 90, y: 95, w: 10, h: 5 });
    const frac = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(frac, frac, frac, frac, fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (left, top, width, height, w, h) => {
        const p = bboxToPixels({ left, top, width, height }, w, h);
        return p.x >= 0 && p.y >= 0 && p.w >= 0 && p.h >= 0 && p.x + p.w <= w + 1 && p.y + p.h <= h + 1;
      }),
    );
  });
});

describe('the reader’s reasons', () => {
  const vietnamese = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
  const reasons = [
    SECRECY_DOUBT,
    SECRECY_UNREAD_INK,
    ...Object.values(emptyFields()).map((f) => f.reason!),
    'handwritten: the number after "Số" could not be read',
    'handwritten: the number after "Số" is unclear (read "12", not sure)',
    'handwritten: print OCR read "12", the digit recogniser "13"; check it on the page',
    'handwritten: the day is unclear (read 2026-01-05, not sure)',
    'the date read (2026-01-05) is after the issuer signed (2026-01-03)',
    'no "Số" line in the header zone',
    'no trích yếu found under the tên loại or the number in the header zone',
    'no motto or number-symbol to tell a Party document from a State one',
    'no urgency mark (KHẨN, HỎA TỐC…) in the header zone',
  ];
  it.each(reasons)('“%s” is said in Vietnamese', (r) => {
    const said = reasonInVietnamese(r)!;
    expect(said).toMatch(vietnamese);
    expect(said).not.toMatch(/\b(the|no|not|could|read)\b/);
  });
  it('keeps what the reader read', () => {
    expect(reasonInVietnamese('handwritten: print OCR read "12", the digit recogniser "13"; check it on the page')).toContain('“12”');
  });
});

const scan = (fields: Scan['fields']): Scan['fields'] => fields;
describe('the register request from the review form', () => {
  const fields = scan({
    numberSymbol: { value: '141-KL/ĐUK', confidence: 0.95 },
    documentDate: { value: '2026-03-02', confidence: 0.9 },
    subject: { value: 'về công tác văn thư', confidence: 0.6 },
    secrecy: { value: null, confidence: 0.85 },
    urgency: { value: null, confidence: 0.85 },
  });
  it('sends nothing the clerk left as OCR read it (the day shown as dd/mm/yyyy)', () => {
    expect(registerBody(fields, { numberSymbol: '141-KL/ĐUK ', documentDate: '02/03/2026', subject: 'về công tác văn thư', secrecy: '', urgency: '' }, parseDayInput)).toEqual({});
  });
  it('sends each corrected field', () => {
    expect(registerBody(fields, { numberSymbol: '14-KL/ĐUK', documentDate: '3/3/2026', subject: 'về công tác lưu trữ', urgency: 'khan' }, parseDayInput)).toEqual({
      numberSymbol: '14-KL/ĐUK',
      documentDate: '2026-03-03',
      subject: 'về công tác lưu trữ',
      urgency: 'khan',
    });
  });
  it('sends the secrecy the clerk chose when OCR was unsure, “Không mật” as null', () => {
    const unsure = scan({ ...fields, secrecy: { value: null, confidence: 0.4, reason: SECRECY_DOUBT } });
    expect(secrecyUnsure(unsure)).toBe(true);
    expect(secrecyUnsure(fields)).toBe(false);
    expect(registerBody(unsure, { secrecy: '' }, parseDayInput)).toEqual({ secrecy: null });
    expect(registerBody(unsure, { secrecy: 'mat' }, parseDayInput)).toEqual({ secrecy: 'mat' });
    expect(registerBody(unsure, {}, parseDayInput)).toEqual({});
  });
  it.each([
    [{ name: 'a.PDF', type: '' }, 'application/pdf'],
    [{ name: 'a.jpg', type: 'image/jpeg' }, 'image/jpeg'],
    [{ name: 'a.tif', type: '' }, 'image/tiff'],
    [{ name: 'a.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, undefined],
  ])('file %o is sent as %s', (file, type) => {
    expect(scanContentType(file)).toBe(type);
  });
});

describe('the cấp số request from the form', () => {
  it('names the issuing body by its code and id, one recipient a line, the day as YYYY-MM-DD', () => {
    const btv = OUTGOING_ISSUERS.find((i) => i.id === 'tu-btv')!;
    expect(btv.code).toBe('TU');
    expect(toOutgoingBody({ ...EMPTY_OUTGOING, issuerId: 'tu-btv', typeCode: 'NQ', subject: 'về công tác cán bộ', documentDate: '5/12/2026', signer: 'Nguyễn Văn A', recipients: ' Ban Tổ chức Tỉnh ủy\n\nLưu Văn phòng ', copies: '3' })).toEqual({
      typeCode: 'NQ',
      issuerCode: 'TU',
      issuerId: 'tu-btv',
      subject: 'về công tác cán bộ',
      documentDate: '2026-12-05',
      signer: 'Nguyễn Văn A',
      recipients: ['Ban Tổ chức Tỉnh ủy', 'Lưu Văn phòng'],
      secrecy: null,
      urgency: null,
      copies: 3,
    });
  });
  it('lists only bodies that keep an outgoing register', () => {
    expect(OUTGOING_ISSUERS.map((i) => i.id)).toContain('vptu');
    expect(OUTGOING_ISSUERS.map((i) => i.id)).not.toContain('du-cqd');
  });
  it('places the API’s refusal beside the form’s fields in Vietnamese', () => {
    const shown = outgoingError(400, { error: { code: 'VALIDATION_FAILED', message: 'x', details: [{ path: 'body.signer', message: 'must not be empty' }, { path: 'body.issuerCode', message: 'must not be empty' }] } });
    expect(shown.fields).toEqual({ signer: 'không được để trống', issuerId: 'không được để trống' });
  });
});

describe('attachment names', () => {
  it.each([
    ['attachment; filename="so-van-ban-di-2026.xlsx"', 'so-van-ban-di-2026.xlsx'],
    ["attachment; filename=\"so.csv\"; filename*=UTF-8''s%E1%BB%95-%C4%91i.csv", 'sổ-đi.csv'],
    [null, 'mac-dinh.csv'],
  ])('%s → %s', (header, name) => {
    expect(attachmentName(header, 'mac-dinh.csv')).toBe(name);
  });
});
