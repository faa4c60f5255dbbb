/**
 * The OCR worker: reads each uploaded scan with the engine DAUMOI_OCR_ENGINE names (composed
 * here only, so tesseract.js, pdf.js and the canvas binding are in this bundle alone). Cloud: SQS
 * messages (partial batch response); embedded: s3rver's notifications, from the OCR thread
 * (local/plugins/ocr-thread.ts). Both run the same pipeline (shared/scans/upload-batch.ts).
 */
import type { S3Event, SQSEvent } from 'aws-lambda';
import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, registersOf, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { scansModule, type ScanReader, type ScanService } from '../shared/scans/index';
import { ocrReader } from '../shared/scans/ocr';
import { signatureVerifier } from '../shared/scans/signatures';
import { processUploads } from '../shared/scans/upload-batch';

/** The worker's parts: the scan service reading with the configured engine and verifying PDFs' signatures (the OCR thread also uses them directly). */
export function ocrParts(edge: Edge, given: Given = {}): { scans: ScanService; reader: () => ScanReader } {
  const { platform, audit } = basics(edge);
  const registers = registersOf(platform, audit, given);
  let engine: ScanReader | undefined;
  const reader = () => (engine ??= ocrReader(platform));
  const signatures = () => signatureVerifier(platform);
  return { scans: given.scans ?? scansModule(platform, { audit, registers, reader, signatures }).scans, reader };
}

export function compose(edge: Edge, parts: { scans: ScanService } = ocrParts(edge)) {
  return observed((event: SQSEvent | S3Event) => processUploads(parts.scans, event));
}

export const handler = lazyHandler(() => compose(cloudEdge()));
