/**
 * ReportFiles on S3: presigned PUT for uploads (the content type and length are signed),
 * presigned GET for downloads, HEAD to see what arrived, a server-side copy to seal what a
 * submitted report cites. Objects live under `reports/`; s3rver when embedded.
 * The S3 SDK and the presigner are loaded on first use (see ./client).
 */
import { ENV, requireEnv } from '../env';
import { checkBucket, resolveS3, s3Client, s3Presigner, s3Sdk, type S3ClientSource } from './s3-client';
import type { FileStat, PresignedUrl, ReportFiles } from '../../reports/ports/report-files';
import type { Clock } from '../clock';

export class S3ReportFiles implements ReportFiles {
  constructor(
    private readonly s3: S3ClientSource,
    private readonly bucket: string,
    private readonly clock: Clock,
  ) {}

  static fromEnv(clock: Clock): S3ReportFiles {
    return new S3ReportFiles(s3Client, requireEnv(ENV.bucket), clock);
  }

  async checkAvailable(): Promise<void> {
    await checkBucket(await resolveS3(this.s3), this.bucket);
  }

  async presignUpload(key: string, opts: { contentType: string; contentLength: number }, expiresInSeconds: number): Promise<PresignedUrl> {
    const [{ PutObjectCommand }, { getSignedUrl }, s3] = await Promise.all([s3Sdk(), s3Presigner(), resolveS3(this.s3)]);
    // If-None-Match: * is signed too: S3 (conditional writes) refuses with 412 a PUT to a key that
    // already holds an object, so the URL uploads the attachment once and cannot replace it.
    const url = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: opts.contentType, ContentLength: opts.contentLength, IfNoneMatch: '*' }),
      { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']) },
    );
    return {
      url,
      expiresAt: this.expiry(expiresInSeconds),
      headers: { 'content-type': opts.contentType, 'content-length': String(opts.contentLength), 'if-none-match': '*' },
    };
  }

  async presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<Omit<PresignedUrl, 'headers'>> {
    const disposition = `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    const [{ GetObjectCommand }, { getSignedUrl }, s3] = await Promise.all([s3Sdk(), s3Presigner(), resolveS3(this.s3)]);
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: disposition }), { expiresIn: expiresInSeconds });
    return { url, expiresAt: this.expiry(expiresInSeconds) };
  }

  async stat(key: string): Promise<FileStat | undefined> {
    const [{ HeadObjectCommand }, s3] = await Promise.all([s3Sdk(), resolveS3(this.s3)]);
    try {
      const r = await s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: r.ContentLength ?? 0, etag: r.ETag ? r.ETag.replace(/"/g, '') : null };
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined;
      throw err;
    }
  }

  async seal(from: string, to: string, etag: string | null): Promise<FileStat> {
    const [{ CopyObjectCommand }, s3] = await Promise.all([s3Sdk(), resolveS3(this.s3)]);
    // S3 refuses the copy (412) when the source changed since it was looked at; s3rver ignores the condition.
    await s3.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${from}`, ...(etag ? { CopySourceIfMatch: `"${etag}"` } : {}) }));
    const copied = await this.stat(to);
    if (!copied) throw new Error(`the copy of ${from} to ${to} is not in the bucket`);
    return copied;
  }

  /** Presigned URLs are signed with the real time; the office clock may be moved in tests. */
  private expiry(seconds: number): Date {
    return new Date(this.clock.now().getTime() + seconds * 1000);
  }
}
