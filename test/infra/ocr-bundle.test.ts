/**
 * The OCR worker's bundle reads scans on its own: the engine it composes is bundled by CDK with
 * the OCR stack's bundling (the runtime packages copied into the asset) and run in a child node
 * outside the repository, on a picture of an issued document and on a PDF of two pages holding
 * only that picture (pdf.js and the canvas binding draw its pages; the second is read with the
 * faster model copied next to the bundle). The words of the document come back from every page.
 * The same bundle without the runtime packages cannot read, nor a later page without the faster model.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dependencyClosure, FAST_MODEL_DIR, ocrBundling, OCR_RUNTIME_PACKAGES } from '../../infra/stacks/ocr-stack';
import { renderPdf } from '../../shared/documents/index';
import { RESOLUTION } from '../support/documents';
import { expectedWords, recall, words } from '../support/page-words';
import { bundleFunction, runBundle } from './lambda-bundle';

const ENTRY = 'test/infra/bundles/ocr-read.ts';
const files = { png: '', pdf: '' };
const dir = mkdtempSync(path.join(tmpdir(), 'scansig-ocr-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  writeFileSync(path.join(dir, 'issued.pdf'), await renderPdf(RESOLUTION));
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', '-singlefile', path.join(dir, 'issued.pdf'), path.join(dir, 'page')]);
  files.png = path.join(dir, 'page.png');
  const scanned = await PDFDocument.create();
  const image = await scanned.embedPng(readFileSync(files.png));
  for (let i = 0; i < 2; i++) scanned.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  files.pdf = path.join(dir, 'scanned.pdf');
  writeFileSync(files.pdf, await scanned.save());
});

describe('the OCR worker bundle', () => {
  it('reads a picture and a scanned PDF from a child process outside the repository', () => {
    const asset = bundleFunction(ENTRY, { timeout: Duration.seconds(300), bundling: ocrBundling(dependencyClosure(OCR_RUNTIME_PACKAGES)) });
    const expected = expectedWords(RESOLUTION);
    for (const [file, contentType, pages] of [
      [files.png, 'image/png', 1],
      [files.pdf, 'application/pdf', 2],
    ] as const) {
      const done = runBundle(asset, { file, contentType });
      expect(done.status, done.stderr).toBe(0);
      const read = JSON.parse(done.stdout) as { engine: string; pages: string[] };
      expect(read.engine).toBe('tesseract');
      expect(read.pages).toHaveLength(pages);
      for (const [i, page] of read.pages.entries()) expect(recall(expected, new Set(words(page))), `${contentType} page ${i + 1}`).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('without the faster model copied next to it, cannot read a page after the first', () => {
    const runtime = dependencyClosure(OCR_RUNTIME_PACKAGES);
    const full = ocrBundling(runtime);
    const withoutModel = { ...full, commandHooks: { ...full.commandHooks, afterBundling: (i: string, o: string) => full.commandHooks.afterBundling(i, o).filter((c) => !c.includes(FAST_MODEL_DIR)) } };
    const asset = bundleFunction(ENTRY, { timeout: Duration.seconds(300), bundling: withoutModel });
    const done = runBundle(asset, { file: files.pdf, contentType: 'application/pdf' });
    expect(done.status).not.toBe(0);
    expect(done.stderr).toMatch(/tessdata-fast/);
  });

  it('without its runtime packages copied, cannot read', () => {
    const runtime = dependencyClosure(OCR_RUNTIME_PACKAGES);
    const asset = bundleFunction(ENTRY, { bundling: { externalModules: ocrBundling(runtime).externalModules } });
    const done = runBundle(asset, { file: files.png, contentType: 'image/png' });
    expect(done.status).not.toBe(0);
    expect(done.stderr).toMatch(/Cannot find (package|module) '(tesseract\.js|pdfjs-dist|@napi-rs\/canvas)/);
  });
});
