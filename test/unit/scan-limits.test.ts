/**
 * What a scan may ask of the OCR worker (SCAN_LIMITS), read from the file's headers before any
 * pixel is decoded: decompression bombs (PNG, JPEG, TIFF, an image inside a PDF) and PDFs of
 * too many pages fail with the reason.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { imageSize, pdfImageSizes } from '../../shared/platform/files/file-type';
import { SCAN_LIMITS } from '../../shared/scans/domain/model';
import { pageLimitProblem, pixelLimitProblem, pixelsOverLimit } from '../../shared/scans/domain/rules';
import { jpegClaiming, pdfOfPages, pdfWithImage, pngBomb, tiffClaiming } from '../support/scan-bombs';

describe('the limits a real office needs', () => {
  it('take an A3 page at 600 dpi and 100 pages, and no more than 50 MB', () => {
    expect(pixelsOverLimit({ width: 7016, height: 9921 })).toBeNull(); // A3, 600 dpi
    expect(pixelsOverLimit({ width: 4961, height: 7016 })).toBeNull(); // A4, 600 dpi
    expect(SCAN_LIMITS).toEqual({ bytes: 50 * 1024 * 1024, pages: 100, side: 12_000, pixels: 100_000_000 });
  });

  it('refuse an image over 12000 px a side or 100 MP, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40_000 }), fc.integer({ min: 1, max: 40_000 }), (width, height) => {
        const over = Math.max(width, height) > 12_000 || width * height > 100_000_000;
        const reason = pixelsOverLimit({ width, height });
        expect(reason !== null).toBe(over);
        if (reason !== null) expect(reason).toContain(`${width} × ${height} pixels`);
      }),
    );
  });
});

describe('a decompression bomb fails before it is decoded', () => {
  const bombs = [
    { name: 'PNG (a valid 1-bit image)', bytes: pngBomb() },
    { name: 'JPEG header', bytes: jpegClaiming() },
    { name: 'TIFF header', bytes: tiffClaiming() },
    { name: 'PDF holding the image', bytes: pdfWithImage() },
  ];
  for (const b of bombs) {
    it(`${b.name} claiming 30000 × 30000 pixels (${b.bytes.length} bytes)`, () => {
      expect(b.bytes.length).toBeLessThan(400_000);
      const p = pixelLimitProblem(b.bytes);
      expect(p).toEqual({ code: 'IMAGE_TOO_LARGE', reason: expect.stringContaining('30000 × 30000 pixels (900 MP)') });
    });
  }

  it('while scans of a real size pass', () => {
    for (const bytes of [pngBomb(2480, 3508), jpegClaiming(2480, 3508), tiffClaiming(4961, 7016), pdfWithImage(2480, 3508)]) expect(pixelLimitProblem(bytes)).toBeNull();
  });

  it('reads the sizes from the headers: TIFF and PDF image dictionaries too', () => {
    expect(imageSize(tiffClaiming(1234, 5678))).toEqual({ width: 1234, height: 5678 });
    expect(imageSize(pngBomb(300, 200))).toEqual({ width: 300, height: 200 });
    expect(pdfImageSizes(pdfWithImage(640, 480))).toEqual([{ width: 640, height: 480 }]);
    const indirect = new TextEncoder().encode('%PDF-1.4\n7 0 obj\n40000\nendobj\n8 0 obj\n<< /Subtype /Image /Width 7 0 R /Height 30 >>\nstream\nx\nendstream\nendobj\n');
    expect(pdfImageSizes(indirect)).toEqual([{ width: 40000, height: 30 }]);
  });

  it('an image whose header gives no size is not decoded either', () => {
    const noSof = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xd9]);
    expect(pixelLimitProblem(noSof)).toMatchObject({ code: 'UNREADABLE' });
  });
});

describe('a PDF of more pages than allowed', () => {
  it('fails with the count and the limit', () => {
    expect(pageLimitProblem(100)).toBeNull();
    expect(pageLimitProblem(101)).toEqual({ code: 'TOO_MANY_PAGES', reason: expect.stringContaining('101 pages; a scan may have at most 100') });
    expect(pdfOfPages(101).length).toBeGreaterThan(0);
  });
});
