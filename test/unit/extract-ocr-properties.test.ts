/**
 * Properties of the field extractor over documents as OCR gives them (issue 14: "tests are
 * written from the documents' kinds, not their strings"). Documents of both families are
 * generated as OcrPages with word boxes (test/support/ocr-documents.ts), with what real scans
 * carry besides the letter (numbers and dates cited in the body, receipt and SAO Y stamps, an
 * attached draft, several pages) and OCR slips; the expected fields come from the generator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFields, textOfPages } from '../../shared/scans/domain/extract/index';
import type { ScanField } from '../../shared/scans/domain/model';
import { ocrDocumentArb, SLIPS, type Expected, type GeneratedDoc } from '../support/ocr-documents';

const SURE = 0.9;
/**
 * Each property extracts numRuns generated letters (several pages of boxed words each), so its
 * time grows with numRuns: measured 12–103 ms a letter on this 2-core machine at load average 13
 * (`npx vitest run --project unit test/unit/extract-ocr-properties.test.ts --reporter=verbose`),
 * up to 6 s a property, which vitest's flat 20 s default cut off under heavier load. A property
 * gets 600 ms a letter (about 6× the slowest measured), at least the default: a hang still fails.
 */
const MS_PER_LETTER = 600;
const timeoutFor = (numRuns: number): number => Math.max(20_000, numRuns * MS_PER_LETTER);
const FIELDS = ['numberSymbol', 'typeCode', 'issuerCode', 'issuer', 'issuerParent', 'place', 'documentDate', 'subject', 'secrecy', 'urgency', 'signingCapacity', 'signerTitle', 'signer', 'recipients', 'system'] as const satisfies readonly (keyof Expected)[];
/** Fields with one right spelling: a slip elsewhere on the page must leave them right. */
const EXACT = ['numberSymbol', 'typeCode', 'issuerCode', 'documentDate', 'secrecy', 'urgency', 'system'] as const satisfies readonly (keyof Expected)[];

const read = (doc: GeneratedDoc) => extractFields({ pages: doc.pages }).fields as unknown as Record<keyof Expected, ScanField>;
/** On failure, the printed page is in the message: the case fast-check shrank to is readable. */
const explain = (doc: GeneratedDoc, k: string, f: ScanField) => `${k}: got ${JSON.stringify(f)}\n--- as read:\n${textOfPages({ pages: doc.pages })}`;

describe('fields read from generated OCR pages of both families', () => {
  it('reads every field of a clean reading as generated, whatever stamps, citations, attachments and pages it carries', () => {
    fc.assert(
      fc.property(ocrDocumentArb(), (doc) => {
        const got = read(doc);
        for (const k of FIELDS) expect(got[k].value, explain(doc, k, got[k])).toEqual(doc.expected[k]);
      }),
      { numRuns: 80 },
    );
  }, timeoutFor(80));

  it('shows where each value was read: a box inside its page, the header on page 1, the signer on the letter’s last page', () => {
    fc.assert(
      fc.property(ocrDocumentArb(), (doc) => {
        const got = read(doc);
        for (const k of FIELDS) {
          const f = got[k];
          if (f.value === null) continue;
          expect(f.page, explain(doc, k, f)).toBeGreaterThanOrEqual(1);
          const b = f.bbox!;
          expect(b.left >= 0 && b.top >= 0 && b.left + b.width <= 1 + 1e-9 && b.top + b.height <= 1 + 1e-9, explain(doc, k, f)).toBe(true);
        }
        for (const k of ['numberSymbol', 'documentDate', 'issuer', 'subject'] as const) expect(got[k].page, explain(doc, k, got[k])).toBe(1);
        for (const k of ['signer', 'signingCapacity'] as const) if (got[k].value !== null) expect(got[k].page, explain(doc, k, got[k])).toBe(doc.signerPage);
      }),
      { numRuns: 40 },
    );
  }, timeoutFor(40));

  it('never returns a number or date cited in the body, or a stamp’s, as the document’s own', () => {
    fc.assert(
      fc.property(ocrDocumentArb({ slips: SLIPS }), (doc) => {
        const got = read(doc);
        const numbers = doc.decoys.numbers.filter((n) => n !== doc.expected.numberSymbol);
        const dates = doc.decoys.dates.filter((d) => d !== doc.expected.documentDate);
        expect(numbers, explain(doc, 'numberSymbol', got.numberSymbol)).not.toContain(got.numberSymbol.value);
        expect(dates, explain(doc, 'documentDate', got.documentDate)).not.toContain(got.documentDate.value);
      }),
      { numRuns: 80 },
    );
  }, timeoutFor(80));

  it('is never confidently wrong: a value given with confidence ≥ 0.9 is the generated one, slips or not', () => {
    fc.assert(
      fc.property(fc.oneof(ocrDocumentArb(), ocrDocumentArb({ slips: SLIPS, maxSlips: 3 })), (doc) => {
        const got = read(doc);
        for (const k of FIELDS) {
          const f = got[k];
          if (f.value === null || f.confidence < SURE) continue;
          expect(f.value, explain(doc, k, f)).toEqual(doc.expected[k]);
        }
      }),
      { numRuns: 90 },
    );
  }, timeoutFor(90));

  it('gives a field a slip damaged right or null with a reason, and every exact field it did not damage right', () => {
    fc.assert(
      fc.property(ocrDocumentArb({ slips: SLIPS }), (doc) => {
        const got = read(doc);
        for (const k of doc.damaged) {
          const f = got[k];
          const ok = JSON.stringify(f.value) === JSON.stringify(doc.expected[k]) || (f.value === null && !!f.reason) || f.confidence < SURE;
          expect(ok, explain(doc, k, f)).toBe(true);
        }
        for (const k of EXACT) if (!doc.damaged.has(k)) expect(got[k].value, explain(doc, k, got[k])).toEqual(doc.expected[k]);
      }),
      { numRuns: 70 },
    );
  }, timeoutFor(70));

  it('never reads a secret document as not secret: a mark generated, even misread, gives its level or null with a reason', () => {
    fc.assert(
      fc.property(
        ocrDocumentArb({ slips: SLIPS, maxSlips: 3 }).filter((d) => d.expected.secrecy !== null),
        (doc) => {
          const s = read(doc).secrecy;
          const ok = s.value === doc.expected.secrecy || (s.value === null && !!s.reason);
          expect(ok, explain(doc, 'secrecy', s)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  }, timeoutFor(50));

  it('tells the family from the motto, and from the symbol’s grammar when the motto is misread', () => {
    fc.assert(
      fc.property(ocrDocumentArb({ slips: ['drop-mark-motto'] }), (doc) => {
        const got = read(doc).system;
        expect(got.value, explain(doc, 'system', got)).toBe(doc.expected.system);
      }),
      { numRuns: 40 },
    );
  }, timeoutFor(40));
});
