/**
 * Embedded stand-in for S3 → EventBridge → SQS → OCR Lambda: s3rver's object events go to the
 * same handler (functions/ocr-worker.ts). Like the queue, it runs a few events at a time,
 * delivers an event again after a transient failure (with backoff, a bounded number of times),
 * and at start feeds back the uploads whose OCR the last stop interrupted.
 */
import os from 'node:os';
import type { EmbeddedPlugin } from '../plugins';
import { SCAN_PREFIX } from '../../shared/domain/scans/model';
import { MAX_OCR_ATTEMPTS, type ScanReader } from '../../shared/services/scans/deps';

/** Deliveries of one event before giving up (the queue's maxReceiveCount); the pipeline fails the scan first. */
const MAX_DELIVERIES = MAX_OCR_ATTEMPTS + 1;
const RETRY_BASE_MS = 500;

interface S3Notification {
  Records?: { s3?: { object?: { key?: string } } }[];
}

export const ocrPlugin: EmbeddedPlugin = {
  name: 'OCR pipeline',
  async start(ctx) {
    const { handler } = await import('../../functions/ocr-worker');
    const { services } = await import('../../shared/composition');
    const concurrency = Math.max(1, Math.min(4, os.cpus().length));
    const queue: { run: () => Promise<unknown>; delivery: number; label: string }[] = [];
    const inFlight = new Set<Promise<void>>();
    const timers = new Set<NodeJS.Timeout>();
    let stopping = false;

    const pump = () => {
      while (!stopping && inFlight.size < concurrency && queue.length) {
        const job = queue.shift()!;
        const p = job
          .run()
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
      queue.push({ run: () => handler(event as never), delivery: 1, label: keys.join(', ') });
      pump();
    };
    ctx.s3Events.on('event', onEvent);

    // Start the OCR workers now rather than on the first scan; then resume interrupted uploads.
    let reader: ScanReader | undefined;
    try {
      reader = services().ocr;
      void (reader.warmUp?.() ?? Promise.resolve()).catch((err: Error) => ctx.log(`[ocr] warm-up failed: ${err.message}`));
    } catch (err) {
      // The office still starts; each scan then fails with this reason after its retries.
      ctx.log(`[ocr] the OCR engine is not available: ${(err as Error).message}`);
    }
    void services()
      .scans.unfinishedUploads()
      .then((notices) => {
        for (const notice of notices) queue.push({ run: () => services().scans.processUpload(notice, { takeOver: true }), delivery: 1, label: notice.key });
        if (notices.length) ctx.log(`[ocr] resuming ${notices.length} unfinished upload(s)`);
        pump();
      })
      .catch((err: Error) => ctx.log(`[ocr] could not list unfinished uploads: ${err.message}`));

    return {
      stop: async () => {
        stopping = true;
        ctx.s3Events.off('event', onEvent);
        for (const t of timers) clearTimeout(t);
        await Promise.allSettled([...inFlight]);
        await reader?.close?.();
      },
    };
  },
};
