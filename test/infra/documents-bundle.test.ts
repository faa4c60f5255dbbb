/**
 * The cloud function that issues documents carries its fonts: the renderer and signer are
 * bundled by CDK itself (DaumoiFunction: the esbuild options every function gets, local
 * esbuild) with the files the API stack gives the registers function, copied out of the
 * repository (no node_modules above it on the path), and run in a child node process: the PDF
 * it makes is signed (poppler's pdfsig) and its fonts embedded (pdffonts). The same bundle
 * without those files cannot render, as the registers function could not before.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { DaumoiFunction } from '../../infra/constructs/daumoi-function';
import { REPO_ROOT } from '../../infra/constructs/repo-root';
import { API_RUNTIME_FILES } from '../../infra/stacks/api-stack';
import { pdfText } from '../support/documents';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The entry bundled by CDK as a daumoi function, its asset directory (outside the repository). */
function bundle(runtimeFiles: readonly string[] | undefined): string {
  const outdir = mkdtempSync(path.join(tmpdir(), 'scansig-bundle-'));
  dirs.push(outdir);
  const app = new App({ outdir });
  new DaumoiFunction(new Stack(app, 'Bundle'), 'RenderAndSign', { entryFile: 'test/infra/bundles/render-and-sign.ts', runtimeFiles });
  app.synth();
  const assets = readdirSync(outdir).filter((d) => d.startsWith('asset.') && statSync(path.join(outdir, d)).isDirectory());
  expect(assets).toHaveLength(1);
  return path.join(outdir, assets[0]!);
}

/**
 * Runs the bundle's handler in a child node, with no NODE_PATH and nothing of the repository's
 * to resolve from but the AWS SDK, which Lambda's Node.js runtime provides (the bundles leave
 * @aws-sdk/* out): it is linked in as the runtime would offer it.
 */
function run(asset: string) {
  mkdirSync(path.join(asset, 'node_modules'), { recursive: true });
  symlinkSync(realpathSync(path.join(REPO_ROOT, 'node_modules', '@aws-sdk')), path.join(asset, 'node_modules', '@aws-sdk'));
  const script = `import('./index.mjs').then((m) => m.handler()).then((b64) => process.stdout.write(b64))`;
  const env = { PATH: process.env.PATH ?? '', HOME: tmpdir() };
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: asset, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('the registers function bundle renders and signs', () => {
  it('is given the renderer’s fonts', () => {
    expect(API_RUNTIME_FILES.registers?.filter((f) => f.endsWith('.ttf'))).toHaveLength(4);
  });

  it('with its runtime files: a signed PDF with embedded fonts, from a child process outside the repository', async () => {
    const asset = bundle(API_RUNTIME_FILES.registers);
    expect(asset.startsWith(tmpdir())).toBe(true);
    for (let d = asset; d !== path.dirname(d); d = path.dirname(d)) if (d !== asset) expect(existsSync(path.join(d, 'node_modules'))).toBe(false);
    const done = run(asset);
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
    const done = run(bundle(undefined));
    expect(done.status).not.toBe(0);
    expect(done.stderr).toMatch(/Tinos_400Regular\.ttf/);
  });
});
