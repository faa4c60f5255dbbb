/**
 * Integration tests: one DynamoDB Local (in memory) and one s3rver per run, with the tables
 * created from the same declarations as the cloud. Test files read the environment it sets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbedded, type Embedded } from '../../local/embedded';

let office: Embedded | undefined;
let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-it-'));
  office = await startEmbedded({ dataDir: dir, inMemory: true, plugins: false });
  project.provide('embeddedEnv', office.env);
}

export async function teardown(): Promise<void> {
  await office?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedEnv: Record<string, string>;
  }
}
