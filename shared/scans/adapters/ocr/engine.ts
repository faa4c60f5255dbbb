/**
 * An OCR engine as the scan pipeline uses it: the port's `recognize` (pages with lines and
 * boxes) plus `read`, the text-only view the ScanReader hands on.
 */
import type { ReadText } from '../../app/deps';
import type { OcrEngine as OcrEnginePort, OcrResult } from '../../ports/ocr-engine';

export interface OcrEngine extends OcrEnginePort {
  readonly name: string;
  /** Reads every page; throws UnreadableScanError when the file cannot be read at all. */
  read(bytes: Uint8Array): Promise<ReadText>;
}

/** The text-only view of a recognition result. */
export function toReadText(r: OcrResult): ReadText {
  return { engine: r.engine, pages: r.pages.map((p) => ({ text: p.text, confidence: p.confidence })) };
}
