/**
 * The OCR worker's bundle reads scans on its own: the engine it composes is bundled by CDK with
 * the OCR stack's bundling (the runtime packages copied into the asset) and run in a child node
 * outside the repository, on a picture of an issued document and on a PDF holding only that
 * picture (pdf.js and the canvas binding draw its page). The words of the document come back.
 * The same bundle without the runtime packages cannot read.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dependencyClosure, ocrBundling, OCR_RUNTIME_PACKAGES } from '../../infra/stacks/ocr-stack';
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
  scanned.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  files.pdf = path.join(dir, 'scanned.pdf');
  writeFileSync(files.pdf, await scanned.save());
});

describe('the OCR worker bundle', () => {
  it('reads a picture and a scanned PDF from a child process outside the repository', () => {
    const asset = bundleFunction(ENTRY, { timeout: Duration.seconds(300), bundling: ocrBundling(dependencyClosure(OCR_RUNTIME_PACKAGES)) });
    const expected = expectedWords(RESOLUTION);
    for (const [file, contentType] of [
      [files.png, 'image/png'],
      [files.pdf, 'application/pdf'],
    ] as const) {
      const done = runBundle(asset, { file, contentType });
      expect(done.status, done.stderr).toBe(0);
      const read = JSON.parse(done.stdout) as { engine: string; pages: string[] };
      expect(read.engine).toBe('tesseract');
      expect(read.pages).toHaveLength(1);
      const seen = new Set(words(read.pages.join('\n')));
      expect(recall(expected, seen), contentType).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('without its runtime packages copied, cannot read', () => {
    const runtime = dependencyClosure(OCR_RUNTIME_PACKAGES);
    const asset = bundleFunction(ENTRY, { bundling: { externalModules: ocrBundling(runtime).externalModules } });
    const done = runBundle(asset, { file: files.png, contentType: 'image/png' });
    expect(done.status).not.toBe(0);
    expect(done.stderr).toMatch(/Cannot find (package|module) '(tesseract\.js|pdfjs-dist|@napi-rs\/canvas)/);
  });
});
