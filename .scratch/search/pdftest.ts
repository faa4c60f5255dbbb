import { readFileSync } from 'node:fs';
import { TesseractEngine } from '../../shared/adapters/ocr/tesseract';
const e = new TesseractEngine();
const t = Date.now();
try {
  const r = await e.read(new Uint8Array(readFileSync('/work/shared/fixtures/scans/s1-012.pdf')));
  console.log('pages', r.pages.length, r.pages.map((p) => p.text.length), Date.now() - t);
} catch (err) { console.log('ERR', err); }
await e.close();
