/**
 * Removing every version of an object (the secrecy guard on a Tối mật / Tuyệt mật scan): the
 * adapter lists the versions and delete markers of the key (ListObjectVersions, page after page)
 * and deletes each with its VersionId — never a plain delete that would only hide the data
 * behind a delete marker in the versioned bucket — and leaves other keys that share the prefix.
 * Run against recorded ListObjectVersions response shapes (s3rver has no versioning).
 */
import { readFileSync } from 'node:fs';
import { DeleteObjectCommand, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3BlobStore } from '../../shared/platform/files/s3-blob-store';

const recorded = JSON.parse(readFileSync(new URL('../fixtures/s3/list-object-versions.json', import.meta.url), 'utf8')) as { pages: Record<string, unknown>[] };
const BUCKET = 'daumoi-scans-123456789012-ap-southeast-1';

/** An S3 client that answers ListObjectVersions with the recorded pages and records every call. */
function recordingS3(pages: Record<string, unknown>[], opts: { listError?: Error } = {}) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const client = {
    send: async (cmd: { input: Record<string, unknown> }) => {
      const name = cmd instanceof ListObjectVersionsCommand ? 'ListObjectVersions' : cmd instanceof DeleteObjectCommand ? 'DeleteObject' : cmd.constructor.name;
      calls.push({ name, input: cmd.input });
      if (name === 'ListObjectVersions') {
        if (opts.listError) throw opts.listError;
        const i = calls.filter((c) => c.name === 'ListObjectVersions').length - 1;
        return pages[i];
      }
      if (name === 'DeleteObject') return { $metadata: { httpStatusCode: 204 } };
      throw new Error(`unexpected ${name}`);
    },
  } as unknown as S3Client;
  return { client, calls };
}

describe('purging every version of an object', () => {
  it('lists page after page and deletes each version and delete marker of the key by its VersionId, and nothing else', async () => {
    const { client, calls } = recordingS3(recorded.pages);
    const store = new S3BlobStore(client, BUCKET, { now: () => new Date() });
    const r = await store.purge('scans/01JSCAN');
    const lists = calls.filter((c) => c.name === 'ListObjectVersions');
    expect(lists.map((c) => c.input)).toEqual([
      { Bucket: BUCKET, Prefix: 'scans/01JSCAN' },
      { Bucket: BUCKET, Prefix: 'scans/01JSCAN', KeyMarker: 'scans/01JSCAN', VersionIdMarker: 'QUpfdndhfd8438MNFDN93jdnJFkdmqnh893' },
    ]);
    const deletes = calls.filter((c) => c.name === 'DeleteObject').map((c) => c.input);
    expect(deletes.sort((a, b) => String(a.VersionId).localeCompare(String(b.VersionId)))).toEqual(
      ['03jpff543dhffds434rfdsFDN943fdsFkdmqnh892', '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY', 'QUpfdndhfd8438MNFDN93jdnJFkdmqnh893', 'null']
        .sort((a, b) => a.localeCompare(b))
        .map((v) => ({ Bucket: BUCKET, Key: 'scans/01JSCAN', VersionId: v })),
    );
    expect(deletes.every((d) => d.VersionId)).toBe(true);
    expect(r).toEqual({ versions: 4 });
  });

  it('an object with no versions left is nothing to do', async () => {
    const { client, calls } = recordingS3([{ $metadata: { httpStatusCode: 200 }, IsTruncated: false, Name: BUCKET, Prefix: 'ocr/01JSCAN.json' }]);
    const r = await new S3BlobStore(client, BUCKET, { now: () => new Date() }).purge('ocr/01JSCAN.json');
    expect(r).toEqual({ versions: 0 });
    expect(calls.map((c) => c.name)).toEqual(['ListObjectVersions']);
  });

  it('a store without versioning (s3rver answers NotImplemented) gets a plain delete of the one object; any other error is thrown', async () => {
    const notImplemented = Object.assign(new Error('A header you provided implies functionality that is not implemented'), { name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
    const { client, calls } = recordingS3([], { listError: notImplemented });
    expect(await new S3BlobStore(client, BUCKET, { now: () => new Date() }).purge('scans/01JSCAN')).toEqual({ versions: 1 });
    expect(calls.map((c) => [c.name, c.input])).toEqual([
      ['ListObjectVersions', { Bucket: BUCKET, Prefix: 'scans/01JSCAN' }],
      ['DeleteObject', { Bucket: BUCKET, Key: 'scans/01JSCAN' }],
    ]);
    const denied = Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    const other = recordingS3([], { listError: denied });
    await expect(new S3BlobStore(other.client, BUCKET, { now: () => new Date() }).purge('scans/01JSCAN')).rejects.toThrow('Access Denied');
    expect(other.calls.map((c) => c.name)).toEqual(['ListObjectVersions']);
  });
});
