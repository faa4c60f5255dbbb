/**
 * Born-digital PDFs (issue 14, point 5): a page whose text layer is the document's text is read
 * from that layer, with exact boxes. Generated Party documents are drawn by the documents
 * module's renderer, whose layout says where each line was drawn (points from the top-left);
 * the text layer's lines must be found there, and the fields read from them placed on it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../shared/documents/adapters/pdf-renderer';
import { A4, type IssuedDocument, type TextBlock } from '../../shared/documents/domain/layout';
import { pdfPages, textLines, type PdfPage } from '../../shared/scans/adapters/ocr/pdf';
import { buildScanReader } from '../../shared/scans/ocr';
import { LETTER, RESOLUTION, arbIssued } from '../support/documents';

async function rendered(doc: IssuedDocument): Promise<{ bytes: Uint8Array; blocks: TextBlock[] }> {
  const { pdf, layout } = await renderDocument(doc);
  return { bytes: await pdf.save({ useObjectStreams: false }), blocks: layout.blocks };
}

async function firstPage(bytes: Uint8Array): Promise<PdfPage> {
  for await (const p of pdfPages(bytes)) return p;
  throw new Error('no page');
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('the text layer of a born-digital page, with boxes', () => {
  it('gives every drawn line of page 1 as a line whose box holds its baseline and starts at its left edge', async () => {
    const docs = [RESOLUTION, LETTER, ...fc.sample(arbIssued, { numRuns: 6, seed: 1405 })];
    for (const doc of docs) {
      const { bytes, blocks } = await rendered(doc);
      const page = await firstPage(bytes);
      expect(page.kind).toBe('text');
      if (page.kind !== 'text') continue;
      expect(page.width).toBeCloseTo(A4.width, 0);
      expect(page.height).toBeCloseTo(A4.height, 0);
      const lines = page.lines ?? [];
      for (const b of blocks.filter((k) => k.page === 0 && k.text.trim() && k.text.trim() !== '*')) {
        const hit = lines.find((l) => norm(l.text).includes(norm(b.text)) && Math.abs(l.bbox.y1 - 0.25 * b.size - b.y) < 1.5);
        expect(hit, `"${b.text}" at (${b.x.toFixed(1)}, ${b.y.toFixed(1)})`).toBeDefined();
        const word = hit!.words!.find((w) => Math.abs(w.bbox.x0 - b.x) < 1.5);
        expect(word, `"${b.text}" starts at ${b.x.toFixed(1)}`).toBeDefined();
        expect(hit!.bbox.y0).toBeLessThan(b.y - 0.5 * b.size);
        expect(hit!.bbox.y1).toBeGreaterThan(b.y);
      }
    }
  }, 60_000);

  it('reads the number and the date from the layer and places each on the line it was drawn on', async () => {
    const reader = buildScanReader('tesseract', { tesseract: { poolSize: 1 } });
    try {
      for (const doc of [RESOLUTION, LETTER]) {
        const { bytes, blocks } = await rendered(doc);
        const read = await reader.read(bytes, 'application/pdf');
        const text = read.pages.map((p) => p.text).join('\n\n');
        const { fields } = reader.extract(text, read);
        const at = (zone: string) => blocks.find((b) => b.page === 0 && b.zone === zone)!;
        const cases: [keyof typeof fields, string][] = [['numberSymbol', 'number'], ['documentDate', 'date']];
        expect(fields.numberSymbol.value).toBe(doc.numberSymbol);
        expect(fields.documentDate.value).toBe(doc.documentDate);
        // Typed, not read from pixels: nothing on it was written by hand, and its number is read as sure.
        expect(read.pages[0]!.typed).toBe(true);
        expect(fields.numberSymbol.confidence).toBeGreaterThanOrEqual(0.9);
        for (const [field, zone] of cases) {
          const f = fields[field] as { page?: number; bbox?: { left: number; top: number; width: number; height: number } };
          const b = at(zone);
          expect(f.page).toBe(1);
          expect(f.bbox, String(field)).toBeDefined();
          // The box (page fractions) holds the drawn line's baseline.
          const y = b.y / A4.height;
          expect(f.bbox!.top).toBeLessThan(y);
          expect(f.bbox!.top + f.bbox!.height).toBeGreaterThan(y);
          expect(f.bbox!.left).toBeGreaterThanOrEqual(b.x / A4.width - 0.01);
        }
      }
    } finally {
      await reader.close?.();
    }
  }, 60_000);
});

describe('textLines', () => {
  const flip = (x: number, y: number): [number, number] => [x, 800 - y];
  it('keeps two runs on one baseline far apart as two lines (the header columns), and leaves rotated text out', () => {
    const lines = textLines(
      [
        { str: 'ỦY BAN NHÂN DÂN', transform: [13, 0, 0, 13, 60, 760], width: 120 },
        { str: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', transform: [13, 0, 0, 13, 300, 760], width: 250 },
        { str: 'Số: 12/UBND-VP', transform: [13, 0, 0, 13, 80, 720], width: 100 },
        { str: 'SAO Y', transform: [0, 13, -13, 0, 20, 400], width: 40 },
      ],
      flip,
    );
    expect(lines.map((l) => l.text)).toEqual(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 12/UBND-VP']);
    expect(lines[2]!.words!.map((w) => w.text)).toEqual(['Số:', '12/UBND-VP']);
    expect(lines[2]!.words![0]!.bbox.x0).toBe(80);
    expect(lines[2]!.bbox.y1).toBeGreaterThan(80);
    expect(lines[2]!.bbox.y0).toBeLessThan(80);
  });
});
