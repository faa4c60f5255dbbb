import fs from 'node:fs';
import { decodeToGray, estimateSkew } from './shared/adapters/ocr/image';
import { pdfPages } from './shared/adapters/ocr/pdf';
const dir = '/work/shared/fixtures/scans';
for (const f of fs.readdirSync(dir).filter((f) => /^s1-\d+\.json$/.test(f))) {
  const d = JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8'));
  const bytes = new Uint8Array(fs.readFileSync(`${dir}/${d.file}`));
  const imgs = d.format === 'pdf' ? (await pdfPages(bytes)).map((p: any) => p.image) : [await decodeToGray(bytes)];
  const t = Date.now();
  console.log(d.id, d.degradations.pageRotationDeg, imgs.map((i: any) => estimateSkew(i)), Date.now() - t, 'ms');
}
