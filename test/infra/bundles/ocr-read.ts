/**
 * A Lambda entry for test/infra/ocr-bundle.test.ts: reads a file with the tesseract engine the OCR
 * worker composes (tesseract.js and its Vietnamese model, pdf.js and the canvas binding for PDF
 * pages, the digit model) and hands back the text of its pages.
 */
import { readFileSync } from 'node:fs';
import { ocrEngine } from '../../../shared/scans/ocr';

export async function handler(input: { file: string; contentType: string }): Promise<string> {
  const engine = ocrEngine('tesseract', { tesseract: { poolSize: 1 } });
  try {
    const result = await engine.recognize({ bytes: readFileSync(input.file), contentType: input.contentType });
    return JSON.stringify({ engine: engine.name, pages: result.pages.map((p) => p.text) });
  } finally {
    await engine.close?.();
  }
}
