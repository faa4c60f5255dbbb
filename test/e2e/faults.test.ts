/**
 * Faults on an embedded office of its own (data on disk, HTTP gateway): DynamoDB Local stopped
 * in the middle of a load, the OCR worker killed mid-page, s3rver down. Scenarios in
 * test/support/faults.ts; the reliability bench runs the same ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type Embedded } from '../../local/embedded';
import { dynamoOutageUnderLoad, ocrWorkerKilledMidPage, s3DownOnUploadUrl, type FaultResult } from '../support/faults';

let office: Embedded;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-faults-'));
  office = await startEmbedded({ dataDir: dir, port: 0, plugins: false });
});
afterAll(async () => {
  await office?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function expectHeld(r: FaultResult): void {
  console.info(`${r.name}:\n  ${r.lines.join('\n  ')}`);
  expect(r.lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
  expect(r.passed).toBe(true);
}

describe('faults, embedded', () => {
  it('DynamoDB Local stopped under a load of registrations: 503s, never 500, nothing half-written after it is back', async () => {
    expectHeld(await dynamoOutageUnderLoad(office));
  });

  it('the OCR worker killed mid-page: the event delivered again completes the scan', async () => {
    expectHeld(await ocrWorkerKilledMidPage(office));
  });

  it('s3rver down: asking for an upload URL fails cleanly and stores nothing', async () => {
    expectHeld(await s3DownOnUploadUrl(office, dir));
  });
});
