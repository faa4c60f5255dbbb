/**
 * One S3 client per process. With an endpoint (embedded s3rver) it uses path-style URLs and
 * s3rver's fixed credentials; checksums are computed only when required, or s3rver stores a
 * streamed body with its aws-chunked framing (toolchain-notes.md).
 */
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { ENV, optionalEnv } from '../../config/env';

/** s3rver accepts only its built-in key pair. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let client: S3Client | undefined;

export function s3Client(): S3Client {
  if (!client) {
    const endpoint = optionalEnv(ENV.s3Endpoint);
    client = new S3Client({
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(endpoint ? { endpoint, forcePathStyle: true, region: optionalEnv('AWS_REGION', 'ap-southeast-1'), credentials: S3RVER_CREDENTIALS } : {}),
    });
  }
  return client;
}

/**
 * Asks S3 whether the bucket is there (HeadBucket, which needs only s3:ListBucket, granted to
 * every function). Throws what the SDK throws: a connection error or a 5xx, which the API's
 * error handler answers with 503.
 */
export async function checkBucket(s3: S3Client, bucket: string): Promise<void> {
  await s3.send(new HeadBucketCommand({ Bucket: bucket }));
}
