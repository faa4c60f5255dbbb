/**
 * Pages after the first are read with the faster model daumoi ships (tessdata_fast's vie), page 1
 * (where every header field is) with the page model, as before. Checked on a two-page scanned PDF
 * of test/fixtures/scans with three real engines: the default, one reading every page with the page
 * model, one reading every page with the faster model. Page 1 is the page model's reading to the
 * last box and confidence, page 2 the faster model's, and the two models do not read alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastVieLangPath, TesseractEngine } from '../../shared/scans/adapters/ocr/tesseract';
import type { OcrPage } from '../../shared/scans/ports/ocr-engine';
import { scanFile } from '../support/fixtures';

const pdf = () => scanFile('s1-012.pdf');
const read = async (engine: TesseractEngine): Promise<OcrPage[]> => (await engine.recognize({ bytes: pdf(), contentType: 'application/pdf' })).pages;
/** What a page's reading is made of: text, lines with boxes and confidences. */
const reading = (p: OcrPage) => JSON.stringify({ text: p.text, confidence: p.confidence, lines: p.lines });

describe('pages after the first', () => {
  const engines = {
    shipped: new TesseractEngine({ poolSize: 1 }),
    pageModel: new TesseractEngine({ poolSize: 1, laterPagesLangPath: null }),
    fastModel: new TesseractEngine({ poolSize: 1, langPath: fastVieLangPath(), laterPagesLangPath: null }),
  };
  const pages: Record<keyof typeof engines, OcrPage[]> = { shipped: [], pageModel: [], fastModel: [] };
  beforeAll(async () => {
    for (const k of Object.keys(engines) as (keyof typeof engines)[]) pages[k] = await read(engines[k]);
  }, 240_000);
  afterAll(async () => {
    await Promise.all(Object.values(engines).map((e) => e.close()));
  });

  it('are read with the faster model, page 1 with the page model', () => {
    for (const k of Object.keys(pages) as (keyof typeof pages)[]) expect(pages[k], k).toHaveLength(2);
    expect(reading(pages.shipped[0]!)).toBe(reading(pages.pageModel[0]!));
    expect(reading(pages.shipped[1]!)).toBe(reading(pages.fastModel[1]!));
    // The check above means something: the two models' readings of page 2 differ.
    expect(reading(pages.pageModel[1]!)).not.toBe(reading(pages.fastModel[1]!));
  });

  it('still read the body text: most of the page model\'s words are there', () => {
    const words = (p: OcrPage) => new Set(p.text.toLocaleLowerCase('vi').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2));
    const page = words(pages.pageModel[1]!);
    const fast = words(pages.shipped[1]!);
    expect(page.size).toBeGreaterThan(40);
    expect([...page].filter((w) => fast.has(w)).length / page.size).toBeGreaterThanOrEqual(0.9);
  });
});
