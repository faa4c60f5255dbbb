/**
 * The OCR pipeline against s3rver, DynamoDB Local and tesseract.js (vie): a fixture read to
 * `done`, a re-delivered event, files that are not what they claim, a truncated PDF, an empty
 * file, the secrecy guard, and bounded retries of a transient failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { fixture, objectExists, s3rverEvent, sqsEventOf, startAndUpload, truth } from './scans-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const scans = await composed('scans');
const worker = await composed('ocr-worker');
const { officeParts } = await import('../support/parts');
await (await import('../support/parts')).withOcrEngine();

let clerk: string;
const getScan = async (scanId: string, token = clerk) => invoke(scans, { method: 'GET', path: `/v1/scans/${scanId}`, token });

beforeAll(async () => {
  clerk = await tokenFor('vanthu');
  await officeParts().ocr.warmUp?.();
});
afterAll(async () => {
  await officeParts().ocr.close?.();
});

describe('OCR pipeline', () => {
  let scanId: string;
  let event: { Records: unknown[] };

  it('reads an uploaded PNG to done, with its text and fields', async () => {
    scanId = await startAndUpload(scans, fixture('s1-003.png'), 'image/png', 's1-003.png');
    expect((await getScan(scanId)).body.status).toBe('awaiting-upload');
    event = await s3rverEvent(scanId);
    await worker(event as never);
    const r = await getScan(scanId);
    expect(r.status).toBe(200);
    const t = truth('s1-003');
    expect(r.body).toMatchObject({ status: 'done', pages: 1, entryId: null, failure: null, engine: 'tesseract' });
    expect(r.body.fields.numberSymbol.value).toBe(t.numberSymbol);
    expect(r.body.fields.typeCode.value).toBe(t.typeCode);
    expect(r.body.fields.documentDate.value).toBe(t.date);
    expect(r.body.fields.numberSymbol.confidence).toBeGreaterThan(0);
    // The clerk sees where each value was read: the number-symbol sits in the left header column, at the top of page 1.
    const { page, bbox } = r.body.fields.numberSymbol;
    expect(page).toBe(1);
    expect(bbox.width).toBeGreaterThan(0);
    expect(bbox.height).toBeGreaterThan(0);
    expect(bbox.left + bbox.width).toBeLessThanOrEqual(0.55);
    expect(bbox.top + bbox.height).toBeLessThanOrEqual(0.3);
    expect(r.body.text).toContain('KẾT LUẬN');
    expect(await objectExists(`ocr/${scanId}.json`)).toBe(true);
  });

  it('does nothing for a re-delivered event, from s3rver or from SQS', async () => {
    const before = (await officeParts().scans.view(scanId, { sub: 's', username: 'x', roles: ['van-thu'], clearance: 'tuyet-mat' })) as { updatedAt: string };
    const again = await officeParts().scans.processUpload((await import('../../shared/platform/files/upload-events')).noticesOf(event)[0]!);
    expect(again).toMatchObject({ outcome: 'duplicate', detail: expect.stringMatching(/ is done$/) });
    await worker(event as never);
    const sqs = await worker(sqsEventOf(event) as never);
    expect(sqs).toEqual({ batchItemFailures: [] });
    const after = await getScan(scanId);
    expect(after.body.updatedAt).toBe(before.updatedAt);
    expect(after.body.status).toBe('done');
  });

  it('fails an upload that is not an image or PDF, says why, and keeps the file', async () => {
    const id = await startAndUpload(scans, new TextEncoder().encode('PK\u0003\u0004 this is a zip archive, not a scan'), 'image/jpeg');
    await worker((await s3rverEvent(id)) as never);
    const r = await getScan(id);
    expect(r.body.status).toBe('failed');
    expect(r.body.failure.code).toBe('NOT_A_SCAN');
    expect(r.body.failure.reason).toMatch(/zip/);
    expect(r.body.message).toBe(r.body.failure.reason);
    expect(await objectExists(`scans/${id}`)).toBe(true);
  });

  it('fails a PDF declared as a JPEG', async () => {
    const id = await startAndUpload(scans, fixture('s1-012.pdf'), 'image/jpeg');
    await worker((await s3rverEvent(id)) as never);
    expect((await getScan(id)).body.failure).toEqual({ code: 'TYPE_MISMATCH', reason: expect.stringMatching(/image\/jpeg.*application\/pdf/) });
    expect(await objectExists(`scans/${id}`)).toBe(true);
  });

  it('fails a truncated PDF as unreadable, and keeps it', async () => {
    const pdf = fixture('s1-001.pdf');
    const id = await startAndUpload(scans, pdf.subarray(0, Math.floor(pdf.length / 2)), 'application/pdf');
    await worker((await s3rverEvent(id)) as never);
    const r = await getScan(id);
    expect(r.body.status).toBe('failed');
    expect(r.body.failure.code).toBe('UNREADABLE');
    expect(r.body.failure.reason).toMatch(/truncated|damaged/i);
    expect(await objectExists(`scans/${id}`)).toBe(true);
  });

  it('fails an empty (0-byte) upload', async () => {
    // No upload URL is issued for an empty file (size ≥ 1 is signed); an empty object that got there another way still fails.
    expect((await invoke(scans, { method: 'POST', path: '/v1/scans', token: clerk, body: { fileName: 'e.png', contentType: 'image/png', size: 0 } })).status).toBe(400);
    const created = await invoke(scans, { method: 'POST', path: '/v1/scans', token: clerk, body: { fileName: 'e.png', contentType: 'image/png', size: 10 } });
    const id = created.body.scanId as string;
    await officeParts().blobs.put(`scans/${id}`, new Uint8Array(), 'image/png');
    await worker((await s3rverEvent(id)) as never);
    expect((await getScan(id)).body.failure.code).toBe('EMPTY_FILE');
  });

  it('quarantines a TỐI MẬT letter: no text kept, file moved out of scans/, metadata only', async () => {
    const id = await startAndUpload(scans, fixture('s1-008.jpg'), 'image/jpeg', 's1-008.jpg');
    await worker((await s3rverEvent(id)) as never);
    const r = await getScan(id);
    expect(r.body).toMatchObject({ status: 'quarantined', secrecy: 'toi-mat', text: null, fields: {} });
    expect(r.body.message).toMatch(/metadata only/);
    expect(await objectExists(`scans/${id}`)).toBe(false);
    expect(await objectExists(`quarantine/${id}`)).toBe(true);
    expect(await objectExists(`ocr/${id}.json`)).toBe(false);
    const boss = await getScan(id, await tokenFor('chanhvp'));
    expect(boss.body.fields.numberSymbol.value).toBe(truth('s1-008').numberSymbol);
    expect(boss.body.text).toBeNull();
    const reg = await invoke(scans, { method: 'POST', path: `/v1/scans/${id}/register`, token: clerk, body: {} });
    expect(reg.status).toBe(409);
    expect(reg.body.error.code).toBe('METADATA_ONLY');
    expect(await getScan(id, await tokenFor('chuyenvien'))).toMatchObject({ status: 404 });
  });
});
