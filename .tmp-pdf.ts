import fs from 'node:fs';
import { pdfPages } from './shared/adapters/ocr/pdf';
import { encodePng, removeFramesAndRules, scaleGray } from './shared/adapters/ocr/image';
const [f, out] = process.argv.slice(2);
const pages = await pdfPages(new Uint8Array(fs.readFileSync(f!)));
pages.forEach((p, i) => { if (p.kind === 'image') { console.log(i, p.image.width, p.image.height, p.dpi); fs.writeFileSync(`${out}-p${i+1}.png`, encodePng(scaleGray(p.image, 0.35))); const r = removeFramesAndRules(p.image); console.log('removed', r.removed); fs.writeFileSync(`${out}-p${i+1}-clean.png`, encodePng(scaleGray(r.image, 0.35))); } });
