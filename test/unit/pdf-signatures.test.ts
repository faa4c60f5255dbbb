/**
 * A PDF's signature dictionaries read with pdf-lib (issue 14, point 5): the signing time (/M)
 * with its offset, /Name, /Location, /Reason; earliest first; none for a PDF without a
 * signature; never a throw on bytes that are no PDF; bounded on a 100-page PDF.
 */
import { describe, expect, it } from 'vitest';
import { pdfDateToIso, pdfSignatures } from '../../shared/scans/adapters/ocr/pdf-signatures';
import { signedPdf } from '../support/signed-pdf';
import { toReadText } from '../../shared/scans/app/scan-reader';

describe('PDF dates', () => {
  it.each([
    ["D:20250115171017+07'00'", '2025-01-15T17:10:17+07:00'],
    ["D:20250115171017+07'00", '2025-01-15T17:10:17+07:00'],
    ['D:20241231235959-05\'30\'', '2024-12-31T23:59:59-05:30'],
    ['D:20250115171017Z', '2025-01-15T17:10:17Z'],
    ['D:20250115', '2025-01-15T00:00:00Z'],
    ['20250204', '2025-02-04T00:00:00Z'],
    ['D:20250431120000+07\'00\'', null],
    ['D:20251301', null],
    ['D:2025011525', null],
    ['hôm qua', null],
    ['', null],
  ] as const)('%s → %s', (s, iso) => {
    expect(pdfDateToIso(s)).toBe(iso);
  });
});

describe('signatures of a PDF', () => {
  it('one signature: its time with the offset, its name, location and reason', async () => {
    const pdf = await signedPdf([{ m: "D:20250115171017+07'00'", name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', location: 'Quảng Ngãi', reason: 'Phát hành văn bản' }]);
    expect(await pdfSignatures(pdf)).toEqual([{ signedAt: '2025-01-15T17:10:17+07:00', name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', location: 'Quảng Ngãi', reason: 'Phát hành văn bản' }]);
  });

  it('two signatures, earliest first whatever their order in the file', async () => {
    const pdf = await signedPdf([{ m: "D:20250116074610+07'00'", name: 'Trung tâm Công báo' }, { m: "D:20250115171017+07'00'", name: 'UBND tỉnh' }]);
    expect((await pdfSignatures(pdf)).map((s) => [s.signedAt, s.name])).toEqual([
      ['2025-01-15T17:10:17+07:00', 'UBND tỉnh'],
      ['2025-01-16T07:46:10+07:00', 'Trung tâm Công báo'],
    ]);
  });

  it('a signature dictionary whose /M is no date is left out', async () => {
    expect(await pdfSignatures(await signedPdf([{ m: 'yesterday' }]))).toEqual([]);
  });

  it('a PDF without a signature has none', async () => {
    expect(await pdfSignatures(await signedPdf([]))).toEqual([]);
  });

  it.each([
    ['no bytes', new Uint8Array()],
    ['not a PDF', new TextEncoder().encode('hello /ByteRange [0 1 2 3] /M (D:2025)')],
    ['a PDF cut short', new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Sig /ByteRange [0 0 0 0] /M (D:20250115")],
  ])('never throws: %s gives none', async (_name, bytes) => {
    await expect(pdfSignatures(bytes)).resolves.toEqual([]);
  });

  it('a 100-page signed PDF is read within its time bound', async () => {
    const pdf = await signedPdf([{ m: "D:20250115171017+07'00'" }], 100);
    const t = performance.now();
    const got = await pdfSignatures(pdf, { timeoutMs: 3000 });
    expect(performance.now() - t).toBeLessThan(3000);
    expect(got.map((s) => s.signedAt)).toEqual(['2025-01-15T17:10:17+07:00']);
  });

  it('the reading step keeps them beside the pages', () => {
    const signatures = [{ signedAt: '2025-01-15T17:10:17+07:00', name: 'UBND tỉnh' }];
    expect(toReadText({ engine: 'tesseract', pages: [{ text: 'a', confidence: 1 }], signatures }).signatures).toEqual(signatures);
    expect(toReadText({ engine: 'tesseract', pages: [{ text: 'a', confidence: 1 }] })).not.toHaveProperty('signatures');
  });
});
