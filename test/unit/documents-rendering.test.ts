/**
 * An issued PDF as a recipient's viewer draws it: poppler's pdftoppm (not our code, not pdf.js)
 * renders each page and the real tesseract.js (Vietnamese) reads the picture back. The words of
 * the document (header, title, subject, body, signer, recipients) must be found in what is read:
 * a font whose embedded glyphs are broken draws nothing for them (the text layer still reads,
 * so pdfjs's text alone cannot tell), and the words drop out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf, renderSignedPdf, selfSignedSigner } from '../../shared/documents/index';
import { LETTER, RESOLUTION } from '../support/documents';
import { expectedWords, recall, vieReader, words, wordsSeen } from '../support/page-words';

let worker: Worker;
const dir = mkdtempSync(join(tmpdir(), 'scansig-render-'));
beforeAll(async () => {
  worker = await vieReader();
}, 60_000);
afterAll(async () => {
  await worker?.terminate();
  rmSync(dir, { recursive: true, force: true });
});

/** Every page drawn by poppler at 200 dpi, read by tesseract, as one set of words. */
async function seenByPoppler(pdf: Uint8Array, name: string): Promise<Set<string>> {
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', join(dir, `${name}.pdf`), join(dir, name)]);
  const pages = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort();
  expect(pages.length).toBeGreaterThan(0);
  return wordsSeen(worker, pages.map((p) => readFileSync(join(dir, p))));
}

describe('issued PDFs as another renderer draws them', () => {
  const signer = selfSignedSigner({ commonName: 'Văn phòng Tỉnh ủy Hưng Yên', organisation: 'Tỉnh ủy Hưng Yên' }, 'RSA', new Date('2026-01-01T00:00:00Z'));
  const at = new Date('2026-02-06T02:05:00Z');
  it.each([
    ['nghị quyết, signed', RESOLUTION, true],
    ['công văn, signed', LETTER, true],
    ['nghị quyết, unsigned (secret documents, previews)', { ...RESOLUTION, secrecy: 'mat' as const }, false],
  ])('%s: the words of the document are read back from poppler’s picture of it', async (name, doc, signed) => {
    const pdf = signed ? await renderSignedPdf(doc, await signer, { at }) : await renderPdf(doc, { now: at });
    const expected = expectedWords(doc);
    expect(expected.length).toBeGreaterThan(30);
    const seen = await seenByPoppler(pdf, name.replace(/[^a-z]+/g, '-'));
    const missing = expected.filter((w) => !seen.has(w));
    expect(recall(expected, seen), `not read: ${missing.join(' ')}`).toBeGreaterThanOrEqual(0.9);
    for (const w of words('ĐẢNG CỘNG SẢN VIỆT NAM')) expect(seen).toContain(w);
  }, 90_000);
});
