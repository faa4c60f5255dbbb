/**
 * A letter fed into the scanner upside down, or scanned sideways (shared/scans/adapters/ocr/
 * orientation.ts), read end to end by the Tesseract engine: page 1 of the handbook's real letter
 * qn-17 (a copy in test/fixtures/real-scans/), sent upright, turned a half and turned a quarter.
 * The turned pages give the fields the upright one gives, and each field's box lies on the page
 * as it was sent (where the upright box lies, turned the same way). Before, a turned page read as
 * nothing: every header field null.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../shared/scans/adapters/ocr/image';
import { turnGray, type QuarterTurns } from '../../shared/scans/adapters/ocr/orientation';
import { pdfPages } from '../../shared/scans/adapters/ocr/pdf';
import { TesseractEngine } from '../../shared/scans/adapters/ocr/tesseract';
import type { GrayImage } from '../../shared/scans/adapters/ocr/gray';
import { toReadText, type ScanReader } from '../../shared/scans/app/scan-reader';
import { scanReaderOf } from '../../shared/scans/ocr';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/real-scans');
const truth = JSON.parse(readFileSync(path.join(fixtures, 'qn-17.json'), 'utf8')) as { typeCode: string; issuer: string; numberSymbol: string };
const FIELDS = ['numberSymbol', 'typeCode', 'issuerCode', 'issuer', 'documentDate', 'subject'] as const;
type Box = { left: number; top: number; width: number; height: number };

/** Where a box of the upright page lies on the page turned clockwise by `k` quarters. */
function turnedBox(b: Box, k: QuarterTurns): Box {
  if (k === 2) return { left: 1 - b.left - b.width, top: 1 - b.top - b.height, width: b.width, height: b.height };
  if (k === 1) return { left: 1 - b.top - b.height, top: b.left, width: b.height, height: b.width };
  if (k === 3) return { left: b.top, top: 1 - b.left - b.width, width: b.height, height: b.width };
  return b;
}

describe('a page sent upside down or sideways', () => {
  let engine: TesseractEngine;
  let reader: ScanReader;
  let page1: GrayImage;
  beforeAll(async () => {
    engine = new TesseractEngine({ poolSize: 1 });
    reader = scanReaderOf(engine);
    await reader.warmUp?.();
    const bytes = new Uint8Array(readFileSync(path.join(fixtures, 'qn-17.pdf')));
    for await (const p of pdfPages(bytes, { colourPages: 0 })) {
      if (p.kind !== 'image') throw new Error('qn-17 page 1 is a scanned image');
      page1 = p.image;
      break;
    }
  }, 120_000);
  afterAll(async () => {
    await reader.close?.();
  });

  const fieldsOf = async (k: QuarterTurns) => {
    const result = await engine.recognize({ bytes: new Uint8Array(encodePng(turnGray(page1, k))), contentType: 'image/png' });
    const read = toReadText(result);
    return { turned: result.pages[0]!.turned ?? 0, fields: reader.extract(read.pages.map((p) => p.text).join('\n\n'), read).fields };
  };

  it('reads the same fields turned a half or a quarter as upright, each box on the page as sent', async () => {
    const upright = await fieldsOf(0);
    expect(upright.turned).toBe(0);
    expect(upright.fields.typeCode.value).toBe(truth.typeCode);
    expect(upright.fields.issuer.value).toBe(truth.issuer);
    for (const k of [2, 1] as const) {
      const got = await fieldsOf(k);
      // Turned back upright: the quarter turns that undo k.
      expect(got.turned, `sent turned ${k}`).toBe((4 - k) % 4);
      for (const f of FIELDS) {
        expect(got.fields[f].value, `${f}, sent turned ${k}`).toEqual(upright.fields[f].value);
        const want = turnedBox(upright.fields[f].bbox as Box, k);
        const box = got.fields[f].bbox as Box;
        for (const side of ['left', 'top', 'width', 'height'] as const) expect(Math.abs(box[side] - want[side]), `${f}.${side}, sent turned ${k}`).toBeLessThan(0.01);
      }
    }
  }, 300_000);
});
