/**
 * The cloud function that issues documents carries its fonts: the renderer and signer are
 * bundled by CDK itself (DaumoiFunction: the esbuild options every function gets, local
 * esbuild) with the files the API stack gives the registers function, copied out of the
 * repository (no node_modules above it on the path), and run in a child node process: the PDF
 * it makes is signed (poppler's pdfsig) and its fonts embedded (pdffonts). The same bundle
 * without those files cannot render, as the registers function could not before.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_RUNTIME_FILES } from '../../infra/stacks/api-stack';
import { pdfText } from '../support/documents';
import { bundleFunction, runBundle } from './lambda-bundle';

const ENTRY = 'test/infra/bundles/render-and-sign.ts';

describe('the registers function bundle renders and signs', () => {
  it('is given the renderer’s fonts', () => {
    for (const fn of ['registers', 'exchange'] as const) expect(API_RUNTIME_FILES[fn]?.filter((f) => f.endsWith('.ttf')), fn).toHaveLength(4);
  });

  it('with its runtime files: a signed PDF with embedded fonts, from a child process outside the repository', async () => {
    const asset = bundleFunction(ENTRY, { runtimeFiles: API_RUNTIME_FILES.registers });
    const done = runBundle(asset);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    const pdf = Buffer.from(done.stdout, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(asset, 'out.pdf');
    writeFileSync(file, pdf);
    const sig = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
    expect(sig).toMatch(/Signature Validation: Signature is Valid/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/Tinos-Regular/);
    expect(fonts.split('\n').slice(2).filter((l) => l.trim()).every((l) => / yes /.test(l))).toBe(true);
    expect(await pdfText(pdf)).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('without them: the bundle cannot find the fonts', () => {
    const done = runBundle(bundleFunction(ENTRY));
    expect(done.status).not.toBe(0);
    expect(done.stderr).toMatch(/Tinos_400Regular\.ttf/);
  });
});
