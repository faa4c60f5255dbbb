/** The Party document's layout (36-HD) and its PDF: zones, columns, marks, and every field read back as text. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { A4, MARGINS, layoutDocument, placeAndDate, type IssuedDocument, type Measure } from '../../shared/documents/domain/layout';
import { renderPdf } from '../../shared/documents/adapters/pdf-renderer';
import { LETTER, RESOLUTION, arbIssued, pdfText, squeeze } from '../support/documents';

// A monospaced stand-in for the font's metrics: half the size per character.
const mono: Measure = (text, size) => text.length * size * 0.5;
const zoneText = (doc: IssuedDocument, zone: string) => layoutDocument(doc, mono).blocks.filter((b) => b.zone === zone).map((b) => b.text).join(' ');

describe('place and date (domain.md (d) 4)', () => {
  it.each([
    ['2026-02-06', 'Hưng Yên, ngày 06 tháng 02 năm 2026'],
    ['2026-04-03', 'Hưng Yên, ngày 03 tháng 4 năm 2026'],
    ['2025-12-25', 'Hưng Yên, ngày 25 tháng 12 năm 2025'],
    ['2026-01-10', 'Hưng Yên, ngày 10 tháng 01 năm 2026'],
  ])('%s → %s', (date, text) => expect(placeAndDate('Hưng Yên', date)).toBe(text));
});

describe('layout zones', () => {
  const doc = layoutDocument(RESOLUTION, mono);
  const width = A4.width - MARGINS.left - MARGINS.right;
  it('puts the issuing body in the left column and the Party name, underlined, in the right one', () => {
    const issuer = doc.blocks.filter((b) => b.zone === 'issuer');
    expect(issuer.map((b) => b.text)).toEqual(['TỈNH ỦY HƯNG YÊN', '*']);
    for (const b of issuer) expect(b.x + mono(b.text, b.size, b.style)).toBeLessThanOrEqual(MARGINS.left + width / 2);
    const party = doc.blocks.find((b) => b.zone === 'party')!;
    expect(party).toMatchObject({ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', style: 'bold', size: 15, underline: true });
    expect(party.x).toBeGreaterThan(MARGINS.left + width * 0.4);
  });
  it('writes the date in italics on the right and the number under the body name', () => {
    const date = doc.blocks.find((b) => b.zone === 'date')!;
    expect(date).toMatchObject({ style: 'italic', text: 'Hưng Yên, ngày 06 tháng 02 năm 2026' });
    const number = doc.blocks.find((b) => b.zone === 'number')!;
    expect(number.text).toBe('Số 12-NQ/TU');
    expect(number.y).toBeGreaterThan(doc.blocks.find((b) => b.text === 'TỈNH ỦY HƯNG YÊN')!.y);
  });
  it('centres the tên loại (caps, bold) and the trích yếu below the header', () => {
    const title = doc.blocks.find((b) => b.zone === 'title')!;
    expect(title).toMatchObject({ text: 'NGHỊ QUYẾT', style: 'bold' });
    const centre = title.x + mono(title.text, title.size, title.style) / 2;
    expect(Math.abs(centre - (MARGINS.left + width / 2))).toBeLessThan(1);
    expect(title.y).toBeGreaterThan(Math.max(...doc.blocks.filter((b) => ['issuer', 'party', 'date', 'number'].includes(b.zone)).map((b) => b.y)));
  });
  it('keeps every line inside the margins', () => {
    fc.assert(
      fc.property(arbIssued, (d) => {
        for (const b of layoutDocument(d, mono).blocks) {
          expect(b.x).toBeGreaterThanOrEqual(MARGINS.left - 0.01);
          expect(b.x + mono(b.text, b.size, b.style)).toBeLessThanOrEqual(A4.width - MARGINS.right + 0.01 + (b.text.includes(' ') ? 0 : 1e6));
          expect(b.y).toBeLessThanOrEqual(A4.height - MARGINS.bottom + b.size * 1.25);
        }
      }),
      { numRuns: 100 },
    );
  });
  it.each([
    [{ form: 'T/M', on: 'BAN THƯỜNG VỤ', title: 'BÍ THƯ' }, ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ']],
    [{ form: 'K/T', on: 'CHÁNH VĂN PHÒNG', title: 'PHÓ CHÁNH VĂN PHÒNG' }, ['K/T CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG']],
    [{ form: 'T/L', on: 'BAN THƯỜNG VỤ', title: 'CHÁNH VĂN PHÒNG' }, ['T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG']],
    [{ form: 'direct', title: 'TRƯỞNG BAN' }, ['TRƯỞNG BAN']],
  ] as const)('signing block %o', (s, lines) => {
    const d = { ...RESOLUTION, signing: { ...s, signer: 'Trần Văn Bình' } } as IssuedDocument;
    expect(zoneText(d, 'signing')).toBe(lines.join(' '));
    const l = layoutDocument(d, mono);
    const name = l.blocks.find((b) => b.zone === 'signer')!;
    expect(name.text).toBe('Trần Văn Bình');
    expect(l.signatureBox.y + l.signatureBox.height).toBeLessThan(name.y);
    expect(l.signatureBox.x).toBeGreaterThan(MARGINS.left + 0.4 * (A4.width - MARGINS.left - MARGINS.right));
  });
  it('công văn: no tên loại, "V/v" in italics under the number', () => {
    const l = layoutDocument(LETTER, mono);
    expect(l.blocks.some((b) => b.zone === 'title')).toBe(false);
    const vv = l.blocks.filter((b) => b.zone === 'subject-cv');
    expect(vv.map((b) => b.text).join(' ')).toBe('V/v triển khai thí điểm phần mềm quản lý văn bản');
    expect(vv.every((b) => b.style === 'italic' && b.size === 12)).toBe(true);
  });
  it.each([
    ['mat', 'MẬT'], ['toi-mat', 'TỐI MẬT'], ['tuyet-mat', 'TUYỆT MẬT'],
  ] as const)('secrecy %s → %s', (secrecy, mark) => expect(zoneText({ ...RESOLUTION, secrecy }, 'secrecy')).toBe(mark));
  it.each([
    ['khan', 'KHẨN'], ['thuong-khan', 'THƯỢNG KHẨN'], ['hoa-toc', 'HỎA TỐC'],
  ] as const)('urgency %s → %s', (urgency, mark) => expect(zoneText({ ...RESOLUTION, urgency }, 'urgency')).toBe(mark));
  it('Nơi nhận lists every recipient and ends with Lưu', () => {
    expect(zoneText(RESOLUTION, 'recipients')).toBe('Nơi nhận: - Ban Bí thư Trung ương Đảng, - Văn phòng Trung ương Đảng, - Các đảng bộ trực thuộc, - Lưu Văn phòng Tỉnh ủy.');
  });
});

describe('the PDF (pdf-lib, Tinos embedded)', () => {
  const fields = (d: IssuedDocument): string[] => [
    ...(d.header.superior ? [d.header.superior] : []), d.header.name, `Số ${d.numberSymbol}`, 'ĐẢNG CỘNG SẢN VIỆT NAM', placeAndDate(d.place, d.documentDate),
    d.hasTitle ? d.typeName.toLocaleUpperCase('vi') : `V/v ${d.subject}`, d.subject, ...d.body, d.signing.title, d.signing.signer, 'Nơi nhận:', ...d.recipients,
  ];
  it('holds the fixed documents as real text, diacritics intact', async () => {
    for (const d of [RESOLUTION, LETTER]) {
      const text = await pdfText(await renderPdf(d));
      for (const f of fields(d)) expect(text).toContain(squeeze(f));
    }
    expect(await pdfText(await renderPdf(RESOLUTION))).toContain('KHẨN');
  });
  it('every field of a generated document lands in the PDF text', async () => {
    await fc.assert(
      fc.asyncProperty(arbIssued, async (d) => {
        const text = await pdfText(await renderPdf(d));
        for (const f of fields(d)) expect(text).toContain(squeeze(f));
      }),
      { numRuns: 15 },
    );
  });
});
