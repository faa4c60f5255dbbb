/**
 * The error the OCR adapters throw when a file cannot be read at all (a retry cannot help).
 * It is the port's UnreadableDocumentError (shared/scans/ports/ocr-engine.ts), under the name the
 * scan pipeline has used so far.
 */
import { UnreadableDocumentError, isUnreadableDocumentError, type UnreadableKind } from '../../ports/ocr-engine';

export class UnreadableScanError extends UnreadableDocumentError {
  constructor(reason: string, options?: { cause?: unknown; kind?: UnreadableKind }) {
    super(reason, options);
  }
}

export const isUnreadableScanError = (err: unknown): err is UnreadableDocumentError => isUnreadableDocumentError(err);
