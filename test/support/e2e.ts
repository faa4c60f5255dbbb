/** For end-to-end tests: runs `npm start` as a separate process on a free port with a fresh data dir. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../local/tcp-ports';
import { REPO_ROOT } from '../../local/paths';

export interface Office {
  url: string;
  dataDir: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  token(username: string, flag?: string): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startOffice(opts: { dataDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<Office> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'daumoi-e2e-'));
  const port = opts.port ?? (await freePort());
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: REPO_ROOT,
    // No demo data unless a test asks for it (DAUMOI_DEMO=1): the tests count what they make.
    env: { ...process.env, PORT: String(port), DAUMOI_DATA_DIR: dataDir, DAUMOI_TEST_HOOKS: '1', DAUMOI_DEMO: '0', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/v1/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`npm start did not answer within 90 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    port,
    process: child,
    output: () => out,
    token(username, flag) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'local/token-cli.ts', username, ...(flag ? [flag] : [])], {
        cwd: REPO_ROOT,
        env: { ...process.env, DAUMOI_DATA_DIR: dataDir, PORT: String(port) },
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`token CLI failed: ${r.stderr}`);
      return r.stdout.trim();
    },
    async stop(signal = 'SIGINT') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
