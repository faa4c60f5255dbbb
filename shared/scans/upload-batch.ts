/**
 * The OCR worker's batch (functions/ocr-worker.ts). Cloud: SQS messages, each holding the
 * bucket's EventBridge "Object Created" event; a message whose upload failed transiently is
 * reported back (partial batch response). Embedded: s3rver's S3 notification `Records`, handed
 * over directly; a transient failure is thrown for the caller to retry. Each upload's outcome is
 * counted (OcrOutcome by `outcome`; `retry` when it is handed back).
 */
import type { S3Event, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../platform/observability/logger';
import { countBy, METRIC } from '../platform/observability/metrics';
import type { UploadNotice } from '../platform/files/blob-store';
import { isSqsEvent, noticesOf, noticesOfSqsBody } from '../platform/files/upload-events';
import type { ScanService } from './app/scan-service';

export async function processUploads(scans: ScanService, event: SQSEvent | S3Event): Promise<SQSBatchResponse | { processed: number }> {
  const process = async (notice: UploadNotice): Promise<void> => {
    try {
      const r = await scans.processUpload(notice);
      countBy(METRIC.ocrOutcome, 'outcome', r.outcome);
    } catch (err) {
      countBy(METRIC.ocrOutcome, 'outcome', 'retry');
      throw err;
    }
  };
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
