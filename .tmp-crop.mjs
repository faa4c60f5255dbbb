import { createCanvas, loadImage } from '@napi-rs/canvas';
import fs from 'node:fs';
const [f, out, x0, y0, x1, y1, scale] = process.argv.slice(2);
const img = await loadImage(fs.readFileSync(f));
const W = img.width, H = img.height; console.log(W, H);
const sx = W*x0, sy = H*y0, sw = W*(x1-x0), sh = H*(y1-y0), s = Number(scale);
const c = createCanvas(Math.round(sw*s), Math.round(sh*s));
c.getContext('2d').drawImage(img, sx, sy, sw, sh, 0, 0, sw*s, sh*s);
fs.writeFileSync(out, c.toBuffer('image/png'));
