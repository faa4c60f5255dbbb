/**
 * The real tesseract.js pipeline (no mocks) on degraded variants of handbook scans, made the
 * way `npm run bench -- ocr --degraded` makes them (seeded): rotated a further 1.5–3°,
 * downscaled to 150 dpi, grain, lower contrast on grey paper, blur, JPEG quality 35–50. Boxed
 * stamps whose letters touch the box, page edges read as marks, and a PDF rebuilt from degraded
 * pages must still give the register fields. Two scans only: OCR is slow on a shared machine.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDegradedVariants } from '../../bench/ocr';
import { scanReaderOf } from '../../shared/scans/ocr';
import type { ScanReader } from '../../shared/scans/app/scan-reader';
import { TesseractEngine } from '../../shared/scans/adapters/ocr/tesseract';
import { readRegisterFields, truthRegisterFields } from '../support/scan-truth';
import { SCANS, scanTruth } from '../support/fixtures';

// The synthetic scans committed under test/fixtures/scans.
const truth = scanTruth;

describe('tesseract.js on degraded scans', () => {
  let reader: ScanReader;
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), 'daumoi-ocr-degraded-test-'));
    reader = scanReaderOf(new TesseractEngine({ poolSize: 2 }));
    await reader.warmUp?.();
  }, 60_000);
  afterAll(async () => {
    await reader?.close?.();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it.each([
    // Boxed TUYỆT MẬT and KHẨN at 150 dpi, blurred, grey paper: the letters touch the boxes.
    ['s1-011', 'mixed'],
    // A two-page PDF rebuilt from rotated, downscaled, compressed pages; HỎA TỐC in a box.
    ['s1-001', 'mixed'],
  ] as const)('%s (%s) gives the register fields', async (id, set) => {
    const t = truth(id);
    const [variant] = await makeDegradedVariants(SCANS, [t], path.join(out, set), set, 1);
    const bytes = new Uint8Array(readFileSync(path.join(out, set, variant!.truth.file)));
    const read = await reader.read(bytes, variant!.truth.format === 'pdf' ? 'application/pdf' : 'image/jpeg');
    expect(read.pages).toHaveLength(t.pages);
    const { fields } = reader.extract(read.pages.map((p) => p.text).join('\n\n'));
    expect(readRegisterFields(fields)).toEqual(truthRegisterFields(t));
    // No page-edge marks left at the ends of the header lines.
    expect(read.pages[0]!.text.split('\n').slice(0, 8).filter((l) => /\s{3}\S{1,2}$/.test(l))).toEqual([]);
  }, 120_000);
});
