import fs from 'node:fs';
import { pdfPages } from './shared/adapters/ocr/pdf';
import { encodePng, removeFramesAndRules, scaleGray, estimateSkew, rotateGray } from './shared/adapters/ocr/image';
const pages = await pdfPages(new Uint8Array(fs.readFileSync('/work/shared/fixtures/scans/s1-001.pdf')));
let img = (pages[0] as any).image; img = rotateGray(img, -estimateSkew(img));
const r = removeFramesAndRules(img);
const crop = (im: any) => { const w = Math.round(im.width*0.5), h = Math.round(im.height*0.22); const d = new Uint8Array(w*h); for (let y=0;y<h;y++) d.set(im.data.subarray(y*im.width, y*im.width+w), y*w); return { width: w, height: h, data: d }; };
fs.writeFileSync('/tmp/ocrx/s01-clean-head.png', encodePng(scaleGray(crop(r.image), 1.2)));
