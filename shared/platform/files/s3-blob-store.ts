/**
 * BlobStore on S3 (or s3rver): presigned PUTs with signed type and length, reads, writes, moves.
 * URLs are signed by the platform's presigner (../aws/presign.ts); the S3 SDK is loaded on first use.
 */
import type { BlobHead, BlobStore, PresignedPut } from './blob-store';
import type { Clock } from '../clock';
import { checkBucket, resolveS3, s3Sdk, type S3ClientSource } from '../aws/s3-client';
import { presignGet, presignPut } from '../aws/presign';

const isNotFound = (err: unknown): boolean => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.name === 'NoSuchVersion' || e.$metadata?.httpStatusCode === 404;
};
/** The store has no versioning (s3rver): ListObjectVersions is not a method it knows. */
const versionless = (err: unknown): boolean => {
  const name = (err as { name?: string }).name;
  return name === 'MethodNotAllowed' || name === 'NotImplemented';
};
const unquote = (etag: string | undefined): string | null => (etag ? etag.replace(/"/g, '') : null);

export class S3BlobStore implements BlobStore {
  constructor(
    private readonly s3: S3ClientSource,
    private readonly bucket: string,
    private readonly clock: Clock,
  ) {}

  /** The S3 SDK and the client, loaded and made on first use. */
  private sdk() {
    return Promise.all([s3Sdk(), resolveS3(this.s3)]);
  }

  async checkAvailable(): Promise<void> {
    await checkBucket(await resolveS3(this.s3), this.bucket);
  }

  async presignGet(key: string, opts: { expiresInSeconds: number; versionId?: string | null; downloadAs?: string }): Promise<{ url: string; expiresAt: Date }> {
    const url = await presignGet(this.s3, this.bucket, key, opts);
    return { url, expiresAt: new Date(this.clock.now().getTime() + opts.expiresInSeconds * 1000) };
  }

  async presignPut(key: string, opts: { contentType: string; contentLength: number; expiresInSeconds: number }): Promise<PresignedPut> {
    const { url, headers } = await presignPut(this.s3, this.bucket, key, opts);
    // Signed with the real time; the office clock may be moved in tests.
    return { url, expiresAt: new Date(this.clock.now().getTime() + opts.expiresInSeconds * 1000), headers };
  }

  async head(key: string, opts: { versionId?: string | null } = {}): Promise<BlobHead | undefined> {
    const [{ HeadObjectCommand }, s3] = await this.sdk();
    try {
      const r = await s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key, ...(opts.versionId ? { VersionId: opts.versionId } : {}) }));
      return { size: r.ContentLength ?? 0, etag: unquote(r.ETag), versionId: r.VersionId ?? null, contentType: r.ContentType ?? null };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async get(key: string, opts: { versionId?: string | null } = {}): Promise<Uint8Array | undefined> {
    const [{ GetObjectCommand }, s3] = await this.sdk();
    try {
      const r = await s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(opts.versionId ? { VersionId: opts.versionId } : {}) }));
      return r.Body ? await r.Body.transformToByteArray() : new Uint8Array();
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
    const [{ PutObjectCommand }, s3] = await this.sdk();
    await s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async move(from: string, to: string, opts: { versionId?: string | null } = {}): Promise<void> {
    const source = `${this.bucket}/${from}${opts.versionId ? `?versionId=${opts.versionId}` : ''}`;
    const [{ CopyObjectCommand }, s3] = await this.sdk();
    await s3.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: source }));
    await this.delete(from, opts);
  }

  /**
   * Every version and delete marker of the key, deleted by VersionId (ListObjectVersions, page by
   * page; keys that only share the prefix are left). A store without versioning — s3rver answers
   * ListObjectVersions with MethodNotAllowed or NotImplemented, which S3 never does — holds one
   * object per key: a plain delete removes it.
   */
  async purge(key: string): Promise<{ versions: number }> {
    const [{ ListObjectVersionsCommand, DeleteObjectCommand }, s3] = await this.sdk();
    let versions = 0;
    let marker: { KeyMarker: string; VersionIdMarker: string } | undefined;
    for (;;) {
      let page;
      try {
        page = await s3.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: key, ...(marker ?? {}) }));
      } catch (err) {
        if (!versionless(err) || marker) throw err;
        await s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
        return { versions: 1 };
      }
      const mine = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].filter((v) => v.Key === key && v.VersionId);
      for (const v of mine) await s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key, VersionId: v.VersionId! }));
      versions += mine.length;
      if (!page.IsTruncated) return { versions };
      marker = { KeyMarker: page.NextKeyMarker ?? '', VersionIdMarker: page.NextVersionIdMarker ?? '' };
    }
  }

  async delete(key: string, opts: { versionId?: string | null } = {}): Promise<void> {
    const [{ DeleteObjectCommand }, s3] = await this.sdk();
    await s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key, ...(opts.versionId ? { VersionId: opts.versionId } : {}) }));
  }
}
