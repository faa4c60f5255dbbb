/**
 * Files that claim more than a scan may be (SCAN_LIMITS), made here rather than stored: a PNG
 * decompression bomb (a real, valid 1-bit image of 30000 × 30000 pixels in ~110 KB that would
 * take 3.6 GB as RGBA), headers of a JPEG and a TIFF claiming the same, a PDF holding such an
 * image, and a PDF of more pages than allowed. Used by the tests and the reliability bench.
 */
import { deflateSync } from 'node:zlib';
import { tiffOfClaims } from './tiff';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer): number => {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** White 1-bit rows, deflated: the pixels of a w × h bomb in a few hundred KB at most. */
function whiteRows(width: number, height: number, filterByte: boolean): Buffer {
  const row = Buffer.alloc((filterByte ? 1 : 0) + Math.ceil(width / 8), 0xff);
  if (filterByte) row[0] = 0;
  const rows = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y++) row.copy(rows, y * row.length);
  return deflateSync(rows, { level: 9 });
}

/** A valid PNG (1-bit grey) of width × height pixels. */
export function pngBomb(width = 30_000, height = 30_000): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', whiteRows(width, height, true)), chunk('IEND', Buffer.alloc(0))]));
}

/** A baseline JPEG header claiming width × height (SOI, SOF0, a scan's start, EOI). */
export function jpegClaiming(width = 30_000, height = 30_000): Uint8Array {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8]), sof, sos, Buffer.alloc(64, 0), Buffer.from([0xff, 0xd9])]));
}

/** A little-endian TIFF whose first (only) image claims width × height (1-bit, one uncompressed strip). */
export const tiffClaiming = (width = 30_000, height = 30_000): Uint8Array => tiffOfClaims([{ width, height }]);

/** A PDF from its objects' bodies (object i + 1 is objects[i]; 1 is the catalog), with a correct xref table. */
function pdfOf(objects: (string | Buffer)[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** A PDF of `pages` blank A4 pages. */
export function pdfOfPages(pages: number): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>'),
  ]);
}

/** A one-page PDF whose page is an image of width × height pixels (1-bit grey, deflated: a bomb inside a PDF). */
export function pdfWithImage(width = 30_000, height = 30_000): Uint8Array {
  const data = whiteRows(width, height, false);
  const content = 'q 595 0 0 842 0 0 cm /Im0 Do Q';
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
    Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]);
}
