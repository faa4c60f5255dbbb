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
import { jpegFrame, type JpegFrame } from '../../../platform/files/file-type';

/** A page that is one JPEG: its bytes and size, and its size in points (for its resolution). */
export interface ScannedJpeg {
  jpeg: Uint8Array;
  width: number;
  height: number;
  pageWidthPt: number;
}

/** The JPEG's frame header when it is one this module takes (baseline, extended or progressive Huffman); null otherwise. */
export function jpegHeader(b: Uint8Array): JpegFrame | null {
  const frame = jpegFrame(b);
  return frame && (frame.marker === 0xc0 || frame.marker === 0xc1 || frame.marker === 0xc2) ? frame : null;
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
