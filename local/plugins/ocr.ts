/**
 * Embedded stand-in for S3 → EventBridge → SQS → OCR Lambda: s3rver's object events go to the
 * same handler (functions/ocr-worker.ts), run in a worker thread so that OCR never stalls the
 * API. Like the queue, it runs a few events at a time, delivers an event again after a
 * transient failure (with backoff, a bounded number of times), and at start feeds back the
 * uploads whose OCR the last stop interrupted.
 *
 * When the thread dies (a crash, or `POST /_local/ocr/kill` with DAUMOI_TEST_HOOKS=1), a new
 * one starts and the events it was reading are delivered again, taking their jobs over: their
 * holder is known to be gone, so there is no lease to wait out.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EmbeddedPlugin } from './types';
import { SCAN_PREFIX } from '../../shared/scans/domain/model';
import { MAX_OCR_ATTEMPTS } from '../../shared/scans/app/deps';
import type { ThreadReply, ThreadRequest } from './ocr-thread';

/** Deliveries of one event before giving up (the queue's maxReceiveCount); the pipeline fails the scan first. */
const MAX_DELIVERIES = MAX_OCR_ATTEMPTS + 1;
const RETRY_BASE_MS = 500;
const THREAD_GONE = 'the OCR thread stopped';

interface S3Notification {
  Records?: { s3?: { object?: { key?: string } } }[];
}

type Request = ThreadRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Thread {
  call: (req: Request) => Promise<unknown>;
  stop: () => Promise<void>;
  /** Ends the thread at once, as a crash would. */
  kill: () => Promise<void>;
  /** Resolves when the thread has ended, however it ended. */
  exited: Promise<void>;
  alive: () => boolean;
}

/** Starts the OCR thread (TypeScript, through tsx's loader) and gives a call-and-answer channel to it. */
async function startThread(log: (line: string) => void): Promise<Thread> {
  const entry = new URL('./ocr-thread.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(entry)}));`, { eval: true });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1;
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  let ended!: () => void;
  const exited = new Promise<void>((r) => (ended = r));
  worker.on('message', (m: ThreadReply) => {
    if (m.id === 0) return ready();
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) p?.resolve(m.value);
    else p?.reject(new Error(m.error));
  });
  worker.on('error', (err) => log(`[ocr] worker thread failed: ${err.message}`));
  worker.on('exit', () => {
    for (const p of pending.values()) p.reject(new Error(THREAD_GONE));
    pending.clear();
    ended();
  });
  await Promise.race([isReady, exited.then(() => Promise.reject(new Error('the OCR thread ended while starting')))]);
  let alive = true;
  void exited.then(() => (alive = false));
  return {
    call: (req) =>
      new Promise((resolve, reject) => {
        if (!alive) return reject(new Error(THREAD_GONE));
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...req, id });
      }),
    stop: async () => {
      await Promise.race([
        new Promise<void>((resolve, reject) => {
          const id = next++;
          pending.set(id, { resolve: () => resolve(), reject });
          worker.postMessage({ type: 'close', id });
        }).catch(() => undefined),
        new Promise((r) => setTimeout(r, 5000).unref()),
      ]);
      await worker.terminate();
    },
    kill: async () => {
      await worker.terminate();
    },
    exited,
    alive: () => alive,
  };
}

export const ocrPlugin: EmbeddedPlugin = {
  name: 'OCR pipeline',
  async start(ctx) {
    let thread = await startThread(ctx.log);
    const concurrency = Math.max(1, Math.min(4, os.cpus().length));
    const queue: { event: unknown; delivery: number; label: string; takeOver: boolean }[] = [];
    const inFlight = new Set<Promise<void>>();
    const timers = new Set<NodeJS.Timeout>();
    let stopping = false;
    let clockOffset: number | null = null;
    let restarts = 0;

    const redeliver = (job: (typeof queue)[number], delayMs: number, takeOver: boolean) => {
      const t = setTimeout(() => {
        timers.delete(t);
        queue.push({ ...job, delivery: job.delivery + 1, takeOver });
        pump();
      }, delayMs);
      timers.add(t);
    };

    const pump = () => {
      // While a dead thread is being replaced, events wait in the queue; the new thread pumps them.
      while (!stopping && thread.alive() && inFlight.size < concurrency && queue.length) {
        const job = queue.shift()!;
        const p = thread
          .call({ type: 'event', event: job.event, takeOver: job.takeOver })
          .then(() => undefined)
          .catch((err: Error) => {
            if (job.delivery >= MAX_DELIVERIES || stopping) {
              ctx.log(`[ocr] giving up on ${job.label} after ${job.delivery} deliveries: ${err.message}`);
              return;
            }
            // The thread died under it: its job has no holder any more. Otherwise back off.
            const died = err.message === THREAD_GONE;
            redeliver(job, died ? 0 : RETRY_BASE_MS * 2 ** (job.delivery - 1), died);
          })
          .finally(() => {
            inFlight.delete(p);
            pump();
          });
        inFlight.add(p);
      }
    };

    /** A thread that ends while the office runs is replaced; its events come back through their rejections. */
    const watch = (t: Thread) =>
      void t.exited.then(async () => {
        if (stopping || t !== thread) return;
        restarts++;
        ctx.log(`[ocr] the OCR thread ended; starting another (restart ${restarts})`);
        try {
          const fresh = await startThread(ctx.log);
          if (clockOffset !== null) await fresh.call({ type: 'clock', offset: clockOffset });
          thread = fresh;
          watch(fresh);
          pump();
        } catch (err) {
          ctx.log(`[ocr] could not start another OCR thread: ${(err as Error).message}`);
        }
      });
    watch(thread);

    const onEvent = (event: S3Notification) => {
      const keys = (event.Records ?? []).map((r) => r.s3?.object?.key ?? '');
      if (!keys.some((k) => k.startsWith(SCAN_PREFIX))) return; // OCR output, quarantine, report files
      queue.push({ event, delivery: 1, label: keys.join(', '), takeOver: false });
      pump();
    };
    ctx.s3Events.on('event', onEvent);
    const onClock = (offset: number | null) => {
      clockOffset = offset;
      void thread.call({ type: 'clock', offset }).catch((err: Error) => ctx.log(`[ocr] could not move the thread's clock: ${err.message}`));
    };
    ctx.clockChanges.on('offset', onClock);

    const resumed = thread
      .call({ type: 'resume' })
      .then((outcomes) => {
        if (Array.isArray(outcomes) && outcomes.length) ctx.log(`[ocr] resumed ${outcomes.length} interrupted upload(s)`);
      })
      .catch((err: Error) => ctx.log(`[ocr] could not resume interrupted uploads: ${err.message}`));

    const testHooks = process.env.DAUMOI_TEST_HOOKS === '1';
    return {
      stop: async () => {
        stopping = true;
        ctx.s3Events.off('event', onEvent);
        ctx.clockChanges.off('offset', onClock);
        for (const t of timers) clearTimeout(t);
        // Jobs still running stay `running` in the store; the next start takes them over.
        void resumed;
        await thread.stop();
      },
      ...(testHooks
        ? {
            // `POST /_local/ocr/kill`: ends the OCR thread at once, mid-page if it is reading.
            extra: async (req, _body, res) => {
              if (req.method !== 'POST' || req.url !== '/_local/ocr/kill') return false;
              const busy = inFlight.size;
              await thread.kill();
              res.writeHead(200, { 'content-type': 'application/json' });
              res.end(JSON.stringify({ killed: true, eventsInFlight: busy }));
              return true;
            },
          }
        : {}),
    };
  },
};
