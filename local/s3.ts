/**
 * s3rver: the embedded S3, on the loopback interface, with its object-created events forwarded
 * to a callback. Presigned (query-signed SigV4) requests have their signature checked as S3
 * checks it (./s3-sigv4): s3rver itself accepts any SigV4 signature, so a PUT with another
 * length or content type than the upload URL was signed for would otherwise be stored.
 */
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import { freePort } from './ports';
import { isPresignedV4, presignedV4Problem } from './s3-sigv4';

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
  headers: Record<string, string | string[] | undefined>;
  status: number;
  type: string;
  body: unknown;
}

/** Answers 403 SignatureDoesNotMatch, as S3 does, to a presigned request whose signature does not cover what was sent. */
async function checkPresignedSignature(ctx: KoaContext, next: () => Promise<void>): Promise<void> {
  if (isPresignedV4(ctx.url)) {
    const problem = presignedV4Problem({ method: ctx.method, url: ctx.url, headers: ctx.headers }, (id) => S3RVER_SECRETS[id]);
    if (problem) {
      ctx.status = 403;
      ctx.type = 'application/xml';
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided: ${problem.replace(/[<>&]/g, '')}</Message></Error>`;
      return;
    }
  }
  await next();
}

export async function startS3(opts: { dir: string; bucket: string; port?: number; onEvent?: (event: unknown) => void }): Promise<RunningS3> {
  mkdirSync(opts.dir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const server = new S3rver({ port, address: '127.0.0.1', directory: opts.dir, silent: true, configureBuckets: [{ name: opts.bucket, configs: [] }] } as never);
  // Before s3rver's own middleware (Koa composes them when the server starts listening).
  (server as unknown as { middleware: unknown[] }).middleware.unshift(checkPresignedSignature);
  if (opts.onEvent) server.on('event', opts.onEvent);
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, port, server, stop: () => server.close() as Promise<void> };
}
