/**
 * The OCR worker's limits against s3rver, DynamoDB Local and the real engine (tesseract.js):
 * the object's size is checked (HeadObject) before a byte of it is read; decompression bombs
 * and PDFs of too many pages fail with the reason, the file is kept, and the worker goes on;
 * PDF pages come one at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { fixture, objectExists, startAndUpload } from './scans-support';
import { jpegClaiming, pdfOfPages, pdfWithImage, pngBomb, tiffClaiming } from '../support/scan-bombs';
import { tiffOfClaims } from '../support/tiff';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const scans = await composed('scans');
const { officeParts } = await import('../support/parts');
const { ScanService } = await import('../../shared/scans/app/scan-service');
const { DynamoScanStore } = await import('../../shared/scans/adapters/dynamo-scan-store');
const { tableName } = await import('../../shared/platform/aws/tables');
const { TesseractEngine } = await import('../../shared/scans/adapters/ocr/tesseract');
const { pdfPages } = await import('../../shared/scans/adapters/ocr/pdf');
const { scanReaderOf } = await import('../../shared/scans/ocr');
type BlobStore = import('../../shared/platform/files/blob-store').BlobStore;

const engine = new TesseractEngine({ poolSize: 1 });
const reads: string[] = [];
/** The real S3 blob store, noting every object read in full (GetObject). */
const counting = (): BlobStore => {
  const b = officeParts().blobs;
  return { ...b, checkAvailable: () => b.checkAvailable(), presignPut: (k, o) => b.presignPut(k, o), head: (k, o) => b.head(k, o), put: (k, x, t) => b.put(k, x, t), move: (f, t, o) => b.move(f, t, o), delete: (k, o) => b.delete(k, o), purge: (k) => b.purge(k), get: (k, o) => (reads.push(k), b.get(k, o)) };
};
let service: InstanceType<typeof ScanService>;
let clerk: string;

beforeAll(async () => {
  clerk = await tokenFor('vanthu');
  service = new ScanService({
    clock: officeParts().clock,
    scans: new DynamoScanStore(officeParts().db, tableName('Data')),
    blobs: counting(),
    registers: officeParts().registers,
    audit: officeParts().audit,
    reader: () => scanReaderOf(engine),
    quarantineAction: 'move',
  });
});
afterAll(() => engine.close());

/** The upload event s3rver would deliver for the object (its ETag and size). */
const notice = async (key: string) => {
  const h = await officeParts().blobs.head(key);
  return { bucket: null, key, size: h!.size, etag: h!.etag, versionId: null, sequencer: null };
};
const view = async (scanId: string) => (await invoke(scans, { method: 'GET', path: `/v1/scans/${scanId}`, token: clerk })).body;

describe('the object is sized before it is read', () => {
  it('an object over 50 MB, or other than the announced size, fails without a GetObject; the file is kept', async () => {
    for (const [announced, actual, code] of [
      [1000, 50 * 1024 * 1024 + 1, 'TOO_LARGE'],
      [1000, 2000, 'SIZE_MISMATCH'],
    ] as const) {
      const created = await invoke(scans, { method: 'POST', path: '/v1/scans', token: clerk, body: { fileName: 'big.pdf', contentType: 'application/pdf', size: announced } });
      const key = `scans/${created.body.scanId}`;
      // As if the bytes got there another way than the signed URL (which S3 would have refused).
      await officeParts().blobs.put(key, new Uint8Array(actual), 'application/pdf');
      reads.length = 0;
      const r = await service.processUpload(await notice(key));
      expect(r.outcome).toBe('failed');
      expect(reads).toEqual([]);
      const v = await view(created.body.scanId);
      expect(v).toMatchObject({ status: 'failed', failure: { code, reason: expect.stringContaining(String(actual)) } });
      expect(await objectExists(key)).toBe(true);
    }
  });
});

describe('decompression bombs and long PDFs fail with the reason; the worker goes on', () => {
  const cases = [
    { name: 'PNG 30000 × 30000 (valid, 1-bit)', bytes: pngBomb(), type: 'image/png', code: 'IMAGE_TOO_LARGE', says: /30000 × 30000 pixels/ },
    { name: 'JPEG claiming 30000 × 30000', bytes: jpegClaiming(), type: 'image/jpeg', code: 'IMAGE_TOO_LARGE', says: /30000 × 30000 pixels/ },
    { name: 'TIFF claiming 30000 × 30000', bytes: tiffClaiming(), type: 'image/tiff', code: 'IMAGE_TOO_LARGE', says: /30000 × 30000 pixels/ },
    { name: 'PDF holding a 30000 × 30000 image', bytes: pdfWithImage(), type: 'application/pdf', code: 'IMAGE_TOO_LARGE', says: /30000 × 30000 pixels/ },
    { name: 'PDF of 101 pages', bytes: pdfOfPages(101), type: 'application/pdf', code: 'TOO_MANY_PAGES', says: /101 pages; a scan may have at most 100/ },
    { name: 'TIFF of 101 pages', bytes: tiffOfClaims(Array.from({ length: 101 }, () => ({ width: 1654, height: 2339 }))), type: 'image/tiff', code: 'TOO_MANY_PAGES', says: /TIFF has 101 pages; a scan may have at most 100/ },
    { name: 'TIFF whose page 3 claims 30000 × 30000', bytes: tiffOfClaims([{ width: 1654, height: 2339 }, { width: 1654, height: 2339 }, { width: 30_000, height: 30_000 }]), type: 'image/tiff', code: 'IMAGE_TOO_LARGE', says: /Page 3 of the TIFF is an image of 30000 × 30000 pixels/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const rss = process.memoryUsage().rss;
      const t = Date.now();
      const scanId = await startAndUpload(scans, c.bytes, c.type, 'bomb');
      const r = await service.processUpload(await notice(`scans/${scanId}`));
      expect(r.outcome).toBe('failed');
      const v = await view(scanId);
      expect(v.status).toBe('failed');
      expect(v.failure.code).toBe(c.code);
      expect(v.failure.reason).toMatch(c.says);
      expect(v.message).toMatch(c.says);
      expect(await objectExists(`scans/${scanId}`)).toBe(true);
      expect(Date.now() - t).toBeLessThan(10_000);
      expect(process.memoryUsage().rss - rss).toBeLessThan(400 * 1024 * 1024);
    });
  }

  it('the engine itself refuses them too, before decoding (any caller, not only the pipeline)', async () => {
    await expect(engine.recognize({ bytes: pngBomb(), contentType: 'image/png' })).rejects.toMatchObject({ kind: 'too-many-pixels' });
    await expect(engine.recognize({ bytes: pdfOfPages(101), contentType: 'application/pdf' })).rejects.toMatchObject({ kind: 'too-many-pages' });
  });

  it('and then reads a real scan as before', async () => {
    const scanId = await startAndUpload(scans, fixture('s1-003.png'), 'image/png', 's1-003.png');
    expect((await service.processUpload(await notice(`scans/${scanId}`))).outcome).toBe('done');
    expect((await view(scanId)).text).toContain('KẾT LUẬN');
  }, 120_000);
});

describe('PDF pages come one at a time', () => {
  it('a reader takes the first page of a long PDF without the others being rendered', async () => {
    const pages = pdfPages(pdfOfPages(100), { renderDpi: 72 });
    const first = await pages.next();
    expect(first.done).toBe(false);
    expect(first.value).toMatchObject({ kind: 'image', dpi: 72, image: { width: 595, height: 842 } });
    // Stopping early closes the document: nothing else is rendered.
    expect(await pages.return(undefined)).toEqual({ done: true, value: undefined });
  });
});
