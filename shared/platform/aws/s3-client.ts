/**
 * One S3 client per process, made (and the S3 SDK loaded) on first use: functions that never
 * touch the bucket never load @aws-sdk/client-s3. With an endpoint (embedded s3rver) it uses
 * path-style URLs and s3rver's fixed credentials; checksums are computed only when required,
 * or s3rver stores a streamed body with its aws-chunked framing (toolchain-notes.md).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { ENV, optionalEnv } from '../env';
import { lazily } from './lazy';

/** s3rver accepts only its built-in key pair. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** The S3 SDK (@aws-sdk/client-s3), loaded on first use. */
export const s3Sdk = lazily(() => import('@aws-sdk/client-s3'));
/** The presigner (@aws-sdk/s3-request-presigner), loaded on first use. */
export const s3Presigner = lazily(() => import('@aws-sdk/s3-request-presigner'));

/** The process's S3 client. */
export const s3Client: () => Promise<S3Client> = lazily(async () => {
  const { S3Client } = await s3Sdk();
  const endpoint = optionalEnv(ENV.s3Endpoint);
  return new S3Client({
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(endpoint ? { endpoint, forcePathStyle: true, region: optionalEnv('AWS_REGION', 'ap-southeast-1'), credentials: S3RVER_CREDENTIALS } : {}),
  });
});

/** An S3 client given as is (tests) or made on first use ({@link s3Client}). */
export type S3ClientSource = S3Client | (() => Promise<S3Client>);

export const resolveS3 = (source: S3ClientSource): Promise<S3Client> => (typeof source === 'function' ? source() : Promise.resolve(source));

/**
 * Asks S3 whether the bucket is there (HeadBucket, which needs only s3:ListBucket, granted to
 * every function). Throws what the SDK throws: a connection error or a 5xx, which the API's
 * error handler answers with 503.
 */
export async function checkBucket(s3: S3Client, bucket: string): Promise<void> {
  const { HeadBucketCommand } = await s3Sdk();
  await s3.send(new HeadBucketCommand({ Bucket: bucket }));
}
