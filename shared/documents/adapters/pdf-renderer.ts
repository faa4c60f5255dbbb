/**
 * Renders a document layout as a PDF with pdf-lib: Tinos (Times New Roman's metrics, full
 * Vietnamese, OFL) embedded as subsets through fontkit (repaired: ./fontkit-even-glyphs.ts), so the text is real text (searchable,
 * copyable), as PDF/A-2b (./pdfa.ts). Coordinates of the layout are from the top-left; PDF's are from the bottom-left.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import { evenGlyphFontkit } from './fontkit-even-glyphs';
import { makePdfA } from './pdfa';
import { FONT_FILES } from './fonts';
import { A4, layoutDocument, type DocumentLayout, type IssuedDocument, type Style } from '../domain/layout';

const require = createRequire(import.meta.url);
let fontBytes: Record<Style, Uint8Array> | null = null;
const fonts = (): Record<Style, Uint8Array> =>
  (fontBytes ??= Object.fromEntries(Object.entries(FONT_FILES).map(([k, f]) => [k, readFileSync(require.resolve(f))])) as unknown as Record<Style, Uint8Array>);

export interface RenderedDocument {
  pdf: PDFDocument;
  layout: DocumentLayout;
}

/** The document laid out and drawn, not yet saved (the signer adds its field before saving). */
export interface RenderOptions {
  title?: string;
  now?: Date;
  /** Lines of the visible signature, drawn framed in the layout's signature box. */
  stamp?: string[];
}

export async function renderDocument(doc: IssuedDocument, info: RenderOptions = {}): Promise<RenderedDocument> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(evenGlyphFontkit);
  const bytes = fonts();
  const embedded = {} as Record<Style, PDFFont>;
  for (const s of Object.keys(FONT_FILES) as Style[]) embedded[s] = await pdf.embedFont(bytes[s], { subset: true });
  const layout = layoutDocument(doc, (text, size, style) => embedded[style].widthOfTextAtSize(text, size));
  const pages = Array.from({ length: layout.pages }, () => pdf.addPage([A4.width, A4.height]));
  for (const b of layout.blocks) {
    const page = pages[b.page]!;
    const y = A4.height - b.y;
    page.drawText(b.text, { x: b.x, y, size: b.size, font: embedded[b.style], color: rgb(0, 0, 0) });
    if (b.underline) {
      const w = embedded[b.style].widthOfTextAtSize(b.text, b.size);
      page.drawLine({ start: { x: b.x, y: y - 2 }, end: { x: b.x + w, y: y - 2 }, thickness: 0.7, color: rgb(0, 0, 0) });
    }
  }
  if (info.stamp) {
    const box = layout.signatureBox;
    const page = pages[box.page]!;
    const blue = rgb(0.05, 0.2, 0.6);
    page.drawRectangle({ x: box.x, y: A4.height - box.y - box.height, width: box.width, height: box.height, borderColor: blue, borderWidth: 0.8 });
    info.stamp.forEach((line, i) => {
      page.drawText(line, { x: box.x + 4, y: A4.height - box.y - 11 - i * 10, size: 8, font: embedded[i === 0 ? 'bold' : 'regular'], color: blue, maxWidth: box.width - 8 });
    });
  }
  const title = info.title ?? `${doc.numberSymbol} ${doc.subject}`;
  pdf.setTitle(title);
  pdf.setLanguage('vi-VN');
  pdf.setProducer('daumoi');
  pdf.setCreator('daumoi');
  if (info.now) {
    pdf.setCreationDate(info.now);
    pdf.setModificationDate(info.now);
  }
  makePdfA(pdf, { title, language: 'vi-VN' });
  return { pdf, layout };
}

/** The unsigned PDF's bytes (secret documents, previews). */
export async function renderPdf(doc: IssuedDocument, info: { now?: Date } = {}): Promise<Uint8Array> {
  const { pdf } = await renderDocument(doc, info);
  return pdf.save({ useObjectStreams: false });
}
