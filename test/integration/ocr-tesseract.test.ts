/**
 * The real tesseract.js engine (offline, Vietnamese model), through the OcrEngine port and the
 * ScanReader: one JPEG and one two-page PDF of the handbook read with the right fields (pages
 * with lines, word boxes and confidences), a TIFF, and files that cannot be read at all (not an
 * image, a truncated PDF, 0 bytes, a ZIP) refused with the typed error and a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanReaderOf } from '../../shared/scans/ocr';
import type { ScanReader } from '../../shared/scans/app/scan-reader';
import { decodeToGray } from '../../shared/scans/adapters/ocr/image';
import { TesseractEngine } from '../../shared/scans/adapters/ocr/tesseract';
import { readRegisterFields, truthRegisterFields } from '../support/scan-truth';
import { UnreadableDocumentError } from '../../shared/scans/ports/ocr-engine';
import { foldDiacritics } from '../../shared/platform/text/vietnamese';
import { scanFile, scanTruth } from '../support/fixtures';
import { encodeTiff } from '../support/tiff';

// The synthetic scans committed under test/fixtures/scans.
const load = scanFile;
const truth = scanTruth;

describe('tesseract.js engine', () => {
  let engine: TesseractEngine;
  let reader: ScanReader;
  beforeAll(async () => {
    engine = new TesseractEngine({ poolSize: 2 });
    reader = scanReaderOf(engine);
    await reader.warmUp?.();
  }, 60_000);
  afterAll(async () => {
    await reader?.close?.();
  });

  /** OCR through the port (pages with lines and boxes), fields through the ScanReader's extractor. */
  const check = async (id: string, file: string, contentType: 'image/jpeg' | 'application/pdf') => {
    const t = truth(id);
    const bytes = load(file);
    expect(reader.detectType(bytes)).toBe(contentType === 'application/pdf' ? 'pdf' : 'jpeg');
    const read = await engine.recognize({ bytes, contentType });
    expect(read.engine).toBe('tesseract');
    expect(read.pages).toHaveLength(t.pages);
    for (const p of read.pages) {
      expect(p.confidence).toBeGreaterThan(0.5);
      expect(p.lines!.length).toBeGreaterThan(10);
      for (const l of p.lines!) {
        expect(l.confidence).toBeGreaterThanOrEqual(0);
        expect(l.confidence).toBeLessThanOrEqual(1);
        expect(l.bbox.x1).toBeGreaterThan(l.bbox.x0);
        expect(l.words!.length).toBeGreaterThan(0);
      }
    }
    // The page text is in reading order: the left header column (Số …) before the motto.
    const first = read.pages[0]!.text.split('\n');
    const motto = first.findIndex((l) => foldDiacritics(l).includes('cong san viet nam'));
    expect(motto).toBeGreaterThan(0);
    expect(first.findIndex((l) => l.startsWith(`Số ${t.number}-`))).toBeLessThan(motto);
    const { fields } = reader.extract(read.pages.map((p) => p.text).join('\n\n'));
    expect({ ...readRegisterFields(fields), subject: fields.subject.value }).toEqual({ ...truthRegisterFields(t), subject: t.subject });
  };

  it('reads a JPEG scan with boxed TUYỆT MẬT and KHẨN stamps', () => check('s1-011', 's1-011.jpg', 'image/jpeg'), 90_000);
  it('reads a two-page scanned PDF (one image per page)', () => check('s1-012', 's1-012.pdf', 'application/pdf'), 90_000);

  it('reads a TIFF scan (decoded by Tesseract\'s own reader, then cleaned like the others)', async () => {
    const t = truth('s1-003');
    const tiff = encodeTiff(await decodeToGray(load('s1-003.png')));
    expect(reader.detectType(tiff)).toBe('tiff');
    const read = await reader.read(tiff, 'image/tiff');
    expect(read.pages).toHaveLength(1);
    const { fields } = reader.extract(read.pages[0]!.text);
    expect([fields.numberSymbol.value, fields.typeCode.value, fields.documentDate.value]).toEqual([t.numberSymbol, t.typeCode, t.date]);
  }, 90_000);

  it('reads every page of a multi-page TIFF as an office scanner writes it (CCITT G4, 200 dpi): the signer on page 2', async () => {
    const t = truth('s1-012');
    const tiff = load('s1-012-g4.tif');
    const read = await reader.read(tiff, 'image/tiff');
    expect(read.pages).toHaveLength(2);
    const { fields } = reader.extract(read.pages.map((p) => p.text).join('\n\f\n'), read);
    expect(readRegisterFields(fields)).toEqual(truthRegisterFields(t));
    // The signing block is on page 2 only: read because page 2 was read.
    expect(read.pages[0]!.text).not.toContain(t.signerName);
    expect([fields.signer.value, fields.signingCapacity?.value, fields.recipients.value]).toEqual([t.signerName, t.signingCapacity, t.recipients]);
  }, 90_000);

  it('refuses what cannot be read, with a reason', async () => {
    const pdf = load('s1-012.pdf');
    const cases: [string, Uint8Array, RegExp][] = [
      ['a non-image file', new Uint8Array(Buffer.from('Ban Thường vụ Tỉnh ủy\nThis is a text file, not a scan.\n')), /not a JPEG, PNG, TIFF or PDF.*text/],
      ['a truncated PDF', pdf.slice(0, Math.floor(pdf.length / 2)), /truncated/],
      ['a 0-byte file', new Uint8Array(), /empty/],
      ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), /zip/],
    ];
    for (const [name, bytes, reason] of cases) {
      const err = await reader.read(bytes, 'application/pdf').then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, name).toBeInstanceOf(Error);
      expect(reader.isUnreadable(err), name).toBe(true);
      expect(err, name).toBeInstanceOf(UnreadableDocumentError);
      expect((err as UnreadableDocumentError).reason, name).toMatch(reason);
    }
    expect(reader.isUnreadable(new Error('network down'))).toBe(false);
  });
});
