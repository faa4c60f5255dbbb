/**
 * Embedded stand-in for S3 → EventBridge → SQS → OCR Lambda: s3rver's object events go to the
 * same handler (functions/ocr-worker.ts), run in a worker thread so that OCR never stalls the
 * API. Like the queue, it runs a few events at a time, delivers an event again after a
 * transient failure (with backoff, a bounded number of times), and at start feeds back the
 * uploads whose OCR the last stop interrupted.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EmbeddedPlugin } from '../plugins';
import { SCAN_PREFIX } from '../../shared/domain/scans/model';
import { MAX_OCR_ATTEMPTS } from '../../shared/services/scans/deps';
import type { ThreadReply, ThreadRequest } from './ocr-thread';

/** Deliveries of one event before giving up (the queue's maxReceiveCount); the pipeline fails the scan first. */
const MAX_DELIVERIES = MAX_OCR_ATTEMPTS + 1;
const RETRY_BASE_MS = 500;

interface S3Notification {
  Records?: { s3?: { object?: { key?: string } } }[];
}

type Request = ThreadRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Starts the OCR thread (TypeScript, through tsx's loader) and gives a call-and-answer channel to it. */
async function startThread(log: (line: string) => void): Promise<{ call: (req: Request) => Promise<unknown>; stop: () => Promise<void> }> {
  const entry = new URL('./ocr-thread.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(entry)}));`, { eval: true });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1;
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  worker.on('message', (m: ThreadReply) => {
    if (m.id === 0) return ready();
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) p?.resolve(m.value);
    else p?.reject(new Error(m.error));
  });
  worker.on('error', (err) => log(`[ocr] worker thread failed: ${err.message}`));
  worker.on('exit', () => {
    for (const p of pending.values()) p.reject(new Error('the OCR thread stopped'));
    pending.clear();
  });
  await isReady;
  return {
    call: (req) =>
      new Promise((resolve, reject) => {
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
  };
}

export const ocrPlugin: EmbeddedPlugin = {
  name: 'OCR pipeline',
  async start(ctx) {
    const thread = await startThread(ctx.log);
    const concurrency = Math.max(1, Math.min(4, os.cpus().length));
    const queue: { event: unknown; delivery: number; label: string }[] = [];
    const inFlight = new Set<Promise<void>>();
    const timers = new Set<NodeJS.Timeout>();
    let stopping = false;

    const pump = () => {
      while (!stopping && inFlight.size < concurrency && queue.length) {
        const job = queue.shift()!;
        const p = thread
          .call({ type: 'event', event: job.event })
          .then(() => undefined)
          .catch((err: Error) => {
            if (job.delivery >= MAX_DELIVERIES || stopping) {
              ctx.log(`[ocr] giving up on ${job.label} after ${job.delivery} deliveries: ${err.message}`);
              return;
            }
            const t = setTimeout(() => {
              timers.delete(t);
              queue.push({ ...job, delivery: job.delivery + 1 });
              pump();
            }, RETRY_BASE_MS * 2 ** (job.delivery - 1));
            timers.add(t);
          })
          .finally(() => {
            inFlight.delete(p);
            pump();
          });
        inFlight.add(p);
      }
    };

    const onEvent = (event: S3Notification) => {
      const keys = (event.Records ?? []).map((r) => r.s3?.object?.key ?? '');
      if (!keys.some((k) => k.startsWith(SCAN_PREFIX))) return; // OCR output, quarantine, report files
      queue.push({ event, delivery: 1, label: keys.join(', ') });
      pump();
    };
    ctx.s3Events.on('event', onEvent);
    const onClock = (offset: number | null) => void thread.call({ type: 'clock', offset }).catch((err: Error) => ctx.log(`[ocr] could not move the thread's clock: ${err.message}`));
    ctx.clockChanges.on('offset', onClock);

    const resumed = thread
      .call({ type: 'resume' })
      .then((outcomes) => {
        if (Array.isArray(outcomes) && outcomes.length) ctx.log(`[ocr] resumed ${outcomes.length} interrupted upload(s)`);
      })
      .catch((err: Error) => ctx.log(`[ocr] could not resume interrupted uploads: ${err.message}`));

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
    };
  },
};
