/**
 * A scan as the OCR pipeline leaves it, without running OCR: made through the scan service as the
 * clerk would (POST /v1/scans), its file and OCR text put in the bucket, its job finished `done`
 * with the given fields. For the tests and the trust cases that need read scans quickly.
 */
import { DynamoScanStore } from '../../shared/scans/adapters/dynamo-scan-store';
import { documentClient } from '../../shared/platform/aws/dynamodb-client';
import { tableName } from '../../shared/platform/aws/tables';
import { officeParts } from './parts';
import type { Caller, Secrecy } from '../../shared/platform/security';

const field = (value: unknown, confidence = 0.95) => ({ value, confidence });
const CLERK: Caller = { sub: 'user-vanthu', username: 'vanthu', roles: ['van-thu'], clearance: 'mat' };

export interface ReadScanOptions {
  numberSymbol: string | null;
  subject: string;
  secrecy?: Secrecy | null;
  text: string;
  documentDate?: string;
  typeCode?: string;
}

export async function readScan(opts: ReadScanOptions, clerk: Caller = CLERK): Promise<string> {
  const store = new DynamoScanStore(documentClient(), tableName('Data'));
  const { scanId } = await officeParts().scans.createUpload({ fileName: 'cong-van.pdf', contentType: 'application/pdf', size: 17 }, clerk);
  await officeParts().blobs.put(`scans/${scanId}`, '%PDF-1.4 stand-in', 'application/pdf');
  const claim = await store.claimJob(scanId, `${scanId}#v1`, { now: new Date(), leaseMs: 60_000 });
  if (!claim.claimed) throw new Error(`readScan: could not claim ${scanId}`);
  const fields = {
    numberSymbol: field(opts.numberSymbol),
    typeCode: field(opts.typeCode ?? 'CT'),
    issuer: field('ĐẢNG ỦY PHƯỜNG PHÚ HỘI'),
    issuerCode: field('ĐU'),
    place: field('Huế'),
    documentDate: field(opts.documentDate ?? '2024-03-01'),
    subject: field(opts.subject),
    secrecy: field(opts.secrecy ?? null),
    urgency: field(null),
    signer: field('Nguyễn Văn An'),
    recipients: field(['Các chi bộ trực thuộc']),
  };
  const textKey = `ocr/${scanId}.json`;
  const now = new Date().toISOString();
  await officeParts().blobs.put(textKey, JSON.stringify({ scanId, jobKey: `${scanId}#v1`, engine: 'stand-in', pages: [{ page: 1, text: opts.text, confidence: 0.9 }], text: opts.text, createdAt: now }), 'application/json');
  await store.finishJob(
    claim.job,
    { status: 'done', upload: { etag: 'e', versionId: null, size: 17, detectedType: 'pdf', receivedAt: now }, pages: 1, textKey, fields: fields as never, lowConfidence: [], secrecy: opts.secrecy ?? null, urgency: null, engine: 'stand-in' },
    new Date(),
  );
  return scanId;
}
