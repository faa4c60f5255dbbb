/**
 * Born-digital letters (issue 14, point 5: "a PDF's own text layer used when it is the
 * document's text: exact and fast"). The generated letters of both families
 * (test/support/ocr-documents.ts: Party bodies, UBND, sở, ministries and the bodies under them,
 * the Government, the Prime Minister, HĐND, communes; receipt and SAO Y stamps, citations in the
 * body, attached drafts, several pages) are drawn as PDFs whose text layer is their text
 * (test/support/born-digital.ts) and read through the scan reader: no OCR, every field as
 * generated, and the number and day given as sure, since nothing on such a page was written by
 * hand.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isKnownBodyCode } from '../../shared/office';
import { buildScanReader } from '../../shared/scans/ocr';
import { bornDigitalPdf } from '../support/born-digital';
import { ocrDocumentArb, type Expected } from '../support/ocr-documents';

const FIELDS = ['numberSymbol', 'typeCode', 'issuerCode', 'issuer', 'issuerParent', 'place', 'documentDate', 'subject', 'secrecy', 'urgency', 'signingCapacity', 'signerTitle', 'signer', 'recipients', 'system'] as const satisfies readonly (keyof Expected)[];
const reader = buildScanReader('tesseract', { tesseract: { poolSize: 1 } });
afterAll(async () => reader.close?.());

describe('a born-digital letter, read from its text layer', () => {
  it('gives every field as generated, the page typed, the number and day sure', async () => {
    await fc.assert(
      fc.asyncProperty(ocrDocumentArb(), async (doc) => {
        const read = await reader.read(await bornDigitalPdf(doc.pages), 'application/pdf');
        expect(read.pages[0]!.typed).toBe(true);
        const { fields } = reader.extract(read.pages.map((p) => p.text).join('\n\n'), read);
        for (const k of FIELDS) expect(fields[k]!.value, `${k}\n${doc.printed.join('\n')}`).toEqual(doc.expected[k]);
        expect(fields.documentDate!.confidence).toBeGreaterThanOrEqual(0.9);
        // A symbol of known codes is sure when typed (a handwritten State number never is); an unknown body's code less
        // so, and a công văn with no unit ("45/UBND": a unit OCR lost looks the same on a scan).
        const bare = /^\d+\/[^-/]+$/.test(doc.expected.numberSymbol);
        expect(fields.numberSymbol!.confidence).toBeGreaterThanOrEqual(isKnownBodyCode(doc.expected.issuerCode) && !bare ? 0.9 : 0.75);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
