/**
 * Every test file writes its temporary files (CDK's cdk.out…, signing keys, bundles, browser
 * profiles, rendered PDFs; its child processes too) under a directory of its own, removed when the
 * file is done: none pile up in the machine's /tmp run after run (a full run left ~1 GB there).
 * Node's os.tmpdir() reads TMPDIR at each call. Hooks run in stack order, so this afterAll runs
 * after the file's own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'daumoi-test-'));
process.env.TMPDIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
