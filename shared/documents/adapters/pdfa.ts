/**
 * PDF/A-2b as far as pdf-lib allows it (ISO 19005-2, level B: the look of the pages is kept):
 * - XMP metadata (uncompressed, UTF-8) that says pdfaid:part 2, pdfaid:conformance B and repeats
 *   the document information dictionary (title, creator tool, producer, dates) as PDF/A asks;
 * - an OutputIntent (GTS_PDFA1) with the sRGB ICC profile, so the DeviceRGB the pages are drawn
 *   in is defined;
 * - a document ID in the trailer (and xmpMM:DocumentID);
 * - fonts embedded (the renderer embeds Tinos subsets), no JavaScript, no encryption, no external
 *   content; the signature widget is printable with a normal appearance only (pades.ts).
 * The ID is derived from the document's title and creation time, so rendering the same document
 * at the same moment gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { SRGB_ICC } from './srgb-icc';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** XMP dates as the information dictionary's, to the second (pdf-lib writes those in UTC). */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface PdfAFacts {
  title: string;
  language: string;
}

/** The XMP packet of a PDF/A-2b document. */
export function pdfaXmp(f: { title: string; creator: string; producer: string; created: Date; modified: Date; language: string; documentId: string }): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    '   <pdfaid:part>2</pdfaid:part>',
    '   <pdfaid:conformance>B</pdfaid:conformance>',
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '   <dc:format>application/pdf</dc:format>',
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(f.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:language><rdf:Bag><rdf:li>${xml(f.language)}</rdf:li></rdf:Bag></dc:language>`,
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `   <xmp:CreatorTool>${xml(f.creator)}</xmp:CreatorTool>`,
    `   <xmp:CreateDate>${xmpDate(f.created)}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${xmpDate(f.modified)}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${xmpDate(f.modified)}</xmp:MetadataDate>`,
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `   <pdf:Producer>${xml(f.producer)}</pdf:Producer>`,
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    `   <xmpMM:DocumentID>uuid:${f.documentId}</xmpMM:DocumentID>`,
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** Makes a rendered document PDF/A-2b: call after its information dictionary is set, before it is saved (or signed). */
export function makePdfA(pdf: PDFDocument, facts: PdfAFacts): void {
  const ctx = pdf.context;
  const created = pdf.getCreationDate() ?? new Date(0);
  const modified = pdf.getModificationDate() ?? created;
  const id = createHash('sha256').update(`${facts.title}\n${created.toISOString()}`).digest().subarray(0, 16);
  const hex = id.toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const xmp = pdfaXmp({ title: facts.title, creator: pdf.getCreator() ?? '', producer: pdf.getProducer() ?? '', created, modified, language: facts.language, documentId: uuid });
  const metadata = ctx.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), ctx.register(metadata));

  const icc = ctx.register(ctx.flateStream(SRGB_ICC(), { N: 3 }));
  const intent = ctx.obj({ Type: 'OutputIntent', S: 'GTS_PDFA1', OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'), Info: PDFString.of('sRGB IEC61966-2.1'), DestOutputProfile: icc });
  pdf.catalog.set(PDFName.of('OutputIntents'), ctx.obj([intent]));

  const ids = PDFArray.withContext(ctx);
  ids.push(PDFHexString.of(hex));
  ids.push(PDFHexString.of(hex));
  ctx.trailerInfo.ID = ids;
}
