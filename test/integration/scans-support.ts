/**
 * Helpers of the scan integration tests: start a scan through the API, upload through its
 * presigned URL (to s3rver), and hand the worker the event s3rver — or SQS — would deliver.
 */
import { expect } from 'vitest';
import { invoke, tokenFor } from '../support/integration';
import { s3Client } from '../../shared/platform/aws/s3-client';
import { HeadObjectCommand } from '@aws-sdk/client-s3';

import { scanFile, scanTruth } from '../support/fixtures';

/** A synthetic scan committed under test/fixtures/scans, and its ground truth. */
export const fixture = scanFile;
export const truth = (id: string): Record<string, unknown> => scanTruth(id) as Record<string, unknown>;

type Handler = Parameters<typeof invoke>[0];

/** POST /v1/scans as the clerk, then PUT the bytes to the upload URL with the signed headers. */
export async function startAndUpload(scans: Handler, bytes: Uint8Array, contentType: string, fileName = 'scan'): Promise<string> {
  const token = await tokenFor('vanthu');
  const created = await invoke(scans, { method: 'POST', path: '/v1/scans', token, body: { fileName, contentType, size: bytes.length } });
  expect(created.status).toBe(201);
  const put = await fetch(created.body.uploadUrl, { method: 'PUT', headers: created.body.headers, body: Buffer.from(bytes) });
  expect(put.status).toBe(200);
  return created.body.scanId as string;
}

/** The S3 notification s3rver emits for an uploaded object (raw key, its ETag). */
export async function s3rverEvent(scanId: string): Promise<{ Records: unknown[] }> {
  const key = `scans/${scanId}`;
  const head = await (await s3Client()).send(new HeadObjectCommand({ Bucket: process.env.DAUMOI_BUCKET!, Key: key }));
  return {
    Records: [
      {
        eventVersion: '2.0',
        eventSource: 'aws:s3',
        eventName: 'ObjectCreated:Put',
        s3: { bucket: { name: process.env.DAUMOI_BUCKET }, object: { key, size: head.ContentLength, eTag: head.ETag!.replace(/"/g, ''), sequencer: '1' } },
      },
    ],
  };
}

/** The same upload as the cloud delivers it: an SQS message holding the EventBridge event. */
export function sqsEventOf(s3rver: { Records: unknown[] }, messageId = 'm-1'): { Records: unknown[] } {
  const o = (s3rver.Records[0] as { s3: { bucket: { name: string }; object: { key: string; size: number; eTag: string } } }).s3;
  const body = {
    version: '0',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    detail: { version: '0', bucket: { name: o.bucket.name }, object: { key: o.object.key, size: o.object.size, etag: o.object.eTag, sequencer: '1' }, reason: 'PutObject' },
  };
  return { Records: [{ messageId, receiptHandle: 'r', body: JSON.stringify(body), attributes: {}, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:local:0:q', awsRegion: 'local' }] };
}

export async function objectExists(key: string): Promise<boolean> {
  try {
    await (await s3Client()).send(new HeadObjectCommand({ Bucket: process.env.DAUMOI_BUCKET!, Key: key }));
    return true;
  } catch {
    return false;
  }
}
