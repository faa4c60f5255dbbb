/**
 * ReportFiles on S3: presigned PUT for uploads (the content type is signed), presigned GET for
 * downloads, HEAD to see what arrived. Objects live under `reports/`; s3rver when embedded.
 * The S3 SDK and the presigner are loaded on first use (see ./client).
 */
import { ENV, requireEnv } from '../../config/env';
import { checkBucket, resolveS3, s3Client, s3Presigner, s3Sdk, type S3ClientSource } from './client';
import type { PresignedUrl, ReportFiles } from '../../ports/report-files';
import type { Clock } from '../../ports/clock';

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

  async presignUpload(key: string, contentType: string, expiresInSeconds: number): Promise<PresignedUrl> {
    const [{ PutObjectCommand }, { getSignedUrl }, s3] = await Promise.all([s3Sdk(), s3Presigner(), resolveS3(this.s3)]);
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }), {
      expiresIn: expiresInSeconds,
      signableHeaders: new Set(['content-type']),
    });
    return { url, expiresAt: this.expiry(expiresInSeconds) };
  }

  async presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<PresignedUrl> {
    const disposition = `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    const [{ GetObjectCommand }, { getSignedUrl }, s3] = await Promise.all([s3Sdk(), s3Presigner(), resolveS3(this.s3)]);
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: disposition }), { expiresIn: expiresInSeconds });
    return { url, expiresAt: this.expiry(expiresInSeconds) };
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    const [{ HeadObjectCommand }, s3] = await Promise.all([s3Sdk(), resolveS3(this.s3)]);
    try {
      const r = await s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: r.ContentLength ?? 0 };
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined;
      throw err;
    }
  }

  /** Presigned URLs are signed with the real time; the office clock may be moved in tests. */
  private expiry(seconds: number): Date {
    return new Date(this.clock.now().getTime() + seconds * 1000);
  }
}
