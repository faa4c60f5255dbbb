/**
 * Checks the AWS Signature Version 4 of a presigned URL request, as S3 does. s3rver 3.7 checks
 * SigV2 only and lets every SigV4 request through ("calculation is unimplemented"), so without
 * this an embedded upload with another length or type than the URL was signed for would be
 * stored. local/s3.ts puts it in front of s3rver for query-signed requests (what clients get
 * from the API); the SDK's own header-signed requests are left to s3rver as before.
 *
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface PresignedRequest {
  method: string;
  /** The request target as sent: path and query string, still encoded. */
  url: string;
  /** Header names in lower case (Node's IncomingMessage.headers). */
  headers: Record<string, string | string[] | undefined>;
}

/** RFC 3986 encoding as SigV4 wants it: everything but A–Z a–z 0–9 - _ . ~ */
const encode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string): Buffer => createHmac('sha256', key).update(s, 'utf8').digest();

/** True when the request carries a query-string SigV4 signature (a presigned URL). */
export function isPresignedV4(url: string): boolean {
  return /[?&]X-Amz-Algorithm=AWS4-HMAC-SHA256(&|$)/.test(url);
}

/**
 * Why the presigned request's signature does not match what it signs, or null when it does.
 * `secretOf` gives the secret key of an access key id (undefined: unknown key).
 */
export function presignedV4Problem(req: PresignedRequest, secretOf: (accessKeyId: string) => string | undefined): string | null {
  const q = req.url.indexOf('?');
  const rawPath = q < 0 ? req.url : req.url.slice(0, q);
  const pairs = (q < 0 ? '' : req.url.slice(q + 1))
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const i = p.indexOf('=');
      const dec = (x: string) => decodeURIComponent(x.replace(/\+/g, '%20'));
      return i < 0 ? [dec(p), ''] : [dec(p.slice(0, i)), dec(p.slice(i + 1))];
    }) as [string, string][];
  const param = (name: string) => pairs.find(([k]) => k === name)?.[1];
  const signature = param('X-Amz-Signature');
  const credential = param('X-Amz-Credential');
  const date = param('X-Amz-Date');
  const signedHeaders = param('X-Amz-SignedHeaders');
  if (!signature || !credential || !date || !signedHeaders) return 'the presigned URL lacks X-Amz-Signature, X-Amz-Credential, X-Amz-Date or X-Amz-SignedHeaders';
  const [accessKeyId, ...scopeParts] = credential.split('/');
  const secret = accessKeyId ? secretOf(accessKeyId) : undefined;
  if (!secret) return `unknown access key ${accessKeyId ?? ''}`;
  const scope = scopeParts.join('/');
  const [day, region, service] = scopeParts;
  if (!day || !region || !service) return 'the credential scope is malformed';

  const canonicalQuery = pairs
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const names = signedHeaders.split(';');
  const missing = names.filter((n) => req.headers[n] === undefined);
  if (missing.length) return `signed header${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not sent`;
  const canonicalHeaders = names
    .map((n) => {
      const v = req.headers[n];
      return `${n}:${(Array.isArray(v) ? v.join(',') : String(v)).trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const payload = param('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
  const canonicalRequest = [req.method.toUpperCase(), rawPath, canonicalQuery, canonicalHeaders, signedHeaders, payload].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  const ok = expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  return ok ? null : `the signature does not match the request (signed headers: ${signedHeaders})`;
}
