/**
 * `npm run --silent token -- <user>` finds the running office whatever data directory it was
 * started with, or refuses loudly: it never prints a token the office answers 401 to. The
 * banner of `npm start` prints the exact command, with the DAUMOI_DATA_DIR and PORT it uses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { REPO_ROOT } from '../../local/paths';
import { freePort } from '../../local/tcp-ports';
import { removeDir, startOffice, type Office } from '../support/e2e';

/** The environment of a newcomer's shell: neither DAUMOI_DATA_DIR nor PORT unless given. */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DAUMOI_DATA_DIR;
  delete env.PORT;
  return { ...env, ...extra };
}

/** Runs a command line with bash in the repository, as a user types it. */
function bash(line: string, extra: Record<string, string> = {}) {
  const r = spawnSync('bash', ['-c', line], { cwd: REPO_ROOT, env: shellEnv(extra), encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

const tokenCli = (user: string, extra: Record<string, string>) => bash(`node --import tsx local/token-cli.ts ${user}`, extra);

describe('npm run token, with the office started on its own data directory and port', () => {
  let office: Office;
  const emptyDirs: string[] = [];
  const emptyDir = () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'daumoi-token-empty-'));
    emptyDirs.push(d);
    return d;
  };
  const status = async (token: string) => (await fetch(`${office.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;

  beforeAll(async () => {
    office = await startOffice();
  });
  afterAll(async () => {
    await office.stop();
    removeDir(office.dataDir);
    for (const d of emptyDirs) removeDir(d);
  });

  it('the banner prints the exact command, and that command gives a token the office accepts', async () => {
    const printed = /TOKEN=\$\((.+)\)/.exec(office.output())?.[1];
    expect(printed).toBe(`DAUMOI_DATA_DIR=${office.dataDir} PORT=${office.port} npm run --silent token -- vanthu`);
    const r = bash(printed!);
    expect(r.status).toBe(0);
    expect(await status(r.stdout)).toBe(200);
  });

  it('the banner names the embedded S3 endpoint, its bucket and keys, and they open the bucket', async () => {
    const m = /S3 {8}(http:\/\/127\.0\.0\.1:\d+) {3}bucket (\S+), path-style, access key (\S+), secret (\S+) /.exec(office.output());
    expect(m).not.toBeNull();
    const [, endpoint, bucket, accessKeyId, secretAccessKey] = m!;
    const s3 = new S3Client({ endpoint, forcePathStyle: true, region: 'ap-southeast-1', credentials: { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey! } });
    try {
      expect((await s3.send(new HeadBucketCommand({ Bucket: bucket }))).$metadata.httpStatusCode).toBe(200);
    } finally {
      s3.destroy();
    }
  });

  it('with DAUMOI_DATA_DIR alone, finds the port of the office running on that directory', async () => {
    const r = tokenCli('chuyenvien', { DAUMOI_DATA_DIR: office.dataDir });
    expect(r.status).toBe(0);
    expect(await status(r.stdout)).toBe(200);
  });

  it('with PORT alone (no DAUMOI_DATA_DIR), signs in at the office on that port and says it keeps its data elsewhere', async () => {
    const r = tokenCli('vanthu', { PORT: String(office.port) });
    expect(r.status).toBe(0);
    expect(await status(r.stdout)).toBe(200);
    expect(r.stderr).toContain(`signed in at the office on ${office.url}`);
  });

  it('with a DAUMOI_DATA_DIR that is not that office\'s, refuses and prints no token', () => {
    const other = emptyDir();
    const r = tokenCli('vanthu', { DAUMOI_DATA_DIR: other, PORT: String(office.port) });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`the office at ${office.url} is not the office of DAUMOI_DATA_DIR=${other}`);
  });

  it('with no office answering and no keys in the data directory, refuses and prints no token', async () => {
    const other = emptyDir();
    const port = await freePort();
    const r = tokenCli('vanthu', { DAUMOI_DATA_DIR: other, PORT: String(port) });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`no office answers at http://127.0.0.1:${port}, and ${other} holds no signing keys`);
  });

  it('--expired gives a token of the office\'s keys that it answers 401 to, as expired', async () => {
    const r = bash(`node --import tsx local/token-cli.ts vanthu --expired`, { DAUMOI_DATA_DIR: office.dataDir });
    expect(r.status).toBe(0);
    const res = await fetch(`${office.url}/v1/me`, { headers: { authorization: `Bearer ${r.stdout}` } });
    expect(res.status).toBe(401);
    expect(JSON.stringify(await res.json())).toMatch(/expired/i);
  });
});
