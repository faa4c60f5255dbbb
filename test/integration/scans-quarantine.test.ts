/**
 * The secrecy guard removes every version: when a scan turns out Tối mật / Tuyệt mật (read so by
 * OCR, or corrected so by the clerk) every version of its upload and of its OCR text is purged
 * (BlobStore.purge: ListObjectVersions + DeleteObject with each VersionId), the file read is kept
 * only under quarantine/ (action `move`), and an upload that arrives for an already quarantined
 * scan is removed unread. Against s3rver, which has no versioning (it refuses ListObjectVersions),
 * this checks that purge is asked for the upload's and the OCR text's keys and that nothing is left
 * under them; the version-by-version deletion is unit-tested on recorded S3 responses
 * (test/unit/s3-purge.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';
import { objectExists } from './scans-support';
import { readScan } from '../support/read-scan';

useEmbeddedEnv();
const { officeParts } = await import('../support/parts');
const { ScanService } = await import('../../shared/scans/app/scan-service');
const { DynamoScanStore } = await import('../../shared/scans/adapters/dynamo-scan-store');
const { documentClient } = await import('../../shared/platform/aws/dynamodb-client');
const { tableName } = await import('../../shared/platform/aws/tables');
import type { BlobStore } from '../../shared/platform/files/blob-store';
import type { ScanReader } from '../../shared/scans/app/scan-reader';

/** The real blob store (s3rver), with every purge it is asked for written down. */
function recordingBlobs(): { blobs: BlobStore; purged: string[] } {
  const purged: string[] = [];
  const real = officeParts().blobs;
  // The real store's methods through its prototype chain, with purge written down first.
  const blobs: BlobStore = Object.assign(Object.create(real) as BlobStore, { purge: async (key: string) => (purged.push(key), real.purge(key)) });
  return { blobs, purged };
}

/** An OCR reader that reads every file as a Tối mật letter. */
const toiMatReader: ScanReader = {
  detectType: () => 'pdf',
  read: async () => ({ engine: 'stand-in', pages: [{ text: 'TỐI MẬT\nCÔNG VĂN về việc bảo vệ bí mật nhà nước', confidence: 0.9 }] }),
  isUnreadable: () => false,
  extract: () => ({ fields: { secrecy: { value: 'toi-mat', confidence: 0.95 }, urgency: { value: null, confidence: 0.9 } } as never, lowConfidence: [] }),
};

function service(blobs: BlobStore, reader: ScanReader = toiMatReader) {
  return new ScanService({
    clock: { now: () => new Date() },
    scans: new DynamoScanStore(documentClient(), tableName('Data')),
    blobs,
    registers: officeParts().registers,
    audit: officeParts().audit,
    reader: () => reader,
    quarantineAction: 'move',
  });
}
const clerk = { sub: 'user-vanthu', username: 'vanthu', roles: ['van-thu' as const], clearance: 'mat' as const };
const notice = (scanId: string, etag: string) => ({ bucket: null, key: `scans/${scanId}`, size: 17, etag, versionId: null, sequencer: null });

describe('quarantine removes every version', () => {
  it('a clerk’s correction to Tối mật purges the upload and the OCR text an earlier read left', async () => {
    const scanId = await readScan({ numberSymbol: '88-CV/ĐU', subject: 'về việc bảo vệ', text: 'nội dung đọc trước' });
    expect(await objectExists(`ocr/${scanId}.json`)).toBe(true);
    const { blobs, purged } = recordingBlobs();
    await expect(service(blobs).register(scanId, { secrecy: 'toi-mat' }, { actor: clerk })).rejects.toMatchObject({ code: 'METADATA_ONLY' });
    expect(purged.sort()).toEqual([`ocr/${scanId}.json`, `scans/${scanId}`].sort());
    expect(await objectExists(`scans/${scanId}`)).toBe(false);
    expect(await objectExists(`ocr/${scanId}.json`)).toBe(false);
    expect(await objectExists(`quarantine/${scanId}`)).toBe(true);
  });

  it('OCR reading a new upload as Tối mật purges it and the previous upload’s OCR text; a later upload to the quarantined scan is removed unread', async () => {
    const scanId = await readScan({ numberSymbol: '89-CV/ĐU', subject: 'về việc bảo vệ', text: 'văn bản thường, bản quét lần đầu' });
    await officeParts().blobs.put(`scans/${scanId}`, '%PDF-1.4 second!!', 'application/pdf');
    const { blobs, purged } = recordingBlobs();
    const s = service(blobs);
    expect(await s.processUpload(notice(scanId, 'second'))).toMatchObject({ outcome: 'quarantined', scanId });
    expect(purged.sort()).toEqual([`ocr/${scanId}.json`, `scans/${scanId}`].sort());
    expect(await objectExists(`scans/${scanId}`)).toBe(false);
    expect(await objectExists(`ocr/${scanId}.json`)).toBe(false);
    expect(await objectExists(`quarantine/${scanId}`)).toBe(true);

    await officeParts().blobs.put(`scans/${scanId}`, '%PDF-1.4 bản thứ ba', 'application/pdf');
    expect((await s.processUpload(notice(scanId, 'third'))).outcome).toBe('ignored');
    expect(purged.filter((k) => k === `scans/${scanId}`)).toHaveLength(2);
    expect(await objectExists(`scans/${scanId}`)).toBe(false);
  });

  it('s3rver has no versioning: purge falls back to removing its one object', async () => {
    await officeParts().blobs.put('scans/purge-check', 'x', 'text/plain');
    expect(await officeParts().blobs.purge('scans/purge-check')).toEqual({ versions: 1 });
    expect(await objectExists('scans/purge-check')).toBe(false);
  });
});
