/**
 * Issued documents as PDF/A-2b (ISO 19005-2 level B), checked by hand since no PDF/A validator
 * (veraPDF needs its own download) is installable here: the XMP metadata says part 2 /
 * conformance B and repeats the information dictionary; an sRGB OutputIntent; a document ID;
 * every font embedded; no JavaScript or encryption; the signature widget printable with a normal
 * appearance only; the binary header comment. The signature still verifies (ours and poppler's
 * pdfsig) and the text still reads back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf, renderSignedPdf, selfSignedSigner, verifyPdfSignatures, type KeySigner } from '../../shared/documents/index';
import { RESOLUTION, arbIssued, pdfText, squeeze } from '../support/documents';

const AT = new Date('2026-02-06T02:05:00Z');
let signer: KeySigner;
let signed: Uint8Array;
beforeAll(async () => {
  signer = await selfSignedSigner({ commonName: 'Văn phòng Tỉnh ủy Hưng Yên', organisation: 'Tỉnh ủy Hưng Yên' }, 'RSA', new Date('2026-01-01T00:00:00Z'));
  signed = await renderSignedPdf(RESOLUTION, signer, { at: AT });
});

const bytesOf = (s: PDFRawStream) => (s.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') ? new Uint8Array(inflateSync(s.contents)) : s.contents);
const text = (v: unknown) => (v instanceof PDFHexString || v instanceof PDFString ? v.decodeText() : undefined);

/** What a PDF/A-2b check reads of a file. */
async function facts(pdf: Uint8Array) {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const meta = doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
  expect(meta).toBeInstanceOf(PDFRawStream);
  const xmp = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false }).parse(Buffer.from(bytesOf(meta)).toString('utf8'));
  const descriptions = [xmp['x:xmpmeta']['rdf:RDF']['rdf:Description']].flat() as Record<string, unknown>[];
  const x = Object.assign({}, ...descriptions) as Record<string, any>;
  const info = ctx.lookup(ctx.trailerInfo.Info, PDFDict);
  const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).asArray().map((i) => ctx.lookup(i, PDFDict));
  const fontsEmbedded: boolean[] = [];
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')) fontsEmbedded.push(['FontFile', 'FontFile2', 'FontFile3'].some((k) => obj.has(PDFName.of(k))));
  }
  const annots = doc.getPages().flatMap((p) => p.node.Annots()?.asArray().map((a) => ctx.lookup(a, PDFDict)) ?? []);
  return { doc, x, info, intents, fontsEmbedded, annots, meta, id: ctx.trailerInfo.ID as PDFArray | undefined };
}

describe('PDF/A-2b', () => {
  it('XMP metadata, uncompressed, says part 2 conformance B and repeats the information dictionary', async () => {
    const { x, info, meta } = await facts(signed);
    expect(meta.dict.get(PDFName.of('Filter'))).toBeUndefined();
    expect(meta.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('XML'));
    expect(String(x['pdfaid:part'])).toBe('2');
    expect(x['pdfaid:conformance']).toBe('B');
    expect(x['dc:title']['rdf:Alt']['rdf:li']['#text']).toBe(text(info.get(PDFName.of('Title'))));
    expect(x['dc:title']['rdf:Alt']['rdf:li']['#text']).toBe(`${RESOLUTION.numberSymbol} ${RESOLUTION.subject}`);
    expect(x['xmp:CreatorTool']).toBe(text(info.get(PDFName.of('Creator'))));
    expect(x['pdf:Producer']).toBe(text(info.get(PDFName.of('Producer'))));
    const infoDate = (k: string) => (info.get(PDFName.of(k)) as PDFString).decodeDate().toISOString();
    expect(new Date(x['xmp:CreateDate']).toISOString()).toBe(infoDate('CreationDate'));
    expect(new Date(x['xmp:ModifyDate']).toISOString()).toBe(infoDate('ModDate'));
    expect(infoDate('CreationDate')).toBe(AT.toISOString());
  });

  it('an OutputIntent GTS_PDFA1 with an RGB ICC profile (N 3)', async () => {
    const { intents, doc } = await facts(signed);
    expect(intents).toHaveLength(1);
    expect(intents[0]!.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    expect(text(intents[0]!.get(PDFName.of('OutputConditionIdentifier')))).toMatch(/sRGB/);
    const icc = doc.context.lookup(intents[0]!.get(PDFName.of('DestOutputProfile'))) as PDFRawStream;
    expect(icc).toBeInstanceOf(PDFRawStream);
    expect((icc.dict.get(PDFName.of('N')) as PDFNumber).asNumber()).toBe(3);
    const profile = Buffer.from(bytesOf(icc));
    expect(profile.subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(profile.subarray(16, 20).toString('latin1')).toBe('RGB ');
    expect(profile.readUInt32BE(0)).toBe(profile.length);
  });

  it('a document ID, every font embedded, no JavaScript, encryption or embedded files, a binary header comment', async () => {
    const { id, fontsEmbedded, doc } = await facts(signed);
    expect(id?.size()).toBe(2);
    expect((id!.get(0) as PDFHexString).asBytes()).toHaveLength(16);
    expect(fontsEmbedded.length).toBeGreaterThan(0);
    expect(fontsEmbedded.every(Boolean)).toBe(true);
    const latin = Buffer.from(signed).toString('latin1');
    for (const forbidden of ['/JavaScript', '/JS ', '/Encrypt', '/EmbeddedFiles', '/Launch', '/NeedAppearances true']) expect(latin).not.toContain(forbidden);
    expect(doc.catalog.has(PDFName.of('AA'))).toBe(false);
    const second = signed.subarray(signed.indexOf(0x0a) + 1, signed.indexOf(0x0a) + 6);
    expect(second[0]).toBe(0x25);
    expect([...second.subarray(1)].every((b) => b > 127)).toBe(true);
  });

  it('the signature widget is printable, not hidden, with a normal appearance only', async () => {
    const { annots } = await facts(signed);
    expect(annots).toHaveLength(1);
    const flags = (annots[0]!.get(PDFName.of('F')) as PDFNumber).asNumber();
    expect(flags & 4).toBe(4);
    expect(flags & (1 | 2 | 32 | 256)).toBe(0);
    const ap = annots[0]!.lookup(PDFName.of('AP'), PDFDict);
    expect(ap.keys().map((k) => k.asString())).toEqual(['/N']);
    expect(ap.get(PDFName.of('N'))).toBeInstanceOf(PDFRef);
  });

  it('the signature still verifies, ours and pdfsig, and the text reads back', async () => {
    expect(await verifyPdfSignatures(signed, { roots: await signer.certificates() })).toMatchObject([{ intact: true, chain: 'trusted', coversWholeDocument: true }]);
    const file = join(mkdtempSync(join(tmpdir(), 'scansig-pdfa-')), 'doc.pdf');
    writeFileSync(file, signed);
    const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(await pdfText(signed)).toContain(squeeze(RESOLUTION.subject));
  });

  it('for generated documents and titles with XML’s special characters, XMP and the information dictionary agree', async () => {
    await fc.assert(
      fc.asyncProperty(arbIssued, fc.constantFrom('', ' & <b>"x"</b>'), async (doc, extra) => {
        const d = { ...doc, subject: doc.subject + extra };
        const { x, info, id } = await facts(await renderPdf(d, { now: AT }));
        expect(String(x['pdfaid:part'])).toBe('2');
        expect(x['dc:title']['rdf:Alt']['rdf:li']['#text']).toBe(text(info.get(PDFName.of('Title'))));
        expect(id?.size()).toBe(2);
      }),
      { numRuns: 8 },
    );
  });
});
