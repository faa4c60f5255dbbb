/**
 * PDFs made with pdf-lib holding signature fields as signing tools write them (a /Sig value
 * dictionary with /ByteRange, /Contents, /M and optionally /Name, /Reason, /Location): what
 * the signature reader (shared/scans/adapters/ocr/pdf-signatures.ts) is tested on. Not signed
 * for real: the bytes are placeholders (verifying is issue 16's).
 */
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';

export interface SigSpec {
  m: string;
  name?: string;
  reason?: string;
  location?: string;
}

/** A PDF with `pages` pages of text and one signature field per spec (a signature dictionary as signing tools write it). */
export async function signedPdf(sigs: SigSpec[], pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`UBND TINH QUANG NGAI - trang ${i + 1}`, { x: 60, y: 760, size: 14, font });
  const page = doc.getPage(0);
  const fields = sigs.map((s, i) => {
    const v = doc.context.register(
      doc.context.obj({
        Type: 'Sig',
        Filter: 'Adobe.PPKLite',
        SubFilter: 'adbe.pkcs7.detached',
        ByteRange: [0, 0, 0, 0],
        Contents: PDFHexString.of('00'.repeat(256)),
        M: PDFString.of(s.m),
        ...(s.name ? { Name: PDFHexString.fromText(s.name) } : {}),
        ...(s.reason ? { Reason: PDFHexString.fromText(s.reason) } : {}),
        ...(s.location ? { Location: PDFHexString.fromText(s.location) } : {}),
      }),
    );
    return doc.context.register(
      doc.context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFString.of(`Signature${i + 1}`), V: v, Rect: [0, 0, 0, 0], F: 132, P: page.ref }),
    );
  });
  if (fields.length) {
    page.node.set(PDFName.of('Annots'), doc.context.obj(fields));
    doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: fields, SigFlags: 3 }));
  }
  // A signature dictionary is never inside a compressed object stream (its /Contents is cut out of the signed bytes by /ByteRange).
  return doc.save({ useObjectStreams: false });
}

