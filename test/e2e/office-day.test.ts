/**
 * The README's "An office day" runs as written: its shell blocks, taken out of README.md in order,
 * run with bash against `npm start` with the demo data (DAUMOI_DEMO=1), in the environment the
 * banner's token command names (DAUMOI_DATA_DIR, PORT). What they print is checked line by line.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../local/paths';
import { removeDir, startOffice, type Office } from '../support/e2e';

/** The ```sh blocks of a README section, in order. */
export function shellBlocks(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no section "## ${heading}"`);
  const next = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

function runBash(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `set -euo pipefail\n${script}`], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('README: An office day', () => {
  let office: Office;
  let run: { code: number | null; stdout: string; stderr: string };
  let lines: unknown[];
  const blocks = shellBlocks(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'), 'An office day');

  beforeAll(async () => {
    office = await startOffice({ env: { DAUMOI_DEMO: '1' } });
    const t0 = Date.now();
    while (!office.output().includes('the embedded office is up')) {
      if (Date.now() - t0 > 90_000) throw new Error(`no banner after 90 s:\n${office.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // A newcomer's shell, with what the banner's token command names exported.
    const env: NodeJS.ProcessEnv = { ...process.env, DAUMOI_DATA_DIR: office.dataDir, PORT: String(office.port) };
    for (const k of ['DAUMOI_DEMO', 'DAUMOI_TEST_HOOKS']) delete env[k];
    expect(office.output()).toContain(`DAUMOI_DATA_DIR=${office.dataDir} PORT=${office.port} npm run --silent token -- vanthu`);
    run = await runBash(blocks.join('\n'), env);
    lines = run.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        try {
          return JSON.parse(l) as unknown;
        } catch {
          return l;
        }
      });
  }, 300_000);
  afterAll(async () => {
    await office?.stop();
    if (office) removeDir(office.dataDir);
  });

  it('has its steps as shell blocks, and bash runs them all without an error', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    expect({ code: run.code, stderr: run.stderr.split('\n').filter((l) => l && !/NodeVersionSupportWarning|node >=22|a\.co\/|trace-warnings|^\s*$|AWS SDK|versions published|To continue|security updates|More information/.test(l)) }).toEqual({ code: 0, stderr: [] });
  });

  it('prints what each step promises, in order', () => {
    const banner = office.output();
    const client = /client_id=(\w+)/.exec(banner)?.[1];
    const demo = JSON.parse(readFileSync(path.join(office.dataDir, 'demo.json'), 'utf8')) as { client: { clientId: string } };
    expect(demo.client.clientId).toBe(client); // the README's client is the banner's
    const period = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
    expect(lines).toEqual([
      'upload: 200',
      { status: 'done', numberSymbol: '141-KL/ĐUK', typeCode: 'KL', documentDate: '2024-02-16' },
      { arrivalNumber: expect.any(Number), numberSymbol: '141-KL/ĐUK', status: 'registered', version: 1 },
      { status: 'assigned', handler: 'chuyenvien', version: 2 },
      // The demo's Khẩn letter is assigned to the specialist, a person who can act on it.
      expect.arrayContaining(['15-CV/BTCTU', '141-KL/ĐUK']),
      { status: 'in-progress', version: 3 },
      { status: 'done', version: 4 },
      { refused: expect.stringMatching(/^(WRONG_ROLE|FOUR_EYES|FORBIDDEN)$/) },
      { status: 'approval' },
      { refused: expect.stringMatching(/^(WRONG_ROLE|FOUR_EYES|FORBIDDEN)$/) },
      { status: expect.stringMatching(/^(approval|issued)$/) },
      { status: 'issued', numberSymbol: '1-NQ/TU' },
      { orgId: 'dang-uy-xa-an-binh', period, version: 1, onTime: true },
      expect.arrayContaining([{ orgId: 'dang-uy-xa-an-binh', status: 'submitted' }, { orgId: 'dang-uy-xa-tan-phu', status: 'missing' }]),
      [
        { actor: 'vanthu', action: 'register.register' },
        { actor: 'vanthu', action: 'register.update' },
        { actor: 'chuyenvien', action: 'register.update' },
        { actor: 'chuyenvien', action: 'register.update' },
      ],
      { ok: true, problems: [] },
    ]);
  });
});
