/**
 * Generated letters (ocr-documents.ts) as born-digital PDFs: each printed row's pieces drawn as
 * text where the OCR page has them, in Tinos (Times New Roman's shapes, what State and Party
 * letters are set in), one text run per piece as a word processor writes a line's runs. What a
 * letter signed and sent electronically looks like to the reader: a text layer that is the
 * document's text, its number and day typed, not written by hand (issue 14, point 5).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import { evenGlyphFontkit } from '../../shared/documents/adapters/fontkit-even-glyphs';
import { FONT_FILES } from '../../shared/documents/adapters/fonts';
import type { OcrPage } from '../../shared/scans/ports/ocr-engine';

const require = createRequire(import.meta.url);
const A4 = { width: 595.28, height: 841.89 };

/** Tinos regular embedded in `pdf` (a subset, through the renderer's fontkit), as a word processor embeds a letter's font. */
export async function embedTinos(pdf: PDFDocument): Promise<PDFFont> {
  pdf.registerFontkit(evenGlyphFontkit);
  return pdf.embedFont(readFileSync(require.resolve(FONT_FILES.regular)), { subset: true });
}

/** The pages as a PDF whose text layer holds every OCR line's words at their places (runs split where OCR's words leave a column's gap). */
export async function bornDigitalPdf(pages: readonly OcrPage[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await embedTinos(pdf);
  for (const p of pages) {
    const page = pdf.addPage([A4.width, A4.height]);
    const k = A4.width / (p.width ?? 2480);
    for (const line of p.lines ?? []) {
      const words = line.words ?? [];
      // Runs: words closer than three word-heights (a column's gap is wider).
      const runs: (typeof words)[] = [];
      for (const w of words) {
        const run = runs.at(-1);
        const prev = run?.at(-1);
        if (run && prev && w.bbox.x0 - prev.bbox.x1 < 3 * (w.bbox.y1 - w.bbox.y0)) run.push(w);
        else runs.push([w]);
      }
      for (const run of runs) {
        const h = (run[0]!.bbox.y1 - run[0]!.bbox.y0) * k;
        const size = h / 1.05;
        const text = run.map((w) => w.text).join(' ');
        // The box is 0.8 of the size above the baseline and 0.25 below (the reader's own estimate).
        const base = run[0]!.bbox.y1 * k - 0.25 * size;
        page.drawText(text, { x: run[0]!.bbox.x0 * k, y: A4.height - base, size, font, color: rgb(0, 0, 0) });
      }
    }
  }
  return pdf.save({ useObjectStreams: false });
}
