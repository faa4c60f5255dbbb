/**
 * The embedded OCR worker's thread: runs functions/ocr-worker.ts (the Lambda handler) for the
 * events the OCR plugin hands it. OCR's image work is synchronous JavaScript that would stall
 * the API for seconds on the main thread; here it stalls nobody. The thread composes the worker
 * with an embedded edge of its own, whose clock follows the office clock's offset by message.
 */
import { parentPort } from 'node:worker_threads';

export type ThreadRequest =
  /** takeOver: the delivery that held the job is known to be gone (the thread that ran it died). */
  | { id: number; type: 'event'; event: unknown; takeOver?: boolean }
  | { id: number; type: 'resume' }
  | { id: number; type: 'close' }
  | { id: number; type: 'clock'; offset: number | null };
export type ThreadReply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: string };

const { compose, ocrParts } = await import('../../functions/ocr-worker');
const edge = (await import('../edge')).createEmbeddedEdge();
const parts = ocrParts(edge);
const handler = compose(edge, parts);
const { noticesOf } = await import('../../shared/platform/files/upload-events');

async function run(req: ThreadRequest): Promise<unknown> {
  switch (req.type) {
    case 'event': {
      if (!req.takeOver) return handler(req.event as never);
      const outcomes = [];
      for (const notice of noticesOf(req.event as never)) outcomes.push(await parts.scans.processUpload(notice, { takeOver: true }));
      return outcomes;
    }
    case 'resume': {
      // Uploads the last stop interrupted: their jobs are taken over (the process that held them is gone).
      const notices = await parts.scans.unfinishedUploads();
      const outcomes = [];
      for (const notice of notices) outcomes.push(await parts.scans.processUpload(notice, { takeOver: true }).catch((err: Error) => ({ outcome: 'retry', detail: err.message })));
      return outcomes;
    }
    case 'close':
      return parts.reader().close?.();
    case 'clock': {
      // The office clock moved (tests): this thread's clock follows the main thread's.
      edge.clock.shift(req.offset);
      return null;
    }
  }
}

const warm = (() => {
  try {
    return parts.reader().warmUp?.() ?? Promise.resolve();
  } catch (err) {
    return Promise.reject(err);
  }
})();
warm.catch((err: Error) => console.error(`[ocr] the OCR engine is not available: ${err.message}`));

parentPort!.on('message', (req: ThreadRequest) => {
  run(req).then(
    (value) => parentPort!.postMessage({ id: req.id, ok: true, value: JSON.parse(JSON.stringify(value ?? null)) } satisfies ThreadReply),
    (err: unknown) => parentPort!.postMessage({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies ThreadReply),
  );
});
parentPort!.postMessage({ id: 0, ok: true, value: 'ready' } satisfies ThreadReply);
