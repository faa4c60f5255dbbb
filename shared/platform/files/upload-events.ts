/**
 * The upload notices inside the events that reach the OCR worker, whatever carried them:
 * - cloud: SQS messages whose body is the EventBridge "Object Created" event of the bucket
 *   (or, if the bucket is ever wired to SQS directly, an S3 notification with `Records`);
 * - embedded: s3rver's S3 notification `Records`, handed over as they are.
 * S3 notifications URL-encode the key (`+` for a blank); s3rver sends it raw. Both decode to
 * the same key, because daumoi's keys contain neither `%` nor `+`.
 */
import type { SQSRecord } from 'aws-lambda';
import type { UploadNotice } from './blob-store';

export type { UploadNotice };

interface S3NotificationRecord {
  eventSource?: string;
  eventName?: string;
  s3?: { bucket?: { name?: string }; object?: { key?: string; size?: number; eTag?: string; versionId?: string; sequencer?: string } };
}

interface EventBridgeS3Event {
  source?: string;
  'detail-type'?: string;
  detail?: { bucket?: { name?: string }; object?: { key?: string; size?: number; etag?: string; 'version-id'?: string; sequencer?: string } };
}

/** Decodes an S3 notification key: `+` is a blank, `%XX` an escaped byte; a malformed escape is kept as is. */
export function decodeNotificationKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

function fromS3Records(records: S3NotificationRecord[]): UploadNotice[] {
  return records
    .filter((r) => r.s3?.object?.key && (!r.eventName || r.eventName.startsWith('ObjectCreated')))
    .map((r) => ({
      bucket: r.s3!.bucket?.name ?? null,
      key: decodeNotificationKey(r.s3!.object!.key!),
      size: r.s3!.object!.size ?? null,
      etag: r.s3!.object!.eTag?.replace(/"/g, '') || null,
      versionId: r.s3!.object!.versionId || null,
      sequencer: r.s3!.object!.sequencer || null,
    }));
}

function fromEventBridge(e: EventBridgeS3Event): UploadNotice[] {
  const o = e.detail?.object;
  if (e.source !== 'aws.s3' || e['detail-type'] !== 'Object Created' || !o?.key) return [];
  return [
    {
      bucket: e.detail?.bucket?.name ?? null,
      key: o.key.includes('%') ? decodeNotificationKey(o.key) : o.key,
      size: o.size ?? null,
      etag: o.etag?.replace(/"/g, '') || null,
      versionId: o['version-id'] || null,
      sequencer: o.sequencer || null,
    },
  ];
}

/** The notices in one parsed message or event (EventBridge event, or S3 notification with Records). */
export function noticesOf(payload: unknown): UploadNotice[] {
  if (!payload || typeof payload !== 'object') return [];
  const p = payload as { Records?: unknown; detail?: unknown };
  if (Array.isArray(p.Records)) return fromS3Records(p.Records as S3NotificationRecord[]);
  if (p.detail) return fromEventBridge(payload as EventBridgeS3Event);
  return [];
}

/** True for an SQS event (as opposed to S3 notification records handed over directly). */
export function isSqsEvent(event: unknown): event is { Records: SQSRecord[] } {
  const records = (event as { Records?: { eventSource?: string }[] })?.Records;
  return Array.isArray(records) && records.length > 0 && records.every((r) => r.eventSource === 'aws:sqs');
}

/** The notices in an SQS message body; an unparsable body (or S3's test event) has none. */
export function noticesOfSqsBody(body: string): UploadNotice[] {
  try {
    return noticesOf(JSON.parse(body));
  } catch {
    return [];
  }
}
