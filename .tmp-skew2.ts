import fs from 'node:fs';
import { decodeToGray, otsuThreshold } from './shared/adapters/ocr/image';
const img = await decodeToGray(new Uint8Array(fs.readFileSync('/work/shared/fixtures/scans/s1-003.png')));
const t = otsuThreshold(img.data); console.log('otsu', t, img.width, img.height);
let dark = 0; for (const v of img.data) if (v <= t) dark++; console.log('dark', dark);
const hist = new Array(8).fill(0); for (const v of img.data) hist[v>>5]++; console.log(hist);
const xs:number[]=[], ys:number[]=[];
for (let y=0;y<img.height;y+=2) for (let x=0;x<img.width;x+=2) if (img.data[y*img.width+x]! <= t) { xs.push(x); ys.push(y); }
console.log('n', xs.length);
const bins = new Float64Array(img.height + img.width);
for (const deg of [-2,-1.8,-1.5,-1,0,1,1.5,1.8,2]) { const tan=Math.tan(deg*Math.PI/180); bins.fill(0); for (let i=0;i<xs.length;i++){ const b=Math.round(ys[i]!-xs[i]!*tan)+img.width; bins[b]!++;} let s=0; for (const v of bins) s+=v*v; console.log(deg, s); }
