/**
 * A scanner's PDF page, read as the JPEG it is. Most scanned letters are PDFs whose every page is
 * one JPEG drawn over the whole page and nothing else. pdfjs decodes such an image in JavaScript
 * (measured: 0.3–1 s of the main thread a 300 dpi colour page); the canvas library decodes the
 * same bytes natively (libjpeg-turbo, as it already decodes JPEG files sent as scans), and the
 * image reaches OCR as a JPEG file would.
 *
 * Only a page that is plainly one JPEG is taken this way, found from the PDF's own objects (pdf-lib):
 * not rotated; its content only places, saves and restores state (`q`, `Q`, `cm`, `gs`, text
 * state and an invisible text object's frame) and draws one image XObject; that image is DCTDecode
 * alone, 8 bits, DeviceRGB or DeviceGray, with no Decode array, mask, soft mask or decode
 * parameters; its JPEG is baseline or progressive, of the size the PDF says, with no EXIF block
 * (an orientation the PDF does not apply) and no embedded colour profile. Any other page, and any
 * PDF pdf-lib cannot open (encrypted, damaged), is read by pdfjs as before.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream, type PDFPage } from 'pdf-lib';

/** A page that is one JPEG: its bytes and size, and its size in points (for its resolution). */
export interface ScannedJpeg {
  jpeg: Uint8Array;
  width: number;
  height: number;
  pageWidthPt: number;
}

/** What the start of a JPEG says of it (its frame header and the blocks before it). */
export interface JpegHeader {
  width: number;
  height: number;
  components: number;
  exif: boolean;
  icc: boolean;
}

/** Reads a JPEG's markers up to its frame header; null when it is no JPEG this module takes (not baseline or progressive Huffman, or cut short). */
export function jpegHeader(b: Uint8Array): JpegHeader | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let exif = false;
  let icc = false;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (len < 2 || i + 2 + len > b.length) return null;
    const seg = i + 4;
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      if (len < 8) return null;
      return { height: (b[seg + 1]! << 8) | b[seg + 2]!, width: (b[seg + 3]! << 8) | b[seg + 4]!, components: b[seg + 5]!, exif, icc };
    }
    // Any other frame type (lossless, arithmetic, hierarchical) or the scan before a frame: not taken.
    if ((marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xda || marker === 0xd9) return null;
    const tag = (s: string) => len - 2 >= s.length && s.split('').every((c, k) => b[seg + k] === c.charCodeAt(0));
    if (marker === 0xe1 && tag('Exif\0')) exif = true;
    if (marker === 0xe2 && tag('ICC_PROFILE\0')) icc = true;
    i += 2 + len;
  }
  return null;
}

/** Operators a page may use around its one image: state, placement, and a text object that shows nothing. */
const QUIET_OPERATORS = new Set(['q', 'Q', 'cm', 'gs', 'BT', 'ET', 'Tr', 'Tm', 'Td', 'TD', 'Tf', 'TL', 'Tc', 'Tw', 'Tz', 'Ts', 'T*', 'w', 'J', 'j', 'M', 'ri', 'i']);
/** Tokens of a content stream: names, numbers, operators; any other character (strings, arrays, dictionaries, inline images) stops the page being taken. */
const TOKEN = /\/[^\s/[\]()<>{}%]*|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*][A-Za-z0-9'"*]*|\S/g;

/** The one image XObject the page's content draws, by name; null when the content does anything else. */
function soleDrawnName(content: string): string | null {
  let name: string | null = null;
  let lastName: string | null = null;
  for (const m of content.matchAll(TOKEN)) {
    const t = m[0];
    if (t.startsWith('/')) lastName = t.slice(1);
    else if (/^[-+]?(?:\d|\.\d)/.test(t)) continue;
    else if (t === 'Do') {
      if (name !== null || lastName === null) return null;
      name = lastName;
    } else if (!QUIET_OPERATORS.has(t)) return null;
  }
  return name;
}

function contentOf(doc: PDFDocument, page: PDFPage): string | null {
  const c = page.node.get(PDFName.of('Contents'));
  const refs = c instanceof PDFArray ? c.asArray() : c ? [c] : [];
  let out = '';
  for (const r of refs) {
    const s = doc.context.lookup(r);
    if (!(s instanceof PDFRawStream)) return null;
    out += `${Buffer.from(decodePDFRawStream(s).decode()).toString('latin1')}\n`;
  }
  return out;
}

function jpegOfPage(doc: PDFDocument, page: PDFPage): ScannedJpeg | null {
  if (page.getRotation().angle % 360 !== 0) return null;
  const content = contentOf(doc, page);
  const name = content === null ? null : soleDrawnName(content);
  if (!name) return null;
  const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return null;
  const ref = xobjects.get(PDFName.of(name));
  const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  if (!(stream instanceof PDFRawStream)) return null;
  const d = stream.dict;
  const get = (k: string) => d.lookup(PDFName.of(k));
  if (get('Subtype') !== PDFName.of('Image')) return null;
  const filter = get('Filter');
  const filters = filter instanceof PDFArray ? filter.asArray().map((f) => doc.context.lookup(f)) : [filter];
  if (filters.length !== 1 || filters[0] !== PDFName.of('DCTDecode')) return null;
  const space = get('ColorSpace');
  const components = space === PDFName.of('DeviceRGB') ? 3 : space === PDFName.of('DeviceGray') ? 1 : 0;
  const bpc = get('BitsPerComponent');
  if (!components || !(bpc instanceof PDFNumber) || bpc.asNumber() !== 8) return null;
  if (['Decode', 'DecodeParms', 'SMask', 'Mask', 'ImageMask'].some((k) => d.has(PDFName.of(k)))) return null;
  const w = get('Width');
  const h = get('Height');
  if (!(w instanceof PDFNumber) || !(h instanceof PDFNumber)) return null;
  const jpeg = stream.contents;
  const head = jpegHeader(jpeg);
  if (!head || head.exif || head.icc || head.components !== components || head.width !== w.asNumber() || head.height !== h.asNumber()) return null;
  const box = page.getCropBox();
  return { jpeg, width: head.width, height: head.height, pageWidthPt: box.width };
}

/**
 * For each page of the PDF (in order), the page's JPEG when the page is plainly one, else null;
 * null for the whole PDF when pdf-lib cannot open it or counts another number of pages than `pages`.
 */
export async function scannedJpegPages(bytes: Uint8Array, pages: number): Promise<(ScannedJpeg | null)[] | null> {
  let doc: PDFDocument;
  let list: PDFPage[];
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
    list = doc.getPages();
  } catch {
    return null;
  }
  if (list.length !== pages) return null;
  return list.map((p) => {
    try {
      return jpegOfPage(doc, p);
    } catch {
      return null;
    }
  });
}
