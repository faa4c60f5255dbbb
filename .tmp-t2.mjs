import { createWorker, OEM, PSM } from 'tesseract.js';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { loadImage } from '@napi-rs/canvas';
const require = createRequire(import.meta.url);
const vie = require('@tesseract.js-data/vie');
const w = await createWorker('vie', OEM.LSTM_ONLY, { langPath: vie.langPath, gzip: true, cacheMethod: 'none' });
for (const f of process.argv.slice(2)) {
  const buf = fs.readFileSync(f);
  const img = await loadImage(buf);
  for (const psm of [PSM.SPARSE_TEXT, PSM.SINGLE_BLOCK]) {
    await w.setParameters({ tessedit_pageseg_mode: psm });
    const t1 = Date.now();
    const r = await w.recognize(buf, { rectangle: { left: 0, top: 0, width: Math.round(img.width * 0.55), height: Math.round(img.height * 0.33) } });
    console.log('==', f, psm, Date.now() - t1);
    console.log(r.data.text);
  }
}
await w.terminate();
