/**
 * The one S3 presigner: URLs to PUT one object (scans, report attachments) and to GET one (report
 * attachments), signed locally with @aws-sdk/s3-request-presigner, loaded on first use. A PUT URL
 * signs the content type and length, and with `once` the `If-None-Match: *` condition (S3 refuses
 * with 412 a PUT to a key that already holds an object): the client must send exactly `headers`.
 */
import { resolveS3, s3Presigner, s3Sdk, type S3ClientSource } from './s3-client';

export interface PresignedPutRequest {
  url: string;
  /** Headers the client must send with the PUT (they are part of the signature). */
  headers: Record<string, string>;
}

export async function presignPut(
  source: S3ClientSource,
  bucket: string,
  key: string,
  opts: { contentType: string; contentLength: number; expiresInSeconds: number; once?: boolean },
): Promise<PresignedPutRequest> {
  const [{ PutObjectCommand }, { getSignedUrl }, s3] = await Promise.all([s3Sdk(), s3Presigner(), resolveS3(source)]);
  const once = opts.once === true;
  const command = new PutObjectCommand({
    Bucket: bucket,
    Key: key,
    ContentType: opts.contentType,
    ContentLength: opts.contentLength,
    ...(once ? { IfNoneMatch: '*' } : {}),
  });
  const signed = once ? ['content-type', 'content-length', 'if-none-match'] : ['content-type', 'content-length'];
  const url = await getSignedUrl(s3, command, { expiresIn: opts.expiresInSeconds, signableHeaders: new Set(signed) });
  const headers: Record<string, string> = { 'content-type': opts.contentType, 'content-length': String(opts.contentLength) };
  if (once) headers['if-none-match'] = '*';
  return { url, headers };
}

/** A URL to GET one object (one version when given); with `downloadAs`, offered for download under that file name. */
export async function presignGet(source: S3ClientSource, bucket: string, key: string, opts: { expiresInSeconds: number; versionId?: string | null; downloadAs?: string }): Promise<string> {
  const [{ GetObjectCommand }, { getSignedUrl }, s3] = await Promise.all([s3Sdk(), s3Presigner(), resolveS3(source)]);
  const disposition = opts.downloadAs === undefined ? {} : { ResponseContentDisposition: attachmentDisposition(opts.downloadAs) };
  const version = opts.versionId ? { VersionId: opts.versionId } : {};
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key, ...version, ...disposition }), { expiresIn: opts.expiresInSeconds });
}

/** `Content-Disposition: attachment` with an ASCII fallback name and the exact one (RFC 6266, RFC 5987). */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
