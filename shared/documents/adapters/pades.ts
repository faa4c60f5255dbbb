/**
 * PAdES baseline B-B signing of a rendered document: a signature field (widget over the
 * layout's signature box, /FT /Sig) whose value is a /Sig dictionary with subFilter
 * ETSI.CAdES.detached, a /ByteRange placeholder and a zero-filled /Contents; the file is
 * saved, the ByteRange filled in place, the covered bytes hashed (SHA-256) and the CMS
 * (./cms.ts) written into /Contents. Objects are saved without object streams so the
 * placeholders stay findable.
 */
import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument } from 'pdf-lib';
import { A4, type Box } from '../domain/layout';
import { buildCms } from './cms';
import type { Signer } from '../ports/signer';

/** Room for the CMS (bytes): the certificate chain and an RSA-4096 signature fit. */
const CONTENTS_BYTES = 16_384;
const RANGE_PLACEHOLDER = '/**********';

export interface SignatureInfo {
  at: Date;
  name: string;
  reason?: string;
  location?: string;
}

export async function signPdf(pdf: PDFDocument, box: Box, signer: Signer, info: SignatureInfo): Promise<Uint8Array> {
  const ctx = pdf.context;
  const page = pdf.getPage(box.page);
  const sig = ctx.register(
    ctx.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      ByteRange: [PDFNumber.of(0), PDFName.of('**********'), PDFName.of('**********'), PDFName.of('**********')],
      Contents: PDFHexString.of('0'.repeat(CONTENTS_BYTES * 2)),
      M: PDFString.fromDate(info.at),
      Name: PDFHexString.fromText(info.name),
      ...(info.reason ? { Reason: PDFHexString.fromText(info.reason) } : {}),
      ...(info.location ? { Location: PDFHexString.fromText(info.location) } : {}),
    }),
  );
  const rect = [box.x, A4.height - box.y - box.height, box.x + box.width, A4.height - box.y];
  const appearance = ctx.register(ctx.formXObject([], { BBox: [0, 0, box.width, box.height], Resources: {} }));
  const widget = ctx.register(
    ctx.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', Rect: rect, V: sig, T: PDFHexString.fromText('Chữ ký số của cơ quan'), F: 4, P: page.ref, AP: { N: appearance } }),
  );
  page.node.addAnnot(widget);
  pdf.catalog.set(PDFName.of('AcroForm'), ctx.obj({ SigFlags: 3, Fields: [widget] }));

  const bytes = await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  const text = Buffer.from(bytes).toString('latin1');
  const rangeAt = text.indexOf(`/ByteRange [ 0 ${RANGE_PLACEHOLDER} ${RANGE_PLACEHOLDER} ${RANGE_PLACEHOLDER} ]`);
  const contentsAt = text.indexOf(`<${'0'.repeat(CONTENTS_BYTES * 2)}>`);
  if (rangeAt < 0 || contentsAt < 0) throw new Error('signature placeholders not found in the saved PDF');
  const rangeText = `/ByteRange [ 0 ${RANGE_PLACEHOLDER} ${RANGE_PLACEHOLDER} ${RANGE_PLACEHOLDER} ]`;
  const afterContents = contentsAt + CONTENTS_BYTES * 2 + 2;
  const range = [0, contentsAt, afterContents, bytes.length - afterContents];
  const filled = `/ByteRange [${range.join(' ')}]`.padEnd(rangeText.length, ' ');
  if (filled.length > rangeText.length) throw new Error('ByteRange does not fit its placeholder');
  const out = new Uint8Array(bytes);
  out.set(Buffer.from(filled, 'latin1'), rangeAt);

  const digest = createHash('sha256').update(out.subarray(0, range[1])).update(out.subarray(range[2]!)).digest();
  const cms = await buildCms(new Uint8Array(digest), signer);
  if (cms.length > CONTENTS_BYTES) throw new Error(`the CMS (${cms.length} bytes) does not fit /Contents`);
  out.set(Buffer.from(Buffer.from(cms).toString('hex').padEnd(CONTENTS_BYTES * 2, '0'), 'latin1'), contentsAt + 1);
  return out;
}
