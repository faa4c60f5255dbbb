/**
 * s3rver: the embedded S3, on the loopback interface, with its object-created events forwarded
 * to a callback. Presigned (query-signed SigV4) requests have their signature checked as S3
 * checks it (./s3-sigv4): s3rver itself accepts any SigV4 signature, so a PUT with another
 * length or content type than the upload URL was signed for would otherwise be stored. A PUT
 * with `If-None-Match: *` to a key that holds an object is refused with 412, as S3's conditional
 * writes do (s3rver ignores the header). An object is written whole before any GET sees it
 * (./s3-atomic: s3rver would serve the part written so far).
 */
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import { freePort } from './tcp-ports';
import { isPresignedV4, presignedV4Problem } from './s3-sigv4';
import { makeObjectWritesAtomic, type FilesystemStoreLike } from './s3-atomic';

/** s3rver's built-in key pair (the only one it knows). */
const S3RVER_SECRETS: Record<string, string> = { S3RVER: 'S3RVER' };

export interface RunningS3 {
  endpoint: string;
  port: number;
  server: S3rver;
  stop(): Promise<void>;
}

interface KoaContext {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  type: string;
  body: unknown;
  app: { store: { existsObject(bucket: string, key: string): Promise<boolean> } };
}

const s3Error = (ctx: KoaContext, status: number, code: string, message: string) => {
  ctx.status = status;
  ctx.type = 'application/xml';
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message.replace(/[<>&]/g, '')}</Message></Error>`;
};

/**
 * Answers as S3 does: 403 SignatureDoesNotMatch to a presigned request whose signature does not
 * cover what was sent, 412 PreconditionFailed to a conditional PUT over an existing object.
 */
async function checkPresignedSignature(ctx: KoaContext, next: () => Promise<void>): Promise<void> {
  // A CORS preflight carries no signature of its own (S3 answers it from the bucket's CORS rules).
  if (ctx.method !== 'OPTIONS' && isPresignedV4(ctx.url)) {
    const problem = await presignedV4Problem({ method: ctx.method, url: ctx.url, headers: ctx.headers }, (id) => S3RVER_SECRETS[id]);
    if (problem) return s3Error(ctx, 403, 'SignatureDoesNotMatch', `The request signature we calculated does not match the signature you provided: ${problem}`);
  }
  // S3's conditional write (s3rver ignores the header): If-None-Match: * and the key holds an object → 412.
  if (ctx.method === 'PUT' && ctx.headers['if-none-match'] === '*') {
    const [bucket, ...key] = ctx.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (bucket && key.length && (await ctx.app.store.existsObject(bucket, key.join('/')))) {
      return s3Error(ctx, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
    }
  }
  await next();
}

/**
 * The console uploads a scan from the browser with the presigned PUT, and reads a scan's original
 * with a presigned GET (another origin than the console's): the bucket allows both by CORS, as the
 * cloud bucket does for the console's origin.
 * Embedded, s3rver listens on the loopback only and the signature is what authorises a PUT.
 */
const CORS = Buffer.from(
  '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>',
);

export async function startS3(opts: { dir: string; bucket: string; port?: number; onEvent?: (event: unknown) => void }): Promise<RunningS3> {
  mkdirSync(opts.dir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const server = new S3rver({ port, address: '127.0.0.1', directory: opts.dir, silent: true, configureBuckets: [{ name: opts.bucket, configs: [CORS] }] } as never);
  // Before s3rver's own middleware (Koa composes them when the server starts listening).
  (server as unknown as { middleware: unknown[] }).middleware.unshift(checkPresignedSignature);
  makeObjectWritesAtomic((server as unknown as { store: FilesystemStoreLike }).store);
  if (opts.onEvent) server.on('event', opts.onEvent);
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, port, server, stop: () => server.close() as Promise<void> };
}
