/**
 * Checks the AWS Signature Version 4 of a presigned URL request, as S3 does. s3rver 3.7 checks
 * SigV2 only and lets every SigV4 request through ("calculation is unimplemented"), so without
 * this an embedded upload with another length or type than the URL was signed for would be
 * stored. local/s3.ts puts it in front of s3rver for query-signed requests (what clients get
 * from the API); the SDK's own header-signed requests are left to s3rver as before.
 *
 * The signature is computed again by the AWS SDK's own signer (`@smithy/signature-v4`, what the
 * presigner used), from what the request carries: its method, path, query, the headers it names
 * as signed, its date, expiry and scope. A request is genuine when both signatures agree.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

export interface PresignedRequest {
  method: string;
  /** The request target as sent: path and query string, still encoded. */
  url: string;
  /** Header names in lower case (Node's IncomingMessage.headers). */
  headers: Record<string, string | string[] | undefined>;
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: SourceData): string | Uint8Array => (typeof d === 'string' ? d : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d));

/** SHA-256 (and its HMAC, given a secret) in the shape the signer takes. */
class Sha256 {
  private readonly h;
  constructor(secret?: SourceData) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.h.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest());
  }
}

/** The parameters the signer adds itself: taken from the request, never signed again from it. */
const SIGNER_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'];

/** True when the request carries a query-string SigV4 signature (a presigned URL). */
export function isPresignedV4(url: string): boolean {
  return /[?&]X-Amz-Algorithm=AWS4-HMAC-SHA256(&|$)/.test(url);
}

/** `20261205T101500Z` → its instant. */
const amzDate = (s: string): Date | undefined => {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
};

/**
 * Why the presigned request's signature does not match what it signs, or null when it does.
 * `secretOf` gives the secret key of an access key id (undefined: unknown key).
 */
export async function presignedV4Problem(req: PresignedRequest, secretOf: (accessKeyId: string) => string | undefined): Promise<string | null> {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
  const signature = params.get('X-Amz-Signature');
  const credential = params.get('X-Amz-Credential');
  const date = params.get('X-Amz-Date');
  const signedHeaders = params.get('X-Amz-SignedHeaders');
  if (!signature || !credential || !date || !signedHeaders) return 'the presigned URL lacks X-Amz-Signature, X-Amz-Credential, X-Amz-Date or X-Amz-SignedHeaders';
  const [accessKeyId, day, region, service] = credential.split('/');
  const secretAccessKey = accessKeyId ? secretOf(accessKeyId) : undefined;
  if (!accessKeyId || !secretAccessKey) return `unknown access key ${accessKeyId ?? ''}`;
  const signingDate = amzDate(date);
  if (!day || !region || !service || !signingDate || !date.startsWith(day)) return 'the credential scope is malformed';

  const names = signedHeaders.split(';');
  const missing = names.filter((n) => req.headers[n] === undefined);
  if (missing.length) return `signed header${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not sent`;
  const headers = Object.fromEntries(names.map((n) => [n, [req.headers[n]!].flat().join(',')]));
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of params) if (!SIGNER_PARAMS.includes(k)) query[k] = k in query ? [query[k]!].flat().concat(v) : v;
  // The payload hash: the one the URL names (S3's presigner: UNSIGNED-PAYLOAD, a header the signer
  // hoists back into the query), else what S3 takes for a presigned URL, unsigned.
  const named = query['X-Amz-Content-Sha256'];
  delete query['X-Amz-Content-Sha256'];
  const payload = typeof named === 'string' ? named : 'UNSIGNED-PAYLOAD';
  // Headers the URL names as signed stayed headers; a payload hash it does not name is neither hoisted nor signed.
  const kept = new Set([...names, ...(typeof named === 'string' ? [] : ['x-amz-content-sha256'])]);

  const signer = new SignatureV4({ service, region, credentials: { accessKeyId, secretAccessKey }, sha256: Sha256, uriEscapePath: false, applyChecksum: false });
  let again;
  try {
    again = await signer.presign(
      { method: req.method.toUpperCase(), protocol: 'http:', hostname: String(headers.host ?? ''), path, query, headers: { ...headers, 'X-Amz-Content-Sha256': payload } },
      {
        signingDate,
        expiresIn: Number(params.get('X-Amz-Expires') ?? 3600),
        signableHeaders: new Set(names),
        unhoistableHeaders: kept,
        ...(typeof named === 'string' ? {} : { unsignableHeaders: new Set(['x-amz-content-sha256']) }),
      },
    );
  } catch (err) {
    // The signer refuses what it cannot sign (an expiry over a week): so would S3.
    return `the presigned URL cannot be signed as sent: ${String(err)}`;
  }
  const expected = String(again.query?.['X-Amz-Signature'] ?? '');
  const ok = expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  return ok ? null : `the signature does not match the request (signed headers: ${signedHeaders})`;
}
