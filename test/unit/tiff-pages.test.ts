/**
 * Multi-page TIFFs (an office scanner's usual output): every page's directory is found by
 * following the chain, in both byte orders and in BigTIFF, without decoding anything; a page
 * can be handed alone to a reader of first images; each page is held to the same pixel limit,
 * and the whole file to the page limit, before any decoding.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { imageSize, tiffImages, tiffWithOnlyImage } from '../../shared/platform/files/file-type';
import { SCAN_LIMITS } from '../../shared/scans/domain/model';
import { pixelLimitProblem } from '../../shared/scans/domain/rules';
import { readableScanKind } from '../../shared/scans/domain/unreadable';
import { isUnreadableDocumentError } from '../../shared/scans/ports/ocr-engine';
import { blankPage, CLAIM_ENTRIES, encodeTiff, tiffOfClaims } from '../support/tiff';

const size = fc.record({ width: fc.integer({ min: 1, max: 12_000 }), height: fc.integer({ min: 1, max: 12_000 }) });
const layout = fc.record({ order: fc.constantFrom('II' as const, 'MM' as const), big: fc.boolean() });

/** What readableScanKind throws for these bytes (its kind and reason), or the kind it returns. */
const verdict = (bytes: Uint8Array): string => {
  try {
    return readableScanKind(bytes, { pixels: 'decoded-here' });
  } catch (err) {
    if (!isUnreadableDocumentError(err)) throw err;
    return `${err.kind}: ${err.reason}`;
  }
};

describe('the pages of a TIFF', () => {
  it('are every directory of the chain, in order, with the sizes they claim (TIFF and BigTIFF, both byte orders)', () => {
    fc.assert(
      fc.property(fc.array(size, { minLength: 1, maxLength: 8 }), layout, (sizes, opts) => {
        const bytes = tiffOfClaims(sizes, opts);
        const images = tiffImages(bytes);
        expect(images.map(({ width, height }) => ({ width, height }))).toEqual(sizes);
        expect(new Set(images.map((i) => i.ifd)).size).toBe(sizes.length);
        expect(imageSize(bytes)).toEqual(sizes[0]);
        expect(tiffImages(bytes, 2)).toHaveLength(Math.min(2, sizes.length));
      }),
    );
  });

  it('a page handed alone is the only image of its copy, and nothing else in the file moves', () => {
    fc.assert(
      fc.property(fc.array(size, { minLength: 2, maxLength: 6 }), layout, fc.nat(), (sizes, opts, pick) => {
        const bytes = tiffOfClaims(sizes, opts);
        const images = tiffImages(bytes);
        const k = pick % images.length;
        const one = tiffWithOnlyImage(bytes, images[k]!);
        expect(tiffImages(one)).toEqual([images[k]]);
        expect(one.length).toBe(bytes.length);
        // Only the header's pointer and that directory's next pointer differ.
        const width = opts.big ? 8 : 4;
        const header = opts.big ? 8 : 4;
        const next = images[k]!.ifd + (opts.big ? 8 : 2) + CLAIM_ENTRIES * (opts.big ? 20 : 12);
        const inPointer = (i: number) => (i >= header && i < header + width) || (i >= next && i < next + width);
        expect([...one.keys()].filter((i) => one[i] !== bytes[i] && !inPointer(i))).toEqual([]);
        expect(bytes).toEqual(tiffOfClaims(sizes, opts)); // the original is left as it was
      }),
    );
  });

  it('a chain that loops back, or points past the end of the file, ends there', () => {
    const sizes = [{ width: 100, height: 200 }, { width: 300, height: 400 }, { width: 500, height: 600 }];
    expect(tiffImages(tiffOfClaims(sizes, { loop: true }))).toHaveLength(3);
    expect(tiffImages(tiffOfClaims(sizes, { loop: true, big: true, order: 'MM' }))).toHaveLength(3);
    const past = tiffOfClaims(sizes);
    const last = tiffImages(past)[2]!.ifd;
    new DataView(past.buffer).setUint32(last + 2 + CLAIM_ENTRIES * 12, past.length + 100, true);
    expect(tiffImages(past)).toHaveLength(3);
    expect(tiffImages(new TextEncoder().encode('%PDF-1.4\n'))).toEqual([]);
  });

  it('a directory cut short is a page without a size: the file is refused, not read as fewer pages', () => {
    const sizes = [{ width: 100, height: 200 }, { width: 300, height: 400 }];
    const cut = tiffOfClaims(sizes).slice(0, 8 + (2 + CLAIM_ENTRIES * 12 + 4) + 64 + 10);
    expect(tiffImages(cut).map((i) => i.width)).toEqual([100, 0]);
    expect(pixelLimitProblem(cut)).toMatchObject({ code: 'UNREADABLE', reason: expect.stringMatching(/^Page 2 of the TIFF/) });
  });

  it('pages with pixels: the copy of page k holds page k\'s pixels at the offsets its directory gives', () => {
    const pages = [blankPage(40, 30), { ...blankPage(20, 10), data: new Uint8Array(200).fill(7) }, blankPage(5, 6)];
    for (const order of ['II', 'MM'] as const) {
      const bytes = encodeTiff(pages, order);
      const images = tiffImages(bytes);
      expect(images.map(({ width, height }) => [width, height])).toEqual([[40, 30], [20, 10], [5, 6]]);
      const one = tiffWithOnlyImage(bytes, images[1]!);
      expect(tiffImages(one)).toEqual([images[1]]);
      const dataAt = images[1]!.ifd + 2 + 9 * 12 + 4;
      expect([...one.subarray(dataAt, dataAt + 200)].every((v) => v === 7)).toBe(true);
    }
  });
});

describe('limits on a multi-page TIFF, before anything is decoded', () => {
  it('a bomb on a later page fails, naming the page', () => {
    const bytes = tiffOfClaims([{ width: 2480, height: 3508 }, { width: 2480, height: 3508 }, { width: 30_000, height: 30_000 }]);
    expect(pixelLimitProblem(bytes)).toEqual({ code: 'IMAGE_TOO_LARGE', reason: expect.stringMatching(/^Page 3 of the TIFF is an image of 30000 × 30000 pixels/) });
    expect(verdict(bytes)).toMatch(/^too-many-pixels: Page 3 of the TIFF/);
  });

  it('a later page that gives no size is not decoded', () => {
    const bytes = tiffOfClaims([{ width: 2480, height: 3508 }, { width: 0, height: 3508 }]);
    expect(pixelLimitProblem(bytes)).toMatchObject({ code: 'UNREADABLE', reason: expect.stringMatching(/^Page 2 of the TIFF does not give/) });
  });

  it('as many pages as a PDF may have, and no more', () => {
    const a4 = { width: 1654, height: 2339 };
    expect(verdict(tiffOfClaims(Array.from({ length: SCAN_LIMITS.pages }, () => a4)))).toBe('tiff');
    expect(verdict(tiffOfClaims(Array.from({ length: SCAN_LIMITS.pages + 1 }, () => a4)))).toBe(`too-many-pages: The TIFF has ${SCAN_LIMITS.pages + 1} pages; a scan may have at most ${SCAN_LIMITS.pages}. Split it into letters of ${SCAN_LIMITS.pages} pages or fewer.`);
    expect(verdict(tiffOfClaims([a4, a4], { big: true, order: 'MM' }))).toBe('tiff');
  });
});
