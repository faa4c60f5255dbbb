/**
 * The handbook's real letter qn-12 (a công văn of UBND tỉnh Quảng Ngãi stamped HỎA TỐC in red,
 * turned, left of Kính gửi; dev split) read end to end: urgency hỏa tốc from the red stamp, and
 * the issuer's first signing time from the PDF's signature dictionary. The file is a copy in
 * test/fixtures/real-scans/ (its README says where from).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanReaderOf } from '../../shared/scans/ocr';
import { toReadText, type ScanReader } from '../../shared/scans/app/scan-reader';
import { TesseractEngine } from '../../shared/scans/adapters/ocr/tesseract';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/real-scans');

describe('qn-12, a real letter with a red HỎA TỐC stamp', () => {
  let engine: TesseractEngine;
  let reader: ScanReader;
  beforeAll(async () => {
    engine = new TesseractEngine({ poolSize: 2 });
    reader = scanReaderOf(engine);
    await reader.warmUp?.();
  });
  afterAll(async () => {
    await reader.close?.();
  });

  it('is read as hỏa tốc, from its red stamp, and signed first on 15 January 2025 at 17:10 (+07:00)', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(fixtures, 'qn-12.pdf')));
    const result = await engine.recognize({ bytes, contentType: 'application/pdf' });
    const stamp = result.pages[0]!.stamps?.find((s) => s.text.length > 0);
    expect(stamp?.colour).toBe('red');
    expect(stamp!.angle).toBeGreaterThan(15);
    expect(result.signatures?.[0]?.signedAt).toBe('2025-01-15T17:10:17+07:00');
    const read = toReadText(result);
    const { fields } = reader.extract(read.pages.map((p) => p.text).join('\n\n'), read);
    expect(fields.urgency.value).toBe('hoa-toc');
    expect(fields.urgency.confidence).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});
