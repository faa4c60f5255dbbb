/**
 * Born-digital PDFs (issue 14, point 5): a page whose text layer is the document's text is read
 * from that layer, with exact boxes. Generated Party documents are drawn by the documents
 * module's renderer, whose layout says where each line was drawn (points from the top-left);
 * the text layer's lines must be found there, and the fields read from them placed on it.
 */
import fc from 'fast-check';
import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inkOnWhite } from '../../tools/canvas';
import { embedTinos } from '../support/born-digital';
import { renderDocument } from '../../shared/documents/adapters/pdf-renderer';
import { A4, type IssuedDocument, type TextBlock } from '../../shared/documents/domain/layout';
import { pdfPages, textLines, textPage, type PdfPage } from '../../shared/scans/adapters/ocr/pdf';
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

describe('which text layer is the page’s text', () => {
  /** A one-page PDF: `lines` drawn as text (x, y from the top-left, points), over a JPEG covering `imageShare` of the page when given. */
  async function onePage(lines: [string, number, number][], imageShare?: number): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    const font = await embedTinos(pdf);
    const page = pdf.addPage([A4.width, A4.height]);
    if (imageShare) {
      const { canvas, ctx } = inkOnWhite(200, 280, '#222');
      ctx.fillRect(40, 40, 120, 10);
      const jpg = await pdf.embedJpg(canvas.toBuffer('image/jpeg', 80));
      const k = Math.sqrt(imageShare);
      page.drawImage(jpg, { x: 0, y: A4.height * (1 - k), width: A4.width * k, height: A4.height * k });
    }
    for (const [text, x, y] of lines) page.drawText(text, { x, y: A4.height - y, size: 13, font, color: rgb(0, 0, 0) });
    return pdf.save({ useObjectStreams: false });
  }
  const SIGNING = [['TM. ỦY BAN NHÂN DÂN', 330, 120], ['CHỦ TỊCH', 370, 138], ['Nguyễn Văn An', 360, 220]] as [string, number, number][];
  const STAMP = [['Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi', 330, 40], ['Thời gian ký: 15.01.2025 17:10:17 +07:00', 330, 54]] as [string, number, number][];

  it('reads a born-digital page of a few lines (a letter’s last page: its signing block) from its text layer', async () => {
    const page = await firstPage(await onePage(SIGNING));
    expect(page.kind).toBe('text');
    expect(page.kind === 'text' && page.text.includes('CHỦ TỊCH')).toBe(true);
  });

  it('keeps a picture of the seal or signature on such a page: still its text layer', async () => {
    expect((await firstPage(await onePage(SIGNING, 0.1))).kind).toBe('text');
  });

  it('reads a scanned page whose small text layer is a digital signature’s stamp from its pixels', async () => {
    expect((await firstPage(await onePage(STAMP, 1))).kind).toBe('image');
  });

  it('gives the layer’s text in reading order: the header’s columns one after the other', async () => {
    const page = await firstPage(
      await onePage([
        ['ỦY BAN NHÂN DÂN', 80, 60], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 290, 60],
        ['TỈNH QUẢNG NGÃI', 82, 76], ['Độc lập - Tự do - Hạnh phúc', 320, 76],
        ['Số: 47/QĐ-UBND', 85, 110], ['Quảng Ngãi, ngày 05 tháng 02 năm 2025', 300, 110],
        ...Array.from({ length: 12 }, (_, i): [string, number, number] => ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;', 70, 180 + 18 * i]),
      ]),
    );
    expect(page.kind).toBe('text');
    const lines = page.kind === 'text' ? textPage(page).text.split('\n') : [];
    expect(lines.slice(0, 6)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 47/QĐ-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quảng Ngãi, ngày 05 tháng 02 năm 2025']);
  });
});
