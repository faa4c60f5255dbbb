/**
 * GET /v1/scans/{scanId}/original: a short-lived URL of the file as uploaded, for whoever may see the
 * scan in full (clearance as everywhere: 404 above it, also for a clerk who sees the scan's summary
 * only); 409 before the upload and for a quarantined scan. The file is uploaded through its presigned
 * PUT to the embedded S3 (which checks signatures as S3 does) and read back through the URL.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { craftedToken } from '../support/drafts-api';
import { startAndUpload } from './scans-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const scans = await composed('scans');
const auditHandler = await composed('audit');
const { DynamoScanStore } = await import('../../shared/scans/adapters/dynamo-scan-store');
const { documentClient } = await import('../../shared/platform/aws/dynamodb-client');
const { tableName } = await import('../../shared/platform/aws/tables');
type Secrecy = import('../../shared/platform/security').Secrecy;

const store = new DynamoScanStore(documentClient(), tableName('Data'));
const t: Record<string, string> = {};

/** A file of its own (PNG signature, random bytes after it), uploaded and finished `done` with this secrecy, as OCR leaves it. */
async function readScan(secrecy: Secrecy | null): Promise<{ scanId: string; bytes: Uint8Array }> {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(64)]);
  const scanId = await startAndUpload(scans, bytes, 'image/png', 'cong-van.png');
  const claim = await store.claimJob(scanId, `${scanId}#v1`, { now: new Date(), leaseMs: 60_000 });
  if (!claim.claimed) throw new Error('claim failed');
  await store.finishJob(
    claim.job,
    { status: 'done', upload: { etag: null, versionId: null, size: bytes.length, detectedType: 'png', receivedAt: new Date().toISOString() }, pages: 1, textKey: `ocr/${scanId}.json`, fields: {} as never, lowConfidence: [], secrecy, urgency: null, engine: 'tesseract' },
    new Date(),
  );
  return { scanId, bytes };
}

const original = (scanId: string, token: string) => invoke(scans, { method: 'GET', path: `/v1/scans/${scanId}/original`, token });

async function download(url: string): Promise<{ status: number; bytes: Uint8Array }> {
  const r = await fetch(url);
  return { status: r.status, bytes: new Uint8Array(await r.arrayBuffer()) };
}

beforeAll(async () => {
  for (const u of ['vanthu', 'chuyenvien', 'chuyenvien2', 'chanhvp', 'bithu', 'admin']) t[u] = await tokenFor(u);
  t.clerkNone = await craftedToken('van-thu-khong-mat', ['van-thu'], { 'custom:clearance': 'none' });
  t.adminMat = await craftedToken('quan-tri-mat', ['admin'], { 'custom:clearance': 'mat' });
});

describe('GET /v1/scans/{scanId}/original', () => {
  it('gives the clerk and the office a URL of exactly the bytes uploaded, for five minutes', async () => {
    const { scanId, bytes } = await readScan(null);
    for (const who of ['vanthu', 'chuyenvien2', 'chanhvp']) {
      const r = await original(scanId, t[who]!);
      expect(r.status, who).toBe(200);
      expect(r.body).toMatchObject({ scanId, fileName: 'cong-van.png', contentType: 'image/png', size: bytes.length });
      const left = Date.parse(r.body.expiresAt) - Date.now();
      expect(left).toBeGreaterThan(4 * 60_000);
      expect(left).toBeLessThanOrEqual(5 * 60_000 + 1000);
      const got = await download(r.body.downloadUrl);
      expect(got.status).toBe(200);
      expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it.each([
    ['chuyenvien', 'mat', 200],
    ['vanthu', 'mat', 200],
    ['chuyenvien2', 'mat', 404],
    ['clerkNone', 'mat', 404],
    ['chanhvp', 'toi-mat', 200],
    ['chuyenvien', 'toi-mat', 404],
    ['chanhvp', 'tuyet-mat', 404],
    ['bithu', 'tuyet-mat', 200],
  ] as const)('%s asking for the file of a %s scan → %i', async (who, secrecy, status) => {
    const { scanId } = await readScan(secrecy);
    const r = await original(scanId, t[who]!);
    expect(r.status).toBe(status);
    if (status === 404) expect(JSON.stringify(r.body)).not.toMatch(/downloadUrl|X-Amz/);
  });

  it('a clerk below the scan’s secrecy sees its summary, never its file', async () => {
    const { scanId } = await readScan('mat');
    expect((await invoke(scans, { method: 'GET', path: `/v1/scans/${scanId}`, token: t.clerkNone! })).status).toBe(200);
    expect((await original(scanId, t.clerkNone!)).status).toBe(404);
  });

  it('the URL opens this scan’s file only: pointed at another scan, storage refuses it', async () => {
    const a = await readScan(null);
    const b = await readScan('mat');
    const r = await original(a.scanId, t.chuyenvien2!);
    const forged = r.body.downloadUrl.replace(a.scanId, b.scanId);
    expect(forged).not.toBe(r.body.downloadUrl);
    expect((await download(forged)).status).toBe(403);
  });

  it('before the upload it is a 409 saying so; an unknown scan is a 404', async () => {
    const created = await invoke(scans, { method: 'POST', path: '/v1/scans', token: t.vanthu!, body: { fileName: 'x.pdf', contentType: 'application/pdf', size: 10 } });
    const r = await original(created.body.scanId, t.vanthu!);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('SCAN_NOT_UPLOADED');
    expect((await original('01JNOSUCHSCAN0000000000000', t.bithu!)).status).toBe(404);
  });

  it('each reading of the file is in the audit log: who read which scan; a refused one is not', async () => {
    const plain = await readScan(null);
    const secret = await readScan('mat');
    expect((await original(plain.scanId, t.chuyenvien2!)).status).toBe(200);
    expect((await original(plain.scanId, t.vanthu!)).status).toBe(200);
    expect((await original(secret.scanId, t.chuyenvien!)).status).toBe(200);
    expect((await original(secret.scanId, t.chuyenvien2!)).status).toBe(404);
    const reads = async (scanId: string, token: string) => {
      const r = await invoke(auditHandler, { method: 'GET', path: '/v1/audit', token, query: { entityId: scanId } });
      expect(r.status).toBe(200);
      return (r.body.items as { action: string; entityType: string; entityId: string; actor: { username: string } }[]).filter((e) => e.action === 'scan.original.read');
    };
    const plainReads = await reads(plain.scanId, t.admin!);
    expect(plainReads.map((e) => e.actor.username).sort()).toEqual(['chuyenvien2', 'vanthu']);
    expect(plainReads.every((e) => e.entityType === 'scan' && e.entityId === plain.scanId)).toBe(true);
    // The Mật scan's reading: one (the refused one left none), seen by an admin cleared for Mật only.
    expect((await reads(secret.scanId, t.adminMat!)).map((e) => e.actor.username)).toEqual(['chuyenvien']);
    expect(await reads(secret.scanId, t.admin!)).toEqual([]);
  });

  it('a quarantined scan (Tối mật / Tuyệt mật) has no file to give: 409 even with clearance', async () => {
    const { scanId } = await readScan(null);
    await store.quarantine(scanId, { secrecy: 'toi-mat', quarantine: { secrecy: 'toi-mat', action: 'moved', objectKey: `quarantine/${scanId}`, at: new Date().toISOString() } }, new Date());
    const r = await original(scanId, t.bithu!);
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.body)).not.toMatch(/downloadUrl/);
  });
});
