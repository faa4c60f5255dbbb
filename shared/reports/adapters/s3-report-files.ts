/**
 * ReportFiles on S3: presigned PUT for uploads (the content type and length are signed),
 * presigned GET for downloads, HEAD to see what arrived, a server-side copy to seal what a
 * submitted report cites. Objects live under `reports/`; s3rver when embedded.
 * URLs are signed by the platform's presigner (platform/aws/presign.ts); the S3 SDK is loaded on first use.
 */
import { ENV, requireEnv } from '../../platform/env';
import { checkBucket, resolveS3, s3Client, s3Sdk, type S3ClientSource } from '../../platform/aws/s3-client';
import { presignGet, presignPut } from '../../platform/aws/presign';
import type { FileStat, PresignedUrl, ReportFiles } from '../ports/report-files';
import type { Clock } from '../../platform/clock';

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
    // `once`: If-None-Match: * is signed too, so the URL uploads the attachment once and cannot replace it.
    const { url, headers } = await presignPut(this.s3, this.bucket, key, { ...opts, expiresInSeconds, once: true });
    return { url, expiresAt: this.expiry(expiresInSeconds), headers };
  }

  async presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<Omit<PresignedUrl, 'headers'>> {
    const url = await presignGet(this.s3, this.bucket, key, { expiresInSeconds, downloadAs: fileName });
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
