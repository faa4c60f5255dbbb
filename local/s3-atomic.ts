/**
 * S3's read-after-write promise for s3rver's filesystem store. s3rver 3.7 writes an object into
 * its final file as the bytes arrive and answers the PUT before they are flushed, and its GET
 * takes whatever file is there: a reader racing a writer gets the part written so far (a signed
 * PDF cut short, read by a request waiting for the first signer to store it). Here a PUT writes
 * to a file of its own, waits for the last byte, writes the metadata and then renames the file
 * into place; and the PUT, copy, delete and GET of one key take turns, so a GET sees the object
 * before a write or after it, whole, with its own metadata, as on S3.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What this file uses of s3rver's FilesystemStore (lib/stores/filesystem.js). */
export interface FilesystemStoreLike {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: unknown, md5: string): Promise<void>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
  getObject(bucket: string, key: string, options?: unknown): Promise<unknown>;
  copyObject(srcBucket: string, srcKey: string, destBucket: string, destKey: string, replacementMetadata?: unknown): Promise<unknown>;
  deleteObject(bucket: string, key: string): Promise<void>;
}

interface StoredObject {
  bucket: string;
  key: string;
  content: Buffer | NodeJS.ReadableStream;
  metadata: unknown;
}

/** One operation at a time per key, in arrival order. */
class KeyTurns {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(bucket: string, key: string, op: () => Promise<T>): Promise<T> {
    const id = `${bucket}\u0000${key}`;
    const before = this.tails.get(id) ?? Promise.resolve();
    const result = before.then(op, op);
    const tail = result.catch(() => undefined);
    this.tails.set(id, tail);
    void tail.then(() => {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    });
    return result;
  }
}

/** Makes `store`'s object writes atomic and its reads wait for a write of the same key (in place). */
export function makeObjectWritesAtomic(store: FilesystemStoreLike): void {
  const turns = new KeyTurns();
  const getObject = store.getObject.bind(store);
  const copyObject = store.copyObject.bind(store);
  const deleteObject = store.deleteObject.bind(store);

  async function putWhole(object: StoredObject): Promise<{ size: number; md5: string }> {
    const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(objectPath), { recursive: true });
    // Not the object's suffix, so a listing does not take it for an object.
    const partPath = `${objectPath}.${randomUUID()}.part`;
    const md5 = createHash('md5');
    let size = 0;
    const source = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : (object.content as NodeJS.ReadableStream);
    const count = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(source, count, createWriteStream(partPath));
      const digest = md5.digest('hex');
      await store.putMetadata(object.bucket, object.key, object.metadata, digest);
      await rename(partPath, objectPath);
      return { size, md5: digest };
    } catch (err) {
      await unlink(partPath).catch(() => undefined);
      throw err;
    }
  }

  store.putObject = (object) => turns.run(object.bucket, object.key, () => putWhole(object));
  store.getObject = (bucket, key, options) => turns.run(bucket, key, () => getObject(bucket, key, options));
  store.copyObject = (srcBucket, srcKey, destBucket, destKey, replacementMetadata) =>
    turns.run(destBucket, destKey, () => copyObject(srcBucket, srcKey, destBucket, destKey, replacementMetadata));
  store.deleteObject = (bucket, key) => turns.run(bucket, key, () => deleteObject(bucket, key));
}
