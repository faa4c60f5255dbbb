/** An OCR engine: every page of a scan (JPEG, PNG, TIFF, PDF) as text. */
import type { ReadText } from '../../services/scans/deps';

export interface OcrEngine {
  readonly name: string;
  /** Reads every page; throws UnreadableScanError when the file cannot be read at all. */
  read(bytes: Uint8Array): Promise<ReadText>;
  warmUp?(): Promise<void>;
  close?(): Promise<void>;
}
