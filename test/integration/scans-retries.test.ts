/**
 * Bounded retries and leases of OCR jobs. The transient failure is real: the pipeline's blob
 * store points at a port where nothing listens, so every read of the upload fails to connect.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';
import { s3rverEvent, startAndUpload, fixture, objectExists, sqsEventOf } from './scans-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const scans = await composed('scans');
const worker = await composed('ocr-worker');
const { officeParts, useParts } = await import('../support/parts');
await (await import('../support/parts')).withOcrEngine();
const { ScanService } = await import('../../shared/scans/app/scan-service');
const { OcrRetryableError } = await import('../../shared/scans/app/ocr-pipeline');
const { JOB_LEASE_MS } = await import('../../shared/scans/app/deps');
const { jobKeyOf } = await import('../../shared/scans/domain/rules');
const { S3BlobStore } = await import('../../shared/platform/files/s3-blob-store');
const { DynamoScanStore } = await import('../../shared/scans/adapters/dynamo-scan-store');
const { documentClient } = await import('../../shared/platform/aws/dynamodb-client');
const { tableName } = await import('../../shared/platform/aws/tables');
const { noticesOf, noticesOfSqsBody } = await import('../../shared/platform/files/upload-events');

const store = new DynamoScanStore(documentClient(), tableName('Data'));
const unreachable = new S3BlobStore(
  new S3Client({ endpoint: 'http://127.0.0.1:9', forcePathStyle: true, region: 'ap-southeast-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, maxAttempts: 1 }),
  process.env.DAUMOI_BUCKET!,
  { now: () => new Date() },
);
const brokenStorage = () =>
  new ScanService({ clock: { now: () => new Date() }, scans: store, blobs: unreachable, registers: officeParts().registers, audit: officeParts().audit, reader: () => officeParts().ocr, quarantineAction: 'move' });

afterAll(() => useParts({}));

describe('OCR retries', () => {
  it('retries a transient failure a bounded number of times, then shows failed with the reason; the upload stays', async () => {
    const id = await startAndUpload(scans, fixture('s1-003.png'), 'image/png');
    const notice = noticesOf(await s3rverEvent(id))[0]!;
    const service = brokenStorage();
    for (const attempt of [1, 2]) {
      await expect(service.processUpload(notice)).rejects.toBeInstanceOf(OcrRetryableError);
      const scan = (await store.get(id))!;
      expect(scan).toMatchObject({ status: 'processing', attempts: attempt });
      expect(scan.lastError).toMatch(/ECONNREFUSED|connect/i);
    }
    expect((await service.processUpload(notice)).outcome).toBe('failed');
    const scan = (await store.get(id))!;
    expect(scan.status).toBe('failed');
    expect(scan.failure).toEqual({ code: 'OCR_FAILED', reason: expect.stringMatching(/3 times.*(ECONNREFUSED|connect)/is) });
    expect((await service.processUpload(notice)).outcome).toBe('duplicate');
    expect(await objectExists(`scans/${id}`)).toBe(true);
  });

  it('reports a transient failure back to SQS so the message is delivered again', async () => {
    const id = await startAndUpload(scans, fixture('s1-003.png'), 'image/png');
    useParts({ scans: brokenStorage() });
    try {
      expect(await worker(sqsEventOf(await s3rverEvent(id), 'msg-7') as never)).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-7' }] });
    } finally {
      useParts({});
    }
    expect((await store.get(id))!.status).toBe('processing');
  });

  it('hands back a delivery that finds the job still leased (the holder may be dead), and the next one after the lease reads it', async () => {
    const id = await startAndUpload(scans, fixture('s1-003.png'), 'image/png');
    const event = sqsEventOf(await s3rverEvent(id), 'msg-lease');
    const notice = noticesOfSqsBody((event.Records[0] as { body: string }).body)[0]!;
    const claimedAt = new Date();
    // A worker claimed the job and died without a word: its lease holds, nothing releases it.
    expect(await store.claimJob(id, jobKeyOf(id, notice), { now: claimedAt, leaseMs: JOB_LEASE_MS })).toMatchObject({ claimed: true });
    try {
      useParts({ clock: { now: () => new Date(claimedAt.getTime() + JOB_LEASE_MS - 1000) } });
      expect(await worker(event as never)).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-lease' }] });
      expect((await store.get(id))!.status).toBe('processing');
      useParts({ clock: { now: () => new Date(claimedAt.getTime() + JOB_LEASE_MS + 1000) } });
      expect(await worker(event as never)).toEqual({ batchItemFailures: [] });
    } finally {
      useParts({});
    }
    expect(await store.get(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('leaves a running job to its holder until the lease ends, unless told the holder is gone', async () => {
    const id = await startAndUpload(scans, fixture('s1-003.png'), 'image/png');
    const now = new Date();
    const first = await store.claimJob(id, `${id}#v1`, { now, leaseMs: 60_000 });
    expect(first.claimed).toBe(true);
    const second = await store.claimJob(id, `${id}#v1`, { now, leaseMs: 60_000 });
    expect(second).toMatchObject({ claimed: false, reason: 'duplicate' });
    const later = await store.claimJob(id, `${id}#v1`, { now: new Date(now.getTime() + 61_000), leaseMs: 60_000 });
    expect(later).toMatchObject({ claimed: true, job: { attempts: 2 } });
    const takeOver = await store.claimJob(id, `${id}#v1`, { now, leaseMs: 60_000, takeOver: true });
    expect(takeOver).toMatchObject({ claimed: true, job: { attempts: 3 } });
    expect(await store.claimJob('NO-SUCH-SCAN', 'NO-SUCH-SCAN#v1', { now, leaseMs: 1 })).toMatchObject({ claimed: false, reason: 'no-scan' });
  });

  it('ignores objects that are not uploads', async () => {
    expect(await officeParts().scans.processUpload({ bucket: null, key: 'ocr/X.json', size: 1, etag: 'e', versionId: null, sequencer: null })).toMatchObject({ outcome: 'ignored' });
  });
});
