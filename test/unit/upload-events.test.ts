import { describe, expect, it } from 'vitest';
import { decodeNotificationKey, isSqsEvent, noticesOf, noticesOfSqsBody } from '../../shared/platform/files/upload-events';

const s3Record = (key: string, extra: Record<string, unknown> = {}) => ({
  eventSource: 'aws:s3',
  eventName: 'ObjectCreated:Put',
  s3: { bucket: { name: 'b' }, object: { key, size: 5, eTag: 'abc', sequencer: '01', ...extra } },
});

describe('upload events', () => {
  it('reads the EventBridge "Object Created" event in an SQS body', () => {
    const body = JSON.stringify({
      source: 'aws.s3',
      'detail-type': 'Object Created',
      detail: { bucket: { name: 'b' }, object: { key: 'scans/01ABC', size: 7, etag: 'e1', 'version-id': 'v1', sequencer: 's' } },
    });
    expect(noticesOfSqsBody(body)).toEqual([{ bucket: 'b', key: 'scans/01ABC', size: 7, etag: 'e1', versionId: 'v1', sequencer: 's' }]);
  });

  it('decodes a URL-encoded S3 notification key and leaves a raw one (s3rver) as it is', () => {
    expect(noticesOf({ Records: [s3Record('scans/a+b%2Bc')] })[0]!.key).toBe('scans/a b+c');
    expect(noticesOf({ Records: [s3Record('scans/01ABC')] })[0]!.key).toBe('scans/01ABC');
    expect(decodeNotificationKey('scans/%E0%A4%A')).toBe('scans/%E0%A4%A');
  });

  it('ignores what is not an object creation, S3 test events and bodies that are not JSON', () => {
    expect(noticesOf({ Records: [{ ...s3Record('scans/x'), eventName: 'ObjectRemoved:Delete' }] })).toEqual([]);
    expect(noticesOfSqsBody(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent' }))).toEqual([]);
    expect(noticesOfSqsBody('not json')).toEqual([]);
  });

  it('tells an SQS event from S3 records handed over directly', () => {
    expect(isSqsEvent({ Records: [{ eventSource: 'aws:sqs', body: '{}' }] })).toBe(true);
    expect(isSqsEvent({ Records: [s3Record('scans/x')] })).toBe(false);
  });
});
