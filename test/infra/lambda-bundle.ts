/**
 * A handler bundled by CDK itself as a daumoi function (DaumoiFunction: the esbuild options
 * every function gets, local esbuild, its command hooks), into a directory outside the
 * repository, and run there in a child node process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, expect } from 'vitest';
import { DaumoiFunction, type DaumoiFunctionProps } from '../../infra/constructs/daumoi-function';
import { REPO_ROOT } from '../../infra/constructs/repo-root';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The entry bundled with these props; its asset directory, with no node_modules above it. */
export function bundleFunction(entryFile: string, props: Omit<DaumoiFunctionProps, 'entryFile'> = {}): string {
  const outdir = mkdtempSync(path.join(tmpdir(), 'scansig-bundle-'));
  dirs.push(outdir);
  const app = new App({ outdir });
  new DaumoiFunction(new Stack(app, 'Bundle'), 'Fn', { entryFile, ...props });
  app.synth();
  const assets = readdirSync(outdir).filter((d) => d.startsWith('asset.') && statSync(path.join(outdir, d)).isDirectory());
  expect(assets).toHaveLength(1);
  const asset = path.join(outdir, assets[0]!);
  for (let d = path.dirname(asset); d !== path.dirname(d); d = path.dirname(d)) expect(existsSync(path.join(d, 'node_modules')), d).toBe(false);
  return asset;
}

/**
 * Runs the bundle's `handler(arg)` in a child node, with no NODE_PATH and nothing of the
 * repository's to resolve from but the AWS SDK, which Lambda's Node.js runtime provides (the
 * bundles leave @aws-sdk/* out): it is linked in as the runtime would offer it. Stdout is what
 * the handler returns.
 */
export function runBundle(asset: string, arg: unknown = null) {
  mkdirSync(path.join(asset, 'node_modules'), { recursive: true });
  const sdk = path.join(asset, 'node_modules', '@aws-sdk');
  if (!existsSync(sdk)) symlinkSync(realpathSync(path.join(REPO_ROOT, 'node_modules', '@aws-sdk')), sdk);
  const script = `import('./index.mjs').then((m) => m.handler(${JSON.stringify(arg)})).then((out) => process.stdout.write(out))`;
  const env = { PATH: process.env.PATH ?? '', HOME: tmpdir() };
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: asset, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
}
