/**
 * @pdf-lib/fontkit 1.1.1 with one repair to its TrueType subsetter: a subset's glyph records
 * are padded to an even length. The subsetter copies each glyph's bytes as they are and then
 * writes the 'loca' table in its short format (offsets halved) whenever the subset is small;
 * Tinos (and other fonts with a long 'loca') has glyph records of odd length, so every offset
 * after the first odd record points one byte off and viewers (poppler, pdf.js, FreeType) draw
 * those glyphs as nothing, while the text layer still reads. Upstream fontkit pads its glyphs
 * (the fork pdf-lib uses does not); the fork's public API is kept, only `createSubset` changes.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

interface GlyphBytes {
  length: number;
  copy(target: GlyphBytes): number;
  fill(value: number): GlyphBytes;
  constructor: new (size: number) => GlyphBytes;
}
/** The subsetter's internals this repair touches (fontkit's TTFSubset). */
interface TtfSubset {
  glyf?: GlyphBytes[];
  offset: number;
  _addGlyph?: (gid: number) => number;
}

function padGlyphs(subset: TtfSubset): TtfSubset {
  const add = subset._addGlyph?.bind(subset);
  if (!add) return subset; // a CFF font: no 'loca', nothing to repair
  subset._addGlyph = (gid: number) => {
    const i = add(gid);
    const bytes = subset.glyf![i]!;
    if (bytes.length % 2 === 1) {
      const even = new bytes.constructor(bytes.length + 1).fill(0);
      bytes.copy(even);
      subset.glyf![i] = even;
      subset.offset += 1;
    }
    return i;
  };
  return subset;
}

export const evenGlyphFontkit: Fontkit = {
  create(bytes, postscriptName) {
    const font = fontkit.create(bytes, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => padGlyphs(createSubset() as unknown as TtfSubset) as unknown as ReturnType<typeof createSubset>;
    return font;
  },
};
