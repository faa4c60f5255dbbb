/**
 * The embedded S3 (s3rver behind local/s3.ts) keeps S3's read-after-write promise: an object is
 * either absent or whole. A GET that arrives while a PUT of the same key is being written gets
 * 404 (or, over an older object, the older object whole), never the part written so far, and a
 * listing never shows the object before it is whole. The signed PDF of an issued document is
 * read by waiting requests while its first signer stores it: a part would be a broken document.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startS3, type RunningS3 } from '../../local/s3';

const BUCKET = 'atomic-test';
let s3: RunningS3;
let client: S3Client;

beforeAll(async () => {
  s3 = await startS3({ dir: mkdtempSync(join(tmpdir(), 's3-atomic-')), bucket: BUCKET });
  client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
});
afterAll(async () => {
  client.destroy();
  await s3.stop();
});

/** Bytes of the object, or null when S3 answers 404. */
async function read(key: string): Promise<Buffer | null> {
  try {
    const r = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await r.Body!.transformToByteArray());
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchKey') return null;
    throw err;
  }
}

/** Reads `key` over and over until `done` settles; every answer seen. */
async function readWhile(key: string, done: Promise<unknown>): Promise<(Buffer | null)[]> {
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => undefined);
  const seen: (Buffer | null)[] = [];
  while (!finished) seen.push(await read(key));
  return seen;
}

describe('the embedded S3 under a read racing a write', () => {
  it.each([
    ['a new key', false],
    ['a key that holds an older object', true],
  ])('%s: every GET during the PUT answers 404 or a whole object', async (label, overwrite) => {
    const older = randomBytes(3 * 1024 * 1024);
    const newer = randomBytes(24 * 1024 * 1024);
    for (let round = 0; round < 3; round++) {
      const key = `documents/outgoing/race-${overwrite ? 'over' : 'new'}-${round}.pdf`;
      if (overwrite) await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: older, ContentType: 'application/pdf' }));
      const put = client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: newer, ContentType: 'application/pdf' }));
      const seen = await readWhile(key, put);
      await put;
      expect(seen.length, label).toBeGreaterThan(0);
      for (const answer of seen) {
        const whole = answer === null ? !overwrite : answer.equals(newer) || answer.equals(older);
        expect(whole, `a GET of ${key} answered ${answer === null ? '404' : `${answer.length} bytes`}`).toBe(true);
      }
      expect((await read(key))!.equals(newer)).toBe(true);
    }
  });

  it('lists an object only once it is whole', async () => {
    const body = randomBytes(24 * 1024 * 1024);
    const put = client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'listed/one.bin', Body: body }));
    let finished = false;
    void put.finally(() => (finished = true)).catch(() => undefined);
    const sizes: number[] = [];
    while (!finished) {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'listed/' }));
      for (const o of listed.Contents ?? []) sizes.push(o.Size ?? -1);
    }
    await put;
    expect(sizes.filter((s) => s !== body.length)).toEqual([]);
    const after = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'listed/' }));
    expect((after.Contents ?? []).map((o) => [o.Key, o.Size])).toEqual([['listed/one.bin', body.length]]);
  });
});
