/** s3rver: the embedded S3, with its object-created events forwarded to a callback. */
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import { freePort } from './ports';

export interface RunningS3 {
  endpoint: string;
  port: number;
  server: S3rver;
  stop(): Promise<void>;
}

export async function startS3(opts: { dir: string; bucket: string; port?: number; onEvent?: (event: unknown) => void }): Promise<RunningS3> {
  mkdirSync(opts.dir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const server = new S3rver({ port, address: '127.0.0.1', directory: opts.dir, silent: true, configureBuckets: [{ name: opts.bucket, configs: [] }] } as never);
  if (opts.onEvent) server.on('event', opts.onEvent);
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, port, server, stop: () => server.close() as Promise<void> };
}
