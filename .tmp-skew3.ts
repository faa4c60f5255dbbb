import fs from 'node:fs';
import { decodeToGray, estimateSkew, rotateGray } from './shared/adapters/ocr/image';
const img = await decodeToGray(new Uint8Array(fs.readFileSync('/work/shared/fixtures/scans/s1-002.jpg')));
const s = estimateSkew(img); const r = rotateGray(img, -s); console.log(s, estimateSkew(r));
