import { readFileSync } from 'node:fs';
import { TesseractEngine } from '../../shared/adapters/ocr/tesseract';
const e = new TesseractEngine();
await e.warmUp();
let last = performance.now(); let worst = 0;
const iv = setInterval(() => { const now = performance.now(); worst = Math.max(worst, now - last - 50); last = now; }, 50);
for (const f of ['s1-012.pdf', 's1-010.png', 's1-002.jpg']) {
  worst = 0; const t = Date.now();
  await e.read(new Uint8Array(readFileSync('/work/shared/fixtures/scans/' + f)));
  console.log(f, 'took', Date.now() - t, 'ms; worst event-loop block', worst.toFixed(0), 'ms');
}
clearInterval(iv);
await e.close();
