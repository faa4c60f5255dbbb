/**
 * The OCR worker. Cloud: SQS messages, each holding the bucket's EventBridge "Object Created"
 * event; a message whose upload failed transiently is reported back (partial batch response)
 * and delivered again, up to the queue's receive limit. Embedded: s3rver's S3 notification
 * `Records`, handed over directly; a transient failure is thrown for the caller to retry.
 * Both run the same pipeline (shared/scans/app/ocr-pipeline.ts).
 */
import type { Context, S3Event, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { services } from '../shared/composition';
import { useOcrEngine } from '../shared/composition-ocr';
import { logger } from '../shared/platform/observability/logger';
import { countBy, METRIC } from '../shared/platform/observability/metrics';
import type { UploadNotice } from '../shared/platform/files/blob-store';

/** Reads one upload, counting its outcome (OcrOutcome by `outcome`; `retry` when it is handed back). */
async function process(notice: UploadNotice): Promise<void> {
  try {
    const r = await services().scans.processUpload(notice);
    countBy(METRIC.ocrOutcome, 'outcome', r.outcome);
  } catch (err) {
    countBy(METRIC.ocrOutcome, 'outcome', 'retry');
    throw err;
  }
}
import { isSqsEvent, noticesOf, noticesOfSqsBody } from '../shared/platform/files/upload-events';

useOcrEngine();

export async function handler(event: SQSEvent | S3Event, context?: Context): Promise<SQSBatchResponse | { processed: number }> {
  if (context) logger.addContext(context);
  if (isSqsEvent(event)) {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        for (const notice of noticesOfSqsBody(record.body)) await process(notice);
      } catch (err) {
        logger.warn('OCR message will be delivered again', { messageId: record.messageId, error: (err as Error).message });
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  }
  const notices = noticesOf(event);
  for (const notice of notices) await process(notice);
  return { processed: notices.length };
}
